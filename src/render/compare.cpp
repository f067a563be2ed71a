// The comparison of several proposals against one base (`amend compare`): per section, current law
// and each proposal's redline in columns, provision by provision, and where the proposals change
// the same words differently.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <map>
#include <set>

#include "model/citation.hpp"
#include "model/text.hpp"
#include "model/parallel.hpp"
#include "render/doc.hpp"
#include "render/parts.hpp"
#include "render/render.hpp"

namespace amend {

using namespace render;

namespace {

using ChangeType = ProvisionChange::Type;

// One row of a section's comparison: a provision of the base (with each proposal's change of it),
// or a provision one proposal inserts (only its cell).
struct Row {
    const Provision* base = nullptr;
    std::vector<const ProvisionChange*> cells;
    std::string id, citation;
    int depth = 0;
};

void preorder(const Provision* p, std::vector<const Provision*>& out) {
    if (!p) return;
    out.push_back(p);
    for (const auto& c : p->children) preorder(&c, out);
}

std::vector<Row> rows_of(const std::vector<ComparedProposal>& ps, std::size_t k) {
    const std::size_t n = ps.size();
    std::vector<const Provision*> base;
    preorder(ps[0].changes.sections[k].old_s, base);
    std::map<const Provision*, std::size_t> at;
    for (std::size_t r = 0; r < base.size(); ++r) at[base[r]] = r;
    std::vector<Row> rows(base.size());
    for (std::size_t r = 0; r < base.size(); ++r) {
        rows[r].base = base[r];
        rows[r].cells.assign(n, nullptr);
    }
    // What each proposal inserts, after which base row (0: before the first).
    std::vector<std::vector<Row>> inserted(base.size() + 1);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t after = 0;
        for (const auto& c : ps[i].changes.sections[k].changes) {
            auto it = c.old_p ? at.find(c.old_p) : at.end();
            if (it != at.end()) {
                Row& row = rows[it->second];
                row.cells[i] = &c;
                row.depth = c.depth;
                if (row.citation.empty()) row.citation = c.old_citation;
                // The anchor the redlines use ("2-57-010:Coercion"), from a proposal that keeps it.
                if (row.id.empty() || (is_removed_anchor(row.id) && c.type != ChangeType::Deleted)) row.id = c.anchor;
                after = it->second + 1;
                continue;
            }
            Row extra;
            extra.cells.assign(n, nullptr);
            extra.cells[i] = &c;
            extra.depth = c.depth;
            extra.citation = c.new_citation;
            extra.id = anchor_proposed(i + 1, c.new_citation);
            inserted[after].push_back(std::move(extra));
        }
    }
    std::vector<Row> out;
    for (auto& e : inserted[0]) out.push_back(std::move(e));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        out.push_back(std::move(rows[r]));
        for (auto& e : inserted[r + 1]) out.push_back(std::move(e));
    }
    return out;
}

bool changes(const ProvisionChange* c) { return c && c->type != ChangeType::Unchanged; }

// The stretches of the old words a change touches, as [from, to] offsets into the old text (an
// insertion is the point where it goes); the heading's stretches lie beyond the text's.
using Span = std::pair<std::uint64_t, std::uint64_t>;
std::vector<Span> touched(const ProvisionChange& c) {
    if (c.type == ChangeType::Deleted) return {{0, std::numeric_limits<std::uint64_t>::max()}};
    std::vector<Span> out;
    auto walk = [&](const std::vector<WordOp>& ops, std::uint64_t base) {
        std::uint64_t pos = base;
        for (const auto& op : ops) {
            if (op.type == WordOp::Type::Equal) {
                pos += op.text.size();
            } else if (op.type == WordOp::Type::Delete) {
                out.emplace_back(pos, pos + op.text.size());
                pos += op.text.size();
            } else {
                out.emplace_back(pos, pos);
            }
        }
    };
    walk(c.text_ops, 0);
    walk(c.heading_ops, std::uint64_t{1} << 40);
    if (c.designation_changed || (c.text_ops.empty() && c.heading_ops.empty() && c.type != ChangeType::Unchanged))
        out.emplace_back(std::uint64_t{1} << 41, std::uint64_t{1} << 41);  // the designation, or the whole
    return out;
}

// What a provision reads after the change ("" when struck).
std::string result(const ProvisionChange& c) {
    if (!c.new_p) return std::string();
    return c.new_p->designation + "\x1f" + c.new_p->heading.text + "\x1f" + c.new_p->text.text;
}

