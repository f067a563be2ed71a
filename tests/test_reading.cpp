// How amend reads drafting language, measured on the 307 D.C. dev laws against the official
// codifier's reading of them (../shared/tools/score_reading.py), and `amend explain` itself.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <regex>

#include "pipeline/inputs.hpp"
#include "parse/markdown.hpp"
#include "amend/ops.hpp"
#include "model/diagnostic.hpp"
#include "parse/dc_instruction.hpp"
#include "parse/dc_law.hpp"
#include "support.hpp"

using namespace amend;

namespace {

std::string dev_laws() {
    static std::string dir = [] {
        std::string d = test::extracted("corpus/dc-laws-dev.tar.xz", "dc-laws-dev");
        return d.empty() ? d : d + "/dc-laws-dev";
    }();
    return dir;
}

std::vector<std::string> law_files() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dev_laws()))
        if (e.path().extension() == ".xml") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("dc-laws: the reading of the 307 dev laws, scored against the codifier's, held as a ratchet") {
    REQUIRE(!dev_laws().empty());
    std::string out = test::scratch("reading") + "/score.txt";
    std::string cmd = "python3 '" + test::shared("tools/score_reading.py") + "' '" + AMEND_BINARY + "' '" + dev_laws() + "' >'" + out + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::string text = test::slurp(out);
    MESSAGE(text);
    std::smatch m;
    static const std::regex last(R"(reading: (\d+)/(\d+) targets \(([\d.]+)%\), (\d+)/\d+ in full \(([\d.]+)%\), precision ([\d.]+)%, (\d+)/(\d+) laws read)");
    REQUIRE(std::regex_search(text, m, last));
    CHECK(std::stoi(m[2]) == 6445);
    CHECK(std::stoi(m[8]) == 307);
    // A ratchet: raise the figures as the reading improves (issue 13 asks for 97%, 95%, 97%, 300).
    CHECK(std::stoi(m[1]) >= 5195);  // targets
    CHECK(std::stoi(m[4]) >= 5090);  // in full
    CHECK(std::stod(m[6]) >= 86.2);  // precision
    CHECK(std::stoi(m[7]) >= 299);   // laws read without an error
}

