// Test helpers for the D.C. codifier's conventions: one law's instruction applied to one Code
// section, as the dev cases hold them.
#pragma once

#include <string>
#include <vector>

#include "amend/apply.hpp"
#include "pipeline/documents.hpp"
#include "pipeline/inputs.hpp"
#include "support.hpp"

namespace test {

// Writes a D.C. case as the dev cases hold it: DIR/before.xml, one Code section (the body of its
// <section>), and DIR/instruction.xml, a law's instruction (the body of an <instruction> of LAW for
// TARGET). Returns DIR.
inline std::string dc_case(const std::string& name, const std::string& section, const std::string& law, const std::string& target,
                           const std::string& instruction) {
    std::string dir = scratch("codify-" + name);
    spit(dir + "/before.xml",
               "<?xml version='1.0' encoding='utf-8'?>\n<section xmlns=\"https://code.dccouncil.us/schemas/dc-library\">\n" +
                   section + "</section>\n");
    spit(dir + "/instruction.xml",
               "<?xml version='1.0' encoding='utf-8'?>\n<instruction xmlns=\"https://code.dccouncil.us/schemas/dc-library\" law=\"" +
                   law + "\" target=\"§" + target + "\">\n  <part n=\"1\">\n" + instruction + "  </part>\n</instruction>\n");
    return dir;
}

// Applies the case's instruction to its section (dc_case).
inline amend::ApplyResult apply_dc_xml(const std::string& name, const std::string& section, const std::string& law, const std::string& target,
                                       const std::string& instruction) {
    std::string dir = dc_case(name, section, law, target, instruction);
    amend::Document before = amend::load_code({dir + "/before.xml"});
    return amend::apply_file(before, dir + "/instruction.xml", amend::ApplySettings{});
}

// A table as the D.C. XML holds one: rows of cells (their words as XML, escaped).
inline std::string rows_table(const std::vector<std::vector<std::string>>& rows) {
    std::string t = "<text>\n<table>\n<tbody>\n";
    for (const auto& r : rows) {
        t += "<tr>\n";
        for (const auto& c : r) t += "<td>" + c + "</td>\n";
        t += "</tr>\n";
    }
    return t + "</tbody>\n</table>\n</text>\n";
}

// The FY schedule of § 38-2904 as the budget support acts restate it ("striking the tabular array and
// inserting the following tabular array in its place:"): amounts changed, a row added ("Grades 1-5 &
// <6>", its marks escaped), a row struck ("Adult"). Writes the case (dc_case) and returns its folder.
inline std::string schedule_case(const std::string& name) {
    const std::vector<std::string> head22{"Grade Level", "Weighting", "Per Pupil Allocation in FY 2022"},
        head23{"Grade Level", "Weighting", "Per Pupil Allocation in FY 2023"};
    std::string before = "  <num>38-2904</num>\n  <heading>Weightings applied to counts of students.</heading>\n"
                         "  <text>The student counts shall be weighted in accordance with the following schedule:</text>\n" +
                         rows_table({head22, {"Kindergarten", "1.30", "$15,249"}, {"Alternative program", "1.52", "$17,830"},
                                     {"Adult", "0.89", "$10,440"}});
    std::string quoted = rows_table({head23, {"Kindergarten", "1.30", "$16,145"}, {"Grades 1-5 &amp; &lt;6&gt;", "1.00", "$12,419"},
                                     {"Alternative program", "1.52", "$17,830"}});
    return dc_case(name, before, "D.C. Law 24-167", "38-2904",
                   "    <section>\n      <num>4002</num>\n      <text>Section 105 (D.C. Official Code § 38-2904) is amended by striking the "
                   "tabular array and inserting the following tabular array in its place:</text>\n      <include>\n" +
                       quoted + "      </include>\n      <aftertext>.</aftertext>\n    </section>\n");
}

}  // namespace test
