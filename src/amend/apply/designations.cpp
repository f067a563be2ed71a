// Designations: redesignate, lift one level up, designate existing text.
#include "amend/apply/jobs.hpp"
#include "model/tree.hpp"

namespace amend::applying {

void Designations::redesignate(const std::vector<const Op*>& run) {
    std::vector<Provision*> nodes;
    std::vector<std::string> news;
    std::vector<const Op*> from;
    std::vector<int> lift;  // levels a provision moves up ("(a)(1) is redesignated as subsection (a)")
    // Sections renumbered and units above the section renamed are said apart; the units the
    // rest rename are renamed together.
    std::vector<const Op*> units;
    for (const Op* o : run) {
        if (o->add_kind_word == "container") {
            // A unit above the section renamed ("Part B is redesignated as Subtitle B"): the code
            // given holds sections, not the units above them.
            rep.skipped.push_back(at(*o, "\"" + o->sentence + "\" renames a unit above the section, which the code given does not hold: nothing changed",
                                     "amend.not-given", Severity::Note));
        } else if (o->add_kind_word == "section") {
            // A section renumbered: the section would move in the code, and whatever cites it
            // change with it; amend does not guess at that (nor, for a law's own section, at the
            // Code number the codifier gives it).
            for (std::size_t k = 0; k < o->targets.size(); ++k) {
                const TargetRef& t = o->targets[k];
                const std::string& to = o->new_designations.at(k);
                if (t.section_is_law_number || t.uncodified)
                    rep.skipped.push_back(at(*o, "section " + t.section + " of the law is renumbered as section " + to +
                                                 "; the Code number it takes is the codifier's: nothing changed",
                                             "amend.renumbered", Severity::Note));
                else
                    fail(*o, "cannot renumber section " + t.section + " as " + to +
                                 ": the section would move in the code, which amend does not do (repeal it and add the new section)",
                         "amend.redesignate");
            }
        } else {
            units.push_back(o);
        }
    }
    for (const Op* o : units) {
        for (std::size_t i = 0; i < o->targets.size(); ++i) {
            Provision* n = jobs.locate.resolve_target(*o, o->targets[i]);
            if (!n) return;
            nodes.push_back(n);
            news.push_back(o->new_designations.at(i));
            from.push_back(o);
            int want = i < o->new_depths.size() ? o->new_depths[i] : 0;
            int have = jobs.locate.depth_in_section(n);
            lift.push_back(want > 0 && want < have ? have - want : 0);
        }
    }
    if (std::any_of(lift.begin(), lift.end(), [](int l) { return l > 0; })) {
        lift_and_rename(nodes, news, from, lift);
        return;
    }
    redesignate_nodes(nodes, news, from);
}

void Designations::lift_and_rename(const std::vector<Provision*>& nodes, const std::vector<std::string>& news,
                     const std::vector<const Op*>& from, const std::vector<int>& lift) {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (lift[i] > 1) {
            fail(*from[i], "cannot redesignate " + jobs.locate.cite_of(nodes[i]) + " more than one level up", "amend.redesignate");
            return;
        }
    // Work on copies: moving nodes invalidates pointers into the sibling vectors.
    struct Move {
        Provision copy;
        Provision* parent;
        std::size_t index;  // in the parent, before anything moved
        std::string old_cite;
        const Op* op;
    };
    std::vector<Move> moves;
    std::vector<Provision*> keep_nodes;
    std::vector<std::string> keep_news;
    std::vector<const Op*> keep_from;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (!lift[i]) {
            keep_nodes.push_back(nodes[i]);
            keep_news.push_back(news[i]);
            keep_from.push_back(from[i]);
            continue;
        }
        ProvisionPath chain = Locator::addressable(jobs.locate.ancestry(nodes[i]));
        if (!chain.empty()) rep.changed_sections.insert(chain.front()->designation);
        Provision* parent = &jobs.locate.parent_for_edit(nodes[i]);
        auto index = static_cast<std::size_t>(nodes[i] - parent->children.data());
        Provision c = *nodes[i];
        c.designation = with_parens(c.designation, news[i]);
        moves.push_back(Move{c, parent, index, jobs.locate.cite_of(nodes[i]), from[i]});
    }
    if (!keep_nodes.empty()) redesignate_nodes(keep_nodes, keep_news, keep_from);
    // Remove the moved provisions from their parents, last index first.
    std::vector<Provision*> parents;
    std::vector<const Move*> by_index;
    for (const auto& m : moves) by_index.push_back(&m);
    std::sort(by_index.begin(), by_index.end(), [](const Move* a, const Move* b) { return a->index > b->index; });
    for (const Move* m : by_index) {
        (void)take_child(*m->parent, m->index);
        if (std::find(parents.begin(), parents.end(), m->parent) == parents.end()) parents.push_back(m->parent);
    }
    // Insert them beside their former parents, then drop parents left empty. Parents are
    // visited by index, last first, so that inserting never moves one not yet visited.
    struct Slot {
        Provision* grand;
        std::size_t index;
        Provision* parent;
    };
    std::vector<Slot> slots;
    for (Provision* p : parents) {
        Provision* grand = &jobs.locate.parent_for_edit(p);
        slots.push_back(Slot{grand, static_cast<std::size_t>(p - grand->children.data()), p});
    }
    std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.index > b.index; });
    for (const Slot& sl : slots) {
        std::vector<Provision> mine;
        for (auto& m : moves)
            if (m.parent == sl.parent) mine.push_back(m.copy);
        Provision& p = sl.grand->children[sl.index];
        int depth = jobs.locate.depth_in_section(&p);
        for (auto& c : mine) set_kinds(c, depth);
        bool empty = p.text.empty() && p.heading.empty() && p.children.empty();
        std::size_t pos = sl.index;
        if (empty) (void)take_child(*sl.grand, pos);
        else ++pos;
        insert_children(*sl.grand, pos, std::move(mine));
    }
    for (auto& m : moves)
        rep.applied.push_back(applied_op(*m.op, "redesignated " + m.old_cite + " as " + m.copy.designation + " one level up"));
}

