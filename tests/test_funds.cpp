// The D.C. codifier's conventions for sections that wait for funds: a law in no code whose
// applicability ("subject to appropriations") holds back what it wrote in the Code, and a later law
// that changes that applicability. Each with the result the codifier published in the dev cases.
#include <doctest/doctest.h>

#include "dc_support.hpp"

using namespace amend;
using test::apply_dc_xml;

TEST_CASE("codify: a section waiting for funds is not left as it is when a law it names changes its applicability") {
    // D.C. Law 25-217 § 7286 amends "Section 9 of the Business and Entrepreneurship Support to Thrive Amendment Act of 2022"
    // (applicability): the codifier then replaced some "Not Funded" sections with their text and left others.
    ApplyResult r = apply_dc_xml("not-funded", "  <num>47-2851.21</num>\n  <reason>Not Funded</reason>\n  <text>Not Funded.</text>\n",
                                 "D.C. Law 25-217", "47-2851.21",
                                 "    <section>\n      <num>7286</num>\n      <text>Section 9 of the Business and Entrepreneurship "
                                 "Support to Thrive Amendment Act of 2022, effective March 22, 2023 (D.C. Law 24-333; 70 DCR 1524), is "
                                 "repealed.</text>\n    </section>\n");
    REQUIRE(r.report.failures.size() == 1);
    CHECK(r.report.failures[0].code == "amend.not-funded");
    CHECK(r.report.failures[0].message ==
          "expected an amendment whose text can be written; 47-2851.21 holds a \"Not Funded\" placeholder, and this instruction "
          "amends a law that is not codified in the code given (its applicability, perhaps): what the Code reads once it applies "
          "is not in the law");
}

namespace {

// § 47-2851.21 as the Code held it before D.C. Law 25-217: held back by § 9 of D.C. Law 24-333.
std::string not_funded_section(const std::string& more_annotations = "") {
    return "  <reason>Not Funded</reason>\n  <num>47-2851.21</num>\n"
           "  <heading>Bonding of licensees authorized to collect monies; exemptions.</heading>\n  <text>Not Funded.</text>\n"
           "  <annotations>\n"
           "    <annotation app=\"notfunded\" doc=\"D.C. Law 24-333\" eff=\"2023-03-22\" path=\"§5|(c)|(25)\" type=\"History\"/>\n"
           "    <annotation type=\"Applicability\" doc=\"D.C. Law 24-333\" path=\"§5|(c)|(25)\" app=\"2023-03-22\" eff=\"2023-03-22\">"
           "Applicability of <cite doc=\"D.C. Law 24-333\" path=\"\">D.C. Law 24-333</cite>: <cite doc=\"D.C. Law 24-333\" "
           "path=\"§9\">§ 9 of D.C. Law 24-333</cite> provided that the creation of this section by <cite doc=\"D.C. Law 24-333\" "
           "path=\"§5|(c)|(25)\">§ 5(c)(25) of D.C. Law 24-333</cite> is subject to the inclusion of the law’s fiscal effect in an "
           "approved budget and financial plan. Therefore that amendment has not been implemented.</annotation>\n" +
           more_annotations + "  </annotations>\n";
}

// D.C. Law 25-217 § 7286, restating that § 9 to apply the law as of `date`.
std::string applies_as_of(const std::string& date) {
    return "    <section>\n      <num>7286</num>\n      <text>Section 9 of the Business and Entrepreneurship Support to Thrive "
           "Amendment Act of 2022, effective March 22, 2023 (D.C. Law 24-333; 70 DCR 1524), is amended to read as follows:</text>\n"
           "      <include>\n        <section>\n          <num>9</num>\n          <heading>Applicability.</heading>\n"
           "          <text>This act shall apply as of " +
           date + ".</text>\n        </section>\n      </include>\n      <aftertext>.</aftertext>\n    </section>\n";
}

}  // namespace