// Whether two changes touch the same words: their stretches overlap, or nothing but spaces and
// punctuation of the old text lies between them ("arrest, detain" made "arrest, hold" by one and
// "apprehend, detain" by the other: each rewrites the phrase, and together they make a third).
bool overlap(const ProvisionChange& a, const ProvisionChange& b) {
    const std::uint64_t heading_base = std::uint64_t{1} << 40;
    auto no_word_between = [&](std::uint64_t from, std::uint64_t to) {
        if (!a.old_p || from > to) return false;
        bool heading = from >= heading_base;
        if (heading != (to >= heading_base) || to >= (std::uint64_t{1} << 41)) return false;
        const std::string& t = heading ? a.old_p->heading.text : a.old_p->text.text;
        std::uint64_t base = heading ? heading_base : 0;
        if (to - base > t.size()) return false;
        for (std::uint64_t i = from - base; i < to - base; ++i)
            if (std::isalnum(static_cast<unsigned char>(t[i]))) return false;
        return true;
    };
    for (const auto& x : touched(a))
        for (const auto& y : touched(b)) {
            if (x.first <= y.second && y.first <= x.second) return true;
            if (no_word_between(x.second, y.first) || no_word_between(y.second, x.first)) return true;
        }
    return false;
}

// Words quoted in a sentence about them: the spaces that join them to the words around are no
// part of them ("strikes “known”", not "“known ”"); a change of spaces alone is quoted as it is.
std::string quoted(const std::string& s) {
    std::string t = trim_blanks(s);
    return "\xE2\x80\x9C" + (t.empty() ? s : t) + "\xE2\x80\x9D";
}

// What one proposal does to a provision, in words.
std::string take(const ProvisionChange* c) {
    if (!changes(c)) return "leaves it as it is";
    if (c->type == ChangeType::Deleted) return "strikes it";
    std::string out;
    auto say = [&](const std::string& s) { out += (out.empty() ? "" : "; ") + s; };
    auto walk = [&](const std::vector<WordOp>& ops, const char* where) {
        for (std::size_t k = 0; k < ops.size(); ++k) {
            const WordOp& op = ops[k];
            if (op.type == WordOp::Type::Delete && k + 1 < ops.size() && ops[k + 1].type == WordOp::Type::Insert) {
                say(std::string("strikes ") + quoted(op.text) + " and inserts " + quoted(ops[k + 1].text) + where);
                ++k;
            } else if (op.type == WordOp::Type::Delete) {
                say("strikes " + quoted(op.text) + where);
            } else if (op.type == WordOp::Type::Insert) {
                say("inserts " + quoted(op.text) + where);
            }
        }
    };
    walk(c->heading_ops, " in the heading");
    walk(c->text_ops, "");
    if (c->designation_changed) say("redesignates it " + c->new_p->designation);
    if (c->type == ChangeType::Moved) say("moves it from " + c->old_citation);
    return out.empty() ? "changes it" : out;
}

std::vector<Conflict> conflicts_of(const std::vector<ComparedProposal>& ps, std::size_t k, const std::vector<Row>& rows) {
    std::vector<Conflict> out;
    // Provisions that proposals add under one citation (each a "(d)", each a new section): a
    // row each, and a conflict where their words differ.
    std::map<std::string, std::vector<const Row*>> added;
    for (const Row& row : rows)
        if (!row.base && !row.citation.empty()) added[row.citation].push_back(&row);
    std::set<std::string> said;
    for (const Row& row : rows) {
        if (!row.base) {
            const auto& same = added[row.citation];
            if (same.size() < 2 || !said.insert(row.citation).second) continue;
            std::vector<const ProvisionChange*> by(ps.size(), nullptr);
            for (const Row* r : same)
                for (std::size_t i = 0; i < ps.size(); ++i)
                    if (changes(r->cells[i])) by[i] = r->cells[i];
            std::set<std::string> words;
            std::size_t adding = 0;
            for (const auto* c : by)
                if (c) {
                    words.insert(result(*c));
                    ++adding;
                }
            if (adding < 2 || words.size() < 2) continue;
            Conflict c;
            c.section = ps[0].changes.sections[k].number;
            c.citation = row.citation;
            c.anchor = row.id;
            for (const auto* p : by) {
                if (!p || !p->new_p) {
                    c.takes.push_back("does not add it");
                    continue;
                }
                std::string adds;
                for (const std::string* w : {&p->new_p->designation, &p->new_p->heading.text, &p->new_p->text.text})
                    if (!trim_blanks(*w).empty()) adds += (adds.empty() ? "" : " ") + trim_blanks(*w);
                c.takes.push_back("adds it: " + quoted(adds));
            }
            out.push_back(std::move(c));
            continue;
        }
        bool clash = false;
        for (std::size_t i = 0; i < ps.size() && !clash; ++i)
            for (std::size_t j = i + 1; j < ps.size() && !clash; ++j) {
                const ProvisionChange *a = row.cells[i], *b = row.cells[j];
                clash = changes(a) && changes(b) && result(*a) != result(*b) && overlap(*a, *b);
            }
        if (!clash) continue;
        Conflict c;
        c.section = ps[0].changes.sections[k].number;
        c.citation = row.citation;
        c.anchor = row.id;
        for (std::size_t i = 0; i < ps.size(); ++i) c.takes.push_back(take(row.cells[i]));
        out.push_back(std::move(c));
    }
    return out;
}

