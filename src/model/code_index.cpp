#include "model/code_index.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "model/diagnostic.hpp"

namespace amend {

namespace {

constexpr double kLawShare = 0.9;  // "the unit of a law": nine tenths of its sections are the law's

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// How the Code writes a unit's kind inside a citation: "Title 2", "Chapter 5", "Unit A",
// "subchapter I", "part E".
std::string kind_word(const std::string& prefix) {
    std::string l = lower(prefix);
    if (l == "title" || l == "chapter" || l == "unit") {
        l[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(l[0])));
    }
    return l;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t from = 0;
    for (;;) {
        std::size_t t = line.find('\t', from);
        out.push_back(line.substr(from, t == std::string_view::npos ? std::string_view::npos : t - from));
        if (t == std::string_view::npos) break;
        from = t + 1;
    }
    return out;
}

std::string key(std::string_view law, std::string_view law_section) {
    std::string k(law);
    k += '\t';
    k += law_section;
    return k;
}

}  // namespace

int law_block(std::string_view s) {
    std::size_t d = 0;
    while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
    if (d == 0 || d > 6) return -1;
    int v = 0;
    std::from_chars(s.data(), s.data() + d, v);
    return v / 100;
}

void CodeIndex::finish() {
    by_number_.clear();
    by_law_section_.clear();
    for (auto& u : units) u.first = u.last = 0;
    std::vector<bool> seen(units.size(), false);
    for (std::uint32_t i = 0; i < sections.size(); ++i) {
        const auto& s = sections[i];
        by_number_.emplace(s.number, i);
        for (const auto& ls : s.law_sections) by_law_section_[key(s.law, ls)].push_back(i);
        // A unit's range runs from its first section to its last (units hold consecutive sections).
        for (int u = s.unit; u >= 0 && u < static_cast<int>(units.size()); u = units[static_cast<std::size_t>(u)].parent) {
            auto& unit = units[static_cast<std::size_t>(u)];
            if (!seen[static_cast<std::size_t>(u)]) {
                seen[static_cast<std::size_t>(u)] = true;
                unit.first = i;
            }
            unit.last = i + 1;
        }
    }
}

std::string CodeIndex::to_tsv() const {
    std::string out;
    for (const auto& u : units) out += "U\t" + u.prefix + "\t" + u.num + "\t" + std::to_string(u.parent) + "\n";
    for (const auto& s : sections) {
        out += "S\t" + s.number + "\t" + std::to_string(s.unit) + "\t" + s.law + "\t";
        for (std::size_t i = 0; i < s.law_sections.size(); ++i) out += (i ? "," : "") + s.law_sections[i];
        out += "\n";
    }
    return out;
}

CodeIndex CodeIndex::from_tsv(std::string_view tsv, const std::string& name) {
    CodeIndex ix;
    int line_no = 0;
    auto bad = [&](const std::string& what) {
        throw InputError(Diagnostic{name, line_no, 1, "expected " + what, "index.line", {}});
    };
    auto number = [&](std::string_view f, int limit) {
        int v = 0;
        auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
        if (ec != std::errc() || p != f.data() + f.size() || v < -1 || v >= limit) bad("a unit number below " + std::to_string(limit));
        return v;
    };
    std::size_t from = 0;
    while (from < tsv.size()) {
        std::size_t nl = tsv.find('\n', from);
        std::string_view line = tsv.substr(from, nl == std::string_view::npos ? std::string_view::npos : nl - from);
        from = nl == std::string_view::npos ? tsv.size() : nl + 1;
        ++line_no;
        if (line.empty()) continue;
        auto f = split_tabs(line);
        if (f[0] == "U" && f.size() == 4) {
            int parent = number(f[3], static_cast<int>(ix.units.size()));
            ix.units.push_back({std::string(f[1]), std::string(f[2]), parent, 0, 0});
        } else if (f[0] == "S" && f.size() == 5) {
            if (f[1].empty()) bad("a section number");
            CodeIndexSection s{std::string(f[1]), number(f[2], static_cast<int>(ix.units.size())), std::string(f[3]), {}};
            for (std::string_view rest = f[4]; !rest.empty();) {
                std::size_t c = rest.find(',');
                s.law_sections.emplace_back(rest.substr(0, c));
                rest = c == std::string_view::npos ? std::string_view{} : rest.substr(c + 1);
            }
            ix.sections.push_back(std::move(s));
        } else {
            bad("\"U<tab>prefix<tab>num<tab>parent\" or \"S<tab>section<tab>unit<tab>law<tab>law sections\"");
        }
    }
    ix.finish();
    return ix;
}

