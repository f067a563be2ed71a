// Who changed which words: conflicts between two instructions of one document.
#include "amend/apply/jobs.hpp"

namespace amend::applying {

std::string Ledger::conflict_in(const RichText& rt, std::size_t b, std::size_t e, const std::string& me) {
    for (const auto& c : *rt.changed) {
        if (c.by == me) continue;
        bool overlap = c.begin == c.end ? (b < c.begin && c.begin < e) : (b < c.end && c.begin < e);
        if (overlap) return c.by;
    }
    return {};
}

std::string Ledger::conflict_below(const Provision& p, const std::string& me) {
    for (const RichText* rt : {&p.heading, &p.text}) {
        std::string c = conflict_in(*rt, 0, rt->text.size() + 1, me);
        if (!c.empty()) return c;
        for (const auto& ch : *rt->changed)
            if (ch.by != me && ch.begin == ch.end) return ch.by;
    }
    for (const auto& c : p.children) {
        std::string r = conflict_below(c, me);
        if (!r.empty()) return r;
    }
    return {};
}

void Ledger::forget(Provision& p) {
    for (RichText* rt : {&p.heading, &p.text}) rt->changed = {};
    for (auto& c : p.children) forget(c);
}

bool Ledger::conflicts_whole(const Op& op, Provision* p) {
    std::string other = conflict_below(*p, loc(op));
    if (other.empty()) return false;
    fail(op, "this instruction and the one at " + other + " both change " + jobs.locate.cite_of(p), "amend.conflict");
    return true;
}

}  // namespace amend::applying
