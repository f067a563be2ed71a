// Phrases: folded text search, editorial notes, and choosing the places an instruction means.
#include <algorithm>
#include <cstring>

#include "amend/apply/jobs.hpp"

namespace amend::applying {

Folded fold(const std::string& t) {
    Folded f;
    for (std::size_t i = 0; i < t.size();) {
        auto u = static_cast<unsigned char>(t[i]);
        if (u == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
            auto c = static_cast<unsigned char>(t[i + 2]);
            char r = 0;
            if (c == 0x9C || c == 0x9D) r = '"';
            if (c == 0x98 || c == 0x99) r = '\'';
            if (r) {
                f.s += r;
                f.at.push_back(i);
                i += 3;
                continue;
            }
        }
        bool nbsp = u == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0;
        // A run of spaces reads as one ("Department of  Consumer and Regulatory Affairs").
        if ((nbsp || t[i] == ' ') && !f.s.empty() && f.s.back() == ' ') {
            i += nbsp ? 2 : 1;
            continue;
        }
        if (nbsp) {
            f.s += ' ';
            f.at.push_back(i);
            i += 2;
            continue;
        }
        f.s += t[i];
        f.at.push_back(i);
        ++i;
    }
    f.at.push_back(t.size());
    return f;
}

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80); }

namespace {

// Whether a code point is part of a word: letters and digits, and beyond ASCII anything but the
// marks of Latin-1 (no-break space, §, ¶, «, », ×, ÷), the general punctuation, symbols and arrows
// (dashes, curly quotes, …, †, →) and CJK punctuation.
bool word_code_point(std::uint32_t cp) {
    if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
    if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;
    if ((cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF) return false;
    return true;
}

// The code point whose encoding starts at s[i] (a stray byte stands for itself).
std::uint32_t code_point_at(const std::string& s, std::size_t i) {
    auto u = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = u(i);
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n == 1 || i + n > s.size()) return c;
    std::uint32_t cp = c & (0x7Fu >> n);
    for (std::size_t k = 1; k < n; ++k) {
        if ((u(i + k) & 0xC0) != 0x80) return c;
        cp = (cp << 6) | (u(i + k) & 0x3Fu);
    }
    return cp;
}

}  // namespace

bool word_after(const std::string& s, std::size_t pos) { return pos < s.size() && word_code_point(code_point_at(s, pos)); }

bool word_before(const std::string& s, std::size_t pos) {
    if (pos == 0 || pos > s.size()) return false;
    std::size_t i = pos - 1;
    for (int k = 0; k < 3 && i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80; ++k) --i;
    return word_code_point(code_point_at(s, i));
}

bool text_order(const Hit& a, const Hit& b) {
    return a.node != b.node ? a.node < b.node : a.heading != b.heading ? a.heading < b.heading : a.begin < b.begin;
}

// A mark of punctuation alone (".", ",", ";", ":"), as "the period" or a quoted "." names.
static bool one_mark(const std::string& s) { return s.size() == 1 && std::strchr(".,;:", s[0]) != nullptr; }

// Where a unit's text ends: before trailing spaces and the closing quotes and brackets after its
// last mark ("... “canceled.”").
static std::size_t text_end(const std::string& txt) {
    std::size_t end = txt.size();
    for (bool more = true; more && end > 0;) {
        more = false;
        if (std::strchr(" \t\r\n\")]'", txt[end - 1]) != nullptr) {
            --end;
            more = true;
        } else if (end >= 3 && (txt.compare(end - 3, 3, "\xE2\x80\x9D") == 0 || txt.compare(end - 3, 3, "\xE2\x80\x99") == 0)) {
            end -= 3;
            more = true;
        }
    }
    return end;
}

