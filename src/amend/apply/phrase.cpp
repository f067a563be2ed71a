// Phrase edits: strike, insert, replace, and words added at the end of a text.
#include "amend/apply/jobs.hpp"

namespace amend::applying {

bool only_punct(const std::string& s) {
    std::string l = ascii_lower(s);
    for (std::string w : {" and", " or", "and", "or"}) {
        auto p = l.find(w);
        if (p != std::string::npos && p + w.size() == l.size()) l = l.substr(0, p);
    }
    for (char c : l)
        if (std::isalnum(static_cast<unsigned char>(c))) return false;
    return true;
}

bool PhraseEdits::standing_replacement(const Op& op, Provision* target, const TargetRef& t) {
    std::vector<Hit> hits = jobs.finder.search(op, target, t, op.replace);
    if (hits.empty()) return false;
    // The struck words standing nearly as quoted (a letter or two off), elsewhere than the new
    // words, were misquoted, not changed already: the phrase is not found, and the failure names
    // what stands there.
    std::vector<std::string> words;
    for (std::size_t i = 0; i < op.find.size();) {
        std::size_t e = op.find.find(' ', i);
        if (e == std::string::npos) e = op.find.size();
        if (e > i) words.push_back(op.find.substr(i, e - i));
        i = e + 1;
    }
    if (words.size() <= 60 && !Finder::nearest_spelling(target, words, hits).empty()) return false;
    std::size_t k = op.find.find(op.replace);
    if (k == std::string::npos) return true;
    auto word_at = [](std::string_view s, bool last) {  // the first (or last) word of s
        std::size_t b = 0, e = s.size();
        if (last) {
            while (e > 0 && !is_word(s[e - 1])) --e;
            b = e;
            while (b > 0 && is_word(s[b - 1])) --b;
        } else {
            while (b < e && !is_word(s[b])) ++b;
            e = b;
            while (e < s.size() && is_word(s[e])) ++e;
        }
        return std::string(s.substr(b, e - b));
    };
    std::string before = word_at(std::string_view(op.find).substr(0, k), true);
    std::string after = word_at(std::string_view(op.find).substr(k + op.replace.size()), false);
    for (const auto& h : hits) {
        std::string_view txt = h.heading ? h.node->heading.text : h.node->text.text;
        bool goes_on = (!after.empty() && word_at(txt.substr(h.end), false) == after) ||
                       (!before.empty() && word_at(txt.substr(0, h.begin), true) == before);
        if (!goes_on) return true;
    }
    return false;
}

void PhraseEdits::phrase_op_in_scope(const Op& op, const TargetRef& t) {
    if (!op.each) {
        fail(op, "a phrase changed in a whole title, chapter or code must say \"each place it appears\" or \"wherever it appears\"",
             "amend.scope");
        return;
    }
    std::string needle = (op.type == OpType::InsertBefore || op.type == OpType::InsertAfter) ? op.anchor : op.find;
    std::vector<std::string> nums;
    for (Provision* sec : sections_of(doc.root))
        if (sec->designation.rfind(t.scope_prefix, 0) == 0) nums.push_back(sec->designation);
    Op each = op;
    each.expect_count = 0;
    std::size_t before = rep.applied.size();
    std::vector<std::string> headings_only;  // sections whose headings alone hold the words
    for (const auto& n : nums) {
        TargetRef st;
        st.section = n;
        Provision* sec = jobs.locate.resolve_target(op, st, nullptr, true);
        if (!sec) continue;
        if (jobs.finder.search(op, sec, st, needle).empty()) {
            if (jobs.finder.in_heading(sec, needle)) headings_only.push_back(n);
            continue;
        }
        each.targets = {st};
        phrase_op(each);
    }
    if (!headings_only.empty()) {
        std::string list;
        for (std::size_t i = 0; i < headings_only.size(); ++i) list += (i ? ", " : "") + headings_only[i];
        rep.warnings.push_back(at(op, "the headings of " + list + " also hold \"" + needle + "\"; they are left as they are", "amend.heading-left",
                                  Severity::Warning));
    }
    if (rep.applied.size() == before)
        fail(op, "\"" + needle + "\" not found in " + (t.scope_prefix.empty() ? std::string("the code given") : "the sections " + t.scope_prefix + "*"),
             "amend.phrase");
}

namespace {

// The double quotation marks in `s`, straight or curly.
std::size_t quote_marks(const std::string& s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '"') ++n;
        else if (s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x9D") == 0) ++n;
    }
    return n;
}

}  // namespace

