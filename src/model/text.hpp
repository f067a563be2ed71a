// Small text helpers shared by the modules.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace amend {

// ASCII letters lowercased; every other byte (UTF-8 included) unchanged.
inline std::string ascii_lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Without the spaces and tabs at either end.
inline std::string trim_blanks(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// Each run of white space (space, tab, line break) as one space; none at either end.
inline std::string collapse_ws(const std::string& s) {
    std::string out;
    bool sp = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            sp = true;
            continue;
        }
        if (sp && !out.empty()) out += ' ';
        sp = false;
        out += c;
    }
    return out;
}

// Each run of white space that holds a line break as one space, the other runs as they are, the
// ends included (text read from XML over several lines, as one paragraph).
inline std::string fold_line_breaks(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t j = text.find_first_not_of(" \t\r\n", i);
        if (j == i) {
            j = text.find_first_of(" \t\r\n", i);
            if (j == std::string::npos) j = text.size();
            out.append(text, i, j - i);
        } else {
            if (j == std::string::npos) j = text.size();
            std::string_view gap = std::string_view(text).substr(i, j - i);
            if (gap.find_first_of("\r\n") == std::string_view::npos) out += gap;
            else out += ' ';
        }
        i = j;
    }
    return out;
}

}  // namespace amend
