// Test helpers for the D.C. codifier's conventions: one law's instruction applied to one Code
// section, as the dev cases hold them.
#pragma once

#include <string>

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

}  // namespace test
