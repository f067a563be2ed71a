// The D.C. codifier's conventions for a law's words put into the Code (amend/codify), each with
// the exact result the codifier published in the D.C. dev cases it was measured on.
#include <doctest/doctest.h>

#include "amend/apply.hpp"
#include "amend/codify.hpp"
#include "parse/load.hpp"
#include "support.hpp"

using namespace amend;

namespace {

Provision para(const std::string& designation, const std::string& text = "", std::vector<Provision> children = {}) {
    Provision p;
    p.kind = Kind::Subparagraph;
    p.designation = designation;
    p.text.text = text;
    p.children = std::move(children);
    return p;
}

std::vector<std::string> designations(const Provision& p) {
    std::vector<std::string> out;
    for (const auto& c : p.children) out.push_back(c.designation);
    return out;
}

}  // namespace

TEST_CASE("codify: a law section's Code number is counted from the law section codified here") {
    CHECK(code_section_of({"204", "4-281.04"}, "205") == "4-281.05");
    CHECK(code_section_of({"205", "4-281.05"}, "204") == "4-281.04");
    CHECK(code_section_of({"4196", "38-2255"}, "4193") == "38-2252");
    CHECK(code_section_of({"106", "42-1625"}, "103") == "42-1622");
    CHECK(code_section_of({"1023", "10-551.02"}, "1028f") == "10-551.07f");
    CHECK(code_section_of({"2a", "50-921.01a"}, "3") == "50-921.02");
    CHECK(code_section_of({"2", "7-751.01"}, "10") == "7-751.09");
    // Another block of the law's numbering (title III after title II), or before the first section.
    CHECK(code_section_of({"204", "4-281.04"}, "301") == "");
    CHECK(code_section_of({"2", "7-751.01"}, "1") == "");
    CHECK(code_section_of({"2a", "50-921.01"}, "3") == "");
    CHECK(code_section_of({}, "3") == "");
}

TEST_CASE("codify: the law's own sections become Code cites in a law section codified as a Code section") {
    LawAnchor a{"108", "42-1627"};
    CHECK(dc_codify("as described under sections 103 and 104.", a) == "as described under §§ 42-1622 and 42-1623.");
    CHECK(dc_codify("a hearing as provided under section 105(a)(2);", a) == "a hearing as provided under § 42-1624(a)(2);");
    CHECK(dc_codify("under sections 103, 104, or 105", a) == "under §§ 42-1622, 42-1623, or 42-1624");
    // Another law's section, one with its Code cite (converted the usual way), a subsection.
    CHECK(dc_codify("section 217 of the Clean and Affordable Energy Act of 2008", a) == "section 217 of the Clean and Affordable Energy Act of 2008");
    CHECK(dc_codify("sections 103 and 104 of the Zoning Act", a) == "sections 103 and 104 of the Zoning Act");
    CHECK(dc_codify("under section 7 (D.C. Official Code § 4-681.06).", a) == "under § 4-681.06.");
    CHECK(dc_codify("subsection 103(a) of this section", a) == "subsection 103(a) of this section");
    // Without a law section codified here, "section 3" stays as the law wrote it.
    CHECK(dc_codify("pursuant to section 3(e)") == "pursuant to section 3(e)");
}

TEST_CASE("codify: a designation out of sequence is corrected in brackets") {
    // D.C. Law 24-287 § 203(d)(2): (A), (B), (C), (C) → the last is published "[(D)]".
    Provision p = para("(2)", "To remain eligible:", {para("(A)"), para("(B)"), para("(C)"), para("(C)")});
    dc_codify(p);
    CHECK(designations(p) == std::vector<std::string>{"(A)", "(B)", "(C)", "[(D)]"});
    // D.C. Law 25-99 (13A)(A): (I), (ii), (iii) → "[(i)]".
    Provision q = para("(A)", "\"Surgery\" means:", {para("(I)"), para("(ii)"), para("(iii)")});
    dc_codify(q);
    CHECK(designations(q) == std::vector<std::string>{"[(i)]", "(ii)", "(iii)"});
    // Sequences the codifier leaves alone.
    Provision r = para("(b)", "", {para("(1)"), para("(1A)"), para("(2)"), para("(i)"), para("(j)")});
    dc_codify(r);
    CHECK(designations(r) == std::vector<std::string>{"(1)", "(1A)", "(2)", "(i)", "(j)"});
}

