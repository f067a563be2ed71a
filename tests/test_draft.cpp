// amend draft: the amending ordinance. Golden folders tests/golden-draft/<case>/ hold the code
// (code.txt, or code.path naming a file or folder of the repository), the amendments
// (amendments.md or amendments.path) and the expected ordinances: ordinance.md (Chicago),
// ordinance.txt (Chicago, text), ordinance-philadelphia.md and ordinance-philadelphia.txt.
// AMEND_REGENERATE=1 rewrites them; read them before committing.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>

#include "pipeline/documents.hpp"
#include "amend/apply.hpp"
#include "draft/draft.hpp"
#include "pipeline/inputs.hpp"
#include "parse/text_layout.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace amend;

namespace {

std::string input(const fs::path& dir, const std::string& name, const std::string& ext) {
    if (fs::exists(dir / (name + ext))) return (dir / (name + ext)).string();
    std::string rel = test::slurp((dir / (name + ".path")).string());
    while (!rel.empty() && (rel.back() == '\n' || rel.back() == ' ')) rel.pop_back();
    return test::source(rel);
}

std::string golden(const std::string& c) { return test::source("tests/golden-draft/" + c); }

struct Case {
    Document code;
    std::string amendments;
};

Case load_case(const std::string& name) {
    fs::path dir = golden(name);
    return {load_code({input(dir, "code", ".txt")}), input(dir, "amendments", ".md")};
}

std::string drafted(const Case& c, const draft::Style& st, draft::OrdinanceFormat f) {
    auto d = draft::draft_file(c.code, c.amendments, st, f);
    REQUIRE(d.report.ok());
    return d.bytes;
}

// Every section of a tree in the plain-text layout, by number.
std::map<std::string, std::string> consolidated(const Document& d) {
    std::map<std::string, std::string> out;
    for (const Provision* s : sections_of(d.root)) out[s->designation] = write_text_provision(*s, 0);
    return out;
}

// Drafts the ordinance for `amendments` (Chicago's form unless `style` says), reads it back as an
// amendment and applies it: the consolidated text must be the one the amendments themselves give.
// Returns "" or what went wrong.
std::string round_trip(const Document& code, const std::string& amendments, const std::string& scratch_file,
                       const draft::Style& style = draft::chicago_style()) {
    ApplyResult want = apply_file(code, amendments, ApplySettings{});
    auto d = draft::draft_file(code, amendments, style, draft::OrdinanceFormat::Markdown);
    if (!d.report.ok()) return "drafting failed: " + d.report.failures[0].message;
    test::spit(scratch_file, d.bytes);
    try {
        ApplyResult got = apply_file(code, scratch_file, ApplySettings{});
        if (!got.report.ok()) return "reading back failed: " + got.report.failures[0].message;
        if (consolidated(got.amended) != consolidated(want.amended)) return "reading back gives another text";
    } catch (const std::exception& e) {
        return std::string("reading back failed: ") + e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("draft: golden ordinances, Chicago and Philadelphia, Markdown and text") {
    bool regen = std::getenv("AMEND_REGENERATE") && std::string(std::getenv("AMEND_REGENERATE")) == "1";
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(golden("")))
        if (e.is_directory()) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"elision-c2", "welcoming-city"});
    for (const auto& name : names) {
        CAPTURE(name);
        Case c = load_case(name);
        std::pair<std::string, std::string> outs[] = {
            {"ordinance.md", drafted(c, draft::chicago_style(), draft::OrdinanceFormat::Markdown)},
            {"ordinance.txt", drafted(c, draft::chicago_style(), draft::OrdinanceFormat::Text)},
            {"ordinance-philadelphia.md", drafted(c, draft::philadelphia_style(), draft::OrdinanceFormat::Markdown)},
            {"ordinance-philadelphia.txt", drafted(c, draft::philadelphia_style(), draft::OrdinanceFormat::Text)}};
        for (const auto& [file, got] : outs) {
            CAPTURE(file);
            std::string path = golden(name + "/" + file);
            if (regen) test::spit(path, got);
            CHECK(got == test::slurp(path));
        }
    }
}

