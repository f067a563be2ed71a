#include "draft/ordinance.hpp"

#include "model/designation.hpp"
#include "model/text.hpp"

#include <algorithm>
#include <cctype>

namespace amend::draft {

namespace {

using ChangeType = ProvisionChange::Type;
using RunKind = Run::Kind;

void push(std::vector<Run>& runs, RunKind kind, const std::string& text) {
    // A restated provision is one paragraph: text read from XML over several lines is folded; a
    // piece of a word diff keeps the spaces at its ends ("Restriction." and "(a)" stay apart).
    std::string s = fold_line_breaks(text);
    // No space to open a paragraph, nor two where a separator meets a field's own.
    if (runs.empty() || (runs.back().kind == kind && runs.back().text.back() == ' ')) s.erase(0, s.find_first_not_of(' '));
    if (s.empty()) return;
    if (!runs.empty() && runs.back().kind == kind) {
        runs.back().text += s;
        return;
    }
    runs.push_back({kind, s});
}

// A paragraph ends on its last word.
std::vector<Run> trimmed(std::vector<Run> runs) {
    while (!runs.empty()) {
        std::string& t = runs.back().text;
        t.erase(t.find_last_not_of(' ') + 1);
        if (!t.empty()) break;
        runs.pop_back();
    }
    return runs;
}

void push_ops(std::vector<Run>& runs, const std::vector<WordOp>& ops) {
    for (const auto& op : ops)
        push(runs, op.type == WordOp::Type::Equal ? RunKind::Plain : op.type == WordOp::Type::Delete ? RunKind::Deleted : RunKind::Inserted,
             op.text);
}

// A field (designation, heading or text) of a provision present on both sides.
void push_field(std::vector<Run>& runs, const std::string& old_s, const std::string& new_s, const std::vector<WordOp>& ops) {
    if (!ops.empty()) return push_ops(runs, ops);
    if (old_s == new_s) return push(runs, RunKind::Plain, new_s);
    push(runs, RunKind::Deleted, old_s);
    push(runs, RunKind::Inserted, new_s);
}

bool has_designation(const Provision& p) { return is_numbered(p.kind) && p.kind != Kind::Section; }

// The line of one provision: "(a) Heading. Text", or for a section "2-173-042 Heading."; a
// provision inserted or deleted whole is one mark, its designation included.
std::vector<Run> provision_runs(const ProvisionChange& c, const Style& st) {
    std::vector<Run> runs;
    const Provision& p = c.new_p ? *c.new_p : *c.old_p;
    bool whole = c.type == ChangeType::Inserted || c.type == ChangeType::Deleted;
    auto get = [&](auto f) -> std::pair<std::string, std::string> {
        if (whole) return {f(p), f(p)};
        return {f(*c.old_p), f(*c.new_p)};
    };
    auto sep = [&] {
        if (!runs.empty()) push(runs, whole ? (c.type == ChangeType::Inserted ? RunKind::Inserted : RunKind::Deleted) : RunKind::Plain, " ");
    };
    auto field = [&](const std::string& o, const std::string& n, const std::vector<WordOp>& ops) {
        if (o.empty() && n.empty()) return;
        sep();
        if (whole) return push(runs, c.type == ChangeType::Inserted ? RunKind::Inserted : RunKind::Deleted, n);
        push_field(runs, o, n, ops);
    };
    bool section = p.kind == Kind::Section;
    if (section || has_designation(p)) {
        auto [o, n] = get([](const Provision& q) { return q.designation; });
        std::string pre = section ? st.section_line_prefix : "";
        field(o.empty() ? o : pre + o, n.empty() ? n : pre + n, {});
    }
    auto [oh, nh] = get([](const Provision& q) { return q.heading.text; });
    field(oh, nh, c.heading_ops);
    if (!section) {
        auto [ot, nt] = get([](const Provision& q) { return q.text.text; });
        field(ot, nt, c.text_ops);
    }
    return trimmed(std::move(runs));
}

// The section's own text (a chapeau such as "The following terms ... meanings:"), as its own paragraph.
std::vector<Run> section_text_runs(const ProvisionChange& c) {
    std::vector<Run> runs;
    if (c.type == ChangeType::Inserted) push(runs, RunKind::Inserted, c.new_p->text.text);
    else if (c.type == ChangeType::Deleted) push(runs, RunKind::Deleted, c.old_p->text.text);
    else push_field(runs, c.old_p->text.text, c.new_p->text.text, c.text_ops);
    return trimmed(std::move(runs));
}

bool section_has_text(const ProvisionChange& c) {
    return (c.old_p && !c.old_p->text.empty()) || (c.new_p && !c.new_p->text.empty());
}

// Which changes are restated: the changed ones, the section's line, and the context the style keeps.
std::vector<bool> restated(const SectionDiff& s, const Style& st) {
    const auto& ch = s.changes;
    std::vector<bool> out(ch.size(), false);
    for (std::size_t k = 0; k < ch.size(); ++k) {
        if (ch[k].type == ChangeType::Unchanged) continue;
        out[k] = true;
        int d = ch[k].depth;
        if (st.keep_ancestors) {
            int want = d - 1;
            for (std::size_t a = k; a-- > 0 && want >= 0;)
                if (ch[a].depth == want) {
                    out[a] = true;
                    --want;
                }
        }
        if (st.keep_siblings_from_depth > 0 && d >= st.keep_siblings_from_depth) {
            for (std::size_t a = k; a-- > 0 && ch[a].depth >= d;)
                if (ch[a].depth == d) out[a] = true;
            for (std::size_t b = k + 1; b < ch.size() && ch[b].depth >= d; ++b)
                if (ch[b].depth == d) out[b] = true;
        }
    }
    if (!out.empty()) out[0] = true;
    return out;
}


Block plain_block(Block::Kind k, const std::string& s) {
    Block b;
    b.kind = k;
    push(b.runs, RunKind::Plain, s);
    return b;
}

std::string trimmed_recital(std::string s) {
    while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == ';' || s.back() == '.' ||
                          s.back() == ','))
        s.pop_back();
    return s;
}

