// A quotation of the words inserted that runs on into the units below the sentence, closed by
// "in its place" at the end of the last (D.C. Laws 22-315 § 1-608.01(a)(4), 24-289): the phrase,
// then the units added right after it. Read and applied from the law's own XML form.
#include <doctest/doctest.h>

#include "dc_support.hpp"
#include "model/provision.hpp"

using namespace amend;
using test::apply_dc_xml;

namespace {

const std::string section_1_608_01 =
    "  <num>1-608.01</num>\n  <heading>Career and Educational Service.</heading>\n"
    "  <para>\n    <num>(a)</num>\n    <text>The Mayor shall issue rules for:</text>\n"
    "    <para>\n      <num>(3)</num>\n      <text>Hiring on merit;</text>\n    </para>\n"
    "    <para>\n      <num>(4)</num>\n      <text>Promotion with appropriate regard for affirmative action goals and veterans "
    "preference as provided in title VII of this act;</text>\n    </para>\n"
    "    <para>\n      <num>(5)</num>\n      <text>Training.</text>\n    </para>\n  </para>\n";

// D.C. Law 22-315 § 12(1), in its words: the quotation opened after "inserting the phrase" is
// closed nowhere; "in its place." ends (C). `units` is how the law holds (A)-(C).
std::string run_on(bool include, const std::string& last = "The veterans preference provided in title VII of this act; in its place.") {
    std::string units = "<para>\n<num>(A)</num>\n<text>Affirmative action goals;</text>\n</para>\n"
                        "<para>\n<num>(B)</num>\n<text>The preferences provided in subsection (e) of this section; and</text>\n</para>\n"
                        "<para>\n<num>(C)</num>\n<text>" + last + "</text>\n</para>\n";
    return "    <section>\n      <num>12</num>\n      <text>Section 801 (D.C. Official Code § 1-608.01) is amended as follows:</text>\n"
           "      <para>\n        <num>(1)</num>\n        <text>Subsection (a)(4) is amended by striking the phrase \"with appropriate "
           "regard for affirmative action goals and veterans preference as provided in title VII of this act;\" and inserting the "
           "phrase \"with appropriate regard for:</text>\n" +
           (include ? "<include>\n" + units + "</include>\n<aftertext>.</aftertext>\n" : units) + "      </para>\n    </section>\n";
}

std::string unit_4(const ApplyResult& r) {
    const Provision* a = &sections_of(r.amended.root)[0]->children[0];
    const Provision& p4 = a->children[1];
    std::string out = p4.designation + " " + p4.text.text;
    for (const auto& c : p4.children) out += " | " + c.designation + " " + c.text.text;
    return out + " || next " + a->children[2].designation;
}

}  // namespace

TEST_CASE("run-on quotation: the phrase inserted, then the units it runs into added right after it") {
    for (bool include : {true, false}) {
        ApplyResult r = apply_dc_xml(include ? "run-on-include" : "run-on-paras", section_1_608_01, "D.C. Law 22-315", "1-608.01", run_on(include));
        REQUIRE(r.report.ok());
        CHECK(unit_4(r) ==
              "(4) Promotion with appropriate regard for: | (A) Affirmative action goals; | (B) The preferences provided in subsection "
              "(e) of this section; and | (C) The veterans preference provided in title VII of this act; || next (5)");
        bool warned = false;
        for (const auto& w : r.report.warnings)
            warned |= w.message.rfind("read the quotation of the words inserted as closed before (A), which it runs into: the words "
                                      "inserted are \"with appropriate regard for:\", and (A), (B), (C) are added after them",
                                      0) == 0;
        CHECK(warned);
    }
    // The last unit not closing the instruction: the quotation is open, an error.
    ApplyResult open = apply_dc_xml("run-on-open", section_1_608_01, "D.C. Law 22-315", "1-608.01",
                                    run_on(true, "The veterans preference provided in title VII of this act;"));
    REQUIRE(open.report.failures.size() == 1);
    CHECK(open.report.failures[0].message.find("a quotation is not closed") != std::string::npos);
}

TEST_CASE("run-on quotation: the units go only where the words inserted end a unit's text that holds no units") {
    // The words struck in the middle of (4)'s text: the units would split it.
    std::string mid = section_1_608_01;
    mid.replace(mid.find("as provided in title VII of this act;</text>"), std::string("as provided in title VII of this act;</text>").size(),
                "as provided in title VII of this act; and for seniority;</text>");
    ApplyResult r = apply_dc_xml("run-on-mid", mid, "D.C. Law 22-315", "1-608.01", run_on(true));
    REQUIRE(r.report.failures.size() == 1);
    CHECK(r.report.failures[0].message ==
          "expected the words inserted (\"with appropriate regard for:\") to end the text of 1-608.01(a)(4), which holds no units, for "
          "the units the quotation runs into to follow them: where they go is not said");
    CHECK_FALSE(r.report.ok());  // nothing written

    // The unit above named ("Subsection (a)"): the words are found in its (4), but (a) holds units, and its text is not theirs.
    std::string above = run_on(true);
    above.replace(above.find("Subsection (a)(4) is amended"), std::string("Subsection (a)(4) is amended").size(), "Subsection (a) is amended");
    ApplyResult s = apply_dc_xml("run-on-above", section_1_608_01, "D.C. Law 22-315", "1-608.01", above);
    REQUIRE(s.report.failures.size() == 1);
    CHECK(s.report.failures[0].message.rfind("expected the words inserted (\"with appropriate regard for:\") to end the text of 1-608.01(a),", 0) == 0);
}