TEST_CASE("draft: a section amended only in (c)(2): Chicago keeps (c)(1) and (c)(3), Philadelphia elides them") {
    Case c = load_case("elision-c2");
    std::string chi = drafted(c, draft::chicago_style(), draft::OrdinanceFormat::Markdown);
    // (a) and (b) are one run: one elision line; (c)(3)'s subparagraphs are another.
    CHECK(chi.find("> 9-99-010 Sidewalk cafe permits.\n> \n> (Omitted text is unaffected by this ordinance)\n> \n> (c) A permittee shall:\n"
                   "> \n> (1) keep a clear path") != std::string::npos);
    CHECK(chi.find("> (2) close the sidewalk cafe no later than <del>11:00 p.m.</del><ins>midnight</ins> each day; and\n> \n"
                   "> (3) at the end of each day:\n> \n> (Omitted text is unaffected by this ordinance)\n") != std::string::npos);
    CHECK(chi.find("(a)") == std::string::npos);
    CHECK(chi.find("(b)") == std::string::npos);
    CHECK(chi.find("(A)") == std::string::npos);
    std::string phl = drafted(c, draft::philadelphia_style(), draft::OrdinanceFormat::Markdown);
    CHECK(phl.find("> § 9-99-010 Sidewalk cafe permits.\n> \n> \\* \\* \\*\n> \n> (c) A permittee shall:\n> \n> \\* \\* \\*\n> \n"
                   "> (2) close the sidewalk cafe no later than \\[<del>11:00 p.m.</del>\\]<ins>midnight</ins> each day; and\n> \n"
                   "> \\* \\* \\*\n\n") != std::string::npos);
    CHECK(phl.find("(1) keep") == std::string::npos);
    CHECK(phl.find("Explanation: Matter that is in brackets is deleted; matter underscored is new.") != std::string::npos);
}

TEST_CASE("draft: the conventions are data: a new jurisdiction is a new table") {
    draft::Style s = draft::chicago_style();
    s.name = "springfield";
    s.code_name = "Springfield Municipal Code";
    s.enacting_clause = "BE IT ORDAINED BY THE CITY COUNCIL OF SPRINGFIELD:";
    s.amend_clause = "Section {section} of the {code} is amended as follows:";
    s.effective_clause = "This ordinance takes effect in 30 days.";
    s.elision = "...";
    s.deleted = {"", "<<", ">>", "<<", ">>"};
    s.keep_siblings_from_depth = 0;
    Case c = load_case("elision-c2");
    std::string t = drafted(c, s, draft::OrdinanceFormat::Text);
    CHECK(t == "Sidewalk cafe hours\n\n"
               "WHEREAS, sidewalk cafes add to the life of the City's neighborhoods on summer evenings; now, therefore,\n\n"
               "BE IT ORDAINED BY THE CITY COUNCIL OF SPRINGFIELD:\n\n"
               "SECTION 1. Section 9-99-010 of the Springfield Municipal Code is amended as follows:\n\n"
               "   9-99-010 Sidewalk cafe permits.\n"
               "      ...\n"
               "      (c) A permittee shall:\n"
               "         ...\n"
               "         (2) close the sidewalk cafe no later than <<11:00 p.m.>>{+midnight+} each day; and\n"
               "         ...\n\n"
               "SECTION 2. This ordinance takes effect in 30 days.\n");
}

