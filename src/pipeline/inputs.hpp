// Reading codes from files and folders (the only file access of the parse module).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/instruction.hpp"
#include "model/provision.hpp"

namespace amend {

// Reads every PATH (a file, or a folder read recursively in byte order of the relative paths):
// *.xml as D.C. Code XML (a folder's index.xml files are tables of contents and are skipped),
// anything else as the plain-text layout. Throws InputError for bad input.
Document load_code(const std::vector<std::string>& paths);

// Limits of read_file: no input file may be larger than kMaxFileBytes (256 MiB; the largest D.C.
// Code section file is well under 1 MiB) nor hold a line longer than kMaxLineBytes (16 MiB).
// Reading stops as soon as either is passed, so a runaway input (a 1 GB line, a device) is refused
// without being read into memory.
inline constexpr std::size_t kMaxFileBytes = std::size_t{256} << 20;
inline constexpr std::size_t kMaxLineBytes = std::size_t{16} << 20;

// Reads a whole file; throws InputError naming the path when it cannot be read, when it is larger
// than kMaxFileBytes ("FILE: error: file of N bytes is larger than the limit of ... [io.too-large]")
// or when a line is longer than kMaxLineBytes
// ("FILE:LINE:16777217: error: line longer than the limit of 16777216 bytes ... [io.line-too-long]").
std::string read_file(const std::string& path);

// Reads an amendment file: *.xml as a whole D.C. law (<document>) or a D.C. law instruction, anything
// else as Markdown.
AmendmentDoc read_amendment_file(const std::string& path);

// The files a folder holds, recursively, sorted; a file path gives itself.
std::vector<std::string> list_inputs(const std::string& path);

}  // namespace amend
