// "striking the tabular array and inserting the following tabular array in its place:" (the D.C.
// budget support acts on § 38-2904, each year): the unit's one table becomes the one quoted,
// rows and cells kept as the law writes them; none or two tables in the unit is an error.
#include <doctest/doctest.h>

#include <cmark.h>

#include <algorithm>
#include <cstdlib>

#include "dc_support.hpp"
#include "model/provision.hpp"

using namespace amend;
using test::apply_dc_xml;

namespace {

std::string table(const std::string& year, const std::string& k, const std::string& first) {
    return "<text>\n<table>\n<tbody>\n<tr>\n<td>Grade Level</td>\n<td>Weighting</td>\n<td>Per Pupil Allocation in FY " + year +
           "</td>\n</tr>\n<tr>\n<td>Kindergarten</td>\n<td>" + k + "</td>\n<td>" + first + "</td>\n</tr>\n</tbody>\n</table>\n</text>\n";
}

std::string section(int tables) {
    std::string s = "  <num>38-2904</num>\n  <heading>Weightings applied to counts of students.</heading>\n"
                    "  <text>The student counts shall be weighted in accordance with the following schedule:</text>\n";
    for (int i = 0; i < tables; ++i) s += table("2022", "1.30", "$15,249");
    return s;
}

std::string striking_table(const std::string& quoted) {
    return "    <section>\n      <num>4002</num>\n      <text>Section 105 (D.C. Official Code § 38-2904) is amended by striking the "
           "tabular array and inserting the following tabular array in its place:</text>\n      <include>\n" +
           quoted + "      </include>\n      <aftertext>.</aftertext>\n    </section>\n";
}

std::string cells(const Provision& block) {
    std::string out = block.text.text;
    out.erase(std::unique(out.begin(), out.end(), [](char a, char b) { return std::isspace(static_cast<unsigned char>(a)) &&
                                                                              std::isspace(static_cast<unsigned char>(b)); }),
              out.end());
    long tds = std::count_if(block.text.marks.begin(), block.text.marks.end(), [](const Markup& m) { return m.tag == "td"; });
    return out + "| " + std::to_string(tds) + " cells";
}

}  // namespace

TEST_CASE("tabular array: the unit's one table becomes the one quoted, cells and all") {
    ApplyResult r = apply_dc_xml("table", section(1), "D.C. Law 24-167", "38-2904", striking_table(table("2023", "1.30", "$16,145")));
    REQUIRE(r.report.ok());
    const Provision* s = sections_of(r.amended.root)[0];
    REQUIRE(s->children.size() == 1);
    CHECK(cells(s->children[0]) == "\nGrade Level\nWeighting\nPer Pupil Allocation in FY 2023\nKindergarten\n1.30\n$16,145\n| 6 cells");
    CHECK(s->text.text == "The student counts shall be weighted in accordance with the following schedule:");
    REQUIRE(r.report.applied.size() == 1);
    CHECK(r.report.applied[0].what == "replaced the tabular array of 38-2904");

    // The same table again: nothing changes, and a warning says so.
    ApplyResult same = apply_dc_xml("table-same", section(1), "D.C. Law 24-167", "38-2904", striking_table(table("2022", "1.30", "$15,249")));
    REQUIRE(same.report.ok());
    CHECK(same.report.changed_sections.empty());

    // No table, or two: which is struck is not said.
    for (int n : {0, 2}) {
        ApplyResult bad = apply_dc_xml("table-" + std::to_string(n), section(n), "D.C. Law 24-167", "38-2904",
                                       striking_table(table("2023", "1.30", "$16,145")));
        REQUIRE(bad.report.failures.size() == 1);
        CHECK(bad.report.failures[0].message == "expected one tabular array in 38-2904, found " + std::to_string(n) + ": which is struck is not said");
    }
    // The quotation's closing marks after the table, as the law writes them (D.C. Law 24-45 § 4002(d)): the table alone.
    ApplyResult marks = apply_dc_xml("table-marks", section(1), "D.C. Law 24-45", "38-2904",
                                     striking_table(table("2023", "1.30", "$16,145") + "<text>.\".</text>\n"));
    REQUIRE(marks.report.ok());
    CHECK(cells(sections_of(marks.amended.root)[0]->children[0]).find("FY 2023") != std::string::npos);
    // No table quoted, or words beside it.
    ApplyResult words = apply_dc_xml("table-words", section(1), "D.C. Law 24-167", "38-2904",
                                     striking_table(table("2023", "1.30", "$16,145") + "<text>Adult 0.89</text>\n"));
    REQUIRE(words.report.failures.size() == 1);
    CHECK(words.report.failures[0].message == "expected one tabular array quoted and nothing beside it, found 1 tabular array(s) and the words "
                                              "\"Adult 0.89\"");
    // Units quoted beside it, in a block of units only: their words would be lost.
    ApplyResult units = apply_dc_xml("table-units", section(1), "D.C. Law 24-167", "38-2904",
                                     striking_table(table("2023", "1.30", "$16,145") +
                                                    "<para>\n<para>\n<num>(1)</num>\n<text>Extra words here.</text>\n</para>\n</para>\n"));
    REQUIRE(units.report.failures.size() == 1);
    CHECK(units.report.failures[0].message == "expected one tabular array quoted and nothing beside it, found 1 tabular array(s) and the "
                                              "words \"(1) Extra words here.\"");
    ApplyResult none = apply_dc_xml("table-unquoted", section(1), "D.C. Law 24-167", "38-2904", striking_table("<text>Kindergarten 1.30</text>\n"));
    REQUIRE(none.report.failures.size() == 1);
    CHECK(none.report.failures[0].message == "expected one tabular array quoted and nothing beside it, found 0 tabular array(s) and the words "
                                             "\"Kindergarten 1.30\"");
}

