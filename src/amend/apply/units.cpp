// Unit edits: repeal, add and restate whole provisions and sections.
#include "amend/apply/jobs.hpp"

#include <set>
#include "model/tree.hpp"
#include "amend/language/target.hpp"

namespace amend::applying {

void set_kinds(Provision& p, int depth) {
    if (is_numbered(p.kind) && p.kind != Kind::Section) p.kind = kind_for_depth(depth);
    for (auto& c : p.children) set_kinds(c, depth + 1);
}

std::string with_parens(const std::string& old_designation, const std::string& inner) {
    // A bare designation ("2-173-042", a Chicago "a") stays bare; "(f)" and the editor's "[(f)]" take "(...)".
    if (!old_designation.empty() && old_designation.front() != '(' && old_designation.rfind("[(", 0) != 0) return inner;
    return "(" + inner + ")";
}

std::pair<int, std::string> order_key(const std::string& designation) { return sequence_key(clean_num(designation)); }

bool same_words(const Provision& a, const Provision& b) {
    if (clean_num(a.designation) != clean_num(b.designation) || a.text.text != b.text.text ||
        a.heading.text != b.heading.text || a.children.size() != b.children.size())
        return false;
    for (std::size_t i = 0; i < a.children.size(); ++i)
        if (!same_words(a.children[i], b.children[i])) return false;
    return true;
}

bool same_term(const std::string& text, const std::string& term) {
    Folded t = fold(text);
    std::string want = "\"" + ascii_lower(fold(term).s) + "\"";
    std::size_t q = t.s.find('"');
    if (q == std::string::npos || q > 12) return false;
    return ascii_lower(t.s.substr(q, want.size())) == want;
}


void UnitEdits::repeal_kept_section(const Op& op, Provision* section) {
    std::vector<Provision> keep;
    for (auto& ch : section->children)
        if (ch.kind == Kind::History) keep.push_back(std::move(ch));
    set_children(*section, std::move(keep));
    section->text = RichText{"Repealed.", {}, {}};
    jobs.conventions.mark_repealed(*section);
    note(op, "repealed " + jobs.locate.cite_of(section), section);
}

void UnitEdits::repeal(const Op& op, bool strike) {
    for (const auto& t : jobs.locate.act_targets(op)) {
        ProvisionPath chain;
        Provision* target = jobs.locate.resolve_target(op, t, &chain);
        if (!target || jobs.ledger.conflicts_whole(op, target)) continue;
        std::string c = jobs.locate.cite_of(target);
        if (target->kind == Kind::Section) {
            if (strike || !jobs.conventions.keeps_repealed_units()) {
                Provision* parent = &jobs.locate.parent_for_edit(target);
                note(op, "repealed " + c, target);
                (void)take_child(*parent, static_cast<std::size_t>(target - parent->children.data()));
                jobs.locate.sections_changed();
                continue;
            }
            repeal_kept_section(op, target);
            continue;
        }
        Provision* parent = &jobs.locate.parent_for_edit(target);
        if (strike || !jobs.conventions.keeps_repealed_units()) {
            note(op, (strike ? "struck " : "repealed ") + c, target);
            (void)take_child(*parent, static_cast<std::size_t>(target - parent->children.data()));
            continue;
        }
        // D.C. keeps a repealed unit's designation with a placeholder text.
        set_children(*target, {});
        target->heading = RichText{};
        target->text = RichText{jobs.conventions.repealed_placeholder(jobs.locate.section_of(t)), {}, {}};
        jobs.conventions.mark_repealed(*target);
        note(op, "repealed " + c, target);
    }
}

std::size_t UnitEdits::insert_position(const Provision& parent, const Provision& unit) {
    // Among siblings numbered (ii), (iv), ... a one-letter "i", "v" or "x" is a numeral too.
    bool roman = std::any_of(parent.children.begin(), parent.children.end(), [](const Provision& c) {
        std::string d = clean_num(c.designation);
        return is_numbered(c.kind) && d.size() > 1 && roman_value(d) > 0;
    });
    auto key_of = [&](const std::string& designation) {
        auto k = order_key(designation);
        std::string d = clean_num(designation);
        if (roman && d.size() == 1 && roman_value(d) > 0) k.first = roman_value(d);
        return k;
    };
    auto key = key_of(unit.designation);
    std::size_t pos = parent.children.size();
    // Before trailing history notes and annotations.
    while (pos > 0 && (parent.children[pos - 1].kind == Kind::History)) --pos;
    std::size_t best = std::string::npos;
    for (std::size_t i = 0; i < parent.children.size(); ++i) {
        const Provision& c = parent.children[i];
        if (!is_numbered(c.kind)) continue;
        if (key_of(c.designation) < key) best = i;
    }
    if (best != std::string::npos) return best + 1;
    // Before the first numbered child, after any lead-in text.
    for (std::size_t i = 0; i < parent.children.size(); ++i)
        if (is_numbered(parent.children[i].kind)) return i;
    return pos;
}

std::size_t UnitEdits::restated_position(const Provision& parent, const Provision& unit, const std::string& after) {
    if (!after.empty()) {
        for (std::size_t i = parent.children.size(); i-- > 0;)
            if (is_numbered(parent.children[i].kind) && clean_num(parent.children[i].designation) == after) return i + 1;
        return insert_position(parent, unit);
    }
    std::size_t pos = parent.children.size();
    while (pos > 0 && parent.children[pos - 1].kind == Kind::History) --pos;
    for (std::size_t i = 0; i < pos; ++i)
        if (is_numbered(parent.children[i].kind)) return i;
    return pos;
}

Provision* UnitEdits::parent_for(Provision* target, const Provision& unit) {
    // Siblings share a style on the ladder: (a) (b) ..., (1) (2) ..., (A) (B) ..., (i) (ii) ...
    const Ladder& ladder = Ladder::chicago_dc();
    auto has_style_sibling = [&](Provision& p) {
        int depth = jobs.locate.depth_in_section(&p) + 1;
        NumberStyle want = classify(clean_num(unit.designation), depth, ladder);
        for (auto& c : p.children) {
            if (!is_numbered(c.kind) || c.designation.empty()) continue;
            if (!jobs.conventions.undesignated(c) && classify(clean_num(c.designation), depth, ladder) == want) return true;
        }
        return false;
    };
    if (has_style_sibling(*target)) return target;
    bool any_numbered = false;
    for (auto& c : target->children) any_numbered |= is_numbered(c.kind);
    if (!any_numbered) return target;
    // Search below for a node whose children share the style.
    std::vector<Provision*> cands;
    std::function<void(Provision&)> walk = [&](Provision& p) {
        for (auto& c : p.children) {
            if (!is_numbered(c.kind)) continue;
            if (has_style_sibling(c)) cands.push_back(&c);
            walk(c);
        }
    };
    walk(*target);
    if (cands.size() == 1) return cands[0];
    // Prefer the one holding the predecessor.
    auto key = order_key(unit.designation);
    for (Provision* c : cands)
        for (auto& k : c->children)
            if (is_numbered(k.kind) && order_key(k.designation).first == key.first - (key.second.empty() ? 1 : 0)) return c;
    return target;
}

// The quoted text is designated as the instruction names it: "a new subsection (d)" quoted as
// "(D)", or "new paragraphs (3) and (4)" quoted as (4) and (5), is a drafting error to report,
// never a guess at which of the two is meant.
bool UnitEdits::quoted_as_named(const Op& op) {
    // Units named, or definitions, added with text of no designation quoted beside them: where
    // that text goes the words do not say ("This section expires in 2030." after a new (b)).
    bool definitions = op.add_kind_word.rfind("definition", 0) == 0;
    if (!op.new_designations.empty() || definitions)
        for (const auto& b : op.blocks)
            if (b.kind == Kind::Text && (!definitions || b.designation.empty()) && !b.text.empty()) {
                fail(op, "the quoted text holds text with no designation (\"" + b.text.text.substr(0, 60) + "\") besides the " +
                             (definitions ? std::string("definitions") : std::string("units")) + " the instruction adds; where it goes is not said",
                     "amend.block");
                return false;
            }
    std::vector<const Provision*> quoted;
    for (const auto& b : op.blocks)
        if (is_numbered(b.kind) && !b.designation.empty()) quoted.push_back(&b);
    if (op.new_designations.empty() || quoted.empty()) return true;
    auto list = [](std::vector<std::string> items) {
        std::string out;
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
        return out;
    };
    if (op.new_designations.size() == 1 && quoted.size() > 1) {
        // "a new subsection (d)" quoted with an (e) after it: the (e) is added by no words.
        fail(op, "the instruction adds (" + clean_num(op.new_designations.front()) + ") alone, but the quoted text also holds " + quoted[1]->designation +
                     "; name every unit added (\"new subsections (d) and (e)\")",
             "amend.designation");
        return false;
    }
    bool first_differs = clean_num(op.new_designations.front()) != clean_num(quoted.front()->designation);
    bool last_differs = op.new_designations.size() > 1 && clean_num(op.new_designations.back()) != clean_num(quoted.back()->designation);
    if (!first_differs && !last_differs) return true;
    std::vector<std::string> named, got;
    for (const auto& d : op.new_designations) named.push_back("(" + clean_num(d) + ")");
    for (const auto* q : quoted) got.push_back(q->designation);
    fail(op, "the instruction adds " + list(named) + ", but the quoted text is designated " + list(got), "amend.designation");
    return false;
}

// A section that temporary or emergency legislation created, restated with the permanent law's
// text (its history kept), with a warning.
void UnitEdits::make_permanent(const Op& op, Provision* existing, const Provision& b) {
    Provision nb = b;
    jobs.conventions.codified(op, nb, existing);
    jobs.conventions.keep_editorial_marks(*existing, nb);
    std::vector<Provision> kept;  // its history and annotations
    for (auto& ch : existing->children)
        if (ch.kind == Kind::History) kept.push_back(std::move(ch));
    if (!nb.heading.empty()) existing->heading = nb.heading;
    existing->text = nb.text;
    std::vector<Provision> kids;
    for (auto& ch : nb.children)  // the quoted section's own history is the law's, not the Code's
        if (ch.kind != Kind::History) kids.push_back(std::move(ch));
    for (auto& ch : kids) set_kinds(ch, 1);
    for (auto& h : kept) kids.push_back(std::move(h));
    set_children(*existing, std::move(kids));
    rep.warnings.push_back(at(op, "section " + existing->designation + " already exists, with text of temporary or emergency legislation; " +
                           (b.designation == existing->designation ? "it was restated as the instruction adds it"
                                                                   : "the law's new section " + b.designation + " of the same heading restates it"), "amend.permanent", Severity::Warning));
    note(op, "added section " + existing->designation + " (restated)", existing);
}

// The sections quoted text holds, however deep (a new subtitle holds its parts and sections).
static void sections_in(const std::vector<Provision>& blocks, std::vector<const Provision*>& out) {
    for (const auto& b : blocks) {
        if (b.kind == Kind::Section) out.push_back(&b);
        else if (b.kind < Kind::Section) sections_in(b.children, out);
    }
}

static std::vector<const Provision*> sections_in(const std::vector<Provision>& blocks) {
    std::vector<const Provision*> out;
    sections_in(blocks, out);
    return out;
}

void UnitEdits::add(const Op& op) {
    if (op.blocks.empty()) {
        fail(op, "expected the new text (a block quote) after \"" + op.sentence + "\"", "amend.block");
        return;
    }
    const std::string& w = op.add_kind_word;
    if (is_container_kind(w)) {
        // A new unit above the section: its sections, where the law numbers them as the Code's,
        // are added as new sections; the unit itself and its place in the Code are the codifier's.
        Op sections = op;
        sections.blocks.clear();
        for (const Provision* q : sections_in(op.blocks)) sections.blocks.push_back(*q);
        sections.add_kind_word = "sections";
        sections.new_designations.clear();
        if (sections.blocks.empty()) {
            fail(op, "expected the sections of the new " + w + " in the quoted text", "amend.block");
            return;
        }
        add(sections);
        return;
    }
    bool sections = op.blocks[0].kind == Kind::Section && !op.add_kind_word.empty() && op.add_kind_word.rfind("section", 0) == 0 &&
                    (op.new_designations.empty() || op.new_designations[0].find_first_of("-.") != std::string::npos ||
                     std::isdigit(static_cast<unsigned char>(op.new_designations[0][0])));
    if (sections) {
        if (op.new_designations.size() == 1 && op.blocks.size() > 1 && op.blocks[1].kind == Kind::Section) {
            fail(op, "the instruction adds section " + op.new_designations.front() + " alone, but the quoted text also holds section " +
                         op.blocks[1].designation + "; name every section added (\"new sections ... and ...\")",
                 "amend.designation");
            return;
        }
        for (const auto& b : op.blocks) {
            if (b.designation.find_first_of("-:") == std::string::npos) {
                // "adding new sections 3207b and 3207c" to an Act: the law's own numbers, not
                // the Code's. Where emergency legislation put the same section into the Code
                // first, the section of the instruction file stands there with the Code's mark and
                // the same heading: the permanent text takes its place.
                Provision* standing = opt.default_section.empty() ? nullptr : jobs.locate.find_section(opt.default_section);
                if (standing && jobs.conventions.holds_temporary_text(*standing) && !b.heading.empty() &&
                    Restated::normal(standing->heading.text) == Restated::normal(b.heading.text)) {
                    make_permanent(op, standing, b);
                    continue;
                }
                // Otherwise where the codifier puts them is not said.
                rep.skipped.push_back(at(op, "new section " + b.designation +
                                      " is numbered in the law, not in the code given: \"" + op.sentence + "\"", "amend.not-given", Severity::Note));
                continue;
            }
            if (!op.new_designations.empty() && &b == &op.blocks.front() && clean_num(op.new_designations.front()) != clean_num(b.designation)) {
                fail(op, "the instruction adds section " + op.new_designations.front() + ", but the quoted text is section " + b.designation,
                     "amend.designation");
                return;
            }
            if (Provision* existing = jobs.locate.find_section(b.designation)) {
                // Emergency or temporary legislation may have created it, and the Code says so:
                // the permanent law's text takes its place. Any other section there is law the
                // instruction would overwrite.
                if (!jobs.conventions.created_by_temporary(*existing)) {
                    fail(op, "section " + b.designation + " already exists in the code given", "amend.exists");
                    continue;
                }
                make_permanent(op, existing, b);
                continue;
            }
            // Into the container that holds its neighbours, in number order.
            Provision* holder = &doc.root;
            for (Provision* s : sections_of(doc.root))
                if (Locator::prefix_of(s->designation) == Locator::prefix_of(b.designation)) {
                    holder = &jobs.locate.parent_for_edit(s);
                    break;
                }
            std::size_t pos = holder->children.size();
            for (std::size_t i = 0; i < holder->children.size(); ++i)
                if (holder->children[i].kind == Kind::Section && section_number_less(b.designation, holder->children[i].designation)) {
                    pos = i;
                    break;
                }
            Provision nb = b;
            nb.span = SourceSpan{};
            if (!holder->children.empty()) nb.span.file = holder->children[std::min(pos, holder->children.size() - 1)].span.file;
            insert_child(*holder, pos, nb);
            jobs.locate.sections_changed();
            rep.applied.push_back(applied_op(op, "added section " + b.designation));
            rep.changed_sections.insert(b.designation);
        }
        return;
    }
    if (!quoted_as_named(op)) return;
    for (const auto& t : op.targets) {
        Provision* target = jobs.locate.resolve_target(op, t);
        if (!target) continue;
        if (op.into_parent) target = jobs.locate.parent_of(target);
        if (!target) continue;
        // Units a quotation of inserted words ran into (run_on.hpp) go right after those words:
        // only where they end the unit's own text, and the unit has no units of its own.
        if (op.after && op.after->empty() && !op.anchor.empty() &&
            (!trim_blanks(target->text.text).ends_with(trim_blanks(op.anchor)) ||
             std::any_of(target->children.begin(), target->children.end(), [](const Provision& c) { return is_numbered(c.kind); }))) {
            fail(op, "expected the words inserted (\"" + op.anchor + "\") to end the text of " + jobs.locate.cite_of(target) +
                         ", which holds no units, for the units the quotation runs into to follow them: where they go is not said",
                 "amend.block");
            continue;
        }
        int tdepth = jobs.locate.depth_in_section(target);
        Provision* placed_in = nullptr;  // where this op put its provisions so far: [placed_from, placed_to)
        std::size_t placed_from = 0, placed_to = 0;
        for (const auto& b0 : op.blocks) {
            Provision b = b0;
            jobs.conventions.codified(op, b, target);
            b.span = target->span;
            if (b.kind == Kind::Definition || (b.kind == Kind::Text && op.add_kind_word.rfind("definition", 0) == 0)) {
                // A definition goes in alphabetical order among the definitions.
                std::string term = ascii_lower(b.designation);
                std::size_t pos = target->children.size();
                while (pos > 0 && target->children[pos - 1].kind == Kind::History) --pos;
                for (std::size_t i = 0; i < target->children.size(); ++i) {
                    const Provision& c = target->children[i];
                    if (c.kind == Kind::Definition && ascii_lower(c.designation) > term) {
                        pos = i;
                        break;
                    }
                }
                for (const auto& c : target->children)
                    if (c.kind == Kind::Definition && ascii_lower(c.designation) == term) {
                        fail(op, "a definition of \"" + b.designation + "\" already exists in " + jobs.locate.cite_of(target), "amend.exists");
                        pos = std::string::npos;
                    }
                if (pos == std::string::npos) continue;
                insert_child(*target, pos, b);
                note(op, "added the definition of \"" + b.designation + "\" to " + jobs.locate.cite_of(target), target);
                continue;
            }
            if (!is_numbered(b.kind) || b.designation.empty()) {
                std::size_t pos = target->children.size();
                while (pos > 0 && target->children[pos - 1].kind == Kind::History) --pos;
                insert_child(*target, pos, b);
                note(op, "added text to " + jobs.locate.cite_of(target), target);
                continue;
            }
            Provision* parent = op.after ? target : parent_for(target, b);
            int pdepth = parent == target ? tdepth : jobs.locate.depth_in_section(parent);
            set_kinds(b, pdepth + 1);
            std::size_t existing_at = parent->children.size();  // the last one so designated, if any
            for (std::size_t i = 0; i < parent->children.size(); ++i) {
                const Provision& c = parent->children[i];
                bool ours = parent == placed_in && i >= placed_from && i < placed_to;  // added by this op just now
                if (!ours && is_numbered(c.kind) && clean_num(c.designation) == clean_num(b.designation)) existing_at = i;
            }
            Provision* existing = existing_at < parent->children.size() ? &parent->children[existing_at] : nullptr;
            if (existing) {
                bool same = same_words(*existing, b);
                if (existing->is_repealed() || same) {
                    std::string c = jobs.locate.cite_of(existing);
                    if (!same) replace_child(*parent, existing_at, b);
                    rep.warnings.push_back(at(op, c + (same ? " already reads as added; nothing to change" : " was repealed; the new provision takes its place"), "amend.exists", Severity::Warning));
                    if (!same) note(op, "added " + c, parent);
                    continue;
                }
                std::string c = jobs.locate.cite_of(existing);
                // Temporary or emergency legislation may have added it already, and the Code says
                // so; the permanent law's text then takes its place. Anything else standing there
                // is law the instruction would overwrite.
                ProvisionPath chain = Locator::addressable(jobs.locate.ancestry(parent));
                if (chain.empty() || !jobs.conventions.holds_temporary_text(*chain.front())) {
                    fail(op, "cannot add " + c + ": " + c + " already exists (to replace it, the instruction must amend it to read as follows)",
                         "amend.exists");
                    continue;
                }
                replace_child(*parent, existing_at, b);
                rep.warnings.push_back(at(op, c + " already exists; it was restated as the instruction adds it", "amend.exists", Severity::Warning));
                note(op, "added " + c + " (restated)", parent);
                continue;
            }
            std::size_t pos = op.after ? restated_position(*parent, b, *op.after) : insert_position(*parent, b);
            // The place the sentence states must be the one number order gives.
            if (!op.stated_after.empty() || !op.stated_before.empty()) {
                bool after = !op.stated_after.empty();
                const std::string& named = after ? op.stated_after : op.stated_before;
                auto numbered_at = [&](std::size_t i) { return i < parent->children.size() && is_numbered(parent->children[i].kind); };
                std::size_t nb = pos;  // the numbered sibling just before or at the place
                if (after)
                    while (nb > 0 && !numbered_at(nb - 1)) --nb;
                else
                    while (nb < parent->children.size() && !numbered_at(nb)) ++nb;
                bool there = after ? nb > 0 && clean_num(parent->children[nb - 1].designation) == clean_num(named)
                                   : numbered_at(nb) && clean_num(parent->children[nb].designation) == clean_num(named);
                if (!there) {
                    bool exists = std::any_of(parent->children.begin(), parent->children.end(), [&](const Provision& c) {
                        return is_numbered(c.kind) && clean_num(c.designation) == clean_num(named);
                    });
                    fail(op, "the instruction puts " + b.designation + (after ? " after (" : " before (") + named + "), but " +
                                 (exists ? "in number order it does not go there" : "there is no (" + named + ") in " + jobs.locate.cite_of(parent)),
                         "amend.place");
                    continue;
                }
            }
            if (op.after && parent == placed_in) pos = placed_to;  // the op's provisions stay together
            insert_child(*parent, pos, b);
            if (parent != placed_in) placed_in = parent, placed_from = pos, placed_to = pos;
            ++placed_to;
            Provision* added = &parent->children[pos];
            note(op, "added " + jobs.locate.cite_of(added), parent);
        }
    }
}

// Whether a law's section amends other text in its own words: "... is amended to read as
// follows:" with the new text quoted right under it (a form the law itself sets out, "The
// following form may be used:", is part of the law's text).
static bool amends_quoted_text(const Provision& p) {
    std::string words = ascii_lower(p.text.text);
    return words.find("amended") != std::string::npos &&
           std::any_of(p.children.begin(), p.children.end(), [](const Provision& c) { return c.xml_tag == "include"; });
}

// The quoted sections a section of a restated Act may take: those numbered as it is, or else
// those with its heading. It takes one only where there is exactly one.
static std::vector<const Provision*> quoted_candidates(const Op& op, const Provision& section) {
    std::vector<const Provision*> numbered, headed;
    for (const Provision* q : sections_in(op.blocks)) {
        if (clean_num(q->designation) == clean_num(section.designation)) numbered.push_back(q);
        if (!q->heading.empty() && !section.heading.empty() && Restated::normal(q->heading.text) == Restated::normal(section.heading.text))
            headed.push_back(q);
    }
    return numbered.empty() ? headed : numbered;
}

bool UnitEdits::act_sections(const Op& op, std::vector<TargetRef>& targets) {
    // An Act restated whole, applied to a code that holds it: its sections are those of its unit
    // whose history names its law (the instruction must cite it: a chapter may hold several Acts).
    if (op.targets[0].law.empty()) return true;  // the Locator says what is missing
    std::vector<TargetRef> mine;
    std::map<const Provision*, std::vector<std::string>> taken;  // quoted section → Code sections taking it
    for (const auto& u : jobs.locate.act_targets(op)) {
        Provision* s = u.section.empty() ? nullptr : jobs.locate.find_section(u.section, true);
        if (!s || !jobs.conventions.of_restated_act(op, *s)) continue;
        mine.push_back(u);
        auto same = quoted_candidates(op, *s);
        if (same.size() == 1) taken[same[0]].push_back(s->designation);
    }
    if (mine.empty()) return true;
    for (const auto& [q, secs] : taken)
        if (secs.size() > 1) {
            std::string list;
            for (const auto& d : secs) list += (list.empty() ? "" : " and ") + d;
            fail(op, "the quoted section " + q->designation + " would be the text of both " + list + "; which of them it is, is not said",
                 "amend.restate");
            return false;
        }
    for (const Provision* q : sections_in(op.blocks))
        if (!taken.count(q))
            rep.skipped.push_back(at(op, "the quoted section " + q->designation + (q->heading.empty() ? "" : " (" + q->heading.text + ")") +
                                      " has no section in the code given with its number or heading; where the codifier puts it is not said",
                                  "amend.not-given", Severity::Note));
    targets = std::move(mine);
    return true;
}

void UnitEdits::restate(const Op& op) {
    if (op.blocks.empty()) {
        fail(op, "expected the new text (a block quote) after \"" + op.sentence + "\"", "amend.block");
        return;
    }
    // An Act named by its Code cite and restated with its sections quoted: the section the
    // instruction file is for takes the quoted section numbered as it is, or else the one with its
    // heading, below.
    const std::size_t quoted = sections_in(op.blocks).size();
    const bool whole_act = op.targets.size() == 1 && op.targets[0].container_only && op.targets[0].cites_code &&
                           !op.targets[0].et_seq.empty() && quoted > 1;
    std::vector<TargetRef> targets = op.targets;
    if (whole_act && opt.default_section.empty() && !act_sections(op, targets)) return;
    // One quoted unit a target: a unit quoted after them (a "(3)" after the "(2)" restated) is
    // no part of what is restated, and it is refused rather than dropped. A unit's text quoted
    // with the units after it, and a section's units quoted without its number, are the unit
    // restated whole; a lead-in restated alone is checked below against the units quoted after it.
    if (quoted <= 1 && op.blocks.size() > targets.size()) {
        const Provision& last = op.blocks[targets.size() - 1];
        const Provision& extra = op.blocks[targets.size()];
        bool units_of_section = targets.size() == 1 && last.kind != Kind::Section && !targets[0].container_only && targets[0].path.empty() &&
                                !targets[0].section.empty() && targets[0].term.empty();
        if (last.kind != Kind::Text && !units_of_section) {
            auto name = [](const Provision& p) {
                return p.kind == Kind::Definition ? "the definition of \"" + p.designation + "\"" : p.designation;
            };
            std::string what = extra.designation.empty() ? "text (\"" + extra.text.text.substr(0, 60) + "\")" : name(extra);
            fail(op, "the quoted text holds " + what + " after " + (last.designation.empty() ? std::string("the text restated") : name(last)) +
                         ", which is no part of what this instruction restates; a unit added is \"adding a new ...\", text restated is quoted whole",
                 "amend.restate");
            return;
        }
    }
    for (std::size_t k = 0; k < targets.size(); ++k) {
        const TargetRef& t = targets[k];
        Provision* target = jobs.locate.resolve_target(op, t);
        if (!target) continue;
        // A heading or a lead-in restated is that text alone: only another change to it conflicts.
        if (t.part == TargetRef::Part::Heading || t.part == TargetRef::Part::Text) {
            const RichText& rt = t.part == TargetRef::Part::Heading ? target->heading : target->text;
            std::string other = jobs.ledger.changed_text(rt, op);
            if (!other.empty()) {
                fail(op, "this instruction and the one at " + other + " both change " +
                             (t.part == TargetRef::Part::Heading ? "the heading of " : "the lead-in text of ") + jobs.locate.cite_of(target),
                     "amend.conflict");
                continue;
            }
        } else if (jobs.ledger.conflicts_whole(op, target)) {
            continue;
        }
        Provision b = op.blocks[std::min(k, op.blocks.size() - 1)];
        // Quoted text may wrap the target in its ancestors' designations ("(c)" then "(1)"
        // for "the lead-in language of subsection (c)(1)"): take the part that is the target.
        while (target->kind != Kind::Section && b.text.empty() && b.children.size() == 1 && is_numbered(b.children[0].kind) &&
               clean_num(b.designation) != clean_num(target->designation)) {
            Provision inner = b.children[0];
            b = std::move(inner);
        }
        TargetRef by_heading;  // the quoted section chosen by its heading, as the law's section codified here
        if (target->kind == Kind::Section && quoted > 1) {
            // "The X Act (... § 32-171.01 et seq.) is amended to read as follows:" with a whole
            // subtitle of the law quoted: the Act's sections become Code sections. This one is
            // the quoted section with its heading, where exactly one has it; otherwise which of
            // them it is the words do not say. A section named alone and restated with several
            // is a drafting error.
            bool act = whole_act && jobs.conventions.of_restated_act(op, *target);
            std::vector<const Provision*> same = act ? quoted_candidates(op, *target) : std::vector<const Provision*>{};
            if (same.size() != 1) {
                fail(op, "expected the text of one section for " + jobs.locate.cite_of(target) + ", found " + std::to_string(quoted) +
                             " sections quoted" +
                             (!act ? std::string() : same.empty() ? std::string(" and none with its heading") : ", " + std::to_string(same.size()) + " with its heading") +
                             "; which of them is " + jobs.locate.cite_of(target) + " is not said",
                     "amend.restate");
                continue;
            }
            b = *same[0];
            by_heading = t;
            by_heading.law_section = b.designation;
        }
        if (target->kind == Kind::Section && b.kind != Kind::Section) {
            // A section restated by its units alone begins with the first of them: quoted text
            // that begins "(3)" restates a paragraph, and which one the words do not say.
            const Provision* first = nullptr;
            for (const auto& bb : op.blocks)
                if (is_numbered(bb.kind) && !bb.designation.empty()) {
                    first = &bb;
                    break;
                }
            static const std::set<std::string> firsts{"a", "1", "A", "i", "I"};
            if (first && !firsts.count(clean_num(first->designation))) {
                fail(op, "expected the whole text of " + jobs.locate.cite_of(target) + ", which would begin with its first unit; the quoted text begins with " +
                             first->designation + ": name the unit it restates",
                     "amend.restate");
                continue;
            }
        }
        if (op.add_kind_word == "law text" && target->kind == Kind::Section && !jobs.conventions.created_by_temporary(*target)) {
            // A law's section with no amending words is the Code's text where temporary or
            // emergency legislation created the section first (the Code marks it so); anywhere
            // else, a section that such legislation only amended included, the codifier leaves the
            // section as it is (the law's text stands in a note).
            std::string why = "the law's section " + t.law_section + " has no amending words, and " + jobs.locate.cite_of(target) +
                              " was not created by temporary or emergency legislation whose text it would make permanent";
            if (opt.strict) fail(op, why, "amend.law-text");
            else rep.skipped.push_back(at(op, why + "; nothing changed", "amend.law-text", Severity::Note));
            continue;
        }
        if (op.add_kind_word == "law text" && amends_quoted_text(b)) {
            // "The X Act ... is revived ... and amended to read as follows:" with the Act's sections
            // quoted: the law's section amends another text, it is not itself the Code's text, and
            // which quoted section is this one the words do not say.
            fail(op, "expected the law's section " + t.law_section + " to be the text of " + jobs.locate.cite_of(target) +
                         ", but it amends other text (\"" + b.text.text.substr(0, 120) +
                         (b.text.text.size() > 120 ? "...\"" : "\"") + "); which part of it is " + jobs.locate.cite_of(target) +
                         " is not said",
                 "amend.law-text");
            continue;
        }
        // The quoted text is designated as the unit it restates: "Subsection (b) is amended to read
        // as follows:" quoting "(c) ..." is a drafting error to report, never (b) renumbered. A
        // section quoted with another Code number likewise (a law's own number, "Sec. 203.", is
        // the law's, not the Code's).
        if (target->kind != Kind::Section && t.part == TargetRef::Part::Whole && is_numbered(b.kind) && !b.designation.empty() &&
            is_numbered(target->kind) && clean_num(b.designation) != clean_num(target->designation)) {
            fail(op, "the instruction restates " + jobs.locate.cite_of(target) + ", but the quoted text is designated " + b.designation,
                 "amend.designation");
            continue;
        }
        if (target->kind == Kind::Section && b.kind == Kind::Section && b.designation != target->designation &&
            b.designation.find('-') != std::string::npos && by_heading.law_section.empty()) {
            fail(op, "the instruction restates section " + target->designation + ", but the quoted section is numbered " + b.designation,
                 "amend.designation");
            continue;
        }
        jobs.conventions.codified(op, b, target, !by_heading.law_section.empty() ? &by_heading : op.add_kind_word == "law text" ? &t : nullptr);
        jobs.conventions.keep_editorial_marks(*target, b);
        std::string c = jobs.locate.cite_of(target);
        if (t.part == TargetRef::Part::Heading && op.blocks.size() > 1) {
            fail(op, "expected the heading of " + c + " alone, but the quoted text holds more", "amend.restate");
            continue;
        }
        // Restated as it reads already: nothing changes, and the report says so rather than list a
        // change.
        // (Not where the section holds temporary text the law makes permanent: the codifier writes
        // it again, its note of temporary legislation gone.)
        auto as_it_reads = [&](const std::string& now, const std::string& restated, const std::string& what) {
            if (now != restated) return false;  // byte for byte: a quote mark or a space is a change
            ProvisionPath chain = Locator::addressable(jobs.locate.ancestry(target));
            if (!chain.empty() && jobs.conventions.holds_temporary_text(*chain.front())) return false;
            rep.warnings.push_back(at(op, what + " already reads as restated; nothing changed", "amend.exists", Severity::Warning));
            return true;
        };
        if (t.part == TargetRef::Part::Heading && as_it_reads(target->heading.text, (!b.heading.empty() ? b.heading : b.text).text, "the heading of " + c)) continue;
        if (t.part == TargetRef::Part::Text && b.children.empty() && op.blocks.size() == 1 && as_it_reads(target->text.text, b.text.text, "the lead-in text of " + c)) continue;
        if (t.part == TargetRef::Part::Heading) {
            target->heading = !b.heading.empty() ? b.heading : b.text;
            jobs.ledger.record(target->heading, 0, static_cast<std::uint32_t>(target->heading.text.size()), op);
            note(op, "restated the heading of " + c, target);
            continue;
        }
        if (t.part == TargetRef::Part::Text) {
            // Units quoted after a lead-in restated alone are the code's own, as they stand, or
            // the instruction would change them unsaid.
            // (They may be quoted under the lead-in's own designation, or after it.)
            std::vector<const Provision*> parts;
            for (const auto& ch : b.children)
                if (ch.kind != Kind::History) parts.push_back(&ch);
            for (std::size_t q = 1; q < op.blocks.size(); ++q) parts.push_back(&op.blocks[q]);
            bool as_they_stand = true;
            for (std::size_t q = 0; q < parts.size() && as_they_stand; ++q) {
                const Provision& u = *parts[q];
                auto same = std::find_if(target->children.begin(), target->children.end(), [&](const Provision& child) {
                    return is_numbered(child.kind) && !u.designation.empty() && clean_num(child.designation) == clean_num(u.designation);
                });
                as_they_stand = same != target->children.end() && same_words(*same, u);
                if (!as_they_stand)
                    fail(op, "the quoted text holds " + (u.designation.empty() ? std::string("more text") : u.designation) + " after the lead-in text of " + c +
                                 ", which does not read as the code's; the lead-in restated alone leaves its parts as they are: restate the unit whole",
                         "amend.restate");
            }
            if (!as_they_stand) continue;
            target->text = b.text;
            jobs.ledger.record(target->text, 0, static_cast<std::uint32_t>(target->text.text.size()), op);
            note(op, "restated the lead-in text of " + c, target);
            continue;
        }
        // A unit restated word for word (its parts too).
        if (target->kind != Kind::Section && op.blocks.size() == 1 && same_words(*target, b) && as_it_reads(target->text.text, b.text.text, c)) continue;
        if (target->kind == Kind::Definition || (b.kind == Kind::Definition)) {
            // A definition restated is its term's: another term quoted is no restatement of it.
            if (target->kind == Kind::Definition && b.kind == Kind::Definition && ascii_lower(target->designation) != ascii_lower(b.designation)) {
                fail(op, "the instruction restates the definition of \"" + target->designation + "\", but the quoted text defines \"" + b.designation +
                             "\"",
                     "amend.designation");
                continue;
            }
            target->text = b.text;
            if (b.kind == Kind::Definition) target->designation = b.designation;
            // Its parts go with it: the quoted definition's paragraphs, none where it has none.
            std::vector<Provision> parts;
            for (auto& ch : target->children)
                if (ch.kind == Kind::History) parts.push_back(std::move(ch));
            std::vector<Provision> kids = b.children;
            int depth = jobs.locate.depth_in_section(target);
            for (auto& ch : kids) set_kinds(ch, depth + 1);
            for (auto& h : parts) kids.push_back(std::move(h));
            set_children(*target, std::move(kids));
            note(op, "restated " + c, target);
            continue;
        }
        std::vector<Provision> keep;
        for (auto& ch : target->children)
            if (ch.kind == Kind::History) keep.push_back(std::move(ch));
        int depth = jobs.locate.depth_in_section(target);
        std::vector<Provision> kids;
        if (target->kind == Kind::Section) {
            if (b.kind == Kind::Section) {
                if (!b.heading.empty()) target->heading = b.heading;
                target->text = b.text;
                kids = b.children;
            } else {
                target->text = RichText{};
                for (const auto& bb : op.blocks) {
                    if (bb.kind == Kind::Text && kids.empty() && target->text.empty()) target->text = bb.text;
                    else kids.push_back(bb);
                }
            }
            for (auto& ch : kids) set_kinds(ch, 1);
        } else {
            if (is_numbered(b.kind) && !b.designation.empty()) target->designation = with_parens(target->designation, clean_num(b.designation));
            target->heading = b.heading;
            target->text = b.text;
            kids = b.children;
            if (b.kind == Kind::Text && op.blocks.size() > 1)
                for (std::size_t i = 1; i < op.blocks.size(); ++i) kids.push_back(op.blocks[i]);
            for (auto& ch : kids) set_kinds(ch, depth + 1);
            jobs.conventions.unmark_repealed(*target);
        }
        for (auto& h : keep) kids.push_back(std::move(h));
        set_children(*target, std::move(kids));
        note(op, "restated " + c, target);
    }
}

}  // namespace amend::applying