std::string proposal_name(const std::vector<ComparedProposal>& ps, std::size_t i) {
    return "Proposal " + std::to_string(i + 1) + (ps[i].proposal.title.empty() ? "" : " (" + ps[i].proposal.title + ")");
}

// The conflicts, each a link to its row: on the section's page (`ext` empty) or from the index.
void conflict_list(Node parent, const std::vector<Conflict>& cs, const std::string& ext) {
    if (cs.empty()) {
        text(paragraph(parent), "None: no two proposals change the same words differently.");
        return;
    }
    Node l = list(parent);
    for (const auto& c : cs) {
        Node it = item(l);
        text(link(paragraph(it), (ext.empty() ? "" : c.section + "/compare." + ext) + "#" + c.anchor), c.citation);
        Node takes = list(it);
        for (std::size_t i = 0; i < c.takes.size(); ++i)
            text(paragraph(item(takes)), "Proposal " + std::to_string(i + 1) + " " + c.takes[i] + ".");
    }
}

std::string section_title(const SectionDiff& s, const std::vector<ComparedProposal>& ps, std::size_t k) {
    const Provision* p = s.old_s;
    for (std::size_t i = 0; !p && i < ps.size(); ++i) p = ps[i].changes.sections[k].new_s;
    std::string t = s.number;
    if (p && !p->heading.empty()) t += " " + p->heading.text;
    return t;
}

const BaseText* base_of(const SiteInfo& info, const std::string& number) {
    for (const auto& [n, b] : info.base)
        if (n == number) return &b;
    return nullptr;
}

About about_compare(const std::vector<ComparedProposal>& ps, const SiteInfo& info, const std::string& section, bool is_new) {
    SiteInfo one = info;
    one.proposal = Proposal{};
    About a = about_section(one, section, is_new);
    for (std::size_t i = 0; i < ps.size(); ++i) {
        const Proposal& p = ps[i].proposal;
        std::string v = p.title;
        if (!p.sponsor.empty()) v += "; sponsor: " + p.sponsor;
        if (!p.record.empty()) v += "; record: " + p.record;
        if (!p.date.empty()) v += "; date: " + p.date;
        if (!p.status.empty()) v += "; status: " + p.status;
        a.lines.emplace_back("Proposal " + std::to_string(i + 1), v);
    }
    return a;
}

void generator(Node parent, const About& a) {
    if (!a.generator.empty()) text(paragraph(div(parent, "generator")), a.generator);
}

