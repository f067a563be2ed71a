// Who changed which words: conflicts between two instructions of one document.
#include <functional>
#include <set>

#include "amend/apply/jobs.hpp"

namespace amend::applying {

std::uint32_t Ledger::number(const Op& op) {
    auto [it, added] = numbers_.try_emplace({op.file, op.line}, static_cast<std::uint32_t>(places_.size() + 1));
    if (added) places_.push_back(op.file + ":" + std::to_string(op.line));
    return it->second;
}

void Ledger::record(RichText& rt, std::uint32_t b, std::uint32_t n, const Op& op) {
    rt.changed.mut().push_back(Changed{b, b + n, number(op)});
}

static std::uint32_t changed_by_other(const RichText& rt, std::size_t b, std::size_t e, std::uint32_t me) {
    for (const auto& c : *rt.changed) {
        if (c.by == me) continue;
        bool overlap = c.begin == c.end ? (b < c.begin && c.begin < e) : (b < c.end && c.begin < e);
        if (overlap) return c.by;
    }
    return 0;
}

std::string Ledger::conflict_in(const RichText& rt, std::size_t b, std::size_t e, const Op& op) {
    std::uint32_t other = changed_by_other(rt, b, e, number(op));
    return other ? places_[other - 1] : std::string();
}

std::uint32_t Ledger::conflict_below(const Provision& p, std::uint32_t me) const {
    for (const RichText* rt : {&p.heading, &p.text}) {
        if (std::uint32_t c = changed_by_other(*rt, 0, rt->text.size() + 1, me)) return c;
        for (const auto& ch : *rt->changed)
            if (ch.by != me && ch.begin == ch.end) return ch.by;
    }
    for (const auto& c : p.children)
        if (std::uint32_t r = conflict_below(c, me)) return r;
    return 0;
}

std::string Ledger::conflict_below(const Provision& p, const Op& op) {
    std::uint32_t other = conflict_below(p, number(op));
    return other ? places_[other - 1] : std::string();
}

std::string Ledger::changed_text(const RichText& rt, const Op& op) {
    std::uint32_t me = number(op);
    for (const auto& c : *rt.changed)
        if (c.by != me) return places_[c.by - 1];
    return {};
}

std::vector<std::string> Ledger::changed_below(const Provision& p, const Op& op) {
    std::uint32_t me = number(op);
    std::set<std::uint32_t> by;
    std::function<void(const Provision&)> walk = [&](const Provision& n) {
        for (const RichText* rt : {&n.heading, &n.text})
            for (const auto& c : *rt->changed)
                if (c.by != me) by.insert(c.by);
        for (const auto& c : n.children) walk(c);
    };
    walk(p);
    std::vector<std::string> out;
    for (std::uint32_t b : by) out.push_back(places_[b - 1]);
    return out;
}

void Ledger::forget(Provision& p) {
    for (RichText* rt : {&p.heading, &p.text}) rt->changed = {};
    for (auto& c : p.children) forget(c);
}

bool Ledger::conflicts_whole(const Op& op, Provision* p) {
    std::string other = conflict_below(*p, op);
    if (other.empty()) return false;
    fail(op, "this instruction and the one at " + other + " both change " + jobs.locate.cite_of(p), "amend.conflict");
    return true;
}

}  // namespace amend::applying