TEST_CASE("draft: a repealed section, code order and the HTML page") {
    std::string dir = test::scratch("draft-repeal");
    test::spit(dir + "/repeal.md", "# Repeal\n\n1. Section 2-173-030 of the Municipal Code of Chicago is repealed.\n"
                                   "2. In Section 2-57-010, strike \"threats of violence\" and insert \"threats of force\".\n");
    Document code = load_code({test::source("corpus/chicago")});
    auto d = draft::draft_file(code, dir + "/repeal.md", draft::chicago_style(), draft::OrdinanceFormat::Markdown);
    REQUIRE(d.report.ok());
    // 2-57-010 comes before 2-173-030 in the Code, whatever the order of the files and instructions.
    auto s57 = d.bytes.find("SECTION 1. Section 2-57-010 of the Municipal Code of Chicago is hereby amended");
    auto s173 = d.bytes.find("SECTION 2. Section 2-173-030 of the Municipal Code of Chicago is hereby repealed in its entirety.\n");
    CHECK(s57 != std::string::npos);
    CHECK(s173 != std::string::npos);
    CHECK(d.bytes.find("SECTION 3. This ordinance shall take effect upon its passage and publication.\n") != std::string::npos);

    auto h = draft::draft_file(code, dir + "/repeal.md", draft::chicago_style(), draft::OrdinanceFormat::Html);
    REQUIRE(h.report.ok());
    CHECK(h.bytes.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(h.bytes.find("<meta name=\"viewport\"") != std::string::npos);
    CHECK(h.bytes.find("@media print") != std::string::npos);
    CHECK(h.bytes.find("<script") == std::string::npos);
    CHECK(h.bytes.find("threats of <del>violence</del><ins>force</ins>") != std::string::npos);
    CHECK(h.bytes.find("ins{text-decoration:underline") != std::string::npos);
    CHECK(h.bytes.find("del{text-decoration:line-through") != std::string::npos);
}

TEST_CASE("draft: the command writes the file atomically; a failing instruction writes nothing") {
    std::string dir = test::scratch("draft-cli");
    auto r = test::amend("draft " + test::source("corpus/chicago") + " --amendments " +
                         test::source("amendments/welcoming-city-2016.md") + " -o " + dir + "/ordinance.md");
    CHECK(r.rc == 0);
    CHECK(r.out.empty());
    CHECK(test::slurp(dir + "/ordinance.md") == test::slurp(golden("welcoming-city/ordinance.md")));
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir)) left.push_back(e.path().filename().string());
    CHECK(left == std::vector<std::string>{"ordinance.md"});

    test::spit(dir + "/bad.md", "# Bad\n\n1. In Section 2-173-042(c)(9), strike \"felony\" and insert \"crime\".\n");
    auto bad = test::amend("draft " + test::source("corpus/chicago") + " --amendments " + dir + "/bad.md -o " + dir + "/bad-out.md");
    CHECK(bad.rc == 2);
    CHECK(!fs::exists(dir + "/bad-out.md"));
    CHECK(bad.err.find("bad.md:3:1: error: no provision 2-173-042(c)(9)") != std::string::npos);
    CHECK(bad.err.find("nothing was written") != std::string::npos);

    auto html = test::amend("draft " + test::source("corpus/chicago") + " --amendments " +
                            test::source("amendments/welcoming-city-2016.md") + " --style philadelphia --format html");
    CHECK(html.rc == 0);
    CHECK(html.out.find("THE COUNCIL OF THE CITY OF PHILADELPHIA HEREBY ORDAINS:") != std::string::npos);
}

TEST_CASE("draft: the law's \"~~\" and \"++\" are written as characters, never marks, and the ordinance reads back") {
    std::string dir = test::scratch("draft-marks-in-law");
    test::spit(dir + "/code/2-1-010.txt", "2-1-010 Fees.\n   (b)   Fees are ~~struck~~ for C++ and ++ins++ work.\n");
    test::spit(dir + "/a.md", "# Fees\n\n1. In Section 2-1-010(b), strike \"are\" and insert \"is\".\n");
    Document code = load_code({dir + "/code"});
    CHECK(round_trip(code, dir + "/a.md", dir + "/ordinance.md") == "");
    std::string md = test::slurp(dir + "/ordinance.md");
    CHECK(md.find("> (b) Fees <del>are</del><ins>is</ins> &#126;&#126;struck&#126;&#126; for C&#43;&#43; and &#43;&#43;ins&#43;&#43; work.") !=
          std::string::npos);
}