TEST_CASE("tabular array: a phrase \"in the tabular array\" is found in the unit's table only") {
    // D.C. Law 24-323 § 4-681.03(c)(2): "Strike the phrase "Annual Deposit Amount" in the tabular array and insert ...".
    std::string sec = "  <num>38-2904</num>\n  <heading>Weightings.</heading>\n"
                      "  <text>Kindergarten students shall be weighted in accordance with the following schedule:</text>\n" +
                      table("2022", "1.30", "$15,249");
    auto striking = [](const std::string& find) {
        return "    <section>\n      <num>4002</num>\n      <text>Section 105 (D.C. Official Code § 38-2904) is amended by striking "
               "the phrase \"" + find + "\" in the tabular array and inserting the phrase \"Kindergarten (full day)\" in its "
               "place.</text>\n    </section>\n";
    };
    ApplyResult r = apply_dc_xml("table-phrase", sec, "D.C. Law 24-323", "38-2904", striking("Kindergarten"));
    REQUIRE(r.report.ok());
    const Provision* s = sections_of(r.amended.root)[0];
    CHECK(s->text.text == "Kindergarten students shall be weighted in accordance with the following schedule:");
    CHECK(cells(s->children[0]).find("\nKindergarten (full day)\n1.30\n") != std::string::npos);
    // Words only outside the table: not found there.
    ApplyResult outside = apply_dc_xml("table-phrase-outside", sec, "D.C. Law 24-323", "38-2904", striking("students shall"));
    REQUIRE(outside.report.failures.size() == 1);
    CHECK(outside.report.failures[0].message.rfind("\"students shall\" not found in the tabular array of 38-2904", 0) == 0);
    // A unit with no table: no words are missing from a table it does not hold.
    std::string bare = sec.substr(0, sec.find("<text>\n<table>"));
    ApplyResult none = apply_dc_xml("table-phrase-none", bare, "D.C. Law 24-323", "38-2904", striking("Kindergarten"));
    REQUIRE(none.report.failures.size() == 1);
    CHECK(none.report.failures[0].code == "amend.table");
    CHECK(none.report.failures[0].message == "expected the tabular array in 38-2904, which holds no tabular array in a text of its own");
}