TEST_CASE("codify: a law section codified as a Code section names the Code's unit for the law's") {
    Provision s;
    s.kind = Kind::Section;
    s.designation = "42-1629";
    s.text.text = "This title modifies the Electronic Signatures in Global and National Commerce Act; see this act and this subtitle.";
    dc_codify_law_section(s, {"110", "42-1629"});
    CHECK(s.text.text == "This chapter modifies the Electronic Signatures in Global and National Commerce Act; see this chapter and this subchapter.");
}

TEST_CASE("codify: a law named by its long title is cited by its Code cite unless a comma breaks the title") {
    // D.C. Law 25-175 (§ 22-3212) is published with the cite; D.C. Law 24-341 (§ 4-506), whose long
    // title holds "functions, and for other purposes", as the law wrote it.
    std::string broken = "as described in section 3c of An Act To establish a Board of Indeterminate Sentence and Parole for the "
                         "District of Columbia and to determine its functions, and for other purposes, effective April 4, 2017 "
                         "(D.C. Law 21-238; D.C. Official Code § 24-403.03); or";
    CHECK(dc_codify(broken) == broken);
    CHECK(dc_codify("robbery under section 810 of An Act To establish a code of law for the District of Columbia, approved March 3, "
                    "1901 (31 Stat. 1322; D.C. Official Code § 22-2801), and arson") == "robbery under § 22-2801, and arson");
}

namespace {

// Applies a D.C. law provision (instruction XML, as the dev cases hold it) to one Code section and
// returns the text of the section's paragraph (a).
std::string apply_dc(const std::string& name, const std::string& code_text, const std::string& provision) {
    std::string dir = test::scratch("codify-" + name);
    test::spit(dir + "/before.xml",
               "<?xml version='1.0' encoding='utf-8'?>\n<section xmlns=\"https://code.dccouncil.us/schemas/dc-library\">\n"
               "  <num>7-2509.02</num>\n  <heading>Application.</heading>\n  <para>\n    <num>(a)</num>\n    <text>" +
                   code_text + "</text>\n  </para>\n</section>\n");
    test::spit(dir + "/instruction.xml",
               "<?xml version='1.0' encoding='utf-8'?>\n<instruction xmlns=\"https://code.dccouncil.us/schemas/dc-library\" "
               "law=\"D.C. Law 25-199\" target=\"§7-2509.02\">\n  <part n=\"1\">\n    <para>\n      <num>(b)</num>\n      <text>" +
                   provision + "</text>\n    </para>\n  </part>\n</instruction>\n");
    Document before = load_code({dir + "/before.xml"});
    ApplyResult r = apply_file(before, dir + "/instruction.xml", ApplyOptions2{});
    if (!r.report.ok()) return "FAIL " + r.report.failures[0].message;
    return sections_of(r.amended.root)[0]->children[0].text.text;
}

}  // namespace

TEST_CASE("codify: a phrase quoting the law's own section is found where the Code cites it, and so is inserted") {
    // D.C. Law 25-199 § 3(b): the Code reads "§ 7-2509.08" (with a thin space) where the law reads "section 908".
    std::string code = "Any person may appeal to the Concealed Pistol Licensing Review Board established pursuant to "
                       "<cite path=\"§7-2509.08\">§\u2009 7-2509.08</cite>.";
    CHECK(apply_dc("own", code,
                   "Section 902(a) (D.C. Official Code § 7-2509.02(a)) is amended by striking the phrase \"Concealed Pistol "
                   "Licensing Review Board established pursuant to section 908\" and inserting the phrase \"Office of "
                   "Administrative Hearings pursuant to section 908\" in its place.") ==
          "Any person may appeal to the Office of Administrative Hearings pursuant to § 7-2509.08.");
    // The reference by the law's name, as the law quotes it and as it inserts it.
    CHECK(apply_dc("named", code,
                   "Section 902(a) (D.C. Official Code § 7-2509.02(a)) is amended by striking the phrase \"Review Board "
                   "established pursuant to section 908 of the Firearms Control Regulations Act of 1975, passed on 2nd reading on "
                   "December 17, 2014 (Enrolled version of Bill 20-930)\" and inserting the phrase \"Office of Administrative "
                   "Hearings pursuant to section 908 of the Firearms Control Regulations Act of 1975, effective June 16, 2015 "
                   "(D.C. Law 20-279; 62 DCR 1944)\" in its place.") ==
          "Any person may appeal to the Concealed Pistol Licensing Office of Administrative Hearings pursuant to § 7-2509.08.");
    // A phrase that is not there with any cite stays a failure.
    CHECK(apply_dc("absent", code,
                   "Section 902(a) (D.C. Official Code § 7-2509.02(a)) is amended by striking the phrase \"Hearing Board "
                   "established pursuant to section 908\" and inserting the phrase \"Office\" in its place.") ==
          "FAIL \"Hearing Board established pursuant to section 908\" not found in 7-2509.02(a)");
}

