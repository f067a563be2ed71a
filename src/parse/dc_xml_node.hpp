// Private to the parse module: builds provisions from pugixml nodes (shared by the D.C. Code
// section reader and the D.C. law instruction reader).
#pragma once

#include <pugixml.hpp>

#include "model/diagnostic.hpp"
#include "model/provision.hpp"

namespace amend {

// Parses `bytes` (UTF-8 checked) into `x`, keeping white space in mixed content; throws InputError
// with file:line:col on malformed XML.
void load_xml(pugi::xml_document& x, const std::string& bytes, const std::string& path, const LineIndex& lines);

Provision provision_from_xml(const pugi::xml_node& n, int depth, std::uint32_t file_index,
                             const LineIndex* lines, std::ptrdiff_t base_offset);

}  // namespace amend