void find_in(Provision* node, bool heading, const std::string& needle, std::vector<Hit>& out, Conventions& cv) {
    const std::string& text = heading ? node->heading.text : node->text.text;
    if (needle.empty() || text.empty()) return;
    Folded h = fold(text), n = fold(needle);
    // A mark of punctuation ("the period", "the comma") is not the dot or comma inside a number or
    // a cite ("§ 50-1501.02k", "1,000", "U.S.C."): it is not followed by a letter or a digit.
    bool mark = one_mark(n.s);
    auto scan = [&](const Folded& hay) {
        std::size_t pos = 0, found = 0;
        while ((pos = hay.s.find(n.s, pos)) != std::string::npos) {
            std::size_t e = pos + n.s.size();
            bool left_ok = pos == 0 || !word_after(n.s, 0) || !word_before(hay.s, pos);
            bool right_ok = e >= hay.s.size() || !word_before(n.s, n.s.size()) || !word_after(hay.s, e);
            if (mark && e < hay.s.size() && std::isalnum(static_cast<unsigned char>(hay.s[e]))) right_ok = false;
            if (left_ok && right_ok) {
                std::size_t b = hay.at[pos], end = hay.at[e];
                // An editor's note right after the words goes with them ("payed [paid]").
                end += cv.editorial_note_at(text, end);
                out.push_back(Hit{node, heading, b, end});
                ++found;
                // The places never overlap: "aa aa" in "aa aa aa aa" stands twice, not three times.
                pos = e;
                continue;
            }
            pos += 1;
        }
        return found;
    };
    if (scan(h) || h.s.find(" [") == std::string::npos) return;
    // Not found as written: look again with the editor's notes left out ("deem [deemed] disapproved").
    Folded plain;
    for (std::size_t i = 0; i < h.s.size();) {
        if (std::size_t k = cv.editorial_note_at(h.s, i)) {
            i += k;
            continue;
        }
        plain.s += h.s[i];
        plain.at.push_back(h.at[i]);
        ++i;
    }
    plain.at.push_back(h.at.back());
    scan(plain);
}

std::vector<Hit> Finder::search(const Op& op, Provision* target, const TargetRef& t, const std::string& needle) {
    std::vector<Hit> hits;
    bool heading = op.in_heading || t.part == TargetRef::Part::Heading;
    if (heading) {
        find_in(target, true, needle, hits, jobs.conventions);
        return hits;
    }
    std::vector<Provision*> nodes;
    jobs.locate.scope_nodes(target, t.part == TargetRef::Part::Whole, nodes);
    if (op.in_table) {  // "in the tabular array": the texts that hold a table
        // (A text holding words beside its table, or two tables, is no text of a table alone: the words
        // are not looked for there.)
        std::erase_if(nodes, [](const Provision* p) { return !p->text.only_table(); });
        // "in the second tabular array": that one, in reading order; none where the unit holds fewer.
        const int n = op.table_ordinal;
        if (n != 0) {
            std::size_t k = n > 0 ? static_cast<std::size_t>(n - 1) : nodes.size() - 1;
            nodes = k < nodes.size() ? std::vector<Provision*>{nodes[k]} : std::vector<Provision*>{};
        }
    }
    for (Provision* p : nodes) find_in(p, false, needle, hits, jobs.conventions);
    // "both times it appears" in a section whose text holds the words once and whose heading
    // holds them too: the heading is one of the places counted (the codifier changes it).
    if (op.each && op.expect_count > 0 && hits.size() < static_cast<std::size_t>(op.expect_count) &&
        target->kind == Kind::Section && t.part == TargetRef::Part::Whole) {
        std::vector<Hit> in_heading;
        find_in(target, true, needle, in_heading, jobs.conventions);
        if (hits.size() + in_heading.size() == static_cast<std::size_t>(op.expect_count))
            hits.insert(hits.begin(), in_heading.begin(), in_heading.end());
    }
    return hits;
}

std::string Finder::places(const std::vector<Hit>& hits) {
    // Each text once, with how many places it holds: "2-173-005 (2 places), 2-173-005(a)".
    std::vector<std::pair<std::string, std::size_t>> texts;
    for (const auto& h : hits) {
        std::string c = jobs.locate.cite_of(h.node);
        if (h.heading) c = "the heading of " + c;
        if (!texts.empty() && texts.back().first == c) ++texts.back().second;
        else texts.emplace_back(c, 1);
    }
    std::string s;
    for (std::size_t i = 0; i < texts.size(); ++i)
        s += (i ? ", " : "") + texts[i].first + (texts[i].second > 1 ? " (" + std::to_string(texts[i].second) + " places)" : "");
    return s;
}