void restate(std::vector<Block>& out, const SectionDiff& s, const Style& st) {
    auto vis = restated(s, st);
    bool elided_run = false;
    auto elide = [&](int depth) {  // one elision per run, at the shallowest depth it covers
        if (elided_run) {
            out.back().depth = std::min(out.back().depth, depth);
            return;
        }
        Block b = plain_block(Block::Kind::Elision, st.elision);
        b.depth = depth;
        out.push_back(std::move(b));
        elided_run = true;
    };
    auto show = [&](int depth, std::vector<Run> runs) {
        Block b;
        b.kind = Block::Kind::Provision;
        b.depth = depth;
        b.runs = std::move(runs);
        out.push_back(std::move(b));
        elided_run = false;
    };
    for (std::size_t k = 0; k < s.changes.size(); ++k) {
        const auto& c = s.changes[k];
        if (!vis[k]) {
            elide(c.depth);
            continue;
        }
        show(c.depth, provision_runs(c, st));
        if (k == 0 && section_has_text(c)) {
            bool changed = c.type == ChangeType::Inserted || c.type == ChangeType::Deleted || !c.text_ops.empty() ||
                           c.old_p->text.text != c.new_p->text.text;
            if (changed) show(1, section_text_runs(c));
            else elide(1);
        }
    }
}

}  // namespace

Ordinance build_ordinance(const ChangeSet& cs, const DraftInput& in, const Style& st) {
    Ordinance o;
    o.title = in.title.empty() ? "Ordinance" : in.title;
    o.blocks.push_back(plain_block(Block::Kind::Title, o.title));

    // Recitals, in the order of the metadata; the last WHEREAS leads into the enacting clause.
    std::size_t whereas_left = 0;
    for (const auto& [k, v] : in.meta) whereas_left += k == "whereas";
    for (const auto& [k, v] : in.meta) {
        if (k == "recital") o.blocks.push_back(plain_block(Block::Kind::Recital, v));
        if (k != "whereas") continue;
        --whereas_left;
        o.blocks.push_back(plain_block(Block::Kind::Recital, st.whereas_prefix + trimmed_recital(v) +
                                                                (whereas_left ? st.whereas_join : st.whereas_last)));
    }
    o.blocks.push_back(plain_block(Block::Kind::Enacting, st.enacting_clause));

    std::vector<const SectionDiff*> secs;
    for (const auto& s : cs.sections)
        if (s.changed()) secs.push_back(&s);
    std::stable_sort(secs.begin(), secs.end(),
                     [](const SectionDiff* a, const SectionDiff* b) { return section_number_less(a->number, b->number); });

    int n = 0;
    auto clause = [&](const std::string& templ, const std::string& number) {
        std::map<std::string, std::string> vars{{"n", std::to_string(++n)},
                                                {"code", st.code_name},
                                                {"section", number},
                                                {"chapter", chapter_of_section(number)},
                                                {"title", title_of_section(number)}};
        Block b = plain_block(Block::Kind::Clause, fill(templ, vars));
        b.label = fill(st.section_label, vars);
        o.blocks.push_back(std::move(b));
    };
    for (const SectionDiff* s : secs) {
        if (!s->new_s) {
            clause(st.repeal_clause, s->old_s ? s->old_s->designation : s->number);
            continue;
        }
        clause(s->old_s ? st.amend_clause : st.add_clause, s->new_s->designation);
        restate(o.blocks, *s, st);
    }
    clause(st.effective_clause, "");
    if (!st.explanation.empty()) o.blocks.push_back(plain_block(Block::Kind::Explanation, st.explanation));
    return o;
}

}  // namespace amend::draft
