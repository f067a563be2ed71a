// The D.C. codifier's conventions for a law's words put into the Code (amend/codify), each with
// the exact result the codifier published in the D.C. dev cases it was measured on.
#include <doctest/doctest.h>

#include <map>

#include "pipeline/documents.hpp"
#include "amend/apply.hpp"
#include "amend/dc/codify.hpp"
#include "model/citation.hpp"
#include "pipeline/inputs.hpp"
#include "dc_support.hpp"
#include "support.hpp"

using namespace amend;
using test::apply_dc_xml;

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


// Applies a D.C. law provision to one Code section and returns the text of the section's paragraph (a).
std::string apply_dc(const std::string& name, const std::string& code_text, const std::string& provision) {
    ApplyResult r = apply_dc_xml(name,
                                 "  <num>7-2509.02</num>\n  <heading>Application.</heading>\n  <para>\n    <num>(a)</num>\n    <text>" +
                                     code_text + "</text>\n  </para>\n",
                                 "D.C. Law 25-199", "7-2509.02",
                                 "    <para>\n      <num>(b)</num>\n      <text>" + provision + "</text>\n    </para>\n");
    if (!r.report.ok()) return "FAIL " + r.report.failures[0].message;
    return sections_of(r.amended.root)[0]->children[0].text.text;
}

