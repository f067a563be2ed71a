// The one libzip adapter: a zip package written in memory with fixed entry times (the same bytes
// every run), and read from memory with limits (entry count, unpacked sizes, entry names), since a
// .docx given to amend is untrusted input.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace amend::docx {

using Entries = std::vector<std::pair<std::string, std::string>>;  // (name, bytes), in order

// Deflated entries in the order given, each dated 1980-01-01 00:00 (the zip format's epoch).
std::string write_zip(const Entries& entries);

struct ZipLimits {
    std::size_t max_entries = 4096;
    std::size_t max_entry_bytes = std::size_t{64} << 20;   // one unpacked entry
    std::size_t max_total_bytes = std::size_t{128} << 20;  // all of them
};

// Every entry of a zip held in `bytes`. Throws InputError ("FILE: error: ... [docx.zip]") for a
// file that is no zip, is truncated or corrupt, holds an encrypted entry, an entry named with
// "..", a leading "/" or "\", or unpacks past a limit.
Entries read_zip(const std::string& bytes, const std::string& file, const ZipLimits& limits = {});

}  // namespace amend::docx
