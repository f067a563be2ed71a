// The ordinance as a Word document (docx/docx.hpp): deletions struck through and insertions
// underscored as formatting, as the Clerk receives an ordinance (with the style's brackets around
// struck words), or as tracked changes.
#include "docx/docx.hpp"
#include "draft/ordinance.hpp"

namespace amend::draft {

namespace {

using BlockKind = Block::Kind;
using docx::Mark;
using docx::Paragraph;

void runs_into(Paragraph& p, const std::vector<Run>& rs, const Style& st, bool tracked, bool italic) {
    for (const auto& r : rs) {
        if (r.kind == Run::Kind::Plain) {
            docx::append(p, {r.text, Mark::None, false, italic});
            continue;
        }
        const Marks& m = r.kind == Run::Kind::Deleted ? st.deleted : st.inserted;
        Mark mark = r.kind == Run::Kind::Deleted ? Mark::Deleted : Mark::Inserted;
        if (!tracked) docx::append(p, {m.before, Mark::None, false, italic});
        docx::append(p, {r.text, mark, false, italic});
        if (!tracked) docx::append(p, {m.after, Mark::None, false, italic});
    }
}

}  // namespace

std::string ordinance_docx(const Ordinance& o, const Style& st, const docx::WriteOptions& wo) {
    docx::Package pkg;
    pkg.title = o.title;
    pkg.header = o.title;
    for (const auto& b : o.blocks) {
        Paragraph p;
        switch (b.kind) {
            case BlockKind::Title: p.style = Paragraph::WordStyle::Title; break;
            case BlockKind::Recital: case BlockKind::Clause: p.first_line = true; break;
            case BlockKind::Enacting: p.style = Paragraph::WordStyle::Centered; break;
            case BlockKind::Provision: case BlockKind::Elision: p.style = Paragraph::WordStyle::Quote, p.level = b.depth; break;
            case BlockKind::Explanation: break;
        }
        if (!b.label.empty()) docx::append(p, {b.label, Mark::None, true}), docx::append(p, {" "});
        bool bold = b.kind == BlockKind::Provision && b.depth == 0;
        runs_into(p, b.runs, st, wo.tracked, b.kind == BlockKind::Elision);
        if (bold)
            for (auto& r : p.runs) r.bold = true;
        // A provision added or struck whole takes its paragraph mark along (tracked changes only).
        if (b.kind == BlockKind::Provision && !p.runs.empty()) {
            bool all_del = true, all_ins = true;
            for (const auto& r : b.runs) all_del &= r.kind == Run::Kind::Deleted, all_ins &= r.kind == Run::Kind::Inserted;
            p.whole = all_del ? Mark::Deleted : all_ins ? Mark::Inserted : Mark::None;
        }
        pkg.body.push_back(std::move(p));
    }
    return docx::write_docx(pkg, wo);
}

}  // namespace amend::draft