TEST_CASE("dc-laws: every dev law read in one process, in under 2 seconds") {
    auto files = law_files();
    REQUIRE(files.size() == 307);
    auto t0 = std::chrono::steady_clock::now();
    std::size_t ops = 0, errors = 0;
    for (const auto& f : files) {
        ReadResult r = interpret(read_amendment_file(f));
        ops += r.ops.size();
        errors += r.errors.size();
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("read 307 laws in " << s << " s: " << ops << " operations, " << errors << " sentences not read");
    CHECK(ops > 5000);
    CHECK(s < 2.0);
}

TEST_CASE("explain: what each instruction will do, as text and as the codifier's JSON") {
    std::string dir = test::scratch("explain");
    test::spit(dir + "/a.md",
               "# Filing\n\n"
               "1. Section 2-1-010 is amended as follows:\n"
               "   1. Subsection (a) is amended by striking the phrase \"; or\" and inserting a semicolon in its place.\n"
               "   2. Paragraph (b)(3) is repealed.\n"
               "   3. Subsection (c) is amended by striking \"Clerk\" each place it appears and inserting \"City Clerk\" in its place.\n");
    auto r = test::amend("explain '" + dir + "/a.md'");
    CHECK(r.rc == 0);
    CHECK(r.err == "");
    CHECK(r.out == dir + "/a.md:4: strike \"; or\" and insert \";\" in \xC2\xA7 2-1-010(a), once\n" +
                       dir + "/a.md:5: repeal \xC2\xA7 2-1-010(b)(3)\n" +
                       dir + "/a.md:6: strike \"Clerk\" and insert \"City Clerk\" in \xC2\xA7 2-1-010(c), each place\n");
    auto j = test::amend("explain '" + dir + "/a.md' --format json");
    CHECK(j.rc == 0);
    CHECK(j.out.find("\"op\": \"find-replace\",\n   \"path\": \"\xC2\xA7" "2-1-010|(a)\",\n   \"find\": \"; or\",\n   \"replace\": \";\",\n   \"count\": 1") !=
          std::string::npos);
    CHECK(j.out.find("\"op\": \"repeal\",\n   \"path\": \"\xC2\xA7" "2-1-010|(b)|(3)\"") != std::string::npos);
    CHECK(j.out.find("\"count\": \"all\"") != std::string::npos);
    // A definition is named by its term (the codifier's path stops at the section).
    test::spit(dir + "/d.md", "# Coercion\n\n1. The definition of \"Coercion\" in Section 2-57-010 is amended by inserting "
                              "\", or verbal threats,\" after \"threats of violence\".\n");
    auto d = test::amend("explain '" + dir + "/d.md'");
    CHECK(d.rc == 0);
    CHECK(d.out == dir + "/d.md:3: insert \", or verbal threats,\" after \"threats of violence\" in the definition of \"Coercion\" in "
                   "\xC2\xA7 2-57-010, once\n");
    // "in the section heading" after the action: the heading is named, in the text as in the path.
    test::spit(dir + "/h.md", "# Heading\n\n1. Section 2-1-010 is amended by striking the word \"Clerk\" and inserting the "
                              "phrase \"City Clerk\" in the section heading.\n");
    auto h = test::amend("explain '" + dir + "/h.md'");
    CHECK(h.rc == 0);
    CHECK(h.out == dir + "/h.md:3: strike \"Clerk\" and insert \"City Clerk\" in the heading of \xC2\xA7 2-1-010, once\n");
    auto hj = test::amend("explain '" + dir + "/h.md' --format json");
    CHECK(hj.out.find("\"path\": \"\xC2\xA7" "2-1-010|heading\"") != std::string::npos);
    // A phrase wherever it appears in a chapter is said of the chapter's sections; the second time
    // it appears is not once, in the text as in the JSON.
    test::spit(dir + "/c.md", "# Chapter\n\n1. Chapter 2-173 of the Municipal Code of Chicago is amended by striking \"ICE\" wherever it appears "
                              "and inserting \"federal immigration authorities\".\n"
                              "2. Section 2-173-042(b)(1) is amended by striking \"agency\" the second time it appears and inserting \"department\".\n");
    auto c = test::amend("explain '" + dir + "/c.md'");
    CHECK(c.out == dir + "/c.md:3: strike \"ICE\" and insert \"federal immigration authorities\" in the sections 2-173-*, each place\n" + dir +
                       "/c.md:4: strike \"agency\" and insert \"department\" in \xC2\xA7 2-173-042(b)(1), the second time it appears\n");
    auto cj = test::amend("explain '" + dir + "/c.md' --format json");
    CHECK(cj.out.find("\"count\": 1,\n   \"occurrence\": 2,") != std::string::npos);
    // With --code, what does not apply is in the JSON too.
    test::spit(dir + "/f.md", "# Fails\n\n1. In Section 2-173-042(a)(1), strike \"nonexistent words\" and insert \"x\".\n");
    auto fj = test::amend("explain '" + dir + "/f.md' --code " + test::source("corpus/chicago") + " --format json");
    CHECK(fj.rc == 2);
    CHECK(fj.out.find("\"failed\": [\n  \"" + dir + "/f.md:3:1: error: \\\"nonexistent words\\\" not found in 2-173-042(a)(1) [amend.phrase]\"\n ]") !=
          std::string::npos);
}

TEST_CASE("explain: a sentence not read is an error at its first unread word; what was read is still printed") {
    std::string dir = test::scratch("explain-error");
    test::spit(dir + "/a.md",
               "# Filing\n\n"
               "1. Section 2-1-010(a) is amended by striking \"Clerk\" and inserting \"City Clerk\" in the margin.\n"
               "2. Section 2-1-010(b) is repealed.\n");
    auto r = test::amend("explain '" + dir + "/a.md'");
    CHECK(r.rc == 2);
    CHECK(r.out == dir + "/a.md:4: repeal \xC2\xA7 2-1-010(b)\n");
    CHECK(r.err == dir + "/a.md:3:81: error: cannot read \"in the margin\": expected \"in its place\", \"each place it "
                         "appears\", \"wherever it appears\", \"both times it appears\", \"the second time it appears\", \"at the "
                         "end\", \"in the lead-in language\", \"in the second sentence\", \"in the section heading\", \"in the tabular array\" or \"in subsection (a)\" [amend.instruction]\n"
                         "  1. Section 2-1-010(a) is amended by striking \"Clerk\" and inserting \"City Clerk\" in the margin.\n"
                         "  " + std::string(80, ' ') + "^\n");
    // Words between "is amended" and "by striking" that no rule reads: the error is at them, never
    // "expected \"by striking ...\"" of a sentence that says "by striking".
    test::spit(dir + "/b.md", "# Filing\n\n1. Section 2-1-010 is amended under the section heading by striking the word \"Filing\" "
                              "and inserting the word \"Filings\" in its place.\n");
    auto b = test::amend("explain '" + dir + "/b.md'");
    CHECK(b.rc == 2);
    CHECK(b.err.find(dir + "/b.md:3:31: error: cannot read \"under the section heading by striking the word \"Filing\" and inserting the "
                     "word \"Filings\" in its place\": expected \"by striking ...\", \"by inserting ...\", \"by adding ...\", \"to "
                     "read as follows:\" or \"as follows:\" [amend.instruction]\n") == 0);
}

TEST_CASE("explain: a whole D.C. law: its amending provisions read, the others listed") {
    std::string f = dev_laws() + "/24/24-115.xml";
    REQUIRE(std::filesystem::exists(f));
    auto r = test::amend("explain '" + f + "'");
    CHECK(r.rc == 0);
    CHECK(r.out.find(f + ":36: designate the existing text of \xC2\xA7 16-1501 as (a)\n") == 0);
    CHECK(r.out.find(f + ":41: add subsections (b) as \xC2\xA7 16-1501(b)\n") != std::string::npos);
    CHECK(r.out.find(f + ":883: amends nothing: Sec. 8 Fiscal impact statement.\n") != std::string::npos);
    CHECK(r.out.find(f + ":888: amends nothing: Sec. 9 Effective date.\n") != std::string::npos);
}

TEST_CASE("a D.C. law's quoted text held by an undesignated paragraph is the sentence's own; a sentence left with nothing below it is an error") {
    using namespace amend;
    auto law = [](const std::string& below) {
        return std::string(R"(<?xml version="1.0" encoding="utf-8"?>
<instruction xmlns="https://code.dccouncil.us/schemas/dc-library" law="D.C. Law 24-341" target="§2-536">
<part n="1"><section><num>101</num>
<text>Section 206(a)(1) of the District of Columbia Administrative Procedure Act, effective March 29, 1977 (D.C. Law 1-96; D.C. Official Code § 2-536(a)(1)), is amended to read as follows:</text>
)") + below + "</section></part></instruction>\n";
    };
    // The law's own shape (D.C. Law 24-341 sec. 101): the quotation inside <para><num undesignated="true">.
    ReadResult r = interpret(read_dc_instruction(
        law(R"(<para><num undesignated="true">(a)</num><include lvl="1"><para><num>(1)</num><text>The names of employees.</text></para></include><aftertext>.</aftertext></para>)"),
        "law.xml"));
    CHECK(r.errors.empty());
    CHECK(dump_reading(r) == "law.xml:3:14 amend to read {2-536(a)(1) law-section=206} blocks=[subsection (1)] unit=\"§101\"\n");
    // The same sentence with an undesignated paragraph that holds nothing: not silently nothing.
    r = interpret(read_dc_instruction(law(R"(<para><num undesignated="true">(a)</num></para>)"), "law.xml"));
    REQUIRE(r.errors.size() == 1);
    CHECK(format_headline(r.errors[0]) ==
          "law.xml:3:14: error: expected amendments or quoted text below \"Section 206(a)(1) of the District of Columbia "
          "Administrative Procedure Act, effective March 29, 1977 (D.C. Law 1-96; D.C. Official Code § 2-536(a)(1)), is "
          "amended to read as follows:\", found none in the provisions under it [amend.instruction]");
}

namespace {

// A whole law read: what dump_reading gives of it, none of its sentences refused; `doc`, if given,
// gets the law as read.
std::string law_reading(const std::string& xml, AmendmentDoc* doc = nullptr) {
    AmendmentDoc d = read_dc_law(xml, "law.xml");
    ReadResult r = interpret(d);
    CHECK(r.errors.empty());
    if (doc) *doc = d;
    return dump_reading(r);
}

}  // namespace

TEST_CASE("a whole D.C. law: its own words among its amendments, a claim revived, and a heading that is an amending sentence") {
    // The shapes of D.C. Laws 25-175 (sec. 3(c)(2), sec. 34) and 22-311 (sec. 5(a)(2)).
    const std::string law = R"(<?xml version="1.0" encoding="utf-8"?>
<document xmlns="https://code.dccouncil.us/schemas/dc-library">
<section><num>3</num>
<text>Chapter 23 of Title 16 of the District of Columbia Official Code is amended as follows:</text>
<para><num>(c)</num>
<para><num>(1)</num><text>Section 16-2310(a-1)(1)(A) is amended by striking the word "Committed" and inserting the word "Done" in its place.</text></para>
<para><num>(2)</num><text>Paragraph (1) of this subsection shall expire 225 days after the effective date of this act.</text></para>
</para>
</section>
<section><num>34</num>
<heading>The lead-in language of section 28-5402 of the District of Columbia Official Code is amended by striking the phrase "A retailer" and inserting the phrase "Beginning January 1, 2025, a retailer" in its place.</heading>
</section>
<section><num>5</num><heading>Applicability.</heading>
<para><num>(a)</num><text>Notwithstanding any other provision of law, a claim for the recovery of damages that would be time-barred under D.C. Official Code § 12-301 is revived.</text></para>
</section>
</document>
)";
    AmendmentDoc doc;
    CHECK(law_reading(law, &doc) ==
          "law.xml:3:2 context {- container title=16} unit=\"§3\"\n"
          "law.xml:6:2 strike and insert {16-2310(a-1)(1)(A) title=16} find=\"Committed\" replace=\"Done\" as=word unit=\"§3|(c)|(1)\"\n"
          "law.xml:10:2 strike and insert {28-5402 lead-in} find=\"A retailer\" replace=\"Beginning January 1, 2025, a retailer\" as=phrase unit=\"§34\"\n"
          "law.xml:11:2 warning: read the heading of Sec. 34 as its words: it is an amending sentence [amend.markup]\n");
    std::vector<std::string> listed;
    for (const auto& p : doc.not_amending) listed.push_back(p.designation + "@" + std::to_string(p.line));
    CHECK(listed == std::vector<std::string>{"(2)@7", "Sec. 5@13"});
}

