// Building the D.C. Code's index (model/code_index.hpp) from the Code's XML tree: the titles'
// index.xml files give the units and the order of the sections, each section's first History
// annotation the law that enacted it ("Feb. 9, 1984, D.C. Law 5-46, §§ 3, 4, 30 DCR 5638").
#pragma once

#include <string>

#include "model/code_index.hpp"

namespace amend {

// `dir` holds titles/<T>/index.xml (us/dc/council/code, or a folder above it). Throws InputError
// for malformed XML or a folder without titles.
CodeIndex build_dc_index(const std::string& dir);

// The law and its sections named by a History annotation's text, or by its path attribute when
// it has no text: ("D.C. Law 5-46", {"3", "4"}). `doc` is the annotation's doc attribute.
std::vector<std::string> history_law_sections(const std::string& text, const std::string& doc, const std::string& path);

}  // namespace amend