TEST_CASE("codify: a section held back by a law in no code reads \"Applicable\" and the date once that law applies as of a date") {
    ApplyResult r = apply_dc_xml("applicable", not_funded_section(), "D.C. Law 25-217", "47-2851.21", applies_as_of("October 1, 2025"));
    REQUIRE(r.report.ok());
    const Provision* s = sections_of(r.amended.root)[0];
    CHECK(s->text.text == "Applicable October 1, 2025.");
    CHECK(s->xl->reason == "Applicable October 1, 2025");
    CHECK(s->heading.text == "Bonding of licensees authorized to collect monies; exemptions.");
    REQUIRE(r.report.applied.size() == 1);
    CHECK(r.report.applied[0].what ==
          "47-2851.21 holds the placeholder \"Applicable October 1, 2025.\" (D.C. Law 24-333 applies as of October 1, 2025), in place "
          "of \"Not Funded.\"");

    // A date no later than the section's own annotations: what the Code reads then is the law's text, which is not here.
    ApplyResult past = apply_dc_xml("applicable-past", not_funded_section(), "D.C. Law 25-217", "47-2851.21", applies_as_of("March 1, 2023"));
    REQUIRE(past.report.failures.size() == 1);
    CHECK(past.report.failures[0].code == "amend.not-funded");

    // An emergency act made the same change before and the placeholder stayed (D.C. Law 24-45 on § 32-581.01): it stays.
    std::string emergency =
        "    <annotation doc=\"D.C. Act 25-100\" path=\"§7286\" type=\"Applicability\" history=\"false\" app=\"2024-07-01\" "
        "eff=\"2024-07-01\"><cite doc=\"D.C. Act 25-100\" path=\"§7286\">Section 7286 of D.C. Act 25-100</cite> amended <cite "
        "doc=\"D.C. Law 24-333\" path=\"§9\">section 9 of D.C. Law 24-333</cite> to provided that the creation of this section shall "
        "apply as of October 1, 2025.</annotation>\n";
    ApplyResult kept = apply_dc_xml("applicable-kept", not_funded_section(emergency), "D.C. Law 25-217", "47-2851.21",
                                    applies_as_of("October 1, 2025"));
    REQUIRE(kept.report.ok());
    CHECK(kept.report.changed_sections.empty());
    CHECK(sections_of(kept.amended.root)[0]->text.text == "Not Funded.");
    REQUIRE(kept.report.skipped.size() == 1);
    CHECK(kept.report.skipped[0].message.find("keeps its \"Not Funded.\" placeholder, as it did when D.C. Act 25-100 made the same change") !=
          std::string::npos);
}