TEST_CASE("a whole D.C. law: only the law's words about itself are set apart; amending sentences in other words stay instructions") {
    auto law = [](const std::string& para) {
        return std::string(R"(<?xml version="1.0" encoding="utf-8"?>
<document xmlns="https://code.dccouncil.us/schemas/dc-library">
<section><num>3</num>
<text>Chapter 3 of Title 25 of the District of Columbia Official Code is amended as follows:</text>
<para><num>(a)</num><text>Section 25-374(a) is amended by striking the word "Board" and inserting the word "Authority" in its place.</text></para>
<para><num>(b)</num><text>)") + para + "</text></para>\n</section>\n</document>\n";
    };
    // Future tense, a quotation, a Code cite with periods: still instructions, refused or read, never set apart.
    for (const std::string& p : {std::string("In subsection (a), the phrase \"Central Business District\" shall be struck and the phrase "
                                             "\"Downtown District\" shall be inserted in its place."),
                                 std::string("Section 25-375 (D.C. Official Code § 25-375) shall be repealed."),
                                 std::string("Section 4 of the Foo Act of 2010, effective Feb. 3, 2011 (D.C. Law 18-300; D.C. Official Code "
                                             "§ 25-376), is revived.")}) {
        AmendmentDoc doc = read_dc_law(law(p), "law.xml");
        CHECK_MESSAGE(doc.not_amending.empty(), p);
        ReadResult r = interpret(doc);
        CHECK_MESSAGE(r.ops.size() + r.errors.size() >= 3, p);  // the section, (a), and (b) read or refused
    }
    // Words about the law itself: set apart.
    AmendmentDoc doc = read_dc_law(law("This subsection shall apply as of October 1, 2025."), "law.xml");
    REQUIRE(doc.not_amending.size() == 1);
    CHECK(doc.not_amending[0].designation == "(b)");
}