namespace {

LawAnchor in_section(const std::string& section) {
    LawAnchor a;
    a.index = &CodeIndex::dc();
    a.section = section;
    return a;
}

}  // namespace

TEST_CASE("codify: with the Code's index, the law's own sections are the Code sections its History names") {
    // D.C. Law 24-51 § 2(f) (§ 50-2003): the act's section 3 is § 50-2002 (D.C. Law 5-46 §§ 3, 4);
    // counting from section 5 = § 50-2003 would say § 50-2001.
    CHECK(dc_codify("A certificate of completion issued pursuant to section 3(e) shall qualify", in_section("50-2003")) ==
          "A certificate of completion issued pursuant to § 50-2002(e) shall qualify");
    // D.C. Law 24-347 § 2(j) (§ 7-2508.01): "section" before a list cites each one.
    CHECK(dc_codify("A conviction for violating section 201, 401, 501, 601, or 906, or an attempt", in_section("7-2508.01")) ==
          "A conviction for violating § 7-2502.01, § 7-2504.01, § 7-2505.01, § 7-2506.01, or § 7-2509.06, or an attempt");
    // D.C. Law 25-139 § 2(a) (§ 10-551.02): a section the law added later, "1028f".
    CHECK(dc_codify("outlined in section 1028f;", in_section("10-551.02")) == "outlined in § 10-551.07f;");
    // A section the index does not hold, another law's section, a section outside the Code.
    CHECK(dc_codify("pursuant to section 99;", in_section("50-2003")) == "pursuant to section 99;");
    CHECK(dc_codify("section 3 of the Zoning Act", in_section("50-2003")) == "section 3 of the Zoning Act");
    CHECK(dc_codify("pursuant to section 3(e)", in_section("99-9999")) == "pursuant to section 3(e)");
}

TEST_CASE("codify: with the Code's index, a whole law cited by its Code cite is the unit that holds it") {
    // D.C. Law 24-241 (§ 5-1412): the unit opening with § 2-531 whose sections the law enacted.
    CHECK(dc_codify("Shall be a public record under the Freedom of Information Act of 1976, effective March 29, 1977 (D.C. Law "
                    "1-96; D.C. Official Code § 2-531 et seq.), only as to the following information:",
                    in_section("5-1412")) == "Shall be a public record under subchapter II of Chapter 5 of Title 2, only as to the following information:");
    // D.C. Law 24-151 (§ 6-501): "Title I of" the law is the smallest such unit, subchapter I, not
    // Chapter 5, which the law's titles I and II fill.
    CHECK(dc_codify("The Mayor, pursuant to Title I of the District of Columbia Administrative Procedure Act, approved October 21, "
                    "1968 (82 Stat. 1204; D.C. Official Code § 2-501 et seq.), may issue rules",
                    in_section("6-501")) == "The Mayor, pursuant to subchapter I of Chapter 5 of Title 2, may issue rules");
    // D.C. Law 24-287 (§ 4-281.07): a unit of the same title is named from the title.
    CHECK(dc_codify("for purposes of the District of Columbia Public Assistance Act of 1982, effective April 6, 1982 (D.C. Law 4-101; "
                    "D.C. Official Code § 4-201.01 et seq.).",
                    in_section("4-281.07")) == "for purposes of Chapter 2 of this title.");
    // D.C. Law 25-201 § 2 (§ 6-641.12): a law named by its long title, in the unit that holds the section.
    CHECK(dc_codify("include the Zoning Commission. The term \"Zoning Act\" means An Act Providing for the zoning of the District of "
                    "Columbia and the regulation of the location, height, bulk, and uses of buildings and other structures and of "
                    "the uses of land in the District of Columbia, and for other purposes, approved June 20, 1938 (52 Stat. 797; "
                    "D.C. Official Code § 6-641.01, et seq.).",
                    in_section("6-641.12")) == "include the Zoning Commission. The term \"Zoning Act\" means this subchapter.");
    // D.C. Law 24-167 (§ 4-1801): the Human Rights Act is Unit A of Chapter 14 (Chapter 14 holds
    // other laws too).
    CHECK(dc_codify("under the Human Rights Act of 1977, effective December 13, 1977 (D.C. Law 2-38; D.C. Official Code § "
                    "2-1401.01 et seq.), or",
                    in_section("4-1801")) == "under Unit A of Chapter 14 of Title 2, or");
    // A cite the index does not know: left as written.
    std::string unknown = "under the Example Act of 2030, effective January 1, 2031 (D.C. Law 28-1; D.C. Official Code § 99-101 et seq.).";
    CHECK(dc_codify(unknown, in_section("5-1412")) == unknown);
}