void PhraseEdits::phrase_op(const Op& op) {
    // Inserted words that quote something, and would leave the law's quotation marks unbalanced
    // where the struck words did not (""acupuncturist,"" for ""acupuncturist, L.Ac.,": the law
    // never closes its inner quotation), were misquoted or misread: which words the quotation
    // holds is not said, so the instruction is refused.
    if (op.type == OpType::Replace || op.type == OpType::InsertBefore || op.type == OpType::InsertAfter) {
        std::size_t in = quote_marks(op.replace), out = op.type == OpType::Replace ? quote_marks(op.find) : 0;
        if (in > 0 && in % 2 != out % 2) {
            fail(op, "the inserted words \"" + op.replace + "\" hold " + std::to_string(in) + " quotation mark" +
                         (in == 1 ? "" : "s") + (op.type == OpType::Replace ? " and the struck words " + std::to_string(out) : std::string()) +
                         ": the law's quotation marks would not balance; quote the words as they are to read",
                 "amend.quotation");
            return;
        }
    }
    for (const auto& t : op.targets) {
        if (t.container_only && t.scope_known) {
            phrase_op_in_scope(op, t);
            continue;
        }
        if (t.uncodified && jobs.conventions.ratify_brackets(op)) continue;
        Provision* target = jobs.locate.resolve_target(op, t);
        if (!target) continue;
        if (op.find_kind == "sentence" && t.sentence != 0) {
            whole_sentence_op(op, target, t);
            continue;
        }
        std::string needle = (op.type == OpType::InsertBefore || op.type == OpType::InsertAfter) ? op.anchor : op.find;
        std::vector<Hit> hits = jobs.finder.search(op, target, t, needle);
        bool sentence_ok = true;
        keep_sentence_hits(op, target, t, hits, sentence_ok);
        if (!sentence_ok) continue;
        if (t.sentence != 0 && hits.empty()) {  // never "applied already" from words elsewhere in the unit
            jobs.finder.choose(op, target, needle, hits);
            continue;
        }
        // An occurrence that already stands inside the replacement ("Medicaid" in "DC Medicaid",
        // when "Medicaid" is to become "DC Medicaid") was changed already: changing it again
        // would double the words.
        // The replacement as the code would read it counts too: a law's "section 10(b)" stands
        // as "§ 32-509" where a temporary act made the same change first.
        if (op.type == OpType::Replace && op.replace.size() > op.find.size()) {
            std::vector<std::string> forms{op.replace};
            if (std::string code = jobs.conventions.as_codified(op, op.replace, target); code != op.replace) forms.push_back(code);
            // Every place the struck words stand in the replacement: "Working Group" twice in
            // "Working Group, and shall convene the Working Group no later than April 1, 2024".
            std::vector<std::pair<const std::string*, std::size_t>> ks;
            for (const auto& f : forms)
                for (std::size_t k = f.find(op.find); k != std::string::npos; k = f.find(op.find, k + 1)) ks.emplace_back(&f, k);
            if (!ks.empty()) {
                std::size_t before = hits.size();
                hits.erase(std::remove_if(hits.begin(), hits.end(), [&](const Hit& h) {
                               const std::string& txt = h.heading ? h.node->heading.text : h.node->text.text;
                               return std::any_of(ks.begin(), ks.end(), [&](const auto& fk) {
                                   const auto& [f, k] = fk;
                                   return h.begin >= k && txt.compare(h.begin - k, f->size(), *f) == 0;
                               });
                           }),
                           hits.end());
                if (hits.size() != before) {
                    // Standing only in the editor's brackets ("subsection[; and]"): the law now
                    // says the words, and the brackets go.
                    if (hits.empty() && jobs.conventions.unbracket(op, target, t)) continue;
                    if (!hits.empty() && !op.each && op.occurrence == 0) {
                        // One place named, and the words stand both as struck and as already
                        // replaced: either the law was applied already or it means another place;
                        // which, the words do not say.
                        fail(op, "expected one place for \"" + needle + "\" in " + jobs.locate.cite_of(target) + "; " +
                                     std::to_string(before - hits.size()) + " already read \"" + forms.back() + "\" and " +
                                     std::to_string(hits.size()) + " do not (" + jobs.finder.places(hits) +
                                     "): applied already, or meant elsewhere, the instruction does not say",
                             "amend.ambiguous");
                        continue;
                    }
                    rep.warnings.push_back(at(op, std::to_string(before - hits.size()) + " place(s) in " + jobs.locate.cite_of(target) +
                                           " already read \"" + forms.back() + "\"; left as they are", "amend.applied-already", Severity::Warning));
                    if (hits.empty()) continue;
                }
            }
        }
        std::string inserted = op.replace;
        if (hits.empty()) hits = jobs.conventions.search_codified(op, target, t, needle, inserted);
        if (hits.empty() && op.type == OpType::Replace && !op.replace.empty() && standing_replacement(op, target, t)) {
            // The codifier's own words in brackets ("[Chapter 2A of Title 7]") stood for the
            // law's until the law said them: the brackets go.
            if (jobs.conventions.unbracket(op, target, t)) continue;
            // Applied already: D.C.'s emergency and temporary acts often make the same change
            // first. Nothing is changed, and the report says so (a warning, never silent).
            rep.warnings.push_back(at(op, "\"" + needle + "\" is not in " + jobs.locate.cite_of(target) + ", which already reads \"" +
                                   op.replace + "\"; nothing changed (applied already?)", "amend.applied-already", Severity::Warning));
            continue;
        }
        if (!jobs.finder.choose(op, target, needle, hits)) continue;
        // A section's heading is no place of its text: where every place is changed and the
        // heading holds the words too, the report says it was left.
        if (op.each && !op.in_heading && target->kind == Kind::Section && t.part == TargetRef::Part::Whole &&
            std::none_of(hits.begin(), hits.end(), [](const Hit& h) { return h.heading; }) && jobs.finder.in_heading(target, needle))
            rep.warnings.push_back(at(op, "the heading of " + jobs.locate.cite_of(target) + " also holds \"" + needle +
                                              "\"; it is left as it is (\"in the section heading\" changes it)",
                                      "amend.heading-left", Severity::Warning));
        bool clash = false;
        for (const auto& h : hits) {
            std::string other = jobs.ledger.conflict_in(h.heading ? h.node->heading : h.node->text, h.begin, h.end, op);
            if (!other.empty()) {
                fail(op, "this instruction and the one at " + other + " both change \"" + needle + "\" in " + jobs.locate.cite_of(h.node),
                     "amend.conflict");
                clash = true;
                break;
            }
        }
        if (clash) continue;
        // Every hit's edit is worked out on the text as it stands, then each text is rebuilt once.
        std::sort(hits.begin(), hits.end(), text_order);
        std::vector<Edit> edits;
        const std::string replacement = jobs.conventions.codified(op, inserted, target);
        for (std::size_t i = 0; i < hits.size(); ++i) {
            const Hit& h = hits[i];
            const std::string& txt = h.heading ? h.node->heading.text : h.node->text.text;
            Edit e{h.begin, h.end, {}};
            if (op.type == OpType::Replace) {
                e.with = replacement;
                // Words never run together: striking ", the Office" from "organization, the
                // Office" and inserting "or the Office" gives "organization or the Office".
                if (!e.with.empty() && e.begin > 0 && word_before(txt, e.begin) && word_after(e.with, 0)) e.with = " " + e.with;
                if (!e.with.empty() && e.end < txt.size() && word_after(txt, e.end) && word_before(e.with, e.with.size())) e.with += " ";
                // The editor's brackets beside the words struck ("of [the] Campaign Finance
                // [Board]"), which the inserted words now say: the law's words replace them.
                jobs.conventions.over_editorial_brackets(txt, e);
            } else if (op.type == OpType::InsertBefore) {
                e.with = replacement;
                if (!e.with.empty() && word_before(e.with, e.with.size()) && h.begin < txt.size() && word_after(txt, h.begin)) e.with += " ";
                e.end = e.begin;
            } else if (op.type != OpType::Strike) {
                e.with = replacement;
                if (!e.with.empty() && word_after(e.with, 0) && h.end > 0 &&
                    (word_before(txt, h.end) || txt[h.end - 1] == ',' || txt[h.end - 1] == ';'))
                    e.with = " " + e.with;
                e.begin = e.end;
            }
            if (op.type == OpType::Strike || (op.type == OpType::Replace && e.with.empty())) {
                // Striking a whole word takes one space with it (so does inserting nothing in its place).
                std::size_t floor = edits.empty() ? 0 : edits.back().end;
                if (e.begin > floor && txt[e.begin - 1] == ' ' && (e.end == txt.size() || txt[e.end] == ' ' || !word_after(txt, e.end)))
                    --e.begin;
                else if (e.end < txt.size() && txt[e.end] == ' ' && e.begin == 0)
                    ++e.end;
            }
            edits.push_back(std::move(e));
            bool last_of_text = i + 1 == hits.size() || hits[i + 1].node != h.node || hits[i + 1].heading != h.heading;
            if (last_of_text) {
                edit_marked(h.heading ? h.node->heading : h.node->text, edits, op);
                edits.clear();
            }
        }
        std::string what;
        std::string n = hits.size() == 1 ? "" : " (" + std::to_string(hits.size()) + " places)";
        if (op.type == OpType::Replace) what = "struck \"" + op.find + "\" and inserted \"" + op.replace + "\" in " + jobs.locate.cite_of(target) + n;
        else if (op.type == OpType::Strike) what = "struck \"" + op.find + "\" in " + jobs.locate.cite_of(target) + n;
        else what = "inserted \"" + op.replace + "\" " + (op.type == OpType::InsertBefore ? "before" : "after") + " \"" + op.anchor + "\" in " + jobs.locate.cite_of(target) + n;
        note(op, what, target);
    }
}