namespace {

// Edit distance in bytes, stopping early once it passes `limit`.
std::size_t spelling_distance(std::string_view a, std::string_view b, std::size_t limit) {
    if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit) return limit + 1;
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace

// A run of as many words as the phrase, spelled a letter or two apart ("Clerk" for "Clerck"; one
// letter in a phrase of under ten, two from ten on), outside the places `avoid`; never a word of
// under four letters changed, nor the phrase itself.
std::string Finder::nearest_spelling(const Provision* scope, const std::vector<std::string>& spaced, const std::vector<Hit>& avoid) {
    std::string phrase;
    for (const auto& w : spaced) phrase += (phrase.empty() ? "" : " ") + w;
    std::vector<std::string> words;  // the phrase's words without their punctuation
    for (std::size_t i = 0; i < phrase.size();) {
        while (i < phrase.size() && !is_word(phrase[i])) ++i;
        std::size_t b = i;
        while (i < phrase.size() && is_word(phrase[i])) ++i;
        if (i > b) words.push_back(phrase.substr(b, i - b));
    }
    if (words.empty()) return {};
    const std::size_t limit = phrase.size() >= 10 ? 2 : 1;
    std::size_t budget = 200000;
    std::string found;
    std::function<void(const Provision&)> walk = [&](const Provision& p) {
        if (p.kind == Kind::History || p.kind == Kind::Block || !found.empty()) return;
        for (const RichText* rt : {&p.heading, &p.text}) {
            const std::string& txt = rt->text;
            std::vector<std::pair<std::size_t, std::size_t>> tw;
            for (std::size_t i = 0; i < txt.size();) {
                while (i < txt.size() && !is_word(txt[i])) ++i;
                std::size_t b = i;
                while (i < txt.size() && is_word(txt[i])) ++i;
                if (i > b) tw.emplace_back(b, i);
            }
            for (std::size_t start = 0; start + words.size() <= tw.size() && budget > 0 && found.empty(); ++start) {
                --budget;
                std::size_t total = 0;
                for (std::size_t k = 0; k < words.size() && total <= limit; ++k) {
                    std::string_view w = std::string_view(txt).substr(tw[start + k].first, tw[start + k].second - tw[start + k].first);
                    std::size_t d = spelling_distance(w, words[k], limit);
                    if (d > 0 && (w.size() < 4 || words[k].size() < 4)) d = limit + 1;
                    total += d;
                }
                if (total == 0 || total > limit) continue;
                bool overlaps = std::any_of(avoid.begin(), avoid.end(), [&](const Hit& h) {
                    return h.node == &p && h.heading == (rt == &p.heading) && h.begin < tw[start + words.size() - 1].second &&
                           tw[start].first < h.end;
                });
                if (overlaps) continue;
                found = txt.substr(tw[start].first, tw[start + words.size() - 1].second - tw[start].first);
            }
        }
        for (const auto& c : p.children) walk(c);
    };
    walk(*scope);
    return found;
}

std::string Finder::nearest_words(const Provision* scope, const std::string& needle) {
    auto words_of = [](const std::string& s) {
        std::vector<std::pair<std::size_t, std::size_t>> w;  // [begin, end) of each word
        for (std::size_t i = 0; i < s.size();) {
            while (i < s.size() && s[i] == ' ') ++i;
            std::size_t b = i;
            while (i < s.size() && s[i] != ' ') ++i;
            if (i > b) w.emplace_back(b, i);
        }
        return w;
    };
    // Words compare without the punctuation that closes them: "report." is "report".
    auto bare = [](std::string_view w) {
        while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';' || w.back() == ':')) w.remove_suffix(1);
        return w;
    };
    std::vector<std::string> nw;
    for (auto [b, e] : words_of(needle)) nw.push_back(needle.substr(b, e - b));
    const std::size_t n = nw.size();
    if (n > 60 || n == 0) return {};
    if (n < 3) return nearest_spelling(scope, nw);
    std::size_t best = n / 3 + 1;  // worse than allowed
    std::string found;
    std::size_t budget = 200000;  // word comparisons: a whole title is not searched word by word
    std::function<void(const Provision&)> walk = [&](const Provision& p) {
        if (p.kind == Kind::History || p.kind == Kind::Block) return;
        for (const RichText* rt : {&p.heading, &p.text}) {
            const std::string& txt = rt->text;
            auto tw = words_of(txt);
            for (std::size_t start = 0; start < tw.size() && budget > 0; ++start) {
                // Edit distance, in words, between the phrase and the text from `start` on.
                std::size_t len = std::min(tw.size() - start, n + 1);
                std::vector<std::size_t> prev(len + 1), cur(len + 1);
                for (std::size_t j = 0; j <= len; ++j) prev[j] = j;
                for (std::size_t i = 1; i <= n; ++i) {
                    cur[0] = i;
                    for (std::size_t j = 1; j <= len; ++j) {
                        auto [b, e] = tw[start + j - 1];
                        bool same = bare(std::string_view(txt).substr(b, e - b)) == bare(nw[i - 1]);
                        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
                    }
                    std::swap(prev, cur);
                    budget -= std::min(budget, len);
                }
                for (std::size_t j : {n, n - 1, n + 1}) {  // as many words first
                    if (j == 0 || j > len || prev[j] >= best) continue;
                    best = prev[j];
                    found = txt.substr(tw[start].first, tw[start + j - 1].second - tw[start].first);
                }
            }
        }
        for (const auto& c : p.children) walk(c);
    };
    walk(*scope);
    return found;
}

