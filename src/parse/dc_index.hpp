// Building the D.C. Code's index (model/code_index.hpp) from the Code's XML tree: the titles'
// index.xml tables of contents give the units and the sections each holds.
#pragma once

#include <string>

#include "model/code_index.hpp"

namespace amend {

// Adds the units and sections of one title's table of contents (titles/<T>/index.xml, its bytes
// read from `path`) to `ix`; call ix.finish() after the last title. Throws InputError for
// malformed XML.
void add_dc_title_index(CodeIndex& ix, const std::string& bytes, const std::string& path);

}  // namespace amend
