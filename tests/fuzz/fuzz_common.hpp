// Shared helpers of the fuzz targets (tests/fuzz/README.md). Every library function may throw
// amend::InputError on bad input; anything else (a crash, a sanitizer report, another exception, a
// hang) is a bug.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "model/provision.hpp"
#include "parse/dc_xml.hpp"
#include "parse/text_layout.hpp"

namespace fuzz {

// The separator between the two parts of a two-part input (code + amendment, old + new code).
inline constexpr const char* kSeparator = "\n%%%%\n";

inline std::pair<std::string, std::string> split2(const std::uint8_t* data, std::size_t size) {
    std::string s(reinterpret_cast<const char*>(data), size);
    auto p = s.find(kSeparator);
    if (p == std::string::npos) return {s, ""};
    return {s.substr(0, p), s.substr(p + std::char_traits<char>::length(kSeparator))};
}

// Reads one code: D.C. XML when it starts with '<', else the plain-text layout.
inline void read_code(const std::string& bytes, const std::string& name, amend::Document& doc) {
    if (!bytes.empty() && bytes[0] == '<') amend::read_dc_xml(bytes, name + ".xml", doc);
    else amend::read_text(bytes, name + ".txt", doc);
}


}  // namespace fuzz