TEST_CASE("tabular array named by its place: \"The second tabular array is amended to read as follows:\"") {
    // D.C. Law 25-217 § 4083(c)(2)(B)-(C) on § 4-410.02(b): "The first tabular array is amended to read as follows:".
    auto sec = [](int tables) {
        std::string s = "  <num>4-410.02</num>\n  <heading>Payments.</heading>\n  <para>\n    <num>(b)</num>\n"
                        "    <text>Facilities shall pay the salaries listed in Tables 1 and 2:</text>\n";
        for (int i = 0; i < tables; ++i) s += table(i ? "2024" : "2023", "1.30", "$15,249");
        return s + "  </para>\n";
    };
    auto restating = [](const std::string& which, const std::string& quoted) {
        return "    <section>\n      <num>4083</num>\n      <text>Section 11b (D.C. Official Code § 4-410.02) is amended as follows:</text>\n"
               "      <para>\n        <num>(2)</num>\n        <text>Subsection (b) is amended as follows:</text>\n        <para>\n"
               "          <num>(C)</num>\n          <text>The " + which + " tabular array is amended to read as follows:</text>\n"
               "          <include>\n" + quoted + "          </include>\n          <aftertext>.</aftertext>\n        </para>\n"
               "      </para>\n    </section>\n";
    };
    ApplyResult r = apply_dc_xml("table-second", sec(2), "D.C. Law 25-217", "4-410.02", restating("second", table("2025", "1.40", "$16,000")));
    REQUIRE(r.report.ok());
    const Provision& b = sections_of(r.amended.root)[0]->children[0];
    REQUIRE(b.children.size() == 2);
    CHECK(cells(b.children[0]).find("FY 2023\nKindergarten\n1.30\n$15,249") != std::string::npos);  // the first, as it was
    CHECK(cells(b.children[1]) == "\nGrade Level\nWeighting\nPer Pupil Allocation in FY 2025\nKindergarten\n1.40\n$16,000\n| 6 cells");
    REQUIRE(r.report.applied.size() == 1);
    CHECK(r.report.applied[0].what == "replaced the second tabular array of 4-410.02(b)");

    // One table only: there is no second; the first is that one.
    ApplyResult one = apply_dc_xml("table-second-of-one", sec(1), "D.C. Law 25-217", "4-410.02", restating("second", table("2025", "1.40", "$16,000")));
    REQUIRE(one.report.failures.size() == 1);
    CHECK(one.report.failures[0].message == "expected the second tabular array in 4-410.02(b), which holds 1 tabular array(s)");
    ApplyResult first = apply_dc_xml("table-first-of-one", sec(1), "D.C. Law 25-217", "4-410.02", restating("first", table("2025", "1.40", "$16,000")));
    REQUIRE(first.report.ok());
    CHECK(cells(sections_of(first.amended.root)[0]->children[0].children[0]).find("FY 2025") != std::string::npos);

    // Both tables restated, and the lead-in changed, by one law (as § 4083(c)(2)(A)-(C) does): each its own words, no
    // conflict. The same table restated twice is one.
    auto para = [](const std::string& num, const std::string& which, const std::string& quoted) {
        return "        <para>\n          <num>" + num + "</num>\n          <text>The " + which +
               " tabular array is amended to read as follows:</text>\n          <include>\n" + quoted +
               "          </include>\n          <aftertext>.</aftertext>\n        </para>\n";
    };
    auto both_ways = [&](const std::string& second_which) {
        return "    <section>\n      <num>4083</num>\n      <text>Section 11b (D.C. Official Code § 4-410.02) is amended as follows:</text>\n"
               "      <para>\n        <num>(2)</num>\n        <text>Subsection (b) is amended as follows:</text>\n        <para>\n"
               "          <num>(A)</num>\n          <text>The lead-in language is amended by striking the phrase \"Tables 1 and 2\" "
               "and inserting the phrase \"Table 1 and Table 2\" in its place.</text>\n        </para>\n" +
               para("(B)", "first", table("2025", "1.35", "$15,500")) + para("(C)", second_which, table("2025", "1.40", "$16,000")) +
               "      </para>\n    </section>\n";
    };
    ApplyResult two = apply_dc_xml("table-both", sec(2), "D.C. Law 25-217", "4-410.02", both_ways("second"));
    REQUIRE(two.report.ok());
    const Provision& b2 = sections_of(two.amended.root)[0]->children[0];
    CHECK(b2.text.text == "Facilities shall pay the salaries listed in Table 1 and Table 2:");
    REQUIRE(b2.children.size() == 2);
    CHECK(cells(b2.children[0]).find("FY 2025\nKindergarten\n1.35\n$15,500") != std::string::npos);
    CHECK(cells(b2.children[1]).find("FY 2025\nKindergarten\n1.40\n$16,000") != std::string::npos);
    ApplyResult twice = apply_dc_xml("table-twice", sec(2), "D.C. Law 25-217", "4-410.02", both_ways("first"));
    REQUIRE(twice.report.failures.size() == 1);
    CHECK(twice.report.failures[0].code == "amend.conflict");
    CHECK(twice.report.failures[0].message.find("both change the first tabular array of 4-410.02(b)") != std::string::npos);

    // "The tabular array" of a unit with two: which is not said.
    ApplyResult which = apply_dc_xml("table-which", sec(2), "D.C. Law 25-217", "4-410.02", restating("", table("2025", "1.40", "$16,000")));
    REQUIRE(which.report.failures.size() == 1);
    CHECK(which.report.failures[0].message == "expected one tabular array in 4-410.02(b), found 2: which is struck is not said");
}

