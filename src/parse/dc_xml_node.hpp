// Private to the parse module: builds provisions from pugixml nodes (shared by the D.C. Code
// section reader and the D.C. law instruction reader).
#pragma once

#include "model/diagnostic.hpp"
#include "model/instruction.hpp"
#include "model/provision.hpp"
#include "parse/xml.hpp"

namespace amend {

Provision provision_from_xml(const pugi::xml_node& n, int depth, std::uint32_t file_index,
                             const LineIndex* lines, std::ptrdiff_t base_offset);

// A section number names output files (DIR/consolidated/NUMBER.xml, DIR/NUMBER/redline.html):
// throws InputError [xml.num] at line:col when `num` could name a path outside the output folder
// (it holds '/', '\\' or a control character, or is "." or "..").
void require_section_number(const std::string& num, const std::string& path, int line, int col,
                            const std::string& source_line);

// Removes the codifier's own reading (codify:* elements, codified:* and codify:* attributes) and
// comments, recursively: only the law's words are read.
void strip_codify(pugi::xml_node n);

// The words of `n` appended to `rt`, its elements (<cite>, <table>, <td>, ...) as marks over them.
void append_rich(const pugi::xml_node& n, RichText& rt);

// A D.C. law provision (<section> or <para>) as an instruction item: its <text>s joined, the new
// text of its <include>s as blocks, its <para>s as sub-items. `above` is the law's unit that holds
// it ("§3072" for a para of section 3072), for the items' law_unit.
InstructionItem dc_instruction_item(const pugi::xml_node& n, const std::string& path, const LineIndex& lines,
                                    const std::string& above = "");

// The unit of the law an element is, as the D.C. Code's annotations cite it: a <section> is
// "§3072", a <para> within one its designation after a bar ("§3072|(a)"); a para with no number
// is the unit that holds it, and nothing outside a section is a unit (""). `above`: the unit
// holding the element.
std::string dc_law_unit(const pugi::xml_node& n, const std::string& above);

}  // namespace amend
