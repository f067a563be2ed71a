// The cell-by-cell diff of two tables (diff.hpp): rows aligned, then the words of each cell.
#include <algorithm>

#include "diff/diff.hpp"

namespace amend {

namespace {

std::string row_key(const TableRow& r) {
    std::string k;
    for (const auto& c : r) k += c.text + '\x1f' + std::to_string(c.colspan) + (c.header ? "h" : "") + '\x1e';
    return k;
}

RowDiff whole(const TableRow& r, RowDiff::Type type) {
    RowDiff out;
    out.type = type;
    WordOp::Type op = type == RowDiff::Type::Deleted ? WordOp::Type::Delete : type == RowDiff::Type::Inserted ? WordOp::Type::Insert : WordOp::Type::Equal;
    for (const auto& c : r) {
        CellDiff d;
        if (!c.text.empty()) d.ops.push_back(WordOp{op, c.text});
        d.old_colspan = d.new_colspan = c.colspan;
        d.header = c.header;
        out.cells.push_back(std::move(d));
    }
    return out;
}

}  // namespace

std::vector<RowDiff> diff_tables(const RichText& old_table, const RichText& new_table) {
    const std::vector<TableRow> a = table_rows(old_table), b = table_rows(new_table);
    // The longest common subsequence of equal rows (tables are small: a budget schedule holds tens of rows).
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::string> ka, kb;
    for (const auto& r : a) ka.push_back(row_key(r));
    for (const auto& r : b) kb.push_back(row_key(r));
    std::vector<std::vector<std::uint32_t>> len(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            len[i][j] = ka[i] == kb[j] ? len[i + 1][j + 1] + 1 : std::max(len[i + 1][j], len[i][j + 1]);
    std::vector<RowDiff> out;
    // The rows between two aligned ones: paired in order where their cells line up, else struck and inserted.
    auto gap = [&](std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) {
        std::size_t pairs = std::min(i1 - i0, j1 - j0);
        for (std::size_t k = 0; k < pairs; ++k) {
            const TableRow &o = a[i0 + k], &w = b[j0 + k];
            if (o.size() != w.size()) {
                out.push_back(whole(o, RowDiff::Type::Deleted));
                out.push_back(whole(w, RowDiff::Type::Inserted));
                continue;
            }
            RowDiff r;
            r.type = RowDiff::Type::Modified;
            for (std::size_t c = 0; c < o.size(); ++c) {
                CellDiff d;
                d.ops = o[c].text == w[c].text ? std::vector<WordOp>{} : word_diff(o[c].text, w[c].text);
                if (d.ops.empty() && !w[c].text.empty()) d.ops.push_back(WordOp{WordOp::Type::Equal, w[c].text});
                d.old_colspan = o[c].colspan;
                d.new_colspan = w[c].colspan;
                d.header = w[c].header;
                r.cells.push_back(std::move(d));
            }
            out.push_back(std::move(r));
        }
        for (std::size_t i = i0 + pairs; i < i1; ++i) out.push_back(whole(a[i], RowDiff::Type::Deleted));
        for (std::size_t j = j0 + pairs; j < j1; ++j) out.push_back(whole(b[j], RowDiff::Type::Inserted));
    };
    std::size_t i = 0, j = 0, gi = 0, gj = 0;
    while (i < n && j < m) {
        if (ka[i] == kb[j]) {
            gap(gi, i, gj, j);
            out.push_back(whole(b[j], RowDiff::Type::Equal));
            gi = ++i;
            gj = ++j;
        } else if (len[i + 1][j] >= len[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    gap(gi, n, gj, m);
    return out;
}

std::optional<std::vector<RowDiff>> table_change(const ProvisionChange& c) {
    static const RichText none;
    auto is_table = [](const Provision* p) { return p && shows_as_table(p->text); };
    using Type = ProvisionChange::Type;
    if (c.type == Type::Inserted) return is_table(c.new_p) ? std::optional(diff_tables(none, c.new_p->text)) : std::nullopt;
    if (c.type == Type::Deleted) return is_table(c.old_p) ? std::optional(diff_tables(c.old_p->text, none)) : std::nullopt;
    if (is_table(c.old_p) && is_table(c.new_p)) return diff_tables(c.old_p->text, c.new_p->text);
    return std::nullopt;
}

}  // namespace amend