namespace {

// A section with its own text whose change by D.C. Law 23-233 § 2(b)(2) waits for funds (§ 10-712
// before D.C. Law 24-45): § 4 of that law held it back.
std::string held_section() {
    return "  <num>10-712</num>\n  <heading>Lead-safe drinking water in public facilities.</heading>\n"
           "  <para>\n    <num>(a)</num>\n    <text>Each public facility shall test its water annually.</text>\n  </para>\n"
           "  <annotations>\n"
           "    <annotation app=\"2021-03-16\" doc=\"D.C. Law 23-233\" eff=\"2021-03-16\" path=\"§2|(b)|(1)\" type=\"History\"/>\n"
           "    <annotation app=\"notfunded\" doc=\"D.C. Law 23-233\" eff=\"2021-03-16\" path=\"§2|(b)|(2)\" type=\"History\"/>\n"
           "    <annotation type=\"Applicability\" doc=\"D.C. Law 23-233\" path=\"§2|(b)\" app=\"2021-03-16\" eff=\"2021-03-16\">"
           "Applicability of D.C. Law 23-233: § 4 of D.C. Law 23-233 provided that the change made to this section by § 2(b) of D.C. "
           "Law 23-233 is subject to the inclusion of the law’s fiscal effect in an approved budget and financial plan. Therefore "
           "that amendment has not been implemented.</annotation>\n"
           "  </annotations>\n";
}

// D.C. Law 24-45 § 7205, restating § 4 of D.C. Law 23-233 with `held` as its subsection (a).
std::string restating_4(const std::string& held) {
    return "    <section>\n      <num>7205</num>\n      <text>Section 4 of the Public Facilities Environmental Safety Amendment "
           "Act of 2020, effective March 16, 2021, (D.C. Law 23-233; 68 DCR 1128), is amended to read as follows:</text>\n"
           "      <include>\n        <section>\n          <num>4</num>\n          <heading>Applicability.</heading>\n"
           "          <para>\n            <num>(a)</num>\n            <text>" +
           held +
           "</text>\n          </para>\n          <para>\n            <num>(b)</num>\n            <text>The Chief Financial "
           "Officer shall certify the date of inclusion of the fiscal effect in an approved budget and financial plan.</text>\n"
           "          </para>\n        </section>\n      </include>\n      <aftertext>.</aftertext>\n    </section>\n";
}

const std::string upon_funds = " shall apply upon the date of inclusion of its fiscal effect in an approved budget and financial plan.";

// § 8-1031.12c or .12e, created "as added" by D.C. Law 23-211 § 2(k), which § 6 of that law held back.
std::string created_section(const std::string& num) {
    return "  <reason>Not Funded</reason>\n  <num>" + num + "</num>\n  <heading>Grant program.</heading>\n  <text>Not Funded.</text>\n"
           "  <annotations>\n"
           "    <annotation app=\"2021-03-16\" doc=\"D.C. Law 23-211\" eff=\"2021-03-16\" path=\"§2|(k)\" prefix=\"as added\" "
           "type=\"History\"/>\n"
           "    <annotation type=\"Applicability\" doc=\"D.C. Law 23-211\" path=\"§2|(k)\" app=\"2021-03-16\" eff=\"2021-03-16\">"
           "Applicability of D.C. Law 23-211: § 6 of D.C. Law 23-211 provided that the creation of this section by § 2(k) of D.C. Law "
           "23-211 is subject to the inclusion of the law’s fiscal effect in an approved budget and financial plan. Therefore that "
           "amendment has not been implemented.</annotation>\n"
           "  </annotations>\n";
}

// D.C. Law 24-167 § 7135, restating § 6(a) of D.C. Law 23-211 as `held`.
std::string restating_6a(const std::string& held) {
    return "    <section>\n      <num>7135</num>\n      <text>Section 6(a) of the Zero Waste Omnibus Amendment Act of 2020, "
           "effective March 16, 2021 (D.C. Law 23-211; 68 DCR 68), is amended to read as follows:</text>\n      <include>\n"
           "        <para>\n          <num>(a)</num>\n          <text>" +
           held + "</text>\n        </para>\n      </include>\n      <aftertext>.</aftertext>\n    </section>\n";
}

std::string outcome(const ApplyResult& r) {
    if (!r.report.failures.empty()) return "FAIL " + r.report.failures[0].code;
    std::string out = r.report.changed_sections.empty() ? "unchanged" : "changed";
    for (const auto& s : r.report.skipped) out += " | " + s.message.substr(0, s.message.find(": \""));
    return out;
}

}  // namespace

