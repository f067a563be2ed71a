// Who changed which words: conflicts between two instructions of one document.
#include "amend/apply/jobs.hpp"

namespace amend::applying {

const std::string* Ledger::edit_owner(const Markup& m) {
    return m.tag == kEditTag && !m.attrs.empty() ? &m.attrs[0].value : nullptr;
}

std::string Ledger::conflict_in(const RichText& rt, std::size_t b, std::size_t e, const std::string& me) {
    for (const auto& m : rt.marks) {
        const std::string* owner = edit_owner(m);
        if (!owner || *owner == me) continue;
        bool overlap = m.begin == m.end ? (b < m.begin && m.begin < e) : (b < m.end && m.begin < e);
        if (overlap) return *owner;
    }
    return {};
}

std::string Ledger::conflict_below(const Provision& p, const std::string& me) {
    for (const RichText* rt : {&p.heading, &p.text}) {
        std::string c = conflict_in(*rt, 0, rt->text.size() + 1, me);
        if (!c.empty()) return c;
        for (const auto& m : rt->marks)
            if (const std::string* owner = edit_owner(m); owner && *owner != me && m.begin == m.end) return *owner;
    }
    for (const auto& c : p.children) {
        std::string r = conflict_below(c, me);
        if (!r.empty()) return r;
    }
    return {};
}

void Ledger::strip_edit_marks(Provision& p) {
    for (RichText* rt : {&p.heading, &p.text})
        rt->marks.erase(std::remove_if(rt->marks.begin(), rt->marks.end(), [](const Markup& m) { return m.tag == kEditTag; }),
                        rt->marks.end());
    for (auto& c : p.children) strip_edit_marks(c);
}

bool Ledger::conflicts_whole(const Op& op, Provision* p) {
    std::string other = conflict_below(*p, loc(op));
    if (other.empty()) return false;
    fail(op, "this instruction and the one at " + other + " both change " + jobs.locate.cite_of(p), "amend.conflict");
    return true;
}

}  // namespace amend::applying