TEST_CASE("tabular array: a text holding words beside its table is no table alone") {
    std::string mixed = "  <num>38-2904</num>\n  <heading>Weightings.</heading>\n  <text>The student counts shall be weighted:\n<table>\n<tbody>\n"
                        "<tr>\n<td>Kindergarten</td>\n<td>1.30</td>\n</tr>\n</tbody>\n</table>\n</text>\n";
    ApplyResult r = apply_dc_xml("table-mixed", mixed, "D.C. Law 24-167", "38-2904", striking_table(table("2023", "1.30", "$16,145")));
    REQUIRE(r.report.failures.size() == 1);
    CHECK(r.report.failures[0].message == "expected the tabular array of 38-2904 to stand in a text of its own, but words or another table "
                                          "stand beside it there: replacing the text would strike them");
    // Nor are words looked for "in the tabular array" there.
    std::string phrase = "    <section>\n      <num>4002</num>\n      <text>Section 105 (D.C. Official Code § 38-2904) is amended by "
                         "striking the phrase \"1.30\" in the tabular array and inserting the phrase \"1.35\" in its place.</text>\n"
                         "    </section>\n";
    ApplyResult words = apply_dc_xml("table-mixed-phrase", mixed, "D.C. Law 24-167", "38-2904", phrase);
    REQUIRE(words.report.failures.size() == 1);
    CHECK(words.report.failures[0].message == "expected the tabular array in 38-2904, which holds no tabular array in a text of its own");
}

namespace {

// The table block of a page: from its "<table" to its "</table>".
std::string table_block(const std::string& page, std::size_t from = 0) {
    std::size_t b = page.find("<table", from);
    std::size_t e = page.find("</table>", b);
    return b == std::string::npos || e == std::string::npos ? std::string() : page.substr(b, e + 8 - b);
}

}  // namespace

TEST_CASE("tabular array: the redline, side by side and consolidated text show a table as a table, cell by cell") {
    std::string dir = test::schedule_case("table-pages");
    test::Run run = test::amend("apply " + dir + "/before.xml --amendments " + dir + "/instruction.xml -o " + dir + "/out");
    REQUIRE(run.rc == 0);
    const std::string arrow = "<span class=\"sep\"> \xE2\x86\x92 </span>";
    const std::string redline =
        "<table class=\"law\">\n"
        "<tr class=\"modified\"><td>Grade Level</td><td>Weighting</td><td>Per Pupil Allocation in FY <del>2022</del>" + arrow +
        "<ins>2023</ins></td></tr>\n"
        "<tr class=\"modified\"><td>Kindergarten</td><td>1.30</td><td><del>$15,249</del>" + arrow + "<ins>$16,145</ins></td></tr>\n"
        "<tr class=\"inserted\"><td><ins>Grades 1-5 &amp; &lt;6&gt;</ins></td><td><ins>1.00</ins></td><td><ins>$12,419</ins></td></tr>\n"
        "<tr><td>Alternative program</td><td>1.52</td><td>$17,830</td></tr>\n"
        "<tr class=\"deleted\"><td><del>Adult</del></td><td><del>0.89</del></td><td><del>$10,440</del></td></tr>\n"
        "</table>";
    // The Markdown holds the table as one HTML block, which a CommonMark reader keeps as it is: the page's table.
    std::string md = test::slurp(dir + "/out/38-2904/redline.md");
    CHECK(table_block(md) == redline);
    char* via = cmark_markdown_to_html(md.c_str(), md.size(), CMARK_OPT_UNSAFE);
    CHECK(table_block(via) == redline);
    std::free(via);
    CHECK(table_block(test::slurp(dir + "/out/38-2904/redline.html")) == redline);
    // Side by side: each column its own side's rows.
    std::string sbs = test::slurp(dir + "/out/38-2904/side-by-side.html");
    std::string old_side = table_block(sbs), new_side = table_block(sbs, sbs.find("</table>") + 1);
    CHECK(old_side.find("<ins>") == std::string::npos);
    CHECK(old_side.find("Grades 1-5") == std::string::npos);
    CHECK(old_side.find("<tr class=\"deleted\"><td><del>Adult</del></td>") != std::string::npos);
    CHECK(new_side.find("<del>") == std::string::npos);
    CHECK(new_side.find("Adult") == std::string::npos);
    CHECK(new_side.find("<tr class=\"inserted\"><td><ins>Grades 1-5 &amp; &lt;6&gt;</ins></td>") != std::string::npos);
    // The terminal's diff: a line per row, each cell marked.
    test::Run text = test::amend("diff " + dir + "/before.xml " + dir + "/out/consolidated/38-2904.xml --format text");
    CHECK(text.rc == 1);  // they differ
    CHECK(text.out == "38-2904 Weightings applied to counts of students.\n"
                      "   The student counts shall be weighted in accordance with the following schedule:\n"
                      "   | Grade Level | Weighting | Per Pupil Allocation in FY [-2022-]{+2023+} |\n"
                      "   | Kindergarten | 1.30 | [-$15,249-]{+$16,145+} |\n"
                      "   | {+Grades 1-5 & <6>+} | {+1.00+} | {+$12,419+} |\n"
                      "   | Alternative program | 1.52 | $17,830 |\n"
                      "   | [-Adult-] | [-0.89-] | [-$10,440-] |\n");
    // The consolidated text: the new table, unmarked.
    CHECK(table_block(test::slurp(dir + "/out/38-2904/consolidated.md")) ==
          "<table class=\"law\">\n"
          "<tr><td>Grade Level</td><td>Weighting</td><td>Per Pupil Allocation in FY 2023</td></tr>\n"
          "<tr><td>Kindergarten</td><td>1.30</td><td>$16,145</td></tr>\n"
          "<tr><td>Grades 1-5 &amp; &lt;6&gt;</td><td>1.00</td><td>$12,419</td></tr>\n"
          "<tr><td>Alternative program</td><td>1.52</td><td>$17,830</td></tr>\n"
          "</table>");
}