TEST_CASE("codify: a section whose changes wait for funds stays as it reads while the restated applicability still holds them back") {
    // D.C. Law 24-45 § 7205 on § 10-712: the unit held back is named again; the Code did not change.
    CHECK(outcome(apply_dc_xml("held-named", held_section(), "D.C. Law 24-45", "10-712",
                               restating_4("Section 2(b)(2) of this act" + upon_funds))) ==
          "unchanged | the law it amends is not codified in the code given; 10-712 stays as it reads, its changes by D.C. Law "
          "23-233 not in effect: the restated section 4 still names the provisions that changed it among those that wait for "
          "funds");
    // A unit holding it ("Section 2"), named among others.
    CHECK(outcome(apply_dc_xml("held-whole", held_section(), "D.C. Law 24-45", "10-712",
                               restating_4("Sections 3 and 2 of this act" + upon_funds))) .rfind("unchanged | ", 0) == 0);
    // Another unit only, or a part of the one held back: the change applies, and its words are not in this law.
    CHECK(outcome(apply_dc_xml("held-other", held_section(), "D.C. Law 24-45", "10-712",
                               restating_4("Section 2(b)(1) of this act" + upon_funds))) == "FAIL amend.not-funded");
    ApplyResult other = apply_dc_xml("held-other", held_section(), "D.C. Law 24-45", "10-712", restating_4("Section 2(b)(1) of this act" + upon_funds));
    REQUIRE(other.report.failures.size() == 1);
    CHECK(other.report.failures[0].message ==
          "expected an amendment whose text can be written; 10-712 has changes by D.C. Law 23-233 that wait for funds (its section 4 "
          "held them back), and this instruction changes that section: what the Code reads once they apply is not in the law");
    CHECK(outcome(apply_dc_xml("held-part", held_section(), "D.C. Law 24-45", "10-712",
                               restating_4("Section 2(b)(2)(A) of this act" + upon_funds))) == "FAIL amend.not-funded");
    // Released already by the emergency act of this law (its note says so: D.C. Law 24-45 on § 1-1163.02): the section
    // reads so, and the law's words change nothing in it.
    std::string released = held_section();
    released.insert(released.find("  </annotations>"),
                    "    <annotation doc=\"D.C. Act 24-159\" path=\"§7205\" type=\"Applicability\" history=\"false\" app=\"2021-08-23\" "
                    "eff=\"2021-08-23\">Section 7205 of D.C. Act 24-159 repealed the applicability provision of section 4 of D.C. Law "
                    "23-233 that impacted this section. Therefore the change made to this section by Law 23-233 has been "
                    "implemented.</annotation>\n");
    CHECK(outcome(apply_dc_xml("held-released", released, "D.C. Law 24-45", "10-712",
                               restating_4("Section 2(b)(1) of this act" + upon_funds))) ==
          "unchanged | the law it amends is not codified in the code given");
    // "Section 2(b)(2) of the X Act" is another law's unit.
    CHECK(outcome(apply_dc_xml("held-another-act", held_section(), "D.C. Law 24-45", "10-712",
                               restating_4("Section 2(b)(2) of the Lead Hazard Act of 2019" + upon_funds))) == "FAIL amend.not-funded");

    // An amendatory section is named by its Code cite (D.C. Law 24-167 § 7135): § 8-1031.12e stays Not Funded, while
    // § 8-1031.12c, no longer named, took its text, which the law does not give.
    const std::string only_12e = "Section 2(b)(2) and amendatory section 112e of the Sustainable Solid Waste Management Amendment "
                                 "Act of 2014, effective March 16, 2021 (D.C. Law 23-211; D.C. Official Code § 8-1031.12e), in "
                                 "section 2(k)" +
                                 upon_funds;
    CHECK(outcome(apply_dc_xml("held-12e", created_section("8-1031.12e"), "D.C. Law 24-167", "8-1031.12e", restating_6a(only_12e))) ==
          "unchanged | the law it amends is not codified in the code given; 8-1031.12e stays as it reads, its changes by D.C. Law "
          "23-211 not in effect: the restated section 6 still names it (§ 8-1031.12e) among the provisions that wait for funds");
    CHECK(outcome(apply_dc_xml("held-12c", created_section("8-1031.12c"), "D.C. Law 24-167", "8-1031.12c", restating_6a(only_12e))) ==
          "FAIL amend.not-funded");
    // The cite names the unit of this act that wrote the section ("in section 2(k)"): another unit's section of that
    // number is not the one held back here.
    std::string other_unit = only_12e;
    other_unit.replace(other_unit.find("in section 2(k)"), std::string("in section 2(k)").size(), "in section 2(j)");
    CHECK(outcome(apply_dc_xml("held-other-unit", created_section("8-1031.12e"), "D.C. Law 24-167", "8-1031.12e",
                               restating_6a(other_unit))) == "FAIL amend.not-funded");
    // Other ways of saying which unit wrote it: each read, or else no unit is that one.
    auto saying = [&](const std::string& from, const std::string& to) {
        std::string t = only_12e;
        t.replace(t.find(from), from.size(), to);
        return outcome(apply_dc_xml("held-saying", created_section("8-1031.12e"), "D.C. Law 24-167", "8-1031.12e", restating_6a(t)));
    };
    CHECK(saying("), in section 2(k)", "), in sections 2(j) and 3") == "FAIL amend.not-funded");
    CHECK(saying("), in section 2(k)", ") in section 2(j)") == "FAIL amend.not-funded");
    CHECK(saying("§ 8-1031.12e), in section 2(k)", "§ 8-1031.12e; 68 DCR 68), in section 2(j)") == "FAIL amend.not-funded");
    CHECK(saying("), in section 2(k)", "), in section 2(j) and (k)").rfind("unchanged | ", 0) == 0);
    CHECK(saying("), in section 2(k)", "), in section 2(j) or somewhere") == "FAIL amend.not-funded");
    // A cite in a sentence before the one that holds changes back is not among those it names.
    CHECK(outcome(apply_dc_xml("held-sentence-before", created_section("8-1031.12e"), "D.C. Law 24-167", "8-1031.12e",
                               restating_6a("Section 2(j) of this act amended D.C. Official Code § 8-1031.12e. Section 3 of this act" +
                                            upon_funds))) == "FAIL amend.not-funded");
    // A cite of a unit of a longer section ("§ 8-1031.12e(a)") names no shorter section that its number begins with.
    std::string unit_cite = only_12e;
    unit_cite.replace(unit_cite.find("\xC2\xA7 8-1031.12e)"), std::string("\xC2\xA7 8-1031.12e)").size(), "\xC2\xA7 8-1031.12e(a))");
    CHECK(outcome(apply_dc_xml("held-unit-cite", created_section("8-1031"), "D.C. Law 24-167", "8-1031", restating_6a(unit_cite))) ==
          "FAIL amend.not-funded");
    // Both cited (D.C. Law 24-45 § 7203): both stay.
    const std::string both = "Section 2(b)(2), (d)(2), and (m)(1), and amendatory sections 112c and 112e of the Sustainable Solid "
                             "Waste Management Amendment Act of 2014, effective March 16, 2021 (D.C. Law 23-211; D.C. Official Code "
                             "§§ 8-1031.12c and 8-1031.12e), in section 2(k)" +
                             upon_funds;
    CHECK(outcome(apply_dc_xml("held-both", created_section("8-1031.12c"), "D.C. Law 24-45", "8-1031.12c", restating_6a(both)))
              .rfind("unchanged | ", 0) == 0);
}

