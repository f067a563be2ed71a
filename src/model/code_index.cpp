#include "model/code_index.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "model/diagnostic.hpp"
#include "model/text.hpp"

namespace amend {

namespace {

// How the Code writes a unit's kind inside a citation: "Title 2", "Chapter 5", "Unit A",
// "subchapter I", "part E" (as in 1,564 "subchapter N of Chapter N of ..." of the Code's own text).
std::string kind_word(const std::string& prefix) {
    std::string l = ascii_lower(prefix);
    if (l == "title" || l == "chapter" || l == "unit") l[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(l[0])));
    return l;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> out;
    for (std::size_t from = 0;;) {
        std::size_t t = line.find('\t', from);
        out.push_back(line.substr(from, t == std::string_view::npos ? std::string_view::npos : t - from));
        if (t == std::string_view::npos) break;
        from = t + 1;
    }
    return out;
}

}  // namespace

void CodeIndex::finish() {
    section_unit_.clear();
    by_path_.clear();
    std::vector<std::string> paths(units.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
        int parent = units[u].parent;
        paths[u] = (parent >= 0 ? paths[static_cast<std::size_t>(parent)] + "|" : std::string()) + units[u].num;
        by_path_.emplace(paths[u], static_cast<int>(u));
    }
    for (const auto& [number, unit] : sections) section_unit_.emplace(number, unit);
}

std::string CodeIndex::to_tsv() const {
    std::string out;
    for (const auto& u : units) out += "U\t" + u.prefix + "\t" + u.num + "\t" + std::to_string(u.parent) + "\n";
    for (const auto& [number, unit] : sections) out += "S\t" + number + "\t" + std::to_string(unit) + "\n";
    return out;
}

CodeIndex CodeIndex::from_tsv(std::string_view tsv, const std::string& name) {
    CodeIndex ix;
    int line_no = 0;
    auto bad = [&](const std::string& what) { throw InputError(Diagnostic{name, line_no, 1, "expected " + what, "index.line", {}}); };
    // A parent is an earlier unit; a section's unit is any unit read so far.
    auto unit_number = [&](std::string_view f, int below) {
        int v = 0;
        auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
        if (ec != std::errc() || p != f.data() + f.size() || v < -1 || v >= below) bad("a unit number below " + std::to_string(below));
        return v;
    };
    for (std::size_t from = 0; from < tsv.size();) {
        std::size_t nl = tsv.find('\n', from);
        std::string_view line = tsv.substr(from, nl == std::string_view::npos ? std::string_view::npos : nl - from);
        from = nl == std::string_view::npos ? tsv.size() : nl + 1;
        ++line_no;
        if (line.empty()) continue;
        auto f = split_tabs(line);
        if (f[0] == "U" && f.size() == 4 && !f[2].empty()) {
            int parent = unit_number(f[3], static_cast<int>(ix.units.size()));
            ix.units.push_back({std::string(f[1]), std::string(f[2]), parent});
        } else if (f[0] == "S" && f.size() == 3 && !f[1].empty()) {
            ix.sections.emplace_back(std::string(f[1]), unit_number(f[2], static_cast<int>(ix.units.size())));
        } else {
            bad("\"U<tab>prefix<tab>num<tab>parent\" or \"S<tab>section<tab>unit\"");
        }
    }
    ix.finish();
    return ix;
}

int CodeIndex::unit_at(std::string_view path) const {
    auto it = by_path_.find(std::string(path));
    return it == by_path_.end() ? -1 : it->second;
}

int CodeIndex::chapter_of(std::string_view section) const {
    auto it = section_unit_.find(std::string(section));
    if (it == section_unit_.end()) return -1;
    int u = it->second;
    while (u >= 0 && u < static_cast<int>(units.size()) && units[static_cast<std::size_t>(u)].prefix != "Chapter") u = units[static_cast<std::size_t>(u)].parent;
    return u < 0 || u >= static_cast<int>(units.size()) ? it->second : u;
}

std::string CodeIndex::name_from(int u, std::string_view section) const {
    if (u < 0 || u >= static_cast<int>(units.size())) return {};
    std::vector<int> around;  // the units holding `section`, innermost first
    if (auto it = section_unit_.find(std::string(section)); it != section_unit_.end())
        for (int v = it->second; v >= 0; v = units[static_cast<std::size_t>(v)].parent) around.push_back(v);
    auto holds = [&](int v) { return std::find(around.begin(), around.end(), v) != around.end(); };
    if (holds(u)) return "this " + ascii_lower(units[static_cast<std::size_t>(u)].prefix);
    std::string out;
    int v = u;
    for (; v >= 0 && !holds(v); v = units[static_cast<std::size_t>(v)].parent) {
        const auto& unit = units[static_cast<std::size_t>(v)];
        if (!out.empty()) out += " of ";
        out += kind_word(unit.prefix) + " " + unit.num;
    }
    if (v >= 0) out += " of this " + ascii_lower(units[static_cast<std::size_t>(v)].prefix);
    return out;
}

}  // namespace amend