void PhraseEdits::edit_marked(RichText& rt, const std::vector<Edit>& edits, const Op& op) {
    rich_edit(rt, edits);
    // The ledger: the changed words, at their new places, are this instruction's.
    long shift = 0;
    for (const auto& ed : edits) {
        auto b = static_cast<std::uint32_t>(static_cast<long>(ed.begin) + shift);
        jobs.ledger.record(rt, b, static_cast<std::uint32_t>(ed.with.size()), op);
        shift += static_cast<long>(ed.with.size()) - static_cast<long>(ed.end - ed.begin);
    }
}

void PhraseEdits::insert_at_end(const Op& op) {
    for (const auto& t : op.targets) {
        Provision* target = jobs.locate.resolve_target(op, t);
        if (!target) continue;
        std::string add = op.replace;
        // Words are added at the end: quoted text of more than one paragraph, or of units with
        // designations of their own ("(3) third item."), is not words, and is never cut to one.
        bool units = std::any_of(op.blocks.begin(), op.blocks.end(), [](const Provision& b) {
            return (is_numbered(b.kind) && !b.designation.empty()) || !b.children.empty();
        });
        if (add.empty() && (units || op.blocks.size() > 1)) {
            fail(op, "expected words to add at the end of " + jobs.locate.cite_of(target) + ", found " +
                         (units ? "new units, " + op.blocks.front().designation + "," : std::to_string(op.blocks.size()) + " paragraphs") +
                         " quoted: say \"by adding a new paragraph ...\" to add units",
                 "amend.block");
            continue;
        }
        if (add.empty())
            for (const auto& b : op.blocks)
                if (!b.text.empty()) add = b.text.text;
        if (add.empty()) {
            fail(op, "expected the text to add at the end");
            continue;
        }
        // The last text of the target, in reading order.
        Provision* last = target;
        std::function<void(Provision&)> walk = [&](Provision& p) {
            if (p.kind == Kind::History || p.kind == Kind::Block) return;
            if (!p.text.empty()) last = &p;
            for (auto& c : p.children) walk(c);
        };
        walk(*target);
        std::string& txt = last->text.text;
        // A sentence added at the end of a unit whose last words are a part's ("... at the end"
        // of (c), which ends with (c)(4)): whether it goes into (4) or after it, as (c)'s own, is
        // not said.
        bool sentence = op.find_kind == "sentence" || (!add.empty() && std::isupper(static_cast<unsigned char>(add.front())));
        if (last != target && sentence) {
            fail(op, "the end of " + jobs.locate.cite_of(target) + " is the end of " + jobs.locate.cite_of(last) + ": whether the sentence \"" + add +
                         "\" goes into " + jobs.locate.cite_of(last) + " or after it is not said; name the unit it goes into",
                 "amend.sentence");
            continue;
        }
        // Words that open with a mark of punctuation added after the text's closing mark
        // ("admission." and ", unless ...") would read "admission., unless": whether they go
        // before the mark or after it is not said.
        std::size_t end = txt.find_last_not_of(' ');
        if (end != std::string::npos && std::strchr(".;:", txt[end]) != nullptr && std::strchr(",.;:", add.front()) != nullptr) {
            fail(op, "the text of " + jobs.locate.cite_of(last) + " ends with \"" + txt.substr(end) + "\" and the words added begin with \"" +
                         add.substr(0, 1) + "\": whether they go before the mark or after it is not said; strike the mark and insert the words with it",
                 "amend.punctuation");
            continue;
        }
        std::string sep = (!txt.empty() && txt.back() != ' ' && word_after(add, 0)) ? " " : "";
        if (!txt.empty() && (add.front() == ' ')) sep.clear();
        rich_replace(last->text, txt.size(), txt.size(), sep + add);
        note(op, "added \"" + add + "\" at the end of " + jobs.locate.cite_of(target), target);
    }
}

}  // namespace amend::applying
