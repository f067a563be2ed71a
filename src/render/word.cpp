#include "render/word.hpp"

namespace amend {

using docx::append;
using docx::Mark;
using docx::Package;
using docx::Paragraph;

namespace {

using ChangeType = ProvisionChange::Type;

bool has_designation(const Provision& p) { return is_numbered(p.kind) && p.kind != Kind::Section; }

void ops_into(Paragraph& p, const std::vector<WordOp>& ops) {
    for (const auto& op : ops)
        append(p, {op.text, op.type == WordOp::Type::Equal    ? Mark::None
                            : op.type == WordOp::Type::Delete ? Mark::Deleted
                                                              : Mark::Inserted});
}

// A field of a provision on both sides: its word operations, or the old struck and the new inserted.
void field(Paragraph& p, const std::string& o, const std::string& n, const std::vector<WordOp>& ops) {
    if (!ops.empty()) return ops_into(p, ops);
    if (o == n) return append(p, {n});
    append(p, {o, Mark::Deleted});
    append(p, {n, Mark::Inserted});
}

// A table block of the rows diff_tables gives: each row and cell marked as the diff says, or all of
// them with `m` (a table added or struck with its provision).
Paragraph table_block(const std::vector<RowDiff>& rows, int level, Mark m = Mark::None) {
    Paragraph t;
    t.level = level;
    for (const RowDiff& r : rows) {
        docx::Row row;
        row.whole = m != Mark::None                        ? m
                    : r.type == RowDiff::Type::Inserted ? Mark::Inserted
                    : r.type == RowDiff::Type::Deleted  ? Mark::Deleted
                                                        : Mark::None;
        for (const CellDiff& c : r.cells) {
            Paragraph runs;
            if (m == Mark::None) ops_into(runs, c.ops);
            else
                for (const auto& op : c.ops) append(runs, {op.text, m});
            row.cells.push_back(docx::Cell{std::move(runs.runs), static_cast<int>(r.type == RowDiff::Type::Deleted ? c.old_colspan : c.new_colspan)});
        }
        t.table.push_back(std::move(row));
    }
    return t;
}

// The paragraphs of one provision shown whole with one mark (None, Deleted or Inserted), and its
// children below it.
void whole(std::vector<Paragraph>& out, const Provision& pr, int depth, Mark m) {
    auto para = [&](Paragraph::WordStyle st, int level) {
        Paragraph p;
        p.style = st;
        p.level = level;
        p.whole = m;
        return p;
    };
    auto sep = [](Paragraph& p, Mark mk) {
        if (!p.runs.empty()) append(p, {" ", mk});
    };
    if (pr.kind == Kind::Section) {
        Paragraph h = para(Paragraph::WordStyle::Heading, 0);
        append(h, {pr.designation, m});
        if (!pr.heading.empty()) sep(h, m), append(h, {pr.heading.text, m});
        out.push_back(std::move(h));
        if (shows_as_table(pr.text)) {
            out.push_back(table_block(diff_tables(pr.text, pr.text), 0, m));
        } else if (!pr.text.empty()) {
            Paragraph t = para(Paragraph::WordStyle::Normal, 0);
            append(t, {pr.text.text, m});
            out.push_back(std::move(t));
        }
    } else {
        Paragraph p = para(Paragraph::WordStyle::Normal, depth);
        if (has_designation(pr)) append(p, {pr.designation, m});
        if (!pr.heading.empty()) sep(p, m), append(p, {pr.heading.text, m});
        bool tabular = shows_as_table(pr.text);
        if (!pr.text.empty() && !tabular) sep(p, m), append(p, {pr.text.text, m});
        if (!p.runs.empty()) out.push_back(std::move(p));
        if (tabular) out.push_back(table_block(diff_tables(pr.text, pr.text), depth, m));
    }
    for (const auto& c : pr.children) whole(out, c, depth + 1, m);
}

// One change of a section present on both sides (unchanged, modified, redesignated).
void changed(std::vector<Paragraph>& out, const ProvisionChange& c) {
    const Provision &o = *c.old_p, &n = *c.new_p;
    bool section = n.kind == Kind::Section;
    Paragraph p;
    p.style = section ? Paragraph::WordStyle::Heading : Paragraph::WordStyle::Normal;
    p.level = section ? 0 : c.depth;
    if (section || has_designation(n) || has_designation(o)) field(p, o.designation, n.designation, {});
    auto sep = [&] {
        if (!p.runs.empty()) append(p, {" "});
    };
    if (!o.heading.empty() || !n.heading.empty()) sep(), field(p, o.heading.text, n.heading.text, c.heading_ops);
    // Two tables: compared cell by cell, below the designation and heading.
    const std::optional<std::vector<RowDiff>> tables = table_change(c);
    if (section) {
        out.push_back(std::move(p));
        if (tables) return out.push_back(table_block(*tables, 0));
        if (o.text.empty() && n.text.empty()) return;
        Paragraph t;
        // A text that appears or goes whole takes its paragraph mark along.
        t.whole = o.text.empty() ? Mark::Inserted : n.text.empty() ? Mark::Deleted : Mark::None;
        field(t, o.text.text, n.text.text, c.text_ops);
        out.push_back(std::move(t));
        return;
    }
    if (!tables && (!o.text.empty() || !n.text.empty())) sep(), field(p, o.text.text, n.text.text, c.text_ops);
    if (!p.runs.empty()) out.push_back(std::move(p));
    if (tables) out.push_back(table_block(*tables, c.depth));
}

void section(std::vector<Paragraph>& out, const SectionDiff& s) {
    bool moved = false;
    for (const auto& c : s.changes) moved |= c.type == ChangeType::Moved;
    if (moved && s.old_s && s.new_s) {
        // A move inside the section: Reject All must give the old order, which a change list in
        // the new order cannot show; the section is struck and restated whole.
        whole(out, *s.old_s, 0, Mark::Deleted);
        whole(out, *s.new_s, 0, Mark::Inserted);
        return;
    }
    for (std::size_t k = 0; k < s.changes.size(); ++k) {
        const auto& c = s.changes[k];
        if (c.type == ChangeType::Inserted || c.type == ChangeType::Deleted) {
            // whole() walks the subtree; the changes below it are that subtree.
            whole(out, c.type == ChangeType::Inserted ? *c.new_p : *c.old_p, c.depth,
                  c.type == ChangeType::Inserted ? Mark::Inserted : Mark::Deleted);
            std::size_t j = k + 1;
            while (j < s.changes.size() && s.changes[j].depth > c.depth) ++j;
            k = j - 1;
            continue;
        }
        changed(out, c);
    }
}

}  // namespace

Package redline_package(const ChangeSet& cs, const std::string& title, const std::string& header) {
    Package pkg;
    pkg.title = title;
    pkg.header = header;
    for (const auto& s : cs.sections) section(pkg.body, s);
    // Word cannot remove the last paragraph of a document: when it goes or comes whole, an
    // empty paragraph ends the document instead.
    if (!pkg.body.empty() && pkg.body.back().whole != Mark::None) pkg.body.push_back(Paragraph{});
    return pkg;
}

}  // namespace amend