TEST_CASE("codify: with the Code's index, \"this act\" and a law's \"this title\" are the Code's units") {
    // D.C. Law 25-109 (§ 3-1204.01): the Health Occupations Revision Act fills Chapter 12 of Title 3.
    CHECK(dc_codify("the qualifications required by this act.", in_section("3-1204.01")) == "the qualifications required by this chapter.");
    // D.C. Law 24-295 (§ 2-1402.23): the Human Rights Act fills Unit A of Chapter 14, not the chapter.
    CHECK(dc_codify("prohibited by this act.", in_section("2-1402.23")) == "prohibited by this unit.");
    // D.C. Law 25-191 (§ 3-1205.12): "this title" of the act (sections 5xx) is a subchapter.
    CHECK(dc_codify("issued under this title prior to", in_section("3-1205.12")) == "issued under this subchapter prior to");
    // "this title" of a law not numbered by titles is the Code's own title: left alone.
    CHECK(dc_codify("issued under this title prior to", in_section("50-2003")) == "issued under this title prior to");
}

TEST_CASE("codify: the Code's index reads from and writes to its lines, and names what is wrong") {
    CodeIndex ix = CodeIndex::from_tsv("U\tTitle\t1\t-1\nU\tChapter\t2\t0\nS\t1-201\t1\tD.C. Law 5-1\t3,4\nS\t1-202\t1\tD.C. Law 5-1\t5\n", "x.tsv");
    CHECK(ix.code_section_of("D.C. Law 5-1", "4") == "1-201");
    CHECK(ix.code_section_of("D.C. Law 5-1", "6") == "");
    CHECK(ix.unit_of_law_at("1-201", false) == 1);
    CHECK(ix.name_from(1, "1-202") == "this chapter");
    CHECK(ix.to_tsv() == "U\tTitle\t1\t-1\nU\tChapter\t2\t0\nS\t1-201\t1\tD.C. Law 5-1\t3,4\nS\t1-202\t1\tD.C. Law 5-1\t5\n");
    auto error_of = [](const std::string& tsv) {
        try {
            CodeIndex::from_tsv(tsv, "x.tsv");
        } catch (const InputError& e) {
            return format_headline(e.diagnostics()[0]);
        }
        return std::string("(no error)");
    };
    CHECK(error_of("U\tTitle\t1\t-1\nS\t1-1\t7\tlaw\t\n") == "x.tsv:2:1: error: expected a unit number below 1 [index.line]");
    CHECK(error_of("X\n") ==
          "x.tsv:1:1: error: expected \"U<tab>prefix<tab>num<tab>parent\" or \"S<tab>section<tab>unit<tab>law<tab>law sections\" [index.line]");
    CHECK(error_of("U\tChapter\t1\t0\n") == "x.tsv:1:1: error: expected a unit number below 0 [index.line]");
}