void in_reading_order(Provision* scope, std::vector<Hit>& hits) {
    // Each node's place in the scope read from the top: a unit, its heading first, then its text,
    // then its parts.
    std::unordered_map<const Provision*, std::size_t> at;
    std::function<void(Provision&)> walk = [&](Provision& p) {
        at.emplace(&p, at.size());
        for (auto& c : p.children) walk(c);
    };
    walk(*scope);
    auto place = [&](const Hit& h) {
        auto it = at.find(h.node);
        return std::make_tuple(it == at.end() ? at.size() : it->second, h.heading ? 0 : 1, h.begin);
    };
    std::stable_sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) { return place(a) < place(b); });
}

bool Finder::in_heading(Provision* section, const std::string& needle) {
    std::vector<Hit> h;
    find_in(section, true, needle, h, jobs.conventions);
    return !h.empty();
}

bool Finder::choose(const Op& op, Provision* target, const std::string& needle, std::vector<Hit>& hits) {
    std::string where = jobs.locate.cite_of(target);
    // Words in a section's heading are not counted among its text's places: a count that
    // disagrees says so.
    std::string heading_too = !op.in_heading && target->kind == Kind::Section && std::none_of(hits.begin(), hits.end(), [](const Hit& h) { return h.heading; }) &&
                                      in_heading(target, needle)
                                  ? " (its heading holds it too, which is not counted: \"in the section heading\" names it)"
                                  : "";
    if (!op.targets.empty() && op.targets[0].part == TargetRef::Part::Text) where = "the lead-in text of " + where;
    if (op.in_table) where = table_name(op.table_ordinal) + " of " + where;
    if (!op.targets.empty() && op.targets[0].sentence != 0) where = sentence_name(op.targets[0].sentence) + " of " + where;
    if (hits.empty() && op.in_table) {
        // No such table is no phrase missing from it: the refusal says how many the unit holds.
        std::vector<Provision*> nodes;
        jobs.locate.scope_nodes(target, op.targets.empty() || op.targets[0].part == TargetRef::Part::Whole, nodes);
        std::size_t tables = static_cast<std::size_t>(std::count_if(nodes.begin(), nodes.end(), [](const Provision* p) { return p->text.only_table(); }));
        const int n = op.table_ordinal;
        if (tables == 0 || (n > 0 && static_cast<std::size_t>(n) > tables)) {
            fail(op, "expected " + table_name(n) + " in " + jobs.locate.cite_of(target) + (tables == 0 ? ", which holds no tabular array in a text of its own"
                                                                                 : ", which holds " + std::to_string(tables) + " tabular array(s)"),
                 "amend.table");
            return false;
        }
    }
    if (hits.empty()) {
        std::string near = nearest_words(target, needle);
        // Words the section held before this amendment, changed since by an earlier instruction
        // of it: the refusal names that instruction.
        std::string earlier;
        ProvisionPath anc = Locator::addressable(jobs.locate.ancestry(target));
        if (!anc.empty() && !jobs.ledger.changed_below(*target, op).empty()) {
            auto before = jobs.transaction.before_edit.find(anc.front()->designation);
            std::vector<Hit> was;
            if (before != jobs.transaction.before_edit.end()) {
                // The same unit as it was: down the copy by the designations of the target's line.
                Provision* unit = &before->second;
                for (std::size_t i = 1; unit && i < anc.size(); ++i) {
                    Provision* next = nullptr;
                    for (auto& c : unit->children)
                        if (c.kind == anc[i]->kind && c.designation == anc[i]->designation) {
                            next = &c;
                            break;
                        }
                    unit = next;
                }
                std::vector<Provision*> nodes;
                if (unit) jobs.locate.scope_nodes(unit, true, nodes);
                for (Provision* n : nodes) find_in(n, false, needle, was, jobs.conventions);
            }
            if (!was.empty()) {
                auto by = jobs.ledger.changed_below(*target, op);
                for (std::size_t i = 0; i < by.size(); ++i) earlier += (i ? ", " : "") + by[i];
                earlier = "; they stood there before the instruction" + std::string(by.size() > 1 ? "s" : "") + " at " + earlier + " changed words of it";
            }
        }
        std::string in_heading_only = heading_too.empty() ? "" : " (its heading holds it, which is not its text: \"in the section heading\" names it)";
        fail(op, "\"" + needle + "\" not found in " + where + in_heading_only + earlier + (near.empty() ? "" : "; nearest: \"" + near + "\""),
             "amend.phrase");
        return false;
    }
    if (op.each) {
        // "both times it appears" where the words stand once, or three times: the instruction
        // and the text disagree on the places, and which ones it means is not said.
        if (op.expect_count && static_cast<int>(hits.size()) != op.expect_count) {
            fail(op, "\"" + needle + "\" appears " + std::to_string(hits.size()) + " time(s) in " + where + ", not " +
                         std::to_string(op.expect_count) + " as the instruction says: " + places(hits) + heading_too,
                 "amend.count");
            return false;
        }
        return true;
    }
    if (op.occurrence != 0) {
        // "the second time it appears": counted in reading order through the target.
        std::size_t n = op.occurrence > 0 ? static_cast<std::size_t>(op.occurrence) : hits.size();
        if (n > hits.size()) {
            fail(op, "\"" + needle + "\" appears " + std::to_string(hits.size()) + " time(s) in " + where + ", not " +
                         std::to_string(n) + ": " + places(hits) + heading_too,
                 "amend.phrase");
            return false;
        }
        in_reading_order(target, hits);
        Hit h = hits[n - 1];
        hits = {h};
        return true;
    }
    if (hits.size() == 1) {
        // "the period" that ends the unit: a lone mark inside its text ("34 C.F.R. § 463.35" with no
        // period at the end) is not the one meant; nor is the one mark left where the others stand
        // inside cites, whatever the instruction says of the place.
        const Hit& h = hits[0];
        const std::string& txt = h.heading ? h.node->heading.text : h.node->text.text;
        if (one_mark(needle)) {
            std::size_t end = text_end(txt);
            bool ends_unit = h.end == end;
            bool others = std::count(txt.begin(), txt.end(), needle[0]) > 1;
            bool end_mark = needle == "." || needle == ";";
            if (!ends_unit && ((op.at_end && end_mark) || others)) {
                fail(op, "expected \"" + needle + "\" " + (op.at_end && end_mark ? "at the end of " : "as a mark of punctuation in ") + where +
                             ", which ends \"" + txt.substr(end > 40 ? end - 40 : 0, end > 40 ? 40 : end) + "\"; the one \"" + needle +
                             "\" found is inside the text" + (others ? ", the others inside cites or numbers" : ""),
                     "amend.phrase");
                return false;
            }
        }
        return true;
    }
    if (op.at_end || only_punct(needle)) {
        // "the period", "the semicolon", "; or": the one that ends a unit's text.
        std::vector<Hit> ends;
        for (const auto& h : hits) {
            const std::string& txt = h.heading ? h.node->heading.text : h.node->text.text;
            if (h.end == text_end(txt)) ends.push_back(h);
        }
        if (ends.size() > 1) {
            std::vector<Hit> own;
            for (const auto& h : ends)
                if (h.node == target) own.push_back(h);
            if (own.size() == 1) ends = own;
        }
        if (ends.size() == 1) {
            hits = ends;
            return true;
        }
    }
    fail(op, "\"" + needle + "\" matches " + std::to_string(hits.size()) + " places in " + where + ": " + places(hits) +
                 "; say which, or \"each place it appears\"",
         "amend.ambiguous");
    return false;
}

}  // namespace amend::applying