// The law's words striking FIND in § 7-2509.02(a) and inserting WITH in its place.
std::string striking_in_a(const std::string& find, const std::string& with) {
    return "Section 902(a) (D.C. Official Code § 7-2509.02(a)) is amended by striking the phrase \"" + find +
           "\" and inserting the phrase \"" + with + "\" in its place.";
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

TEST_CASE("codify: a quoted reference narrowed by designations, or the law's \"this title\", is found as the Code writes it") {
    // D.C. Law 24-215 § 1045(b)(2): "section 1043(a-1), (a-2), ..." is "§ 1-350.02(a-1), (a-2), ..." in the Code.
    std::string cites = "Amounts described in <cite path=\"§1-350.02|(a-1)\">§ 1-350.02(a-1)</cite>, (a-2), (a-3), and (a-4); and";
    CHECK(apply_dc("designations", cites,
                   striking_in_a("section 1043(a-1), (a-2), (a-3), and (a-4)", "section 1043(a-1), (a-2), (a-3), (a-4), and (a-5)")) ==
          "Amounts described in § 1-350.02(a-1), (a-2), (a-3), (a-4), and (a-5); and");
    // D.C. Law 25-191 § 601(a): the law's "this title" is the Code's "this subchapter", where it is quoted and where it is inserted.
    CHECK(apply_dc("units", "Functions authorized by this subchapter, or by Chapter 12 of this title.",
                   striking_in_a("by this title,", "by this title and any rules promulgated pursuant to this title,")) ==
          "Functions authorized by this subchapter and any rules promulgated pursuant to this subchapter, or by Chapter 12 of this title.");
    // D.C. Law 25-49 § 2(a)(1): "sections 5a, 5b, and 5c" is "§§ 31-3834.01, 31-3834.02, and 31-3834.03"; the
    // inserted "5f" is counted from them, as the codifier published it (§ 31-3834.06).
    std::string list = "Coverage of contraceptive drugs, devices, products, and services under §§ <cite path=\"§31-3834.01\">31-3834.01</cite>, "
                       "<cite path=\"§31-3834.02\">31-3834.02</cite>, and <cite path=\"§31-3834.03\">31-3834.03</cite>.";
    CHECK(apply_dc("list", list,
                   striking_in_a("drugs, devices, products, and services under sections 5a, 5b, and 5c.",
                                 "or fertility enhancing drugs, devices, products, and services under sections 5a, 5b, 5c, and 5f.")) ==
          "Coverage of contraceptive or fertility enhancing drugs, devices, products, and services under §§ 31-3834.01, 31-3834.02, "
          "31-3834.03, and 31-3834.06.");
    // Known sections that do not count alike ("5a" = .01, "5b" = .04) tell nothing of "5f": the list stays as the law wrote it;
    // so does a number too long to count (and nothing overflows).
    const std::string old_list = "Services under sections 5a, 5b, and 5c.";
    CHECK(apply_dc("odd", "Services under §§ 31-3834.01, 31-3834.04, and 31-3834.05.",
                   striking_in_a(old_list, "Services under sections 5a, 5b, 5c, and 5f.")) == "Services under sections 5a, 5b, 5c, and 5f.");
    CHECK(apply_dc("long", "Services under §§ 31-3834.01, 31-3834.02, and 31-3834.03.",
                   striking_in_a(old_list, "Services under sections 5a, 5b, 5c, and 99999999999999999999f.")) ==
          "Services under sections 5a, 5b, 5c, and 99999999999999999999f.");
    // A bare "section 908", with no words of its own, would match any cite: it stays a failure.
    CHECK(apply_dc("bare", cites, striking_in_a("section 908", "section 909")) == "FAIL \"section 908\" not found in 7-2509.02(a)");
}

namespace {

LawAnchor in_section(const std::string& section) {
    LawAnchor a;
    a.index = &CodeIndex::dc();
    a.section = section;
    return a;
}

// A text with the codifier's <code-cite> marks: each {words, path} is marked, the rest is plain.
Provision marked(const std::vector<std::pair<std::string, std::string>>& pieces) {
    Provision p = para("(a)");
    for (const auto& [words, path] : pieces) {
        auto b = static_cast<std::uint32_t>(p.text.text.size());
        p.text.text += words;
        if (!path.empty())
            p.text.marks.push_back(Markup{b, static_cast<std::uint32_t>(p.text.text.size()), "code-cite",
                                          {Attr{"doc", "D.C. Code"}, Attr{"path", path}}});
    }
    return p;
}

std::string codified(const std::vector<std::pair<std::string, std::string>>& pieces, const std::string& section) {
    Provision p = marked(pieces);
    dc_codify(p, in_section(section));
    return p.text.text;
}

}  // namespace

TEST_CASE("codify: a reference the law marks with a code-cite is published as the Code cites what its path names") {
    // D.C. Law 24-335 (§ 50-921.01a): "section 3" marked §50-921.02.
    CHECK(codified({{"\"Director\" means head of DDOT appointed pursuant to ", ""}, {"section 3", "§50-921.02"}, {".", ""}},
                   "50-921.01a") == "\"Director\" means head of DDOT appointed pursuant to § 50-921.02.");
    // D.C. Law 24-287 (§ 4-281.05): the mark ends inside the parenthesis, and what follows it stays.
    CHECK(codified({{"in accordance with ", ""},
                    {"section 26(f)(1)-(3) of the Homeless Services Reform Act of 2005, effective October 22, 2005 (D.C. Law 16-35; D.C. "
                     "Official Code § 4-754.41(f)(1)",
                     "§4-754.41|(f)|(1)"},
                    {"-(3)).", ""}},
                   "4-281.05") == "in accordance with § 4-754.41(f)(1)-(3)).");
    // D.C. Law 24-215: one unit, named from each section that cites it.
    CHECK(codified({{"All fines collected under ", ""}, {"section 221", "§1-1162.21"}, {" and ", ""}, {"subtitle E of this title", "1|11A|II|E"}, {"; and", ""}},
                   "1-1162.10") == "All fines collected under § 1-1162.21 and part E of this subchapter; and");
    CHECK(codified({{"imposed pursuant to ", ""}, {"subtitle E of the Government Ethics Act of 2011", "1|11A|II|E"}, {", transferred", ""}},
                   "1-350.02") == "imposed pursuant to part E of subchapter II of Chapter 11A of this title, transferred");
    // D.C. Law 24-151 (§ 6-501): another title's unit; D.C. Law 24-295: "this act" is "this unit".
    CHECK(codified({{"The Mayor, pursuant to ", ""}, {"Title I of the District of Columbia Administrative Procedure Act", "2|5|I"}, {", may", ""}},
                   "6-501") == "The Mayor, pursuant to subchapter I of Chapter 5 of Title 2, may");
    CHECK(codified({{"prohibited by ", ""}, {"this act", "2|14|A"}, {".", ""}}, "2-1402.23") == "prohibited by this unit.");
    // D.C. Law 25-201 (§ 42-1629, § 42-1627): a capital stays; "sections" before marked numbers is "§§".
    CHECK(codified({{"This title", "42|16A"}, {" modifies", ""}}, "42-1629") == "This chapter modifies");
    CHECK(codified({{"as described under sections ", ""}, {"103", "§42-1622"}, {" and ", ""}, {"104", "§42-1623"}, {".", ""}}, "42-1627") ==
          "as described under §§ 42-1622 and 42-1623.");
    // D.C. Law 24-45 (§ 32-173.03): a path written "§§32-173.04" names one section, cited once.
    CHECK(codified({{"according to the criteria outlined in ", ""}, {"section 4145", "§§32-173.04"}, {".", ""}}, "32-173.03") ==
          "according to the criteria outlined in § 32-173.04.");
    // D.C. Law 25-159 (§ 6-227): a sentence opens with the word "Section", never with the sign.
    CHECK(codified({{"Section ", ""},
                    {"401(a) of the Procurement Practices Reform Act of 2010, effective April 8, 2011 (D.C. Law 18-371; D.C. Official "
                     "Code § 2-354.01(a))",
                     "§2-354.01|(a)"},
                    {", shall not apply to a contract.", ""}},
                   "6-227") == "Section 2-354.01(a), shall not apply to a contract.");
}

TEST_CASE("codify: a text with code-cites changes only there; a path the index does not know stays as the law wrote it") {
    // D.C. Law 24-341 marks nothing: "section 2(9)(E)" and "this act" are published as written.
    CHECK(codified({{"as described in section 2(9)(E) shall not exceed $1,000 under this act.", ""}}, "4-507") ==
          "as described in section 2(9)(E) shall not exceed $1,000 under this act.");
    // Beside a mark, an unmarked "section 203" stays.
    CHECK(codified({{"under ", ""}, {"section 201", "§7-2502.01"}, {" or section 203", ""}}, "7-2508.01") == "under § 7-2502.01 or section 203");
    CHECK(codified({{"under ", ""}, {"this chapter", "99|1"}, {".", ""}}, "7-2508.01") == "under this chapter.");
    // The mark becomes the Code's <cite> of the same path; other marks move with their words.
    Provision p = marked({{"By ", ""}, {"section 3", "§50-921.02"}, {" and ", ""}, {"this act", "50|9A"}, {".", ""}});
    p.text.marks.push_back(Markup{0, 2, "em", {}});
    dc_codify(p, in_section("50-921.01a"));
    CHECK(p.text.text == "By § 50-921.02 and this chapter.");
    REQUIRE(p.text.marks.size() == 3);
    CHECK(p.text.marks[0] == Markup{0, 2, "em", {}});
    CHECK(p.text.marks[1] == Markup{3, 15, "cite", {Attr{"path", "§50-921.02"}}});
    CHECK(p.text.marks[2] == Markup{20, 32, "cite", {Attr{"path", "50|9A"}}});
}

TEST_CASE("codify: a law in no code that corrects an amending law to what the editor supplied in brackets removes the brackets") {
    // D.C. Law 24-147 § 148 (§ 38-236.09): the amending act's "(e-1)" becomes "(f)", which the Code
    // already read as the editor's "[(f)]".
    std::string technical = "Section 2(d)(6) of the Student Fair Access to School Amendment Act of 2018, effective August 25, 2018 "
                            "(D.C. Law 22-157; 65 DCR 7499), is amended by striking the phrase \"(e-1)\" both times it appears and "
                            "inserting the phrase \"(f)\" in its place.";
    CHECK(apply_dc("ratify", "As provided in subsection [(f)] of this section.", technical) == "As provided in subsection (f) of this section.");
    // Without the brackets the amendment of a law in no code leaves the Code alone.
    CHECK(apply_dc("ratify-none", "As provided in subsection (e-1) of this section.", technical) ==
          "As provided in subsection (e-1) of this section.");
    // The brackets around part of the words (D.C. Law 24-147 on §§ 1-325.361, 34-1436, 32-162).
    auto fix = [](const std::string& find, const std::string& with) {
        return "Section 2(d)(6) of the Student Fair Access to School Amendment Act of 2018, effective August 25, 2018 (D.C. Law "
               "22-157; 65 DCR 7499), is amended by striking the phrase \"" +
               find + "\" and inserting the phrase \"" + with + "\" in its place.";
    };
    // Only where the section's history says the law's unit wrote it: the editor's brackets of a
    // capital ("[T]he Board") stand everywhere, and are no correction of this law.
    auto tied = [&](const std::string& name, const std::string& code_text, const std::string& provision) {
        ApplyResult r = apply_dc_xml(name,
                                     "  <num>7-2509.02</num>\n  <heading>Application.</heading>\n  <para>\n    <num>(a)</num>\n    <text>" +
                                         code_text + "</text>\n  </para>\n  <annotations>\n    <annotation doc=\"D.C. Law 22-157\" "
                                         "path=\"§2|(d)\" type=\"History\"/>\n  </annotations>\n",
                                     "D.C. Law 24-147", "7-2509.02", "    <para>\n      <num>(b)</num>\n      <text>" + provision + "</text>\n    </para>\n");
        if (!r.report.ok()) return "FAIL " + r.report.failures[0].message;
        return sections_of(r.amended.root)[0]->children[0].text.text;
    };
    CHECK(tied("ratify-s", "\"St. Elizabeth[s] East Campus\" means Square 5868.", fix("St. Elizabeth", "St. Elizabeths")) ==
          "\"St. Elizabeths East Campus\" means Square 5868.");
    CHECK(tied("ratify-not", "Residents who are [not] certified.", fix("non-certified", "not certified")) == "Residents who are not certified.");
    CHECK(tied("ratify-semicolon", "Chapter 2 of Title 2[;] and", fix(", and", "; and")) == "Chapter 2 of Title 2; and");
    CHECK(apply_dc("ratify-untied", "[T]he Board shall meet.", fix("the Council", "The Board")) == "[T]he Board shall meet.");
    // Brackets inside a longer word, or unbalanced, are not the words.
    CHECK(tied("ratify-inside", "The St. Elizabeth[s]ville site.", fix("St. Elizabeth", "St. Elizabeths")) == "The St. Elizabeth[s]ville site.");
    CHECK(tied("ratify-unbalanced", "Residents who are [not certified.", fix("non-certified", "not certified")) ==
          "Residents who are [not certified.");
}

TEST_CASE("codify: a law in no code corrected where the section's history says that law's unit wrote the words") {
    // D.C. Law 24-147 § 128 on § 25-125: section 2(a)(7)(G)(i) of D.C. Law 23-54 wrote (a)(7)(G)(i).
    auto section = [](const std::string& history_path) {
        return "  <num>25-125</num>\n  <heading>Manufacturer's license.</heading>\n  <para>\n    <num>(a)</num>\n"
               "    <text>A holder of a license who has applied for or is the holder of a distillery pub permit.</text>\n  </para>\n"
               "  <annotations>\n    <annotation app=\"2020-02-21\" doc=\"D.C. Law 23-54\" eff=\"2020-02-21\" path=\"" +
               history_path + "\" type=\"History\"/>\n  </annotations>\n";
    };
    const std::string law = "    <para>\n      <num>(c)</num>\n      <text>Section 2(a)(7)(G)(i) of the Manufacturer and Pub Permit "
                            "Parity Amendment Act of 2019, effective February 21, 2020 (D.C. Law 23-54; 67 DCR 28), is amended by "
                            "striking the phrase \"for or is the holder of\" and inserting the phrase \"for, or is the holder of,\" "
                            "in its place.</text>\n    </para>\n";
    ApplyResult r = apply_dc_xml("carried", section("§2|(a)|(7)|(G)|(i)"), "D.C. Law 24-147", "25-125", law);
    REQUIRE(r.report.ok());
    CHECK(sections_of(r.amended.root)[0]->children[0].text.text == "A holder of a license who has applied for, or is the holder of, a distillery pub permit.");
    REQUIRE(r.report.warnings.size() == 1);
    CHECK(r.report.warnings[0].code == "amend.carried");
    CHECK(r.report.warnings[0].message ==
          "the law it amends is in no code; its words are corrected in 25-125, whose history says section 2 of D.C. Law 23-54 wrote them");
    // The history names another unit of that law: nothing ties the words to this section; nothing changes.
    ApplyResult other = apply_dc_xml("carried-other", section("§2|(a)|(8)"), "D.C. Law 24-147", "25-125", law);
    REQUIRE(other.report.ok());
    CHECK(other.report.changed_sections.empty());
    REQUIRE(other.report.skipped.size() == 1);
    CHECK(other.report.skipped[0].code == "amend.uncodified");
}

TEST_CASE("codify: code-cites side by side, at the ends of a text, or one inside another") {
    CHECK(codified({{"section 3", "§50-921.02"}, {"section 4", "§50-921.03"}}, "50-921.01a") == "§ 50-921.02§ 50-921.03");
    // "sections " inside the first cite is not taken again by the second.
    CHECK(codified({{"under sections ", "§50-921.02"}, {"4", "§50-921.03"}}, "50-921.01a") == "§ 50-921.02§ 50-921.03");
    Provision p = marked({{"By section 3 of this act.", ""}});
    p.text.marks.push_back(Markup{3, 24, "code-cite", {Attr{"path", "50|9A"}}});
    p.text.marks.push_back(Markup{3, 12, "code-cite", {Attr{"path", "§50-921.02"}}});
    dc_codify(p, in_section("50-921.01a"));
    CHECK(p.text.text == "By this chapter.");
    Provision empty = marked({{"", "§50-921.02"}});
    dc_codify(empty, in_section("50-921.01a"));
    CHECK(empty.text.text == "§ 50-921.02");
    // "section <102(b)> or <103(b)>": the Code writes one list, "§§ ... or ...", never "§ ... or § ..."
    // (D.C. Law 24-175, § 32-581.04).
    CHECK(codified({{"a violation of section ", ""}, {"102(b)", "§32-581.02|(b)"}, {" or ", ""}, {"103(b)", "§32-581.03|(b)"}, {" assessed", ""}},
                   "32-581.04") == "a violation of §§ 32-581.02(b) or 32-581.03(b) assessed");
    CHECK(codified({{"under section ", ""}, {"102", "§32-581.02"}, {", ", ""}, {"103", "§32-581.03"}, {", and ", ""}, {"104", "§32-581.04"}}, "32-581.05") ==
          "under §§ 32-581.02, 32-581.03, and 32-581.04");
    // Cites apart in the sentence stay apart.
    CHECK(codified({{"under section ", ""}, {"102", "§32-581.02"}, {" as limited by ", ""}, {"103", "§32-581.03"}}, "32-581.05") ==
          "under § 32-581.02 as limited by § 32-581.03");
}

TEST_CASE("codify: the Code's index reads from and writes to its lines, names units, and says what is wrong") {
    CodeIndex ix = CodeIndex::from_tsv("U\tTitle\t1\t-1\nU\tChapter\t2\t0\nU\tSubchapter\tI\t1\nU\tChapter\t3\t0\nS\t1-201\t2\nS\t1-301\t3\n", "x.tsv");
    CHECK(ix.unit_at("1|2|I") == 2);
    CHECK(ix.unit_at("1|2|II") == -1);
    CHECK(ix.name_from(2, "1-201") == "this subchapter");
    CHECK(ix.name_from(1, "1-201") == "this chapter");
    CHECK(ix.name_from(2, "1-301") == "subchapter I of Chapter 2 of this title");
    CHECK(ix.name_from(3, "9-999") == "Chapter 3 of Title 1");
    CHECK(ix.name_from(-1, "1-201") == "");
    CHECK(ix.to_tsv() == "U\tTitle\t1\t-1\nU\tChapter\t2\t0\nU\tSubchapter\tI\t1\nU\tChapter\t3\t0\nS\t1-201\t2\nS\t1-301\t3\n");
    auto error_of = [](const std::string& tsv) {
        try {
            CodeIndex::from_tsv(tsv, "x.tsv");
        } catch (const InputError& e) {
            return format_headline(e.diagnostics()[0]);
        }
        return std::string("(no error)");
    };
    CHECK(error_of("U\tTitle\t1\t-1\nS\t1-1\t7\n") == "x.tsv:2:1: error: expected a unit number below 1 [index.line]");
    CHECK(error_of("X\n") == "x.tsv:1:1: error: expected \"U<tab>prefix<tab>num<tab>parent\" or \"S<tab>section<tab>unit\" [index.line]");
    CHECK(error_of("U\tChapter\t1\t0\n") == "x.tsv:1:1: error: expected a unit number below 0 [index.line]");
    CHECK(error_of("") == "(no error)");
}

TEST_CASE("codify: in Title 47 the Code cite written for a reference stands in the editor's brackets") {
    // D.C. Law 24-167 § 7012 into § 47-1803.02: "pursuant to [§ 7-2371.04a]"; the same words into Title 7 are not bracketed.
    std::vector<std::pair<std::string, std::string>> words{{"Rebates issued pursuant to ", ""},
                                                           {"section 5a of the Public Access to Automated External Defibrillator Act of 2000",
                                                            "§7-2371.04a"},
                                                           {".", ""}};
    CHECK(codified(words, "47-1803.02") == "Rebates issued pursuant to [§ 7-2371.04a].");
    CHECK(codified(words, "7-2371.05") == "Rebates issued pursuant to § 7-2371.04a.");
    // D.C. Law 25-217 into § 47-1807.14: a unit path, named from inside Title 47.
    CHECK(codified({{"a sales tax return pursuant to ", ""}, {"Chapter 20", "47|20"}, {" reflecting those sales;", ""}}, "47-1807.14") ==
          "a sales tax return pursuant to [Chapter 20 of this title] reflecting those sales;");
}

TEST_CASE("codify: the effective date of an act is written as the date its words give, or refused where they give none") {
    // D.C. Law 24-147 § 2-1831.08: the date stands in the law's words.
    CHECK(dc_codify("a judge first appointed after the effective date of the Technical Amendments Act of 2008, effective March 25, "
                    "2009 (D.C. Law 17-353; 56 DCR 1117), shall become a District resident") ==
          "a judge first appointed after March 25, 2009, shall become a District resident");
    // An act named by its passage has no date yet: the codifier writes one the law does not give (D.C. Law 25-191).
    CHECK(apply_dc("date", "The Board shall consist of 11 members.",
                   striking_in_a("11 members.", "11 members; except that, from the effective date of the Health Occupations Revision "
                                                "General Amendment Act of 2024, passed on 2nd reading on May 7, 2024 (Enrolled version "
                                                "of Bill 25-545), the Board shall consist of 13 members.")) ==
          "FAIL expected text the D.C. codifier can write from the law's words; it writes the date for \"the effective date of the "
          "Health Occupations Revision General Amendment Act of 2024, passed on 2nd reading on May 7, 2024 (Enrolled version of Bill "
          "25-545)\", which the law does not give");
}

TEST_CASE("codify: a law's new section numbered in the law restates the section emergency legislation put in the Code first") {
    // D.C. Law 25-175 § 29(c): "New sections 3c and 3d are added"; § 22-4503.03 stands from the emergency act, same heading.
    const std::string section = "  <num>22-4503.03</num>\n  <text>*NOTE: This section was created by emergency legislation that will "
                                "expire on June 9, 2024.*</text>\n  <heading>Endangerment with a firearm.</heading>\n  <para>\n"
                                "    <num>(a)</num>\n    <text>It is unlawful to discharge a firearm.</text>\n  </para>\n";
    auto law = [](const std::string& heading) {
        return "    <para>\n      <num>(c)</num>\n      <text>New sections 3c and 3d are added to read as follows:</text>\n"
               "      <include>\n        <section>\n          <num>3c</num>\n          <heading>" +
               heading +
               "</heading>\n          <para>\n            <num>(a)</num>\n            <text>It is unlawful to discharge a firearm "
               "outside a building.</text>\n          </para>\n        </section>\n      </include>\n    </para>\n";
    };
    ApplyResult r = apply_dc_xml("law-numbered", section, "D.C. Law 25-175", "22-4503.03", law("Endangerment with a firearm."));
    REQUIRE(r.report.ok());
    REQUIRE(r.report.changed_sections.count("22-4503.03") == 1);
    const Provision* a = resolve(r.amended.root, *parse_citation("22-4503.03(a)"));
    REQUIRE(a);
    CHECK(a->text.text == "It is unlawful to discharge a firearm outside a building.");
    // Another heading: which section of the Code the law's 3c is, the words do not say; nothing changes, and a note says so.
    ApplyResult other = apply_dc_xml("law-numbered-other", section, "D.C. Law 25-175", "22-4503.03", law("Unlawful discarding of firearms."));
    REQUIRE(other.report.ok());
    CHECK(other.report.changed_sections.empty());
    REQUIRE(other.report.skipped.size() == 1);
    CHECK(other.report.skipped[0].message.find("new section 3c is numbered in the law, not in the code given") != std::string::npos);
}

TEST_CASE("codify: an amendment the Code says identical emergency legislation made already changes nothing, with a warning") {
    // § 5-1401 as the Code held it before D.C. Law 24-45: its § 3072(a) had been made by § 3072(a) of D.C. Act 24-159.
    auto section = [](const std::string& also, const std::string& path) {
        return "  <num>5-1401</num>\n  <text>*NOTE: This section has been amended by emergency legislation with identical "
               "permanent legislation that will become effective in December, 2021.*</text>\n" +
               also + "  <heading>Definitions.</heading>\n"
               "  <para>\n    <num>(1)</num>\n    <text>\"CME\" means the Chief Medical Examiner within the OCME.</text>\n  </para>\n"
               "  <para>\n    <num>(1A)</num>\n    <text>\"District\" means the District of Columbia.</text>\n  </para>\n"
               "  <annotations>\n    <annotation history=\"false\" type=\"Emergency Legislation\" doc=\"D.C. Act 24-159\" path=\"" +
               path + "\">For temporary (90 days) amendment of this section, see § 3072(a) of Fiscal Year 2022 Budget Support "
               "Emergency Act of 2021.</annotation>\n  </annotations>\n";
    };
    const std::string law =
        "    <context>\n      <section>\n        <num>3072</num>\n        <text>The Establishment of the Office of the Chief "
        "Medical Examiner Act of 2000, effective October 19, 2000 (D.C. Law 13-172; D.C. Official Code § 5-1401 et seq.), is "
        "amended as follows:</text>\n      </section>\n    </context>\n"
        "    <para>\n      <num>(a)</num>\n      <text>Section 2902 (D.C. Official Code § 5-1401) is amended as follows:</text>\n"
        "      <para>\n        <num>(1)</num>\n        <text>Paragraph (1) is redesignated as paragraph (1A).</text>\n      </para>\n"
        "      <para>\n        <num>(2)</num>\n        <text>A new paragraph (1) is added to read as follows:</text>\n"
        "        <include>\n          <para>\n            <num>(1)</num>\n            <text>\"CME\" means the Chief Medical "
        "Examiner within the OCME.</text>\n          </para>\n        </include>\n        <aftertext>.</aftertext>\n"
        "      </para>\n    </para>\n";
    ApplyResult r = apply_dc_xml("identical-emergency", section("", "§3072|(a)"), "D.C. Law 24-45", "5-1401", law);
    REQUIRE(r.report.ok());
    CHECK(r.report.changed_sections.empty());
    REQUIRE(r.report.warnings.size() == 2);
    CHECK(r.report.warnings[0].message ==
          "5-1401 was amended already by § 3072(a) of D.C. Act 24-159, emergency legislation identical to this law's 3072(a) "
          "(the Code's note on the section says so); nothing changed");
    CHECK(r.report.warnings[0].code == "amend.applied-already");
    // The emergency act made another unit of its law: this amendment is this law's own, and (1A) stands in its way.
    ApplyResult other = apply_dc_xml("identical-emergency-other", section("", "§3072|(b)"), "D.C. Law 24-45", "5-1401", law);
    REQUIRE_FALSE(other.report.ok());
    CHECK(other.report.failures[0].message == "cannot redesignate 5-1401(1) as (1A): 5-1401(1A) already exists");
    // Another act's temporary text stands in the section as well: the codifier applies the law again, and so does amend.
    ApplyResult mixed = apply_dc_xml("identical-emergency-mixed",
                                     section("  <text>*NOTE: This section includes amendments by temporary legislation that "
                                             "will expire on March 11, 2022.*</text>\n",
                                             "§3072|(a)"),
                                     "D.C. Law 24-45", "5-1401", law);
    CHECK_FALSE(mixed.report.ok());
}

TEST_CASE("codify: a unit restated in the words the Code holds but for the editor's brackets keeps the brackets") {
    // D.C. Law 24-45 § 4098 restated § 32-1691.07, whose Code text reads "[§ 32-1691.10]" and "pursuant [to]".
    auto restate = [](const std::string& name, const std::string& a, const std::string& b) {
        ApplyResult r = apply_dc_xml(name,
                                     "  <num>32-1691.07</num>\n  <heading>Reports.</heading>\n  <para>\n    <num>(a)</num>\n    <text>"
                                     "A provider shall report the targets outlined in [§ 32-1691.10].</text>\n  </para>\n  <para>\n"
                                     "    <num>(b)</num>\n    <text>\"BON\" means the Board established pursuant [to] § 3-1202.04.</text>\n"
                                     "  </para>\n",
                                     "D.C. Law 24-45", "32-1691.07",
                                     "    <para>\n      <num>(a)</num>\n      <text>Section 32-1691.07 is amended to read as follows:</text>\n"
                                     "      <include>\n        <section>\n          <num>32-1691.07</num>\n          <heading>Reports."
                                     "</heading>\n          <para>\n            <num>(a)</num>\n            <text>" + a +
                                     "</text>\n          </para>\n          <para>\n            <num>(b)</num>\n            <text>" + b +
                                     "</text>\n          </para>\n        </section>\n      </include>\n    </para>\n");
        REQUIRE(r.report.ok());
        const Provision& s = *sections_of(r.amended.root)[0];
        return s.children.at(0).text.text + " | " + s.children.at(1).text.text;
    };
    CHECK(restate("brackets-kept", "A provider shall report the targets outlined in § 32-1691.10.",
                  "\"BON\" means the Board established pursuant § 3-1202.04.") ==
          "A provider shall report the targets outlined in [§ 32-1691.10]. | \"BON\" means the Board established pursuant [to] § 3-1202.04.");
    // Other words: the law's stand, and so do the brackets where the words are the same.
    CHECK(restate("brackets-other", "A provider shall report the targets outlined in § 32-1691.11.",
                  "\"BON\" means the Board established pursuant § 3-1202.04.") ==
          "A provider shall report the targets outlined in § 32-1691.11. | \"BON\" means the Board established pursuant [to] § 3-1202.04.");
}

TEST_CASE("codify: the repeal of a whole Act in no code repeals the sections the Code's history says it created, and only those") {
    // D.C. Law 24-167 § 7062 on § 7-533.01 (created by D.C. Law 22-108 § 2) and § 7-503.07 ("as added" by D.C. Law 22-267).
    auto section = [](const std::string& history) {
        return "  <num>7-533.01</num>\n  <heading>Definitions.</heading>\n  <text>For the purposes of this subchapter, the term:</text>\n"
               "  <para>\n    <num>(1)</num>\n    <text>\"DOH\" means the Department of Health.</text>\n  </para>\n  <annotations>\n" +
               history + "  </annotations>\n";
    };
    const std::string repeal = "    <section>\n      <num>7062</num>\n      <text>The Senior Dental Services Program Act of 2018, effective "
                               "June 5, 2018 (D.C. Law 22-108; 65 DCR 3806), is repealed.</text>\n    </section>\n";
    auto text_after = [&](const std::string& name, const std::string& history) {
        ApplyResult r = apply_dc_xml(name, section(history), "D.C. Law 24-167", "7-533.01", repeal);
        REQUIRE(r.report.ok());
        const Provision* s = sections_of(r.amended.root)[0];
        return s->text.text + " | " + s->heading.text + " | " + std::to_string(s->children.size());
    };
    CHECK(text_after("act-created", "    <annotation app=\"2018-06-05\" doc=\"D.C. Law 22-108\" eff=\"2018-06-05\" path=\"§2\" type=\"History\"/>\n") ==
          "Repealed. | Definitions. | 1");
    // Added to another Act by the law repealed ("as added"): repealed with it only where it never took effect.
    CHECK(text_after("act-added", "    <annotation doc=\"D.C. Law 1-24\" type=\"History\" path=\"§307\">Oct. 29, 1975</annotation>\n"
                                  "    <annotation doc=\"D.C. Law 22-108\" path=\"§2\" prefix=\"as added\" type=\"History\"/>\n") ==
          "For the purposes of this subchapter, the term: | Definitions. | 2");
    {
        ApplyResult r = apply_dc_xml("act-added-unfunded",
                                     "  <num>7-503.07</num>\n  <reason>Not Funded</reason>\n  <heading>Senior Strategic Plan.</heading>\n  "
                                     "<text>Not Funded.</text>\n  <annotations>\n    <annotation doc=\"D.C. Law 1-24\" type=\"History\" "
                                     "path=\"§307\">Oct. 29, 1975</annotation>\n    <annotation app=\"notfunded\" doc=\"D.C. Law 22-108\" "
                                     "path=\"§2\" prefix=\"as added\" type=\"History\"/>\n  </annotations>\n",
                                     "D.C. Law 24-167", "7-503.07", repeal);
        REQUIRE(r.report.ok());
        CHECK(sections_of(r.amended.root)[0]->text.text == "Repealed.");
    }
    // A title of the Act, or a section of it that did not create this one: nothing changes.
    auto other = [&](const std::string& name, const std::string& words) {
        ApplyResult r = apply_dc_xml(name, section("    <annotation app=\"2018-06-05\" doc=\"D.C. Law 22-108\" eff=\"2018-06-05\" path=\"§2\" type=\"History\"/>\n"),
                                     "D.C. Law 24-167", "7-533.01", "    <section>\n      <num>7062</num>\n      <text>" + words + "</text>\n    </section>\n");
        REQUIRE(r.report.ok());
        return r.report.changed_sections.size();
    };
    CHECK(other("act-title", "Title II of the Senior Dental Services Program Act of 2018, effective June 5, 2018 (D.C. Law 22-108; 65 DCR 3806), is repealed.") == 0);
    CHECK(other("act-section-other", "Sections 4 and 7a of the Senior Dental Services Program Act of 2018, effective June 5, 2018 (D.C. Law 22-108; 65 DCR 3806), are repealed.") == 0);
    CHECK(other("act-section-same", "Sections 2 and 7a of the Senior Dental Services Program Act of 2018, effective June 5, 2018 (D.C. Law 22-108; 65 DCR 3806), are repealed.") == 1);
    // The law's funding clause (a hidden history entry of its section 8a): repealing it makes the
    // section take effect; it is no repeal of the section.
    {
        ApplyResult r = apply_dc_xml("act-funding-clause",
                                     section("    <annotation app=\"notfunded\" doc=\"D.C. Law 22-108\" path=\"§8a|(a)\" type=\"History\" display=\"false\"/>\n"
                                             "    <annotation app=\"notfunded\" doc=\"D.C. Law 22-108\" path=\"§5\" type=\"History\"/>\n"),
                                     "D.C. Law 24-167", "7-533.01",
                                     "    <section>\n      <num>7062</num>\n      <text>Section 8a of the Senior Dental Services Program Act of 2018, "
                                     "effective June 5, 2018 (D.C. Law 22-108; 65 DCR 3806), is repealed.</text>\n    </section>\n");
        REQUIRE(r.report.ok());
        CHECK(r.report.changed_sections.empty());
    }
    // Only amended by the Act: what the repeal of an amending act leaves is not in its words; nothing changes.
    CHECK(text_after("act-amended", "    <annotation doc=\"D.C. Law 1-24\" type=\"History\" path=\"§307\">Oct. 29, 1975</annotation>\n"
                                    "    <annotation doc=\"D.C. Law 22-108\" path=\"§2\" type=\"History\"/>\n") ==
          "For the purposes of this subchapter, the term: | Definitions. | 2");
}

TEST_CASE("codify: a law's section with no amending words is the Code section's text only where emergency legislation created that section") {
    // D.C. Law 24-45 sec. 4163 and § 51-101, whose note says only that temporary legislation amended it.
    auto section = [](const std::string& note) {
        return "  <num>51-101</num>\n  <text>*NOTE: " + note + "*</text>\n  <heading>Definitions.</heading>\n"
               "  <text>As used in this subchapter, unless the context indicates otherwise:</text>\n";
    };
    const std::string law = "    <section>\n      <num>4163</num>\n      <heading>Requirement to produce educational videos.</heading>\n"
                            "      <para>\n        <num>(a)</num>\n        <text>In Fiscal Year 2022, the Mayor shall produce 2 "
                            "informational videos.</text>\n      </para>\n    </section>\n";
    ApplyResult amended = apply_dc_xml("law-text-amended", section("This section includes amendments by temporary legislation that will expire on February 4, 2022."),
                                       "D.C. Law 24-45", "51-101", law);
    REQUIRE(amended.report.ok());
    CHECK(amended.report.changed_sections.empty());
    REQUIRE(amended.report.skipped.size() == 1);
    CHECK(amended.report.skipped[0].message ==
          "the law's section 4163 has no amending words, and 51-101 was not created by temporary or emergency legislation whose "
          "text it would make permanent; nothing changed");
    // Created by emergency legislation: the permanent law's section is its text.
    ApplyResult created = apply_dc_xml("law-text-created", section("This section was created by emergency legislation that will expire on November 21, 2021."),
                                       "D.C. Law 24-45", "51-101", law);
    REQUIRE(created.report.ok());
    CHECK(created.report.changed_sections.count("51-101") == 1);
    CHECK(sections_of(created.amended.root)[0]->heading.text == "Requirement to produce educational videos.");
}

TEST_CASE("codify: an Act restated whole gives each Code section of it the quoted section with its heading, or refuses") {
    // D.C. Law 25-175 sec. 37 on § 48-1001: the Anti-Loitering/Drug Free Zone Act quoted whole, its sections 2 to 7.
    auto with_history = [](const std::string& law) {
        return "  <num>48-1001</num>\n  <heading>Definitions.</heading>\n  <para>\n    <num>(a)</num>\n"
               "    <text>For the purposes of this chapter, the term \"Chief\" means the Chief of Police.</text>\n  </para>\n"
               "  <annotations>\n    <annotation doc=\"" + law + "\" path=\"§2\" type=\"History\"/>\n  </annotations>\n";
    };
    const std::string section = with_history("D.C. Law 11-270");
    auto law = [](const std::string& second_heading) {
        return "    <section>\n      <num>37</num>\n      <text>The Anti-Loitering/Drug Free Zone Act of 1996, effective June 3, 1997 (D.C. Law "
               "11-270; D.C. Official Code § 48-1001 et seq.), is amended to read as follows:</text>\n      <include>\n"
               "        <section>\n          <num>3</num>\n          <heading>Procedure for establishing a drug free zone.</heading>\n"
               "          <text>The Chief may declare a drug free zone under section 2.</text>\n        </section>\n"
               "        <section>\n          <num>2</num>\n          <heading>" + second_heading + "</heading>\n"
               "          <para>\n            <num>(a)</num>\n            <text>For the purposes of this act, the term \"Chief\" means the "
               "Chief of the Metropolitan Police Department.</text>\n          </para>\n        </section>\n      </include>\n"
               "    </section>\n";
    };
    ApplyResult r = apply_dc_xml("act-by-heading", section, "D.C. Law 25-175", "48-1001", law("Definitions."));
    REQUIRE(r.report.ok());
    const Provision* s = sections_of(r.amended.root)[0];
    CHECK(s->heading.text == "Definitions.");
    REQUIRE(!s->children.empty());
    CHECK(s->children[0].text.text == "For the purposes of this chapter, the term \"Chief\" means the Chief of the Metropolitan Police Department.");
    // No quoted section has its heading: which one it is, the words do not say.
    ApplyResult none = apply_dc_xml("act-by-heading-none", section, "D.C. Law 25-175", "48-1001", law("Terms."));
    REQUIRE(none.report.failures.size() == 1);
    CHECK(none.report.failures[0].message ==
          "expected the text of one section for 48-1001, found 2 sections quoted and none with its heading; which of them is 48-1001 is not said");
    // A section of another Act in the same chapter, with a "Definitions." of its own: not this Act's.
    ApplyResult other = apply_dc_xml("act-by-heading-other", with_history("D.C. Law 14-1"), "D.C. Law 25-175", "48-1001", law("Definitions."));
    REQUIRE(other.report.failures.size() == 1);
    CHECK(other.report.failures[0].message == "expected the text of one section for 48-1001, found 2 sections quoted; which of them is 48-1001 is not said");
}

TEST_CASE("codify: an Act restated whole, applied to a code that holds it, gives each of its sections its quoted section, or says why not") {
    // The shape of D.C. Law 25-175 sec. 37 (the Anti-Loitering/Drug Free Zone Act, § 48-1001 et seq.), with no one section named.
    std::string dir = test::scratch("codify-act-whole");
    auto section = [&](const std::string& num, const std::string& heading, const std::string& text, const std::string& law) {
        test::spit(dir + "/" + num + ".xml",
                   "<?xml version='1.0' encoding='utf-8'?>\n<section xmlns=\"https://code.dccouncil.us/schemas/dc-library\">\n  <num>" + num +
                       "</num>\n  <heading>" + heading + "</heading>\n  <text>" + text + "</text>\n  <annotations>\n    <annotation doc=\"" +
                       law + "\" path=\"§2\" type=\"History\"/>\n  </annotations>\n</section>\n");
    };
    auto instruction = [&](const std::string& quoted) {
        test::spit(dir + "/instruction.xml",
                   "<?xml version='1.0' encoding='utf-8'?>\n<instruction xmlns=\"https://code.dccouncil.us/schemas/dc-library\" law=\"D.C. Law 25-175\">\n"
                   "  <part n=\"1\">\n    <section>\n      <num>37</num>\n      <text>The Anti-Loitering/Drug Free Zone Act of 1996, effective June 3, "
                   "1997 (D.C. Law 11-270; D.C. Official Code § 48-1001 et seq.), is amended to read as follows:</text>\n      <include>\n" +
                       quoted + "      </include>\n    </section>\n  </part>\n</instruction>\n");
    };
    auto quoted = [](const std::string& num, const std::string& heading, const std::string& text) {
        return "        <section>\n          <num>" + num + "</num>\n          <heading>" + heading + "</heading>\n          <text>" + text +
               "</text>\n        </section>\n";
    };
    section("48-1001", "Definitions.", "The term \"Chief\" means the Chief of Police.", "D.C. Law 11-270");
    section("48-1002", "Procedure for establishing a drug free zone.", "The Chief may declare a zone.", "D.C. Law 11-270");
    section("48-1003", "Definitions.", "Another Act's terms.", "D.C. Law 14-1");  // the same chapter, another Act
    auto run = [&]() {
        Document code = load_code({dir + "/48-1001.xml", dir + "/48-1002.xml", dir + "/48-1003.xml"});
        ApplySettings settings;
        return apply_file(code, dir + "/instruction.xml", settings);
    };
    instruction(quoted("3", "Procedure for establishing a drug free zone.", "The Chief may declare a zone for 5 days.") +
                quoted("2", "Definitions.", "The term \"Chief\" means the Chief of the Metropolitan Police Department.") +
                quoted("4", "Penalties.", "A person who fails to disperse shall be fined."));
    ApplyResult r = run();
    REQUIRE(r.report.ok());
    CHECK(r.report.changed_sections == SectionNumbers{"48-1001", "48-1002"});
    auto secs = sections_of(r.amended.root);
    CHECK(secs[0]->text.text == "The term \"Chief\" means the Chief of the Metropolitan Police Department.");
    CHECK(secs[1]->text.text == "The Chief may declare a zone for 5 days.");
    CHECK(secs[2]->text.text == "Another Act's terms.");
    REQUIRE(r.report.skipped.size() == 1);
    CHECK(r.report.skipped[0].message ==
          "the quoted section 4 (Penalties.) has no section in the code given with its number or heading; where the codifier puts it is not said");
    // Two sections of the Act with one heading would take one quoted section: refused.
    section("48-1003", "Definitions.", "Another Act's terms.", "D.C. Law 11-270");
    ApplyResult twice = run();
    REQUIRE(twice.report.failures.size() == 1);
    CHECK(twice.report.failures[0].message == "the quoted section 2 would be the text of both 48-1001 and 48-1003; which of them it is, is not said");
}

TEST_CASE("jurisdiction: the code's own word on whose it is, or the option's, never the file's format") {
    // D.C.'s codifier keeps a repealed paragraph's designation with its placeholder; with no
    // jurisdiction's conventions the paragraph goes.
    const std::string paras = "  <num>7-533.01</num>\n  <heading>Definitions.</heading>\n  <text>For the purposes of this subchapter, the term:</text>\n"
                              "  <para>\n    <num>(1)</num>\n    <text>\"DOH\" means the Department of Health.</text>\n  </para>\n"
                              "  <para>\n    <num>(2)</num>\n    <text>\"Program\" means the Senior Dental Services Program.</text>\n  </para>\n";
    const std::string repeal = "    <section>\n      <num>7062</num>\n      <text>Section 2(2) of the Senior Dental Services Program Act of 2018, "
                               "effective June 5, 2018 (D.C. Law 22-108; D.C. Official Code § 7-533.01(2)), is repealed.</text>\n    </section>\n";
    std::map<std::string, std::string> dirs;
    auto kids_after = [&](const std::string& name, const std::string& ns, std::optional<Jurisdiction> j) {
        std::string dir = dirs[name] = test::scratch("jurisdiction-" + name);
        test::spit(dir + "/before.xml", "<?xml version='1.0' encoding='utf-8'?>\n<section" + ns + ">\n" + paras + "</section>\n");
        test::spit(dir + "/instruction.xml",
                   "<?xml version='1.0' encoding='utf-8'?>\n<instruction xmlns=\"https://code.dccouncil.us/schemas/dc-library\" "
                   "law=\"D.C. Law 24-167\" target=\"§7-533.01\">\n  <part n=\"1\">\n" + repeal + "  </part>\n</instruction>\n");
        Document before = load_code({dir + "/before.xml"});
        CHECK(jurisdiction_of(before) == (ns.empty() ? Jurisdiction::General : Jurisdiction::DC));
        ApplySettings s;
        s.jurisdiction = j;
        ApplyResult r = apply_file(before, dir + "/instruction.xml", s);
        REQUIRE(r.report.ok());
        std::string out;
        for (const auto& c : sections_of(r.amended.root)[0]->children) out += c.designation + " " + c.text.text + " | ";
        return out;
    };
    const std::string dc = " xmlns=\"https://code.dccouncil.us/schemas/dc-library\"";
    CHECK(kids_after("declared", dc, std::nullopt) == "(1) \"DOH\" means the Department of Health. | (2) Repealed. | ");
    CHECK(kids_after("undeclared", "", std::nullopt) == "(1) \"DOH\" means the Department of Health. | ");
    CHECK(kids_after("declared-general", dc, Jurisdiction::General) == "(1) \"DOH\" means the Department of Health. | ");
    CHECK(kids_after("undeclared-dc", "", Jurisdiction::DC) == "(1) \"DOH\" means the Department of Health. | (2) Repealed. | ");
    CHECK(jurisdiction_named("dc") == Jurisdiction::DC);
    CHECK(jurisdiction_named("general") == Jurisdiction::General);
    CHECK_FALSE(jurisdiction_named("DC").has_value());
    // The option reaches the pipeline from the command line; a jurisdiction amend does not know is a usage error.
    const std::string d = dirs["declared"];
    auto general = test::amend("apply " + d + "/before.xml --amendments " + d + "/instruction.xml --jurisdiction general -o " + d + "/general");
    CHECK(general.rc == 0);
    auto dflt = test::amend("apply " + d + "/before.xml --amendments " + d + "/instruction.xml -o " + d + "/default");
    CHECK(dflt.rc == 0);
    const std::string g = test::slurp(d + "/general/consolidated/7-533.01.xml"), k = test::slurp(d + "/default/consolidated/7-533.01.xml");
    CHECK(g.find("<num>(1)</num>") != std::string::npos);
    CHECK(g.find("<num>(2)</num>") == std::string::npos);
    CHECK(k.find("<num>(2)</num>\n    <text>Repealed.</text>") != std::string::npos);
    auto bad = test::amend("check " + d + "/before.xml --amendments " + d + "/instruction.xml --jurisdiction chicago");
    CHECK(bad.rc == 2);
    CHECK(bad.err.find("--jurisdiction") != std::string::npos);
}
