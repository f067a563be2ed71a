// Test helpers for the D.C. codifier's conventions: one law's instruction applied to one Code
// section, as the dev cases hold them.
#pragma once

#include <string>

#include "amend/apply.hpp"
#include "pipeline/documents.hpp"
#include "pipeline/inputs.hpp"
#include "support.hpp"

namespace test {

// Applies a D.C. law's instruction (the body of an <instruction> of LAW for TARGET, as the dev cases
// hold it) to one Code section (the body of its <section>).
inline amend::ApplyResult apply_dc_xml(const std::string& name, const std::string& section, const std::string& law, const std::string& target,
                         const std::string& instruction) {
    std::string dir = scratch("codify-" + name);
    spit(dir + "/before.xml",
               "<?xml version='1.0' encoding='utf-8'?>\n<section xmlns=\"https://code.dccouncil.us/schemas/dc-library\">\n" +
                   section + "</section>\n");
    spit(dir + "/instruction.xml",
               "<?xml version='1.0' encoding='utf-8'?>\n<instruction xmlns=\"https://code.dccouncil.us/schemas/dc-library\" law=\"" +
                   law + "\" target=\"§" + target + "\">\n  <part n=\"1\">\n" + instruction + "  </part>\n</instruction>\n");
    amend::Document before = amend::load_code({dir + "/before.xml"});
    return amend::apply_file(before, dir + "/instruction.xml", amend::ApplySettings{});
}

}  // namespace test
