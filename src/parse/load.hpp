// Reading codes from files and folders (the only file access of the parse module).
#pragma once

#include <string>
#include <vector>

#include "model/provision.hpp"

namespace amend {

// Reads every PATH (a file, or a folder read recursively in byte order of the relative paths):
// *.xml as D.C. Code XML (a folder's index.xml files are tables of contents and are skipped),
// anything else as the plain-text layout. Throws InputError for bad input.
Document load_code(const std::vector<std::string>& paths);

// Reads a whole file; throws InputError naming the path when it cannot be read.
std::string read_file(const std::string& path);

// The files a folder holds, recursively, sorted; a file path gives itself.
std::vector<std::string> list_inputs(const std::string& path);

}  // namespace amend