TEST_CASE("draft: an instruction naming a section not in the code given is no part of any ordinance drafted") {
    // `draft` refuses (an ordinance without it is not the proposal); `apply` writes its pages and
    // report, but no ordinance, and says why.
    std::string dir = test::scratch("draft-not-given");
    test::spit(dir + "/ng.md", "# Two sections\n\n1. In Section 2-173-042(a)(1), strike \"arrest, detain\" and insert \"arrest, hold\".\n"
                               "2. In Section 5-12-010(a), strike \"landlord\" and insert \"owner\".\n");
    auto d = test::amend("draft " + test::source("corpus/chicago") + " --amendments " + dir + "/ng.md -o " + dir + "/ord.md");
    CHECK(d.rc == 2);
    CHECK(!fs::exists(dir + "/ord.md"));
    CHECK(d.err == dir + "/ng.md:4:1: error: section 5-12-010 is not in the code given: \"In Section 5-12-010(a), strike \"landlord\" and "
                         "insert \"owner\".\"; the ordinance would leave it out [amend.not-given]\n"
                         "amend: 1 instruction(s) name sections not in the code given; no ordinance was written\n");
    auto a = test::amend("apply " + test::source("corpus/chicago") + " --amendments " + dir + "/ng.md -o " + dir + "/out");
    CHECK(a.rc == 0);
    CHECK(fs::exists(dir + "/out/2-173-042/redline.html"));
    for (const char* f : {"ordinance.md", "ordinance.html", "ordinance.docx"}) CHECK_FALSE(fs::exists(dir + "/out/" + f));
    CHECK(test::slurp(dir + "/out/report.md").find("no ordinance is drafted: 1 instruction(s) name sections not in the code given") != std::string::npos);
}

TEST_CASE("draft: round trip, Welcoming City: the ordinance read back as a restatement gives the same text") {
    Document code = load_code({test::source("corpus/chicago")});
    CHECK(round_trip(code, test::source("amendments/welcoming-city-2016.md"), test::scratch("draft-round-trip") + "/ordinance.md") ==
          "");
    // Philadelphia's form too: "Section 1. Title 2 of The Philadelphia Code is hereby amended to
    // read as follows:", each section quoted after its section sign, "* * *" for what is left out.
    CHECK(round_trip(code, test::source("amendments/welcoming-city-2016.md"), test::scratch("draft-round-trip") + "/philadelphia.md",
                     *draft::find_style("philadelphia")) == "");
}

