// Identity is computed, not stored: a provision's citation ("2-173-042(c)(4)", "the definition of
// "Coercion" in 2-57-010") and its Akoma Ntoso-style eId ("sec_2-173-042__subsec_c__para_4"), both ways.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/provision.hpp"

namespace amend {

struct Citation {
    std::string section;            // "2-173-042"
    std::vector<std::string> path;  // inner designations below the section: {"c", "4"}
    std::string term;               // a definition's term, when the citation names one

    bool operator==(const Citation&) const = default;
    std::string str() const;        // "2-173-042(c)(4)" / "the definition of "Coercion" in 2-57-010"
};

// Parses "2-173-042(c)(4)", "§ 42-3505.05(c)", "Section 2-173-042", and
// "the definition of "Coercion" in 2-57-010" (straight or curly quotes, "in section" accepted).
std::optional<Citation> parse_citation(std::string_view s);

// The chain of provisions from a section (first) down to `target` (last), as found in `root`.
using ProvisionPath = std::vector<const Provision*>;

// Builds the citation and the eId of the provision at the end of `chain`.
Citation citation_of(const ProvisionPath& chain);
std::string eid_of(const ProvisionPath& chain);
// The same one step down, from the parent's (empty ones above a section): for walks down a tree.
Citation citation_below(Citation parent, const Provision& p);
std::string eid_below(const std::string& parent_eid, const Provision& p);
// A provision that no designation names (a history note, a paragraph of text) has its kind and
// its place among its parent's children of that kind (1-based): "sec_2-173-042__history_1".
std::string eid_unnumbered(const std::string& parent_eid, Kind k, std::size_t ord);
std::optional<Citation> parse_eid(std::string_view eid);
// The anchors of a page (an HTML id): an addressable provision's from its citation,
// "2-173-042(c)(4)", "2-57-010:Coercion"; an unnumbered one's from its parent's, its kind and
// place, "2-173-042-history-1"; a provision removed has its own beside the one that took its
// place, "was-2-173-042(c)(4)".
std::string anchor_of(const Citation& c);
std::string anchor_unnumbered(const std::string& parent_anchor, Kind k, std::size_t ord);
std::string anchor_removed(const std::string& anchor);
bool is_removed_anchor(const std::string& anchor);
// A comparison's row for a provision only proposal `n` (1-based) adds: "p2-new-2-173-042(e)".
std::string anchor_proposed(std::size_t n, const std::string& citation);
std::string eid_prefix(Kind k);  // "subsec"

// Finds the provision a citation names; nullptr when there is none.
const Provision* resolve(const Provision& root, const Citation& c, ProvisionPath* chain = nullptr);
Provision* resolve(Provision& root, const Citation& c);

// Up to `n` existing citations nearest to `c` (same section first, then by edit distance).
std::vector<std::string> nearest_citations(const Provision& root, const Citation& c, std::size_t n = 3);

// Visits every addressable provision (sections, numbered provisions, definitions) in document order.
template <class F>
void for_each_addressable(const Provision& p, ProvisionPath& chain, F&& f);

// ---- implementation of the template ----
bool is_addressable(const Provision& p);

template <class F>
void for_each_addressable(const Provision& p, ProvisionPath& chain, F&& f) {
    bool addr = is_addressable(p);
    bool in_section = !chain.empty() || p.kind == Kind::Section;
    if (addr && in_section) {
        chain.push_back(&p);
        f(chain);
    }
    for (const auto& c : p.children) for_each_addressable(c, chain, f);
    if (addr && in_section) chain.pop_back();
}

}  // namespace amend