TEST_CASE("tabular array: a table's rows and cells as the Code holds them; words outside every cell are no grid") {
    // § 51-103(c): "<th>TABLE II</th>" stands above the rows, in no row.
    auto text_of = [](const std::string& name, const std::string& table_xml) {
        std::string dir = test::dc_case(name, "  <num>51-103</num>\n  <heading>Contributions.</heading>\n" + table_xml, "D.C. Law 24-45",
                                        "51-103", "");
        amend::Document d = amend::load_code({dir + "/before.xml"});
        const Provision* s = sections_of(d.root).at(0);
        REQUIRE(s->children.empty());  // the section's own text
        return s->text;
    };
    RichText grid = text_of("table-rows", "<text>\n<table>\n<th>TABLE II</th>\n<tr>\n<td colspan=\"2\">0.6% if such reserve</td>\n</tr>\n"
                                          "<tr>\n<td>1.0%</td>\n<td>  of the   payroll</td>\n</tr>\n</table>\n</text>\n");
    std::vector<TableRow> rows = table_rows(grid);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == TableRow{TableCell{"TABLE II", 1, true}});
    CHECK(rows[1] == TableRow{TableCell{"0.6% if such reserve", 2, false}});
    CHECK(rows[2] == TableRow{TableCell{"1.0%", 1, false}, TableCell{"of the payroll", 1, false}});
    CHECK(shows_as_table(grid));
    // Written with no white space: an empty cell at its row's end is the row's, and a row of no cells is none.
    RichText compact = text_of("table-compact", "<text><table><tr><td>A</td><td></td></tr><tr></tr><tr><td>B</td><td>C</td></tr>"
                                                "<tr><td/><td/></tr></table></text>\n");
    CHECK(table_rows(compact) == std::vector<TableRow>{{TableCell{"A"}, TableCell{""}}, {TableCell{"B"}, TableCell{"C"}},
                                                        {TableCell{""}, TableCell{""}}});
    // Words in the table but in no cell: shown as the text they are, not as a grid that would drop them.
    RichText loose = text_of("table-loose", "<text>\n<table>\n<tr>\n<td>1.0%</td>\n</tr>\nSee note.\n</table>\n</text>\n");
    CHECK(loose.only_table());
    CHECK(table_rows(loose).empty());
    CHECK_FALSE(shows_as_table(loose));
}