// Every D.C. dev case (dc-cases-dev.tar.xz) whose instruction applies, drafted with Chicago's
// conventions (and D.C. section numbers). Outcomes go to build/draft-dc-round-trip.log; the count of
// exact round trips is a ratchet.
TEST_CASE("draft: round trip over the D.C. dev cases whose instruction applies") {
    std::string root = test::dc_cases("dc-cases-dev").dir;
    REQUIRE(fs::exists(root));
    std::vector<std::string> ids;
    for (const auto& e : fs::directory_iterator(root))
        if (fs::exists(e.path() / "instruction.xml")) ids.push_back(e.path().filename().string());
    std::sort(ids.begin(), ids.end());
    std::string dir = test::scratch("draft-dc-round-trip");
    int tried = 0, exact = 0;
    std::string log;
    for (const auto& id : ids) {
        Document before = load_code({root + "/" + id + "/before.xml"});
        std::string instruction = root + "/" + id + "/instruction.xml";
        try {
            if (!apply_file(before, instruction, ApplySettings{}).report.ok()) continue;
        } catch (const std::exception&) {
            continue;
        }
        ++tried;
        std::string outcome = round_trip(before, instruction, dir + "/" + id + ".md");
        exact += outcome.empty();
        std::replace(outcome.begin(), outcome.end(), '\n', ' ');
        log += id + "\t" + (outcome.empty() ? "OK" : outcome.substr(0, 300)) + "\n";
    }
    test::spit(std::string(AMEND_BUILD_DIR) + "/draft-dc-round-trip.log", log);
    MESSAGE("D.C. round trips: " << exact << " exact of " << tried << " whose instruction applies");
    // Ratchets over all dev cases (the 227 of the former sample all round-tripped). Of the 21 that
    // do not, 20 are refused when read back (a restatement of a provision holding a table or a
    // long list, a designation the ordinance writes that the reader reads a level off) and one reads
    // back to another text (24-167 3-152): build/draft-dc-round-trip.log names each. One case
    // fewer applies since a unit's designations followed by words that are not read refuse the
    // target ("Paragraph (1C) is redesignated as paragraph (1C) and is amended by striking ...",
    // 24-45 47-1270, whose strike was dropped unread).
    CHECK(tried >= 1241);
    CHECK(exact >= 1220);
}

TEST_CASE("draft: headless Chromium reads the ordinance page: every mark, no script [chromium]") {
    if (!fs::exists("/usr/bin/chromium")) {
        MESSAGE("skipped: no chromium at /usr/bin/chromium");
        return;
    }
    std::string dir = test::scratch("draft-chromium");
    Case c = load_case("welcoming-city");
    test::spit(dir + "/ordinance.html", drafted(c, draft::chicago_style(), draft::OrdinanceFormat::Html));
    CHECK(test::run_chromium("--dump-dom file://" + dir + "/ordinance.html", dir + "/dom.html") == 0);
    std::string dom = test::slurp(dir + "/dom.html");
    REQUIRE(dom.find("</html>") != std::string::npos);
    auto count = [&](const std::string& what) {
        std::size_t n = 0;
        for (auto at = dom.find(what); at != std::string::npos; at = dom.find(what, at + 1)) ++n;
        return n;
    };
    // (a)'s struck words, (c) and its four paragraphs; "No", the Coercion words and the six
    // provisions of the new section.
    CHECK(count("<del>") == 6);
    CHECK(count("<ins>") == 8);
    CHECK(count("<blockquote>") == 3);
    CHECK(count("<script") == 0);
    CHECK(dom.find("BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF CHICAGO:") != std::string::npos);
}

TEST_CASE("draft: output/ordinance.md and output/ordinance.html (the site's copy) are what draft writes now") {
    Case c = load_case("welcoming-city");
    std::pair<std::string, draft::OrdinanceFormat> outs[] = {{"ordinance.md", draft::OrdinanceFormat::Markdown}, {"ordinance.html", draft::OrdinanceFormat::Html}};
    for (const auto& [name, format] : outs) {
        CAPTURE(name);
        std::string path = test::source("output/" + name);
        if (!fs::exists(path)) continue;
        std::string have = test::slurp(path);
        if (format == draft::OrdinanceFormat::Html) {
            // The site's copy adds what every page of the site says (what the base text is, which
            // proposal, what generated it) and the arrow between a deletion and its replacement.
            auto cut = [&](const std::string& from, const std::string& to) {
                std::size_t a = have.find(from);
                REQUIRE(a != std::string::npos);
                have.erase(a, have.find(to, a) + to.size() - a);
            };
            cut("<div class=\"provenance\">", "</div>\n");
            cut(".provenance{", "}\n");
            cut("<p class=\"generator\">", "</p>\n");
            for (std::size_t k; (k = have.find("</del> \xE2\x86\x92 <ins>")) != std::string::npos;) have.erase(k + 6, 5);
        }
        CHECK(have == drafted(c, draft::chicago_style(), format));
    }
}