// A section's page: title, what it starts from, the legend, the conflicts, the columns.
void section_page(Doc& d, const std::vector<ComparedProposal>& ps, const SiteInfo& info, std::size_t k,
                  const std::vector<Row>& rows, const std::vector<Conflict>& cs, const std::string& ext) {
    const SectionDiff& s = ps[0].changes.sections[k];
    text(link(paragraph(div(d.root(), "nav")), "../index." + ext), "Index");
    text(heading(d.root(), 1), "Compared: " + section_title(s, ps, k));
    About a = about_compare(ps, info, s.number, s.old_s == nullptr);
    about_box(d.root(), a);
    legend_block(d.root(), ext == "html");
    text(heading(d.root(), 2), "Where the proposals conflict");
    conflict_list(d.root(), cs, "");
    text(heading(d.root(), 2), "Current law and each proposal");
    std::string cols = "cols" + std::to_string(ps.size() + 1);
    Node head = div(d.root(), "row head " + cols);
    const BaseText* b = base_of(info, s.number);
    text(paragraph(div(head, "base")), "Current law: " + (s.old_s ? (b ? b->label() : BaseText{}.label()) : "no text (a new section)"));
    for (std::size_t i = 0; i < ps.size(); ++i)
        text(paragraph(div(head, "p" + std::to_string(i + 1))), proposal_name(ps, i));
    for (const Row& row : rows) {
        bool same = std::none_of(row.cells.begin(), row.cells.end(), [](const ProvisionChange* c) { return changes(c); });
        Node r = div(d.root(), "row " + cols + (same ? " same" : " changed"), row.id);
        const ProvisionChange* any = nullptr;
        for (const auto* c : row.cells)
            if (c && !any) any = c;
        current_law_cell(r, row.base ? any : nullptr, "base");
        for (std::size_t i = 0; i < ps.size(); ++i) redline_cell(r, row.cells[i], "p" + std::to_string(i + 1));
    }
    generator(d.root(), a);
}

}  // namespace

std::vector<Conflict> find_conflicts(const std::vector<ComparedProposal>& ps) {
    std::vector<Conflict> out;
    if (ps.empty()) return out;
    for (std::size_t k = 0; k < ps[0].changes.sections.size(); ++k) {
        auto cs = conflicts_of(ps, k, rows_of(ps, k));
        for (auto& c : cs) out.push_back(std::move(c));
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> render_compare_site(const std::vector<ComparedProposal>& ps,
                                                                     const SiteInfo& info) {
    std::vector<std::pair<std::string, std::string>> out;
    if (ps.empty()) return out;
    const std::size_t nsec = ps[0].changes.sections.size();
    std::vector<std::vector<Row>> rows(nsec);
    std::vector<std::vector<Conflict>> conflicts(nsec);
    parallel_for(nsec, [&](std::size_t k) {
        rows[k] = rows_of(ps, k);
        conflicts[k] = conflicts_of(ps, k, rows[k]);
    });
    auto index = [&](const std::string& ext) {
        Doc d;
        text(heading(d.root(), 1), info.title);
        About a = about_compare(ps, info, "", false);
        for (std::size_t k = 0; k < nsec; ++k) {
            const SectionDiff& s = ps[0].changes.sections[k];
            About one = about_section(info, s.number, s.old_s == nullptr);
            if (!one.lines.empty()) a.lines.insert(a.lines.begin() + static_cast<long>(k), one.lines[0]);
        }
        about_box(d.root(), a);
        text(heading(d.root(), 2), "Where the proposals conflict");
        std::vector<Conflict> all;
        for (const auto& cs : conflicts) all.insert(all.end(), cs.begin(), cs.end());
        conflict_list(d.root(), all, ext);
        text(heading(d.root(), 2), "Sections");
        Node l = list(d.root());
        for (std::size_t k = 0; k < nsec; ++k) {
            const SectionDiff& s = ps[0].changes.sections[k];
            Node p = paragraph(item(l));
            text(link(p, s.number + "/compare." + ext), section_title(s, ps, k));
            std::string who;
            for (std::size_t i = 0; i < ps.size(); ++i)
                if (ps[i].changes.sections[k].changed()) who += (who.empty() ? "" : ", ") + std::to_string(i + 1);
            text(p, " \xE2\x80\x94 changed by proposal " + who + "; " +
                        std::to_string(conflicts[k].size()) + (conflicts[k].size() == 1 ? " conflict" : " conflicts"));
        }
        generator(d.root(), a);
        return ext == "html" ? page(info.title, d.html(), "sbs cmp") : d.markdown();
    };
    out.emplace_back("index.html", index("html"));
    out.emplace_back("index.md", index("md"));
    std::vector<std::vector<std::pair<std::string, std::string>>> pages(nsec);
    parallel_for(nsec, [&](std::size_t k) {
        const SectionDiff& s = ps[0].changes.sections[k];
        std::string title = "Compared: " + section_title(s, ps, k);
        Doc h, m;
        section_page(h, ps, info, k, rows[k], conflicts[k], "html");
        section_page(m, ps, info, k, rows[k], conflicts[k], "md");
        pages[k].emplace_back(s.number + "/compare.html", page(title, h.html(), "sbs cmp"));
        pages[k].emplace_back(s.number + "/compare.md", m.markdown());
    });
    for (auto& p : pages)
        for (auto& f : p) out.push_back(std::move(f));
    return out;
}

}  // namespace amend