void Designations::redesignate_nodes(const std::vector<Provision*>& nodes, const std::vector<std::string>& news,
                       const std::vector<const Op*>& from) {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        Provision* parent = &jobs.locate.parent_for_edit(nodes[i]);
        const std::string& nd = news[i];
        for (auto& sib : parent->children) {
            if (!is_numbered(sib.kind) || clean_num(sib.designation) != nd) continue;
            bool moving = std::find(nodes.begin(), nodes.end(), &sib) != nodes.end();
            if (!moving) {
                fail(*from[i], "cannot redesignate " + jobs.locate.cite_of(nodes[i]) + " as (" + nd + "): " + jobs.locate.cite_of(&sib) + " already exists",
                     "amend.redesignate");
                return;
            }
        }
    }
    std::vector<std::string> olds;
    for (auto* n : nodes) olds.push_back(jobs.locate.cite_of(n));
    std::vector<Provision*> parents;
    for (auto* n : nodes) {
        parents.push_back(&jobs.locate.parent_for_edit(n));
        ProvisionPath chain = Locator::addressable(jobs.locate.ancestry(n));
        if (!chain.empty()) rep.changed_sections.insert(chain.front()->designation);
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) nodes[i]->designation = with_parens(nodes[i]->designation, news[i]);
    std::vector<std::string> now;
    for (auto* n : nodes) now.push_back(n->designation);
    // A provision renumbered past its siblings moves to its place in the sequence ((a) that
    // became (e) goes after (d)); the order is kept wherever the designations do not say.
    for (Provision* parent : parents) {
        if (!parent) continue;
        std::vector<std::size_t> slots;
        for (std::size_t k = 0; k < parent->children.size(); ++k)
            if (is_numbered(parent->children[k].kind)) slots.push_back(k);
        std::vector<Provision> numbered;
        bool valid = true;
        for (std::size_t k : slots) {
            valid &= order_key(parent->children[k].designation).first > 0;
            numbered.push_back(parent->children[k]);
        }
        if (!valid) continue;
        auto less = [](const Provision& a, const Provision& b) { return order_key(a.designation) < order_key(b.designation); };
        if (std::is_sorted(numbered.begin(), numbered.end(), less)) continue;
        std::stable_sort(numbered.begin(), numbered.end(), less);
        for (std::size_t k = 0; k < slots.size(); ++k) replace_child(*parent, slots[k], std::move(numbered[k]));
    }
    // Report by the new designations (the nodes may have moved).
    for (std::size_t i = 0; i < olds.size(); ++i) {
        std::string c = olds[i];
        std::size_t cut = c.rfind('(');
        std::string renamed = cut == std::string::npos ? now[i] : c.substr(0, cut) + now[i];
        rep.applied.push_back(applied_op(*from[i], "redesignated " + olds[i] + " as " + renamed));
    }
}

void Designations::designate(const Op& op) {
    for (const auto& t : op.targets) {
        Provision* target = jobs.locate.resolve_target(op, t);
        if (!target) continue;
        // Designated already (D.C.'s emergency and temporary acts often make the same change
        // first): no text of its own but the codifier's notes ("*NOTE: ..."), and its first
        // numbered provision bears the designation.
        auto note_only = [this](const std::string& text) { return jobs.conventions.only_editorial_note(text); };
        auto first = std::find_if(target->children.begin(), target->children.end(),
                                  [](const Provision& c) { return is_numbered(c.kind); });
        bool only_notes = note_only(target->text.text) &&
                          std::all_of(target->children.begin(), first, [&](const Provision& c) {
                              return c.kind == Kind::History || note_only(c.text.text);
                          });
        if (only_notes && first != target->children.end() &&
            clean_num(first->designation) == clean_num(op.new_designations.at(0))) {
            rep.warnings.push_back(at(op, "the text of " + jobs.locate.cite_of(target) + " is already designated " +
                                   first->designation + "; nothing changed (applied already?)", "amend.applied-already", Severity::Warning));
            continue;
        }
        Provision d;
        d.kind = kind_for_depth(jobs.locate.depth_in_section(target) + 1);
        d.designation = with_parens("(", op.new_designations.at(0));
        d.text = target->text;
        if (!target->xml_tag.empty()) d.xml_tag = "para";  // the element its format's writer needs
        target->text = RichText{};
        std::vector<Provision> keep, moved;
        for (auto& c : target->children) {
            if (c.kind == Kind::History || c.kind == Kind::Block) keep.push_back(std::move(c));
            else moved.push_back(std::move(c));
        }
        set_children(d, std::move(moved));
        set_kinds(d, jobs.locate.depth_in_section(target) + 1);
        keep.insert(keep.begin(), std::move(d));
        set_children(*target, std::move(keep));
        note(op, "designated the existing text of " + jobs.locate.cite_of(target) + " as (" + op.new_designations.at(0) + ")", target);
    }
}

}  // namespace amend::applying
