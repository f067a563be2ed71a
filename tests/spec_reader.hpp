// Spec files (tests/spec/*.spec), in the style of cmark's spec.txt: "### title", then parts
// opened by "~~~ NAME" lines, the example closed by "~~~ end".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "support.hpp"

namespace test {

struct Example {
    std::string title;
    int line = 0;
    std::map<std::string, std::string> parts;
};

inline std::vector<Example> read_spec(const std::string& path) {
    std::vector<Example> out;
    std::string text = slurp(path);
    std::size_t i = 0;
    int lineno = 0;
    Example cur;
    std::string part;
    while (i < text.size()) {
        std::size_t e = text.find('\n', i);
        if (e == std::string::npos) e = text.size();
        std::string l = text.substr(i, e - i);
        i = e + 1;
        ++lineno;
        if (l.rfind("### ", 0) == 0) {
            cur = Example{};
            cur.title = l.substr(4);
            cur.line = lineno;
            part.clear();
            continue;
        }
        if (l.rfind("~~~ ", 0) == 0) {
            part = l.substr(4);
            if (part == "end") {
                out.push_back(cur);
                part.clear();
            } else {
                cur.parts[part];
            }
            continue;
        }
        if (!part.empty()) cur.parts[part] += l + "\n";
    }
    return out;
}

}  // namespace test