TEST_CASE("a whole D.C. law: a provision that holds back when changes apply (funds, a later date) is a warning naming it") {
    const std::string law = R"(<?xml version="1.0" encoding="utf-8"?>
<document xmlns="https://code.dccouncil.us/schemas/dc-library">
<section><num>2</num>
<text>Section 25-374(a) of the District of Columbia Official Code is amended by striking the word "Board" and inserting the word "Authority" in its place.</text>
</section>
<section><num>3</num><heading>Applicability.</heading>
<para><num>(a)</num><text>Section 2 shall apply upon the date of inclusion of its fiscal effect in an approved budget and financial plan.</text></para>
<para><num>(b)</num><text>The Chief Financial Officer shall certify the date of the inclusion of the fiscal effect in an approved budget and financial plan, and provide notice to the Budget Director of the Council of the certification.</text></para>
</section>
<section><num>4</num><heading>Applicability of the report.</heading>
<text>Except as otherwise provided, this act shall apply as of October 1, 2024.</text>
</section>
<section><num>5</num><heading>Effective date.</heading>
<text>This act shall take effect following approval by the Mayor (or in the event of veto by the Mayor, action by the Council to override the veto), a 30-day period of congressional review as provided in section 602(c)(1) of the District of Columbia Home Rule Act, approved December 24, 1973 (87 Stat. 813; D.C. Official Code § 1-206.02(c)(1)), and publication in the District of Columbia Register.</text>
</section>
</document>
)";
    CHECK(law_reading(law) ==
          "law.xml:3:2 strike and insert {25-374(a)} find=\"Board\" replace=\"Authority\" as=word unit=\"§2\"\n"
          "law.xml:6:2 warning: the law's Sec. 3 says \"Section 2 shall apply upon the date of inclusion of its fiscal effect in an "
          "approved budget and financial plan.\": the text written applies every change of the law; the D.C. Code shows the changes "
          "it names only once they apply [amend.applicability]\n"
          "law.xml:10:2 warning: the law's Sec. 4 says \"Except as otherwise provided, this act shall apply as of October 1, 2024.\": "
          "the text written applies every change of the law; the D.C. Code shows the changes it names only once they apply "
          "[amend.applicability]\n");
}