TEST_CASE("codify: a section whose repeal waits for funds stays as it reads when the law applies as of a later date") {
    // D.C. Law 25-217 § 7286 on § 47-2844, whose repeal by § 5(b) of D.C. Law 24-333 § 9 held back.
    const std::string section =
        "  <num>47-2844</num>\n  <heading>Regulations.</heading>\n  <text>The Mayor may make regulations.</text>\n"
        "  <annotations>\n"
        "    <annotation type=\"Applicability\" doc=\"D.C. Law 24-333\" path=\"§5|(b)\" app=\"2023-03-22\" eff=\"2023-03-22\">"
        "Applicability of D.C. Law 24-333: § 9 of D.C. Law 24-333 provided that the repeal of this section by § 5(b) of D.C. Law "
        "24-333 is subject to the inclusion of the law’s fiscal effect in an approved budget and financial plan. Therefore that "
        "amendment has not been implemented.</annotation>\n"
        "  </annotations>\n";
    CHECK(outcome(apply_dc_xml("later", section, "D.C. Law 25-217", "47-2844", applies_as_of("October 1, 2025"))) ==
          "unchanged | the law it amends is not codified in the code given; 47-2844 stays as it reads, its changes by D.C. Law "
          "24-333 not in effect: the restated section 9 applies the law as of October 1, 2025");
    // A date no later than the annotations': the repeal may be in effect, and the law does not say.
    CHECK(outcome(apply_dc_xml("earlier", section, "D.C. Law 25-217", "47-2844", applies_as_of("March 1, 2023"))) ==
          "FAIL amend.not-funded");
}
