// "A section heading is added to read as follows:" under the section a D.C. law amends, with the
// section quoted as its heading alone (D.C. Law 24-167 § 3072(a) on § 5-113.01): the Code gives
// every section a heading, and the law's takes its place.
#include <doctest/doctest.h>

#include "dc_support.hpp"
#include "model/provision.hpp"

using namespace amend;
using test::apply_dc_xml;

namespace {

const std::string section_5_113_01 = "  <num>5-113.01</num>\n  <heading>Records — Required.</heading>\n"
                                     "  <para>\n    <num>(a)</num>\n    <text>The police force shall keep a record of arrests.</text>\n  </para>\n";

std::string heading_added(const std::string& quoted) {
    return "    <section>\n      <num>3072</num>\n      <text>Section 386 of the Revised Statutes of the District of Columbia (D.C. "
           "Official Code § 5-113.01), is amended as follows:</text>\n      <para>\n        <num>(a)</num>\n        <text>A section "
           "heading is added to read as follows:</text>\n        <include>\n" +
           quoted + "        </include>\n        <aftertext>.</aftertext>\n      </para>\n    </section>\n";
}

}  // namespace

TEST_CASE("D.C. section heading added: the section's heading becomes the law's, with a warning") {
    ApplyResult r = apply_dc_xml("heading-added", section_5_113_01, "D.C. Law 24-167", "5-113.01",
                                 heading_added("<section>\n<num>386</num>\n<heading>Records required to be maintained; budget and "
                                               "staffing transparency.</heading>\n</section>\n"));
    REQUIRE(r.report.ok());
    const Provision* s = sections_of(r.amended.root)[0];
    CHECK(s->heading.text == "Records required to be maintained; budget and staffing transparency.");
    CHECK(s->children[0].text.text == "The police force shall keep a record of arrests.");
    bool warned = false;
    for (const auto& w : r.report.warnings)
        warned |= w.message == "read \"A section heading is added to read as follows:\" as the section heading restated: the Code gives "
                               "the section a heading, which the law's takes the place of";
    CHECK(warned);

    // The section quoted with words of its own: not a heading alone, and an Act's table of contents is not named.
    ApplyResult words = apply_dc_xml("heading-added-words", section_5_113_01, "D.C. Law 24-167", "5-113.01",
                                     heading_added("<section>\n<num>386</num>\n<heading>Records.</heading>\n<text>The police force "
                                                   "shall keep records.</text>\n</section>\n"));
    REQUIRE(words.report.failures.size() == 1);
    CHECK(words.report.failures[0].message.find("designations and headings are added to an Act's table of contents") != std::string::npos);
}
