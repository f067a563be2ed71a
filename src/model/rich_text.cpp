#include "model/rich_text.hpp"

#include <algorithm>
#include <cstdint>

namespace amend {

void rich_edit(RichText& rt, const std::vector<Edit>& edits) {
    if (edits.empty()) return;
    std::string out;
    out.reserve(rt.text.size());
    std::vector<long> delta_after;  // cumulative size change after each edit
    std::size_t pos = 0;
    long delta = 0;
    for (const auto& e : edits) {
        out.append(rt.text, pos, e.begin - pos);
        out += e.with;
        pos = e.end;
        delta += static_cast<long>(e.with.size()) - static_cast<long>(e.end - e.begin);
        delta_after.push_back(delta);
    }
    out.append(rt.text, pos, std::string::npos);
    auto map = [&](std::uint32_t x, bool is_end) {
        // The last edit that begins before x.
        auto it = std::upper_bound(edits.begin(), edits.end(), x, [](std::uint32_t v, const Edit& e) { return v <= e.begin; });
        if (it == edits.begin()) return x;
        std::size_t k = static_cast<std::size_t>(it - edits.begin()) - 1;
        const Edit& e = edits[k];
        long before = k == 0 ? 0 : delta_after[k - 1];
        if (x >= e.end) return static_cast<std::uint32_t>(static_cast<long>(x) + delta_after[k]);
        long start = static_cast<long>(e.begin) + before;  // x is inside the replaced run
        return static_cast<std::uint32_t>(is_end ? start + static_cast<long>(e.with.size()) : start);
    };
    for (auto& m : rt.marks) {
        m.begin = map(m.begin, false);
        m.end = map(m.end, true);
    }
    rt.marks.erase(std::remove_if(rt.marks.begin(), rt.marks.end(), [](const Markup& m) { return m.end < m.begin; }),
                   rt.marks.end());
    if (!rt.changed->empty())  // the ledger's spans move with the words, as the marks do
        for (auto& c : rt.changed.mut()) {
            c.begin = map(c.begin, false);
            c.end = map(c.end, true);
        }
    rt.text = std::move(out);
}

void rich_replace(RichText& rt, std::size_t b, std::size_t e, const std::string& with) {
    rich_edit(rt, {Edit{b, e, with}});
}

}  // namespace amend
