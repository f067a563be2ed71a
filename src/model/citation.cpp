#include "model/citation.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "model/designation.hpp"

namespace amend {

bool is_addressable(const Provision& p) {
    return is_numbered(p.kind) || p.kind == Kind::Definition;
}

std::string Citation::str() const {
    std::string s = section;
    for (const auto& d : path) s += "(" + d + ")";
    if (!term.empty()) return "the definition of \"" + term + "\" in " + s;
    return s;
}

static std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

static bool starts_with_ci(std::string_view s, std::string_view p) {
    if (s.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(p[i])))
            return false;
    return true;
}

// Reads a quoted term at the start of s (straight or curly quotes); returns its length with quotes.
static std::size_t read_quoted(std::string_view s, std::string& term) {
    std::string_view open, close;
    if (s.substr(0, 1) == "\"") open = close = "\"";
    else if (s.substr(0, 3) == "\xE2\x80\x9C") { open = "\xE2\x80\x9C"; close = "\xE2\x80\x9D"; }
    else return 0;
    std::size_t e = s.find(close, open.size());
    if (e == std::string_view::npos) return 0;
    term = std::string(s.substr(open.size(), e - open.size()));
    return e + close.size();
}

static std::optional<Citation> parse_plain(std::string_view s) {
    s = trim(s);
    if (starts_with_ci(s, "section ")) s = trim(s.substr(8));
    if (s.substr(0, 2) == "\xC2\xA7") s = trim(s.substr(2));
    Citation c;
    std::size_t i = 0;
    while (i < s.size() && s[i] != '(' && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    c.section = std::string(s.substr(0, i));
    if (c.section.empty() || !std::isdigit(static_cast<unsigned char>(c.section[0]))) return std::nullopt;
    while (i < s.size()) {
        if (s[i] != '(') return std::nullopt;
        std::size_t e = s.find(')', i);
        if (e == std::string_view::npos || e == i + 1) return std::nullopt;
        c.path.emplace_back(s.substr(i + 1, e - i - 1));
        i = e + 1;
    }
    return c;
}

std::optional<Citation> parse_citation(std::string_view s) {
    s = trim(s);
    if (starts_with_ci(s, "the definition of ")) {
        s.remove_prefix(18);
        std::string term;
        std::size_t n = read_quoted(s, term);
        if (n == 0 || term.empty()) return std::nullopt;
        s = trim(s.substr(n));
        if (!starts_with_ci(s, "in ")) return std::nullopt;
        auto c = parse_plain(s.substr(3));
        if (!c) return std::nullopt;
        c->term = term;
        return c;
    }
    return parse_plain(s);
}

std::string eid_prefix(Kind k) {
    switch (k) {
        case Kind::Section: return "sec";
        case Kind::Subsection: return "subsec";
        case Kind::Paragraph: return "para";
        case Kind::Subparagraph: return "subpara";
        case Kind::Clause: return "clause";
        case Kind::Subclause: return "subclause";
        case Kind::Item: return "item";
        case Kind::Definition: return "def";
        default: return kind_name(k);
    }
}

static std::string eid_term(std::string_view term) {
    std::string out;
    for (char c : term) out += (c == ' ') ? '-' : c;
    return out;
}

Citation citation_below(Citation c, const Provision& p) {
    if (p.kind == Kind::Section) c.section = p.designation;
    else if (p.kind == Kind::Definition) c.term = p.designation;
    else if (c.term.empty()) c.path.push_back(clean_num(p.designation));
    return c;
}

std::string eid_below(const std::string& parent_eid, const Provision& p) {
    std::string s = parent_eid;
    if (!s.empty()) s += "__";
    s += eid_prefix(p.kind) + "_";
    s += p.kind == Kind::Definition ? eid_term(p.designation) : clean_num(p.designation);
    return s;
}

std::string eid_unnumbered(const std::string& parent_eid, Kind k, std::size_t ord) {
    return parent_eid + "__" + kind_name(k) + "_" + std::to_string(ord);
}

std::string anchor_of(const Citation& c) {
    std::string s = c.section;
    for (const auto& d : c.path) s += "(" + d + ")";
    if (!c.term.empty()) {
        s += ":";
        for (char ch : c.term) s += ch == ' ' ? '-' : ch;
    }
    return s;
}

std::string anchor_unnumbered(const std::string& parent_anchor, Kind k, std::size_t ord) {
    return parent_anchor + "-" + kind_name(k) + "-" + std::to_string(ord);
}

std::string anchor_removed(const std::string& anchor) { return "was-" + anchor; }

bool is_removed_anchor(const std::string& anchor) { return anchor.rfind("was-", 0) == 0; }

std::string anchor_proposed(std::size_t n, const std::string& citation) { return "p" + std::to_string(n) + "-new-" + citation; }

Citation citation_of(const ProvisionPath& chain) {
    Citation c;
    for (const Provision* p : chain) c = citation_below(std::move(c), *p);
    return c;
}

std::string eid_of(const ProvisionPath& chain) {
    std::string s;
    for (const Provision* p : chain) s = eid_below(s, *p);
    return s;
}

std::optional<Citation> parse_eid(std::string_view eid) {
    Citation c;
    std::size_t i = 0;
    bool first = true;
    while (i <= eid.size()) {
        std::size_t e = eid.find("__", i);
        if (e == std::string_view::npos) e = eid.size();
        std::string_view part = eid.substr(i, e - i);
        std::size_t u = part.find('_');
        if (u == std::string_view::npos || u + 1 >= part.size()) return std::nullopt;
        std::string_view pre = part.substr(0, u), num = part.substr(u + 1);
        if (first) {
            if (pre != "sec") return std::nullopt;
            c.section = std::string(num);
            first = false;
        } else if (pre == "def") {
            std::string t;
            for (char ch : num) t += (ch == '-') ? ' ' : ch;
            c.term = t;
        } else {
            c.path.emplace_back(num);
        }
        i = e + 2;
    }
    if (c.section.empty()) return std::nullopt;
    return c;
}

static bool term_matches(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

const Provision* resolve(const Provision& root, const Citation& c, ProvisionPath* chain_out) {
    const Provision* found = nullptr;
    ProvisionPath chain;
    for_each_addressable(root, chain, [&](const ProvisionPath& ch) {
        if (found) return;
        Citation here = citation_of(ch);
        if (here.section != c.section || here.path != c.path) return;
        if (c.term.empty() ? !here.term.empty() : !term_matches(here.term, c.term)) return;
        found = ch.back();
        if (chain_out) *chain_out = ch;
    });
    return found;
}

Provision* resolve(Provision& root, const Citation& c) {
    return const_cast<Provision*>(resolve(static_cast<const Provision&>(root), c, nullptr));
}

static std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::vector<std::string> nearest_citations(const Provision& root, const Citation& c, std::size_t n) {
    std::string want = c.str();
    std::vector<std::pair<std::size_t, std::string>> scored;
    std::size_t order = 0;
    ProvisionPath chain;
    for_each_addressable(root, chain, [&](const ProvisionPath& ch) {
        Citation here = citation_of(ch);
        std::string s = here.str();
        std::size_t d = edit_distance(s, want) * 4;
        if (here.section != c.section) d += 1000;
        // Prefer the longest existing prefix of the wanted path.
        std::size_t common = 0;
        while (common < here.path.size() && common < c.path.size() && here.path[common] == c.path[common]) ++common;
        d += (here.path.size() - common) + (c.path.size() - common);
        d *= 10;
        // Among siblings, the nearest in sequence first: (c)(5) is nearest to (c)(4).
        if (common + 1 == here.path.size() && common + 1 == c.path.size()) {
            int a = sequence_key(here.path.back()).first, b = sequence_key(c.path.back()).first;
            if (a && b) d += static_cast<std::size_t>(std::min(9, std::abs(a - b)));
        }
        scored.emplace_back(d * 1000000 + order++, s);
    });
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (auto& [d, s] : scored) {
        if (out.size() == n) break;
        out.push_back(s);
    }
    return out;
}

}  // namespace amend
