// Building the D.C. Code's index (model/code_index.hpp) from the Code's XML tree: the titles'
// index.xml tables of contents give the units and the sections each holds.
#pragma once

#include <string>

#include "model/code_index.hpp"

namespace amend {

// `dir` holds titles/<T>/index.xml (us/dc/council/code, or a folder above it). Throws InputError
// for malformed XML or a folder without titles.
CodeIndex build_dc_index(const std::string& dir);

}  // namespace amend