const CodeIndexSection* CodeIndex::find(std::string_view section) const {
    auto it = by_number_.find(std::string(section));
    return it == by_number_.end() ? nullptr : &sections[it->second];
}

std::string CodeIndex::code_section_of(std::string_view law, std::string_view law_section) const {
    if (law.empty() || law_section.empty()) return {};
    auto it = by_law_section_.find(key(law, law_section));
    if (it == by_law_section_.end() || it->second.size() != 1) return {};
    return sections[it->second[0]].number;
}

double CodeIndex::share_of_law(int u, const std::string& law, int block) const {
    const auto& unit = units[static_cast<std::size_t>(u)];
    if (unit.last <= unit.first) return 0;
    std::size_t mine = 0;
    for (std::uint32_t i = unit.first; i < unit.last; ++i) {
        const auto& s = sections[i];
        if (s.law != law) continue;
        if (block >= 0 && (s.law_sections.empty() || law_block(s.law_sections[0]) != block)) continue;
        ++mine;
    }
    return static_cast<double>(mine) / static_cast<double>(unit.last - unit.first);
}

int CodeIndex::unit_of_law_at(std::string_view first_section, bool part_of_law) const {
    const CodeIndexSection* s = find(first_section);
    if (!s || s->law.empty()) return -1;
    auto pos = static_cast<std::uint32_t>(s - sections.data());
    int best = -1;
    // From the innermost unit outwards; a title is never the unit of one law.
    for (int u = s->unit; u >= 0 && units[static_cast<std::size_t>(u)].parent >= 0; u = units[static_cast<std::size_t>(u)].parent) {
        if (units[static_cast<std::size_t>(u)].first != pos) break;
        if (share_of_law(u, s->law, -1) < kLawShare) continue;
        best = u;
        if (part_of_law) break;
    }
    return best;
}

int CodeIndex::unit_of_law_around(std::string_view section, int block) const {
    const CodeIndexSection* s = find(section);
    if (!s || s->law.empty()) return -1;
    int best = -1;
    for (int u = s->unit; u >= 0 && units[static_cast<std::size_t>(u)].parent >= 0; u = units[static_cast<std::size_t>(u)].parent)
        if (share_of_law(u, s->law, block) >= kLawShare) best = u;
    return best;
}

std::string CodeIndex::name_from(int u, std::string_view section) const {
    if (u < 0 || u >= static_cast<int>(units.size())) return {};
    std::vector<int> around;  // the units holding `section`, innermost first
    if (const CodeIndexSection* s = find(section))
        for (int v = s->unit; v >= 0; v = units[static_cast<std::size_t>(v)].parent) around.push_back(v);
    auto holds = [&](int v) { return std::find(around.begin(), around.end(), v) != around.end(); };
    if (holds(u)) return "this " + lower(units[static_cast<std::size_t>(u)].prefix);
    std::string out;
    int v = u;
    for (; v >= 0 && !holds(v); v = units[static_cast<std::size_t>(v)].parent) {
        const auto& unit = units[static_cast<std::size_t>(v)];
        if (!out.empty()) out += " of ";
        out += kind_word(unit.prefix) + " " + unit.num;
    }
    if (v >= 0) out += " of this " + lower(units[static_cast<std::size_t>(v)].prefix);
    return out;
}

}  // namespace amend
