// Small text helpers shared by the modules.
#pragma once

#include <cctype>
#include <string>

namespace amend {

// ASCII letters lowercased; every other byte (UTF-8 included) unchanged.
inline std::string ascii_lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace amend
