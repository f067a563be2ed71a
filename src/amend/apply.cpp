#include "amend/apply.hpp"
#include "model/parallel.hpp"

#include <algorithm>
#include <boost/regex.hpp>
#include <cctype>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

#include "amend/codify.hpp"
#include "amend/markdown.hpp"
#include "amend/restatement.hpp"
#include "model/citation.hpp"
#include "model/designation.hpp"
#include "model/text.hpp"

namespace amend {

namespace {

// ---- text with folding: curly quotes match straight ones, NBSP matches a space ----
struct Folded {
    std::string s;
    std::vector<std::size_t> at;  // original offset of each folded byte
};

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
        if (u == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) {
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

struct Hit {
    Provision* node;
    bool heading;
    std::size_t begin, end;  // in the original text
};

// Hits grouped by the text they are in, in reading order within each.
bool text_order(const Hit& a, const Hit& b) {
    return a.node != b.node ? a.node < b.node : a.heading != b.heading ? a.heading < b.heading : a.begin < b.begin;
}

// The length of an editor's bracketed note at `i` (" [deemed]", " [sic]"), 0 when there is none.
// Codes insert such notes into enacted text; the law's amendments quote the text without them.
std::size_t editorial_note_at(const std::string& t, std::size_t i) {
    if (i + 2 >= t.size() || t[i] != ' ' || t[i + 1] != '[') return 0;
    std::size_t close = t.find(']', i + 2);
    if (close == std::string::npos || close - i > 40) return 0;
    for (std::size_t k = i + 2; k < close; ++k)
        if (t[k] == '[' || t[k] == '(' || t[k] == ')') return 0;
    return close + 1 - i;
}

void find_in(Provision* node, bool heading, const std::string& needle, std::vector<Hit>& out) {
    const std::string& text = heading ? node->heading.text : node->text.text;
    if (needle.empty() || text.empty()) return;
    Folded h = fold(text), n = fold(needle);
    auto scan = [&](const Folded& hay) {
        std::size_t pos = 0, found = 0;
        while ((pos = hay.s.find(n.s, pos)) != std::string::npos) {
            std::size_t e = pos + n.s.size();
            bool left_ok = pos == 0 || !is_word(n.s.front()) || !is_word(hay.s[pos - 1]);
            bool right_ok = e >= hay.s.size() || !is_word(n.s.back()) || !is_word(hay.s[e]);
            if (left_ok && right_ok) {
                std::size_t b = hay.at[pos], end = hay.at[e];
                // An editor's note right after the words goes with them ("payed [paid]").
                end += editorial_note_at(text, end);
                out.push_back(Hit{node, heading, b, end});
                ++found;
            }
            pos += 1;
        }
        return found;
    };
    if (scan(h) || h.s.find(" [") == std::string::npos) return;
    // Not found as written: look again with the editor's notes left out ("deem [deemed] disapproved").
    Folded plain;
    for (std::size_t i = 0; i < h.s.size();) {
        if (std::size_t k = editorial_note_at(h.s, i)) {
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

// A phrase as the law quotes it may cite the law's own sections where the Code, codified, cites
// its sections: "established pursuant to section 908" is "established pursuant to § 7-2509.08" in
// the Code; and the law's units are the Code's: "authorized by this title," is "authorized by this
// subchapter,". The phrase is then looked for with each law reference standing for a Code cite or
// unit; what is found says what the same references in the inserted words become.
struct CodifiedNeedle {
    boost::regex re;
    std::vector<std::string> refs;  // each reference's key, in order: the law's section ("908") or unit ("this title")
};

// "section 908", "section 908 of the Firearms Control Regulations Act of 1975, passed on 2nd reading
// on December 17, 2014 (Enrolled version of Bill 20-930)": the number, the designations after it
// (words of the phrase: "section 1043(a-1)" is "§ 1-350.02(a-1)"), and the law named; or "this
// act", "this title", "this subtitle" (group 4).
const boost::regex& law_reference() {
    static const boost::regex ref(
        R"(\bsection (\d+[A-Za-z]?)((?:\([^()\s]+\))*)( of (?:the |An |an )?[A-Z][^()]*?\((?:[^()]|\([^()]*\))*\))?(?![0-9A-Za-z\-])|\b(this (?:act|title|subtitle))\b|\bsections (\d+[A-Za-z]?(?:(?:,? (?:and|or) |, )\d+[A-Za-z]?)+)(?![0-9A-Za-z\-(]))");
    return ref;
}

std::string reference_key(const boost::smatch& m) { return m[4].matched ? m[4].str() : m[1].str(); }

// The items of "sections 5a, 5b, and 5c" (group 5 of law_reference): each section's number and
// the words before the next.
std::vector<std::pair<std::string, std::string>> section_list(const std::string& list) {
    static const boost::regex item(R"((\d+[A-Za-z]?)((?:,? (?:and|or) |, )?))");
    std::vector<std::pair<std::string, std::string>> out;
    for (boost::sregex_iterator it(list.begin(), list.end(), item), end; it != end; ++it) out.emplace_back((*it)[1], (*it)[2]);
    return out;
}

// The Code number of a law's section in a list whose other sections' numbers are known ("5f" among
// 5a = § 31-3834.01, 5b = .02, 5c = .03 is .06), when every known one counts the same way: by
// the letter within one number, or by the number. Empty otherwise.
std::string counted_in_list(const std::string& law, const std::vector<std::pair<std::string, std::string>>& known) {
    auto split = [](const std::string& n) {  // "5f" → {5, 6}; {-1, 0} for a number too long to count
        std::size_t d = n.find_first_not_of("0123456789");
        if (d == 0 || (d == std::string::npos ? n.size() : d) > 6) return std::pair<long, int>{-1, 0};
        long num = std::stol(n.substr(0, d));
        int letter = d == std::string::npos ? 0 : std::tolower(static_cast<unsigned char>(n[d])) - 'a' + 1;
        return std::pair<long, int>{num, letter};
    };
    auto [num, letter] = split(law);
    if (num < 0) return {};
    long offset = 0;
    std::string head;
    std::size_t width = 0;
    int agree = 0;
    for (const auto& [l, code] : known) {
        auto [kn, kl] = split(l);
        if (kn < 0 || (letter > 0) != (kl > 0) || (letter > 0 && kn != num)) return {};
        std::size_t cut = code.find_last_of(".-");
        if (cut == std::string::npos || cut + 1 == code.size() || code.size() - cut - 1 > 6 ||
            code.find_first_not_of("0123456789", cut + 1) != std::string::npos)
            return {};
        long last = std::stol(code.substr(cut + 1));
        long off = last - (letter > 0 ? kl : kn);
        if (agree > 0 && (off != offset || code.substr(0, cut + 1) != head)) return {};
        offset = off;
        head = code.substr(0, cut + 1);
        width = code.size() - cut - 1;
        ++agree;
    }
    long v = (letter > 0 ? letter : num) + offset;
    if (agree < 2 || v < 1) return {};
    std::string digits = std::to_string(v);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return head + digits;
}

std::optional<CodifiedNeedle> codified_needle(const std::string& needle) {
    static const boost::regex special(R"([.^$|()\[\]{}*+?\\])");
    auto lit = [](const std::string& t) { return boost::regex_replace(t, special, "\\\\$&"); };
    std::string folded = fold(needle).s, pattern;
    CodifiedNeedle cn;
    bool specific = false;  // designations or unit words narrow what the references can match
    auto from = folded.cbegin();
    for (boost::sregex_iterator it(folded.begin(), folded.end(), law_reference()), end; it != end; ++it) {
        const auto& m = *it;
        pattern += lit(std::string(from, m[0].first));
        if (m[4].matched) {
            pattern += "(this (?:chapter|subchapter|unit|part|subpart))";
            specific = true;
        } else if (m[5].matched) {
            // "sections 5a, 5b, and 5c" is "§§ 31-3834.01, 31-3834.02, and 31-3834.03".
            pattern += "\xC2\xA7\xC2\xA7(?: |\xE2\x80\x89)*";
            for (const auto& [num, sep] : section_list(m[5])) {
                pattern += "([0-9][0-9A-Za-z.:\\-]*[0-9A-Za-z])" + lit(sep);
                cn.refs.push_back(num);
            }
            specific = true;
            from = m[0].second;
            continue;
        } else {
            // The Code puts spaces, thin spaces or none after "§".
            pattern += "(\xC2\xA7(?: |\xE2\x80\x89)*[0-9][0-9A-Za-z.:\\-]*[0-9A-Za-z])" + lit(m[2].str());
            specific = specific || m[2].length() > 0;
        }
        cn.refs.push_back(reference_key(m));
        from = m[0].second;
    }
    if (cn.refs.empty()) return std::nullopt;
    // Words of its own around the references, or any cite would do.
    std::string words = boost::regex_replace(folded, law_reference(), "");
    auto own = std::count_if(words.begin(), words.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    if (own < (specific ? 2 : 12)) return std::nullopt;
    pattern += lit(std::string(from, folded.cend()));
    cn.re = boost::regex(pattern);
    return cn;
}

// Finds a codified needle in a node's text; each hit's Code cites go to `cites`, in order.
void find_codified(Provision* node, bool heading, const CodifiedNeedle& cn, std::vector<Hit>& out,
                   std::vector<std::vector<std::string>>& cites) {
    const std::string& text = heading ? node->heading.text : node->text.text;
    if (text.empty()) return;
    Folded h = fold(text);
    for (boost::sregex_iterator it(h.s.begin(), h.s.end(), cn.re), end; it != end; ++it) {
        const auto& m = *it;
        auto b = static_cast<std::size_t>(m[0].first - h.s.cbegin()), e = static_cast<std::size_t>(m[0].second - h.s.cbegin());
        bool left_ok = b == 0 || !is_word(h.s[b]) || !is_word(h.s[b - 1]);
        bool right_ok = e >= h.s.size() || e == b || !is_word(h.s[e - 1]) || !is_word(h.s[e]);
        if (!left_ok || !right_ok) continue;
        out.push_back(Hit{node, heading, h.at[b], h.at[e]});
        std::vector<std::string> c;
        for (std::size_t k = 1; k < m.size(); ++k) {
            std::string cite = m[static_cast<int>(k)].str();
            if (cite.rfind("this ", 0) == 0) c.push_back(cite);
            else c.push_back(cite.substr(cite.find_first_of("0123456789")));  // "7-2509.08", written "§ 7-2509.08"
        }
        cites.push_back(std::move(c));
    }
}

struct Edit {
    std::size_t begin, end;
    std::string with;
};

// Applies non-overlapping edits (sorted by begin) in one pass, moving the markup spans with the
// text: a span end inside a replaced run moves to the end of the replacement.
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
    rt.text = std::move(out);
}

void rich_replace(RichText& rt, std::size_t b, std::size_t e, const std::string& with) {
    rich_edit(rt, {Edit{b, e, with}});
}

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

void set_kinds(Provision& p, int depth) {
    if (is_numbered(p.kind) && p.kind != Kind::Section) p.kind = kind_for_depth(depth);
    for (auto& c : p.children) set_kinds(c, depth + 1);
}

std::string with_parens(const std::string& old_designation, const std::string& inner) {
    // A bare designation ("2-173-042", a Chicago "a") stays bare; "(f)" and the editor's "[(f)]" take "(...)".
    if (!old_designation.empty() && old_designation.front() != '(' && old_designation.rfind("[(", 0) != 0) return inner;
    return "(" + inner + ")";
}

// A designation's place in its sequence, for ordering new provisions among siblings.
std::pair<int, std::string> order_key(const std::string& designation) { return sequence_key(clean_num(designation)); }

// True when two provisions read the same, word for word, children included.
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

struct Applier {
    Applier(Document& d, const ApplyOptions2& o) : doc(d), opt(o) {}
    Document& doc;
    const ApplyOptions2& opt;
    ApplyReport rep;
    std::vector<std::string> prefixes;  // chapter prefixes of the sections given

    std::string loc(const Op& op) { return op.file + ":" + std::to_string(op.line); }

    void fail(const Op& op, const std::string& msg, const std::string& code = "amend.apply") {
        rep.failures.push_back(Diagnostic{op.file, op.line, op.col, msg, code, ""});
    }

    // The chapter a section number belongs to: "2-173-042" → "2-173", "42-3505.05" → "42-3505";
    // a D.C. number with one dash carries its chapter in the leading digits: "22-3152" → "22-31",
    // "22-405" → "22-4".
    static std::string prefix_of(const std::string& num) {
        std::size_t dash = num.find('-');
        if (dash != std::string::npos && num.find('-', dash + 1) == std::string::npos && num.find_first_of(".:") == std::string::npos) {
            std::size_t digits = 0;
            while (dash + 1 + digits < num.size() && std::isdigit(static_cast<unsigned char>(num[dash + 1 + digits]))) ++digits;
            if (digits >= 3) return num.substr(0, dash + 1 + digits - 2);
        }
        std::size_t p = num.find_last_of("-.");
        return p == std::string::npos ? num : num.substr(0, p);
    }

    // Sections by number; rebuilt after a section is added or removed (their vector moves).
    std::unordered_map<std::string, Provision*> section_index;
    bool index_dirty = true;

    Provision* find_section(const std::string& num) {
        if (index_dirty) {
            section_index.clear();
            for (Provision* s : sections_of(doc.root)) {
                section_index.emplace(s->designation, s);
                section_index.emplace(clean_num(s->designation), s);
            }
            index_dirty = false;
        }
        auto it = section_index.find(num);
        return it == section_index.end() ? nullptr : it->second;
    }

    std::string section_of(const TargetRef& t) {
        if (t.section.empty() || t.section_is_law_number) return opt.default_section.empty() ? t.section : opt.default_section;
        return t.section;
    }

    // A law's own section codified as this Code section numbers the law's other sections (by
    // counting: codify.hpp).
    LawAnchor anchor_of(const TargetRef& t) {
        return t.law_section.empty() ? LawAnchor{} : LawAnchor{t.law_section, section_of(t)};
    }

    // The words the codifier changed, cut to whole words: ("section 3(e)", "§ 50-2002(e)").
    static std::pair<std::string, std::string> changed_words(const std::string& a, const std::string& b) {
        std::size_t p = 0;
        while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
        while (p > 0 && a[p - 1] != ' ') --p;
        std::size_t sa = a.size(), sb = b.size();
        while (sa > p && sb > p && a[sa - 1] == b[sb - 1]) --sa, --sb;
        while (sa < a.size() && a[sa] != ' ' && sb < b.size()) ++sa, ++sb;
        return {a.substr(p, sa - p), b.substr(p, sb - p)};
    }

    // Text a law inserts is written as the codifier writes it, and the report says where.
    void report_codified(const Op& op, const std::string& law, const std::string& code) {
        if (law == code) return;
        auto [from, to] = changed_words(law, code);
        rep.warnings.push_back(loc(op) + ": the law's \"" + from + "\" is written as the D.C. codifier writes it: \"" + to + "\"");
    }
    std::string codified(const Op& op, const std::string& law, Provision* target) {
        std::string code = dc_codify(law, codify_context(target));
        report_codified(op, law, code);
        return code;
    }
    void codified(const Op& op, Provision& b, Provision* target, const TargetRef* law_text = nullptr) {
        Provision law = b;
        if (law_text) dc_codify_law_section(b, codify_context(target, law_text));
        else dc_codify(b, codify_context(target));
        std::function<void(const Provision&, const Provision&)> walk = [&](const Provision& x, const Provision& y) {
            report_codified(op, x.designation, y.designation);
            report_codified(op, x.heading.text, y.heading.text);
            report_codified(op, x.text.text, y.text.text);
            for (std::size_t i = 0; i < x.children.size() && i < y.children.size(); ++i) walk(x.children[i], y.children[i]);
        };
        walk(law, b);
    }

    // What the codifier knows when text goes into `target`: the Code's index and the section.
    LawAnchor codify_context(Provision* target, const TargetRef* t = nullptr) {
        LawAnchor a = t ? anchor_of(*t) : LawAnchor{};
        a.index = opt.code_index ? opt.code_index : &CodeIndex::dc();
        for (Provision* p : ancestry(target))
            if (p->kind == Kind::Section) a.section = p->designation;
        if (a.section.empty()) a.section = a.code_section;
        return a;
    }

    // Resolves a target to a provision. Reports a failure (or a skip) and returns null when it cannot.
    Provision* resolve_target(const Op& op, const TargetRef& t, ProvisionPath* chain_out = nullptr, bool quiet = false) {
        if (t.uncodified) {
            if (!quiet) {
                if (opt.strict) fail(op, "the instruction amends a law that is not codified in the code given", "amend.target");
                else rep.skipped.push_back(loc(op) + ": the law it amends is not codified in the code given: \"" + op.sentence + "\"");
            }
            return nullptr;
        }
        std::string num = section_of(t);
        if (num.empty()) {
            if (!quiet) fail(op, "the instruction names no section of the code", "amend.target");
            return nullptr;
        }
        Provision* sec = find_section(num);
        if (!sec && !t.title.empty() && num.find('-') != std::string::npos && num.substr(0, num.find('-')) != t.title) {
            // "Chapter 28 of Title 47 ... is amended as follows: (e) Section 48-2887.06 is amended":
            // the enclosing instruction's title tells which section the law means.
            std::string in_title = t.title + num.substr(num.find('-'));
            if ((sec = find_section(in_title)) && !quiet)
                rep.warnings.push_back(loc(op) + ": the law names section " + num + " in Title " + t.title + "; read as " + in_title);
        }
        current_section = sec;
        if (!sec) {
            bool should = std::find(prefixes.begin(), prefixes.end(), prefix_of(num)) != prefixes.end();
            if (quiet) return nullptr;
            if (should || opt.strict) {
                Citation c;
                c.section = num;
                auto near = nearest_citations(doc.root, c, 3);
                std::string msg = "no section " + num + " in the code given";
                if (!near.empty()) {
                    msg += "; nearest: ";
                    for (std::size_t i = 0; i < near.size(); ++i) msg += (i ? ", " : "") + near[i];
                }
                fail(op, msg, "amend.target");
            } else {
                rep.skipped.push_back(loc(op) + ": section " + num + " is not in the code given: \"" + op.sentence + "\"");
            }
            return nullptr;
        }
        ProvisionPath chain{sec};
        Provision* cur = sec;
        bool exact = true;
        for (std::size_t k = 0; k < t.path.size(); ++k) {
            const std::string& d = t.path[k];
            std::vector<Provision*> same;
            for (auto& c : cur->children)
                if (is_numbered(c.kind) && clean_num(c.designation) == d) same.push_back(&c);
            Provision* next = same.empty() ? nullptr : same[0];
            bool last = k + 1 == t.path.size();
            if (same.size() > 1) {
                // A code may hold two provisions with one designation: say which, never guess.
                if (last && t.ordinal >= 1 && static_cast<std::size_t>(t.ordinal) <= same.size()) {
                    next = same[static_cast<std::size_t>(t.ordinal - 1)];
                } else {
                    if (!quiet)
                        fail(op, std::to_string(same.size()) + " provisions are designated (" + d + ") in " + cite_of(cur) +
                                     "; say which (\"the second ... designated as (" + d + ")\")",
                             "amend.ambiguous");
                    return nullptr;
                }
            }
            if (!next) {
                exact = false;
                break;
            }
            cur = next;
            chain.push_back(cur);
        }
        if (!exact) {
            // The law's kind words do not always match the Code's depth ("Paragraph (2)" of a
            // definitions section, an undesignated "(a)" wrapper): look for the designations as a
            // chain anywhere in the section, and accept exactly one match.
            std::vector<ProvisionPath> found;
            std::function<void(Provision&, ProvisionPath&)> walk = [&](Provision& p, ProvisionPath& ch) {
                for (auto& c : p.children) {
                    if (!is_numbered(c.kind)) continue;
                    ch.push_back(&c);
                    if (!t.path.empty() && ch.size() >= t.path.size() + 1) {
                        bool match = true;
                        for (std::size_t k = 0; k < t.path.size(); ++k)
                            if (clean_num(ch[ch.size() - t.path.size() + k]->designation) != t.path[k]) match = false;
                        if (match) found.push_back(ch);
                    }
                    walk(c, ch);
                    ch.pop_back();
                }
            };
            // Try the tail of the path first (relative part), then shorter tails.
            ProvisionPath root_chain{sec};
            walk(*sec, root_chain);
            if (found.size() != 1) {
                if (quiet) return nullptr;
                Citation c;
                c.section = sec->designation;
                c.path = t.path;
                if (found.empty()) {
                    auto near = nearest_citations(*sec, c, 3);
                    std::string msg = "no provision " + c.str() + " in the code given";
                    if (!near.empty()) {
                        msg += "; nearest: ";
                        for (std::size_t i = 0; i < near.size(); ++i) msg += (i ? ", " : "") + near[i];
                    }
                    fail(op, msg, "amend.target");
                } else {
                    std::string msg = c.str() + " is ambiguous: it matches ";
                    for (std::size_t i = 0; i < found.size(); ++i) {
                        ProvisionPath cp(found[i].begin(), found[i].end());
                        msg += (i ? ", " : "") + citation_of(cp).str();
                    }
                    fail(op, msg, "amend.ambiguous");
                }
                return nullptr;
            }
            chain = found[0];
            cur = const_cast<Provision*>(chain.back());
        }
        if (!t.term.empty()) {
            Provision* def = nullptr;
            std::function<void(Provision&)> look = [&](Provision& p) {
                for (auto& c : p.children) {
                    if (def) return;
                    if ((c.kind == Kind::Definition && ascii_lower(c.designation) == ascii_lower(t.term)) ||
                        (is_numbered(c.kind) && same_term(c.text.text, t.term))) {
                        def = &c;
                        chain.push_back(&c);
                        return;
                    }
                    look(c);
                }
            };
            look(*cur);
            if (!def) {
                if (!quiet) fail(op, "no definition of \"" + t.term + "\" in " + t.describe(), "amend.target");
                return nullptr;
            }
            cur = def;
        }
        if (chain_out) *chain_out = chain;
        return cur;
    }

    std::string cite(const ProvisionPath& ch) { return citation_of(ch).str(); }

    // The section the current instruction works in: ancestry() looks there first.
    Provision* current_section = nullptr;

    static bool path_to(Provision& from, const Provision* target, std::vector<Provision*>& path) {
        path.push_back(&from);
        if (&from == target) return true;
        for (auto& c : from.children)
            if (path_to(c, target, path)) return true;
        path.pop_back();
        return false;
    }

    // The nodes from the root down to `target` (both included); empty when it is not in the tree.
    std::vector<Provision*> ancestry(Provision* target) {
        std::vector<Provision*> below;
        if (current_section && path_to(*current_section, target, below)) {
            // A section right under the root (a code without chapters): the root is all above it.
            const auto& top = doc.root.children;
            std::less<const Provision*> before;
            if (!top.empty() && !before(current_section, top.data()) && before(current_section, top.data() + top.size())) {
                below.insert(below.begin(), &doc.root);
                return below;
            }
            // Prefix the containers above the section (a chapter, at most a few levels).
            std::vector<Provision*> above;
            std::function<bool(Provision&)> up = [&](Provision& p) {
                above.push_back(&p);
                if (&p == current_section) return true;
                if (p.kind != Kind::Section)
                    for (auto& c : p.children)
                        if (up(c)) return true;
                above.pop_back();
                return false;
            };
            if (up(doc.root)) {
                above.pop_back();
                above.insert(above.end(), below.begin(), below.end());
                return above;
            }
        }
        std::vector<Provision*> path;
        path_to(doc.root, target, path);
        return path;
    }

    // The addressable part of an ancestry: the section and the numbered provisions and definitions below it.
    static ProvisionPath addressable(const std::vector<Provision*>& anc) {
        ProvisionPath chain;
        for (Provision* p : anc)
            if (is_addressable(*p) && (!chain.empty() || p->kind == Kind::Section)) chain.push_back(p);
        return chain;
    }

    // The citation of any node under a section (an unnumbered one cites its nearest addressable ancestor).
    std::string cite_of(Provision* target) {
        ProvisionPath chain = addressable(ancestry(target));
        return chain.empty() ? std::string() : citation_of(chain).str();
    }

    Provision* parent_of(Provision* target) {
        auto anc = ancestry(target);
        return anc.size() >= 2 ? anc[anc.size() - 2] : nullptr;
    }

    // How deep a provision stands below its section (the section is 0).
    int depth_in_section(Provision* target) {
        ProvisionPath chain = addressable(ancestry(target));
        return chain.empty() ? 0 : static_cast<int>(chain.size()) - 1;
    }

    void scope_nodes(Provision* n, bool whole, std::vector<Provision*>& out) {
        if (n->kind == Kind::History || n->kind == Kind::Block) return;
        out.push_back(n);
        if (!whole) return;
        for (auto& c : n->children) scope_nodes(&c, true, out);
    }

    std::vector<Hit> search(const Op& op, Provision* target, const TargetRef& t, const std::string& needle) {
        std::vector<Hit> hits;
        bool heading = op.in_heading || t.part == TargetRef::Part::Heading;
        if (heading) {
            find_in(target, true, needle, hits);
            return hits;
        }
        std::vector<Provision*> nodes;
        scope_nodes(target, t.part == TargetRef::Part::Whole, nodes);
        for (Provision* p : nodes) find_in(p, false, needle, hits);
        return hits;
    }

    // The phrase with the law's references read as the Code's cites (see codified_needle). When
    // every hit finds the same cites, the references to the same sections in `inserted` become
    // those cites.
    std::vector<Hit> search_codified(const Op& op, Provision* target, const TargetRef& t, const std::string& needle, std::string& inserted) {
        auto cn = codified_needle(needle);
        if (!cn) return {};
        std::vector<Hit> hits;
        std::vector<std::vector<std::string>> cites;
        bool heading = op.in_heading || t.part == TargetRef::Part::Heading;
        std::vector<Provision*> nodes;
        if (heading) nodes.push_back(target);
        else scope_nodes(target, t.part == TargetRef::Part::Whole, nodes);
        for (Provision* p : nodes) find_codified(p, heading, *cn, hits, cites);
        if (hits.empty()) return {};
        for (const auto& c : cites)
            if (c != cites[0]) return hits;  // different sections in different places: the words stay
        std::string out;
        auto from = inserted.cbegin();
        for (boost::sregex_iterator it(inserted.begin(), inserted.end(), law_reference()), end; it != end; ++it) {
            const auto& m = *it;
            auto code_of = [&](const std::string& key) {
                auto k = std::find(cn->refs.begin(), cn->refs.end(), key);
                return k == cn->refs.end() ? std::string() : cites[0][static_cast<std::size_t>(k - cn->refs.begin())];
            };
            if (m[5].matched) {
                // A list: each section by the cite found for it, or counted from the others.
                std::vector<std::pair<std::string, std::string>> known;
                for (std::size_t r = 0; r < cn->refs.size(); ++r)
                    if (cites[0][r].rfind("this ", 0) != 0) known.emplace_back(cn->refs[r], cites[0][r]);
                std::string list = "\xC2\xA7\xC2\xA7 ";
                bool ok = true;
                for (const auto& [num, sep] : section_list(m[5])) {
                    std::string c = code_of(num);
                    if (c.empty()) c = counted_in_list(num, known);
                    if (c.empty()) ok = false;
                    list += c + sep;
                }
                if (!ok) continue;
                out.append(from, m[0].first);
                out += list;
                from = m[0].second;
                continue;
            }
            std::string c = code_of(reference_key(m));
            if (c.empty()) continue;
            out.append(from, m[0].first);
            out += (c.rfind("this ", 0) == 0 ? c : "\xC2\xA7 " + c) + m[2].str();
            from = m[0].second;
        }
        out.append(from, inserted.cend());
        inserted = std::move(out);
        return hits;
    }

    // Whether the words an instruction inserts stand in the target as if it had been applied. Where
    // the struck phrase holds them, the words around them must not go on as the phrase does:
    // striking "; and" for ";" where the text ends "Women;" was applied already, but striking "At
    // least 15 days, but not more than 60 days," for "At least 15 days," where the code reads "At
    // least 15 days, but no more than 60 days," quotes the code wrongly, and is a phrase not found.
    bool standing_replacement(const Op& op, Provision* target, const TargetRef& t) {
        std::vector<Hit> hits = search(op, target, t, op.replace);
        std::size_t k = op.find.find(op.replace);
        if (k == std::string::npos) return !hits.empty();
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

    // Removes the editor's brackets around the words an instruction inserts, where the Code already
    // reads them so ("[§ 7-231.21]", "[[Chapter 2A of Title 7]]"); false when there are none.
    bool unbracket(const Op& op, Provision* target, const TargetRef& t) {
        std::vector<Hit> hits = search(op, target, t, op.replace);
        std::vector<Hit> bracketed;
        for (const auto& h : hits) {
            const std::string& txt = h.heading ? h.node->heading.text : h.node->text.text;
            if (h.begin > 0 && h.end < txt.size() && txt[h.begin - 1] == '[' && txt[h.end] == ']') bracketed.push_back(h);
        }
        if (bracketed.empty() || (!op.each && bracketed.size() > 1)) return false;
        std::sort(bracketed.begin(), bracketed.end(), text_order);
        for (std::size_t i = 0; i < bracketed.size();) {
            std::size_t j = i;
            std::vector<Edit> edits;
            for (; j < bracketed.size() && bracketed[j].node == bracketed[i].node && bracketed[j].heading == bracketed[i].heading; ++j) {
                const Hit& h = bracketed[j];
                const std::string& txt = h.heading ? h.node->heading.text : h.node->text.text;
                std::size_t b = h.begin, e = h.end;
                while (b > 0 && e < txt.size() && txt[b - 1] == '[' && txt[e] == ']') --b, ++e;
                edits.push_back(Edit{b, e, txt.substr(h.begin, h.end - h.begin)});
            }
            rich_edit(bracketed[i].heading ? bracketed[i].node->heading : bracketed[i].node->text, edits);
            i = j;
        }
        std::string n = bracketed.size() == 1 ? "" : " (" + std::to_string(bracketed.size()) + " places)";
        note(op, "removed the brackets around \"" + op.replace + "\" in " + cite_of(target) + n, target);
        return true;
    }

    std::string places(const std::vector<Hit>& hits) {
        std::string s;
        for (std::size_t i = 0; i < hits.size(); ++i) {
            std::string c = cite_of(hits[i].node);
            if (hits[i].heading) c = "the heading of " + c;
            s += (i ? ", " : "") + c;
        }
        return s;
    }

    // The words in `scope` nearest a phrase that is not there, for the failure: a run of as many
    // words (one more or fewer) that differs from the phrase in at most a third of its words
    // ("but no more than" for "but not more than"); empty for phrases under three words, or when
    // nothing is that near.
    static std::string nearest_words(const Provision* scope, const std::string& needle) {
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
        if (n < 3 || n > 60) return {};
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

    // Chooses the hits an instruction means; reports a failure when it cannot tell.
    bool choose(const Op& op, Provision* target, const std::string& needle, std::vector<Hit>& hits) {
        std::string where = cite_of(target);
        if (hits.empty()) {
            std::string near = nearest_words(target, needle);
            fail(op, "\"" + needle + "\" not found in " + where + (near.empty() ? "" : "; nearest: \"" + near + "\""), "amend.phrase");
            return false;
        }
        if (op.each) {
            if (op.expect_count && static_cast<int>(hits.size()) != op.expect_count)
                rep.warnings.push_back(loc(op) + ": \"" + needle + "\" appears " + std::to_string(hits.size()) + " times in " + where +
                                       ", not " + std::to_string(op.expect_count) + "; every place was changed");
            return true;
        }
        if (op.occurrence != 0) {
            // "the second time it appears": counted in reading order through the target.
            std::size_t n = op.occurrence > 0 ? static_cast<std::size_t>(op.occurrence) : hits.size();
            if (n > hits.size()) {
                fail(op, "\"" + needle + "\" appears " + std::to_string(hits.size()) + " time(s) in " + where + ", not " +
                             std::to_string(n) + ": " + places(hits),
                     "amend.phrase");
                return false;
            }
            std::sort(hits.begin(), hits.end(), text_order);
            Hit h = hits[n - 1];
            hits = {h};
            return true;
        }
        if (hits.size() == 1) return true;
        if (op.at_end || only_punct(needle)) {
            // "the period", "the semicolon", "; or": the one that ends a unit's text.
            std::vector<Hit> ends;
            for (const auto& h : hits) {
                const std::string& txt = h.heading ? h.node->heading.text : h.node->text.text;
                std::size_t e = txt.find_last_not_of(" ");
                if (e != std::string::npos && h.end == e + 1) ends.push_back(h);
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

    void note(const Op& op, const std::string& what, Provision* target) {
        rep.applied.push_back(AppliedOp{loc(op), op.sentence, what, op_name(op.type)});
        ProvisionPath chain = addressable(ancestry(target));
        if (!chain.empty()) rep.changed_sections.insert(chain.front()->designation);
    }

    // Words an instruction changed carry a private mark ("amend:edit", with the instruction's place)
    // while the others apply, so that two instructions touching the same words are caught; the
    // marks move with the text like any markup and are removed before the tree is returned.
    static constexpr const char* kEditTag = "amend:edit";

    static const std::string* edit_owner(const Markup& m) {
        return m.tag == kEditTag && !m.attrs.empty() ? &m.attrs[0].value : nullptr;
    }

    // The instruction that already changed words of [b, e) in `rt`, if another than this one.
    std::string conflict_in(const RichText& rt, std::size_t b, std::size_t e, const std::string& me) {
        for (const auto& m : rt.marks) {
            const std::string* owner = edit_owner(m);
            if (!owner || *owner == me) continue;
            bool overlap = m.begin == m.end ? (b < m.begin && m.begin < e) : (b < m.end && m.begin < e);
            if (overlap) return *owner;
        }
        return {};
    }

    std::string conflict_below(const Provision& p, const std::string& me) {
        for (const RichText* rt : {&p.heading, &p.text}) {
            std::string c = conflict_in(*rt, 0, rt->text.size() + 1, me);
            if (!c.empty()) return c;
            for (const auto& m : rt->marks)
                if (const std::string* owner = edit_owner(m); owner && *owner != me && m.begin == m.end) return *owner;
        }
        for (const auto& c : p.children) {
            std::string r = conflict_below(c, me);
            if (!r.empty()) return r;
        }
        return {};
    }

    static void strip_edit_marks(Provision& p) {
        for (RichText* rt : {&p.heading, &p.text})
            rt->marks.erase(std::remove_if(rt->marks.begin(), rt->marks.end(), [](const Markup& m) { return m.tag == kEditTag; }),
                            rt->marks.end());
        for (auto& c : p.children) strip_edit_marks(c);
    }

    // Reports a conflict when an earlier instruction changed words in `p` (whole provision ops).
    bool conflicts_whole(const Op& op, Provision* p) {
        std::string other = conflict_below(*p, loc(op));
        if (other.empty()) return false;
        fail(op, "this instruction and the one at " + other + " both change " + cite_of(p), "amend.conflict");
        return true;
    }

    // A phrase changed "wherever it appears" in a title, a chapter or the whole code: each section
    // of that scope is a target; a section without the phrase is no failure, a scope without it is.
    void phrase_op_in_scope(const Op& op, const TargetRef& t) {
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
        for (const auto& n : nums) {
            TargetRef st;
            st.section = n;
            Provision* sec = resolve_target(op, st, nullptr, true);
            if (!sec || search(op, sec, st, needle).empty()) continue;
            each.targets = {st};
            phrase_op(each);
        }
        if (rep.applied.size() == before)
            fail(op, "\"" + needle + "\" not found in " + (t.scope_prefix.empty() ? std::string("the code given") : "the sections " + t.scope_prefix + "*"),
                 "amend.phrase");
    }

    // A law in no code that corrects an amending law's words to what the editor had supplied in
    // brackets ("(e-1)" to "(f)" where the Code reads "[(f)]", D.C.'s technical amendment acts):
    // the brackets go from the section the instruction file is for. False when there are none.
    bool ratify_brackets(const Op& op) {
        if (op.type != OpType::Replace || op.replace.empty() || opt.default_section.empty()) return false;
        Provision* sec = find_section(opt.default_section);
        if (!sec) return false;
        const std::string bracketed = "[" + op.replace + "]";
        std::vector<Provision*> designations;
        std::vector<std::pair<RichText*, std::size_t>> texts;
        std::function<void(Provision&)> walk = [&](Provision& p) {
            if (p.kind == Kind::History) return;
            if (p.designation == bracketed) designations.push_back(&p);
            for (RichText* rt : {&p.text, &p.heading})
                for (std::size_t at = rt->text.find(bracketed); at != std::string::npos; at = rt->text.find(bracketed, at + 1))
                    texts.emplace_back(rt, at);
            for (auto& c : p.children) walk(c);
        };
        walk(*sec);
        std::size_t n = designations.size() + texts.size();
        if (n == 0 || (!op.each && n > 1)) return false;
        for (Provision* p : designations) p->designation = op.replace;
        for (auto it = texts.rbegin(); it != texts.rend(); ++it)
            rich_edit(*it->first, {Edit{it->second, it->second + bracketed.size(), op.replace}});
        note(op, "the law now reads \"" + op.replace + "\" where the editor's brackets supplied it: removed the brackets around \"" +
                     op.replace + "\" in " + cite_of(sec) + (n == 1 ? "" : " (" + std::to_string(n) + " places)"),
             sec);
        return true;
    }

    void phrase_op(const Op& op) {
        for (const auto& t : op.targets) {
            if (t.container_only && t.scope_known) {
                phrase_op_in_scope(op, t);
                continue;
            }
            if (t.uncodified && ratify_brackets(op)) continue;
            Provision* target = resolve_target(op, t);
            if (!target) continue;
            std::string needle = (op.type == OpType::InsertBefore || op.type == OpType::InsertAfter) ? op.anchor : op.find;
            std::vector<Hit> hits = search(op, target, t, needle);
            // An occurrence that already stands inside the replacement ("Medicaid" in "DC Medicaid",
            // when "Medicaid" is to become "DC Medicaid") was changed already: changing it again
            // would double the words.
            if (op.type == OpType::Replace && op.replace.size() > op.find.size()) {
                std::size_t k = op.replace.find(op.find);
                if (k != std::string::npos) {
                    std::size_t before = hits.size();
                    hits.erase(std::remove_if(hits.begin(), hits.end(), [&](const Hit& h) {
                                   const std::string& txt = h.heading ? h.node->heading.text : h.node->text.text;
                                   return h.begin >= k && txt.compare(h.begin - k, op.replace.size(), op.replace) == 0;
                               }),
                               hits.end());
                    if (hits.size() != before) {
                        rep.warnings.push_back(loc(op) + ": " + std::to_string(before - hits.size()) + " place(s) in " + cite_of(target) +
                                               " already read \"" + op.replace + "\"; left as they are");
                        if (hits.empty()) continue;
                    }
                }
            }
            std::string inserted = op.replace;
            if (hits.empty() && is_xml(*target)) hits = search_codified(op, target, t, needle, inserted);
            if (hits.empty() && op.type == OpType::Replace && !op.replace.empty() && standing_replacement(op, target, t)) {
                // The codifier's own words in brackets ("[Chapter 2A of Title 7]") stood for the
                // law's until the law said them: the brackets go.
                if (unbracket(op, target, t)) continue;
                // Applied already: D.C.'s emergency and temporary acts often make the same change
                // first. Nothing is changed, and the report says so (a warning, never silent).
                rep.warnings.push_back(loc(op) + ": \"" + needle + "\" is not in " + cite_of(target) + ", which already reads \"" +
                                       op.replace + "\"; nothing changed (applied already?)");
                continue;
            }
            if (!choose(op, target, needle, hits)) continue;
            bool clash = false;
            for (const auto& h : hits) {
                std::string other = conflict_in(h.heading ? h.node->heading : h.node->text, h.begin, h.end, loc(op));
                if (!other.empty()) {
                    fail(op, "this instruction and the one at " + other + " both change \"" + needle + "\" in " + cite_of(h.node),
                         "amend.conflict");
                    clash = true;
                    break;
                }
            }
            if (clash) continue;
            // Every hit's edit is worked out on the text as it stands, then each text is rebuilt once.
            std::sort(hits.begin(), hits.end(), text_order);
            std::vector<Edit> edits;
            const std::string replacement = is_xml(*target) ? codified(op, inserted, target) : inserted;
            for (std::size_t i = 0; i < hits.size(); ++i) {
                const Hit& h = hits[i];
                const std::string& txt = h.heading ? h.node->heading.text : h.node->text.text;
                Edit e{h.begin, h.end, {}};
                if (op.type == OpType::Replace) {
                    e.with = replacement;
                    // Words never run together: striking ", the Office" from "organization, the
                    // Office" and inserting "or the Office" gives "organization or the Office".
                    if (!e.with.empty() && e.begin > 0 && is_word(txt[e.begin - 1]) && is_word(e.with.front())) e.with = " " + e.with;
                    if (!e.with.empty() && e.end < txt.size() && is_word(txt[e.end]) && is_word(e.with.back())) e.with += " ";
                } else if (op.type == OpType::Strike) {
                    // Striking a whole word takes one space with it.
                    std::size_t floor = edits.empty() ? 0 : edits.back().end;
                    if (e.begin > floor && txt[e.begin - 1] == ' ' && (e.end == txt.size() || txt[e.end] == ' ' || !is_word(txt[e.end])))
                        --e.begin;
                    else if (e.end < txt.size() && txt[e.end] == ' ' && e.begin == 0)
                        ++e.end;
                } else if (op.type == OpType::InsertBefore) {
                    e.with = replacement;
                    if (!e.with.empty() && is_word(e.with.back()) && h.begin < txt.size() && is_word(txt[h.begin])) e.with += " ";
                    e.end = e.begin;
                } else {
                    e.with = replacement;
                    if (!e.with.empty() && is_word(e.with.front()) && h.end > 0 &&
                        (is_word(txt[h.end - 1]) || txt[h.end - 1] == ',' || txt[h.end - 1] == ';'))
                        e.with = " " + e.with;
                    e.begin = e.end;
                }
                edits.push_back(std::move(e));
                bool last_of_text = i + 1 == hits.size() || hits[i + 1].node != h.node || hits[i + 1].heading != h.heading;
                if (last_of_text) {
                    RichText& rt = h.heading ? h.node->heading : h.node->text;
                    rich_edit(rt, edits);
                    // Mark the changed words, at their new places.
                    long shift = 0;
                    for (const auto& ed : edits) {
                        auto b = static_cast<std::uint32_t>(static_cast<long>(ed.begin) + shift);
                        rt.marks.push_back(Markup{b, b + static_cast<std::uint32_t>(ed.with.size()), kEditTag, {Attr{"by", loc(op)}}});
                        shift += static_cast<long>(ed.with.size()) - static_cast<long>(ed.end - ed.begin);
                    }
                    std::stable_sort(rt.marks.begin(), rt.marks.end(), [](const Markup& a, const Markup& b) {
                        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
                    });
                    edits.clear();
                }
            }
            std::string what;
            std::string n = hits.size() == 1 ? "" : " (" + std::to_string(hits.size()) + " places)";
            if (op.type == OpType::Replace) what = "struck \"" + op.find + "\" and inserted \"" + op.replace + "\" in " + cite_of(target) + n;
            else if (op.type == OpType::Strike) what = "struck \"" + op.find + "\" in " + cite_of(target) + n;
            else what = "inserted \"" + op.replace + "\" " + (op.type == OpType::InsertBefore ? "before" : "after") + " \"" + op.anchor + "\" in " + cite_of(target) + n;
            note(op, what, target);
        }
    }

    void insert_at_end(const Op& op) {
        for (const auto& t : op.targets) {
            Provision* target = resolve_target(op, t);
            if (!target) continue;
            std::string add = op.replace;
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
            std::string sep = (!txt.empty() && txt.back() != ' ' && is_word(add.front())) ? " " : "";
            if (!txt.empty() && (add.front() == ' ')) sep.clear();
            rich_replace(last->text, txt.size(), txt.size(), sep + add);
            note(op, "added \"" + add + "\" at the end of " + cite_of(target), target);
        }
    }

    bool is_xml(const Provision& p) { return !p.xl.tag.empty(); }

    void repeal(const Op& op, bool strike) {
        for (const auto& t : op.targets) {
            ProvisionPath chain;
            Provision* target = resolve_target(op, t, &chain);
            if (!target || conflicts_whole(op, target)) continue;
            std::string c = cite_of(target);
            if (target->kind == Kind::Section) {
                if (strike || !is_xml(*target)) {
                    Provision* parent = parent_of(target);
                    note(op, "repealed " + c, target);
                    auto& sib = parent->children;
                    sib.erase(std::find_if(sib.begin(), sib.end(), [&](const Provision& p) { return &p == target; }));
                    index_dirty = true;
                    current_section = nullptr;
                    continue;
                }
                std::vector<Provision> keep;
                for (auto& ch : target->children)
                    if (ch.kind == Kind::History) keep.push_back(std::move(ch));
                target->children = std::move(keep);
                target->text = RichText{"Repealed.", {}};
                target->xl.reason = "Repealed";
                if (target->xl.head_order.find('r') == std::string::npos) target->xl.head_order = "r" + target->xl.head_order;
                set_attr(*target, "placeholder", "Repealed");
                note(op, "repealed " + c, target);
                continue;
            }
            Provision* parent = parent_of(target);
            if (strike || !is_xml(*target)) {
                note(op, (strike ? "struck " : "repealed ") + c, target);
                auto& sib = parent->children;
                sib.erase(std::find_if(sib.begin(), sib.end(), [&](const Provision& p) { return &p == target; }));
                continue;
            }
            // D.C. keeps a repealed unit's designation with a placeholder text.
            target->children.clear();
            target->heading = RichText{};
            target->text = RichText{repealed_placeholder(section_of(t)), {}};
            set_attr(*target, "placeholder", "Repealed");
            note(op, "repealed " + c, target);
        }
    }

    // The placeholder text of a repealed unit: as the code given writes it in the same title, or
    // else as the 2024 D.C. Code does (titles 16, 23, 25, 28 and 47 write "[Repealed].", the
    // others "Repealed." — counted over every repealed paragraph of the archive).
    std::string repealed_placeholder(const std::string& section) {
        std::string title = section.substr(0, section.find('-'));
        std::string seen;
        std::function<void(const Provision&)> look = [&](const Provision& p) {
            if (!seen.empty()) return;
            if (p.kind != Kind::Section && p.is_repealed() && !p.text.empty()) {
                seen = p.text.text;
                return;
            }
            for (const auto& c : p.children) look(c);
        };
        for (Provision* s : sections_of(doc.root))
            if (s->designation.substr(0, s->designation.find('-')) == title) look(*s);
        if (seen == "Repealed." || seen == "[Repealed].") return seen;
        static const char* bracketed[] = {"16", "23", "25", "28", "47"};
        for (const char* b : bracketed)
            if (title == b) return "[Repealed].";
        return "Repealed.";
    }

    static void set_attr(Provision& p, const std::string& name, const std::string& value) {
        for (auto& a : p.xl.attrs)
            if (a.name == name) {
                a.value = value;
                return;
            }
        p.xl.attrs.push_back(Attr{name, value});
    }

    // Where a new numbered provision goes among its siblings.
    std::size_t insert_position(const Provision& parent, const Provision& unit) {
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

    // Where a restatement puts a new provision: right after the sibling designated `after`, or before
    // the first numbered child (after any lead-in text) when `after` is empty; in number order when
    // no sibling is so designated.
    std::size_t restated_position(const Provision& parent, const Provision& unit, const std::string& after) {
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

    // The parent a new provision belongs under: the target, or the descendant that holds its
    // predecessor in sequence ("(c-1)" goes where "(c)" is).
    Provision* parent_for(Provision* target, const Provision& unit) {
        // Siblings share a style on the ladder: (a) (b) ..., (1) (2) ..., (A) (B) ..., (i) (ii) ...
        const Ladder& ladder = Ladder::chicago_dc();
        auto has_style_sibling = [&](Provision& p) {
            int depth = depth_in_section(&p) + 1;
            Style want = classify(clean_num(unit.designation), depth, ladder);
            for (auto& c : p.children) {
                if (!is_numbered(c.kind) || c.designation.empty()) continue;
                bool undesignated = std::any_of(c.xl.attrs.begin(), c.xl.attrs.end(),
                                                [](const Attr& a) { return a.name == "undesignated" && a.value == "true"; });
                if (!undesignated && classify(clean_num(c.designation), depth, ladder) == want) return true;
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

    void add(const Op& op) {
        if (op.blocks.empty()) {
            fail(op, "expected the new text (a block quote) after \"" + op.sentence + "\"", "amend.block");
            return;
        }
        bool sections = op.blocks[0].kind == Kind::Section && !op.add_kind_word.empty() && op.add_kind_word.rfind("section", 0) == 0 &&
                        (op.new_designations.empty() || op.new_designations[0].find_first_of("-.") != std::string::npos ||
                         std::isdigit(static_cast<unsigned char>(op.new_designations[0][0])));
        if (sections) {
            for (const auto& b : op.blocks) {
                if (b.designation.find_first_of("-:") == std::string::npos) {
                    // "adding new sections 3207b and 3207c" to an Act: the law's own numbers, not
                    // the Code's; where the codifier puts them is not said.
                    rep.skipped.push_back(loc(op) + ": new section " + b.designation +
                                          " is numbered in the law, not in the code given: \"" + op.sentence + "\"");
                    continue;
                }
                if (find_section(b.designation)) {
                    fail(op, "section " + b.designation + " already exists in the code given", "amend.exists");
                    continue;
                }
                // Into the container that holds its neighbours, in number order.
                Provision* holder = &doc.root;
                for (Provision* s : sections_of(doc.root))
                    if (prefix_of(s->designation) == prefix_of(b.designation)) {
                        holder = parent_of(s);
                        break;
                    }
                auto num_less = [](const std::string& a, const std::string& c) {
                    auto split = [](const std::string& s) {
                        std::vector<std::pair<long, std::string>> parts;
                        std::size_t i = 0;
                        while (i < s.size()) {
                            std::size_t j = i;
                            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
                            long v = j > i ? std::atol(s.substr(i, j - i).c_str()) : 0;
                            std::size_t k = j;
                            while (k < s.size() && s[k] != '-' && s[k] != '.' && s[k] != ':') ++k;
                            parts.emplace_back(v, s.substr(j, k - j));
                            i = k + 1;
                        }
                        return parts;
                    };
                    return split(a) < split(c);
                };
                std::size_t pos = holder->children.size();
                for (std::size_t i = 0; i < holder->children.size(); ++i)
                    if (holder->children[i].kind == Kind::Section && num_less(b.designation, holder->children[i].designation)) {
                        pos = i;
                        break;
                    }
                Provision nb = b;
                nb.span = SourceSpan{};
                if (!holder->children.empty()) nb.span.file = holder->children[std::min(pos, holder->children.size() - 1)].span.file;
                holder->children.insert(holder->children.begin() + static_cast<long>(pos), nb);
                index_dirty = true;
                current_section = nullptr;
                rep.applied.push_back(AppliedOp{loc(op), op.sentence, "added section " + b.designation, op_name(op.type)});
                rep.changed_sections.insert(b.designation);
            }
            return;
        }
        for (const auto& t : op.targets) {
            Provision* target = resolve_target(op, t);
            if (!target) continue;
            if (op.into_parent) target = parent_of(target);
            if (!target) continue;
            int tdepth = depth_in_section(target);
            Provision* placed_in = nullptr;  // where this op put its provisions so far: [placed_from, placed_to)
            std::size_t placed_from = 0, placed_to = 0;
            for (const auto& b0 : op.blocks) {
                Provision b = b0;
                if (is_xml(*target)) codified(op, b, target);
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
                            fail(op, "a definition of \"" + b.designation + "\" already exists in " + cite_of(target), "amend.exists");
                            pos = std::string::npos;
                        }
                    if (pos == std::string::npos) continue;
                    target->children.insert(target->children.begin() + static_cast<long>(pos), b);
                    note(op, "added the definition of \"" + b.designation + "\" to " + cite_of(target), target);
                    continue;
                }
                if (!is_numbered(b.kind) || b.designation.empty()) {
                    std::size_t pos = target->children.size();
                    while (pos > 0 && target->children[pos - 1].kind == Kind::History) --pos;
                    target->children.insert(target->children.begin() + static_cast<long>(pos), b);
                    note(op, "added text to " + cite_of(target), target);
                    continue;
                }
                Provision* parent = op.after ? target : parent_for(target, b);
                int pdepth = parent == target ? tdepth : depth_in_section(parent);
                set_kinds(b, pdepth + 1);
                Provision* existing = nullptr;
                for (std::size_t i = 0; i < parent->children.size(); ++i) {
                    const Provision& c = parent->children[i];
                    bool ours = parent == placed_in && i >= placed_from && i < placed_to;  // added by this op just now
                    if (!ours && is_numbered(c.kind) && clean_num(c.designation) == clean_num(b.designation)) existing = &parent->children[i];
                }
                if (existing) {
                    bool same = same_words(*existing, b);
                    if (existing->is_repealed() || same) {
                        std::string c = cite_of(existing);
                        if (!same) *existing = b;
                        rep.warnings.push_back(loc(op) + ": " + c + (same ? " already reads as added; nothing to change" : " was repealed; the new provision takes its place"));
                        if (!same) note(op, "added " + c, parent);
                        continue;
                    }
                    // Temporary or emergency legislation may have added it already.
                    std::string c = cite_of(existing);
                    *existing = b;
                    rep.warnings.push_back(loc(op) + ": " + c + " already exists; it was restated as the instruction adds it");
                    note(op, "added " + c + " (restated)", parent);
                    continue;
                }
                std::size_t pos = op.after ? restated_position(*parent, b, *op.after) : insert_position(*parent, b);
                if (op.after && parent == placed_in) pos = placed_to;  // the op's provisions stay together
                parent->children.insert(parent->children.begin() + static_cast<long>(pos), b);
                if (parent != placed_in) placed_in = parent, placed_from = pos, placed_to = pos;
                ++placed_to;
                Provision* added = &parent->children[pos];
                note(op, "added " + cite_of(added), parent);
            }
        }
    }

    void restate(const Op& op) {
        if (op.blocks.empty()) {
            fail(op, "expected the new text (a block quote) after \"" + op.sentence + "\"", "amend.block");
            return;
        }
        for (std::size_t k = 0; k < op.targets.size(); ++k) {
            const TargetRef& t = op.targets[k];
            Provision* target = resolve_target(op, t);
            if (!target || conflicts_whole(op, target)) continue;
            Provision b = op.blocks[std::min(k, op.blocks.size() - 1)];
            // Quoted text may wrap the target in its ancestors' designations ("(c)" then "(1)"
            // for "the lead-in language of subsection (c)(1)"): take the part that is the target.
            while (target->kind != Kind::Section && b.text.empty() && b.children.size() == 1 && is_numbered(b.children[0].kind) &&
                   clean_num(b.designation) != clean_num(target->designation)) {
                Provision inner = b.children[0];
                b = std::move(inner);
            }
            if (is_xml(*target)) codified(op, b, target, op.add_kind_word == "law text" ? &t : nullptr);
            std::string c = cite_of(target);
            if (t.part == TargetRef::Part::Heading) {
                target->heading = !b.heading.empty() ? b.heading : b.text;
                note(op, "restated the heading of " + c, target);
                continue;
            }
            if (t.part == TargetRef::Part::Text) {
                target->text = b.text;
                note(op, "restated the lead-in text of " + c, target);
                continue;
            }
            if (target->kind == Kind::Definition || (b.kind == Kind::Definition)) {
                target->text = b.text;
                if (b.kind == Kind::Definition) target->designation = b.designation;
                note(op, "restated " + c, target);
                continue;
            }
            std::vector<Provision> keep;
            for (auto& ch : target->children)
                if (ch.kind == Kind::History) keep.push_back(std::move(ch));
            int depth = depth_in_section(target);
            if (target->kind == Kind::Section) {
                if (b.kind == Kind::Section) {
                    if (!b.heading.empty()) target->heading = b.heading;
                    target->text = b.text;
                    target->children = b.children;
                } else {
                    target->text = RichText{};
                    target->children.clear();
                    for (const auto& bb : op.blocks) {
                        if (bb.kind == Kind::Text && target->children.empty() && target->text.empty()) target->text = bb.text;
                        else target->children.push_back(bb);
                    }
                }
                for (auto& ch : target->children) set_kinds(ch, 1);
            } else {
                if (is_numbered(b.kind) && !b.designation.empty()) target->designation = with_parens(target->designation, clean_num(b.designation));
                target->heading = b.heading;
                target->text = b.text;
                target->children = b.children;
                if (b.kind == Kind::Text && op.blocks.size() > 1)
                    for (std::size_t i = 1; i < op.blocks.size(); ++i) target->children.push_back(op.blocks[i]);
                for (auto& ch : target->children) set_kinds(ch, depth + 1);
                target->xl.attrs.erase(std::remove_if(target->xl.attrs.begin(), target->xl.attrs.end(),
                                                      [](const Attr& a) { return a.name == "placeholder"; }),
                                       target->xl.attrs.end());
            }
            for (auto& h : keep) target->children.push_back(std::move(h));
            note(op, "restated " + c, target);
        }
    }

    // A run of redesignations under one instruction reads the old designations as they stood
    // before any of them ("(7) is redesignated as (8); (8) is redesignated as (9)"), so they are
    // resolved together, then renamed together.
    void redesignate(const std::vector<const Op*>& run) {
        std::vector<Provision*> nodes;
        std::vector<std::string> news;
        std::vector<const Op*> from;
        std::vector<int> lift;  // levels a provision moves up ("(a)(1) is redesignated as subsection (a)")
        for (const Op* o : run) {
            for (std::size_t i = 0; i < o->targets.size(); ++i) {
                Provision* n = resolve_target(*o, o->targets[i]);
                if (!n) return;
                nodes.push_back(n);
                news.push_back(o->new_designations.at(i));
                from.push_back(o);
                int want = i < o->new_depths.size() ? o->new_depths[i] : 0;
                int have = depth_in_section(n);
                lift.push_back(want > 0 && want < have ? have - want : 0);
            }
        }
        if (std::any_of(lift.begin(), lift.end(), [](int l) { return l > 0; })) {
            lift_and_rename(nodes, news, from, lift);
            return;
        }
        redesignate_nodes(nodes, news, from);
    }

    // Provisions renumbered one level up take their place beside their former parent, which
    // disappears when nothing is left in it; the others are renamed where they are.
    void lift_and_rename(const std::vector<Provision*>& nodes, const std::vector<std::string>& news,
                         const std::vector<const Op*>& from, const std::vector<int>& lift) {
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (lift[i] > 1) {
                fail(*from[i], "cannot redesignate " + cite_of(nodes[i]) + " more than one level up", "amend.redesignate");
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
            ProvisionPath chain = addressable(ancestry(nodes[i]));
            if (!chain.empty()) rep.changed_sections.insert(chain.front()->designation);
            Provision* parent = parent_of(nodes[i]);
            auto index = static_cast<std::size_t>(nodes[i] - parent->children.data());
            Provision c = *nodes[i];
            c.designation = with_parens(c.designation, news[i]);
            moves.push_back(Move{c, parent, index, cite_of(nodes[i]), from[i]});
        }
        if (!keep_nodes.empty()) redesignate_nodes(keep_nodes, keep_news, keep_from);
        // Remove the moved provisions from their parents, last index first.
        std::vector<Provision*> parents;
        std::vector<const Move*> by_index;
        for (const auto& m : moves) by_index.push_back(&m);
        std::sort(by_index.begin(), by_index.end(), [](const Move* a, const Move* b) { return a->index > b->index; });
        for (const Move* m : by_index) {
            m->parent->children.erase(m->parent->children.begin() + static_cast<long>(m->index));
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
            Provision* grand = parent_of(p);
            slots.push_back(Slot{grand, static_cast<std::size_t>(p - grand->children.data()), p});
        }
        std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.index > b.index; });
        for (const Slot& sl : slots) {
            std::vector<Provision> mine;
            for (auto& m : moves)
                if (m.parent == sl.parent) mine.push_back(m.copy);
            Provision& p = sl.grand->children[sl.index];
            int depth = depth_in_section(&p);
            for (auto& c : mine) set_kinds(c, depth);
            bool empty = p.text.empty() && p.heading.empty() && p.children.empty();
            auto pos = sl.grand->children.begin() + static_cast<long>(sl.index);
            if (empty) pos = sl.grand->children.erase(pos);
            else ++pos;
            sl.grand->children.insert(pos, mine.begin(), mine.end());
        }
        for (auto& m : moves)
            rep.applied.push_back(AppliedOp{loc(*m.op), m.op->sentence, "redesignated " + m.old_cite + " as " + m.copy.designation + " one level up",
                                            op_name(OpType::Redesignate)});
    }

    void redesignate_nodes(const std::vector<Provision*>& nodes, const std::vector<std::string>& news,
                           const std::vector<const Op*>& from) {
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            Provision* parent = parent_of(nodes[i]);
            const std::string& nd = news[i];
            for (auto& sib : parent->children) {
                if (!is_numbered(sib.kind) || clean_num(sib.designation) != nd) continue;
                bool moving = std::find(nodes.begin(), nodes.end(), &sib) != nodes.end();
                if (!moving) {
                    fail(*from[i], "cannot redesignate " + cite_of(nodes[i]) + " as (" + nd + "): " + cite_of(&sib) + " already exists",
                         "amend.redesignate");
                    return;
                }
            }
        }
        std::vector<std::string> olds;
        for (auto* n : nodes) olds.push_back(cite_of(n));
        std::vector<Provision*> parents;
        for (auto* n : nodes) {
            parents.push_back(parent_of(n));
            ProvisionPath chain = addressable(ancestry(n));
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
            for (std::size_t k = 0; k < slots.size(); ++k) parent->children[slots[k]] = std::move(numbered[k]);
        }
        // Report by the new designations (the nodes may have moved).
        for (std::size_t i = 0; i < olds.size(); ++i) {
            std::string c = olds[i];
            std::size_t cut = c.rfind('(');
            std::string renamed = cut == std::string::npos ? now[i] : c.substr(0, cut) + now[i];
            rep.applied.push_back(AppliedOp{loc(*from[i]), from[i]->sentence, "redesignated " + olds[i] + " as " + renamed,
                                            op_name(OpType::Redesignate)});
        }
    }

    void designate(const Op& op) {
        for (const auto& t : op.targets) {
            Provision* target = resolve_target(op, t);
            if (!target) continue;
            // Designated already (D.C.'s emergency and temporary acts often make the same change
            // first): no text of its own but the codifier's notes ("*NOTE: ..."), and its first
            // numbered provision bears the designation.
            auto note_only = [](const std::string& text) {
                std::string_view v(text);
                while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
                return v.empty() || v.starts_with("*NOTE:") || v.starts_with("NOTE:");
            };
            auto first = std::find_if(target->children.begin(), target->children.end(),
                                      [](const Provision& c) { return is_numbered(c.kind); });
            bool only_notes = note_only(target->text.text) &&
                              std::all_of(target->children.begin(), first, [&](const Provision& c) {
                                  return c.kind == Kind::History || note_only(c.text.text);
                              });
            if (only_notes && first != target->children.end() &&
                clean_num(first->designation) == clean_num(op.new_designations.at(0))) {
                rep.warnings.push_back(loc(op) + ": the text of " + cite_of(target) + " is already designated " +
                                       first->designation + "; nothing changed (applied already?)");
                continue;
            }
            Provision d;
            d.kind = kind_for_depth(depth_in_section(target) + 1);
            d.designation = with_parens("(", op.new_designations.at(0));
            d.text = target->text;
            if (is_xml(*target)) d.xl.tag = "para";
            target->text = RichText{};
            std::vector<Provision> keep, moved;
            for (auto& c : target->children) {
                if (c.kind == Kind::History || c.kind == Kind::Block) keep.push_back(std::move(c));
                else moved.push_back(std::move(c));
            }
            d.children = std::move(moved);
            set_kinds(d, depth_in_section(target) + 1);
            target->children.clear();
            target->children.push_back(std::move(d));
            for (auto& k : keep) target->children.push_back(std::move(k));
            note(op, "designated the existing text of " + cite_of(target) + " as (" + op.new_designations.at(0) + ")", target);
        }
    }

    static std::string normal(const std::string& s) {
        std::string f = fold(s).s, out;
        bool sp = false;
        for (char c : f) {
            if (c == ' ' || c == '\t' || c == '\n') {
                sp = !out.empty();
                continue;
            }
            if (sp) out += ' ';
            sp = false;
            out += c;
        }
        return out;
    }

    // An unnumbered paragraph of a restatement, found by its words under the provisions it follows.
    void set_unnumbered(const Op& op) {
        std::vector<Provision*> chain;
        for (const auto& t : op.targets) {
            chain.push_back(resolve_target(op, t));
            if (!chain.back()) return;
        }
        UnnumberedAt u = find_unnumbered(chain, [&](const std::string& s) { return normal(s) == normal(op.find); });
        if (!u.holder) {
            fail(op, "no unnumbered paragraph of " + cite_of(chain.back()) + " or after it reads \"" + op.find + "\"", "amend.restatement");
            return;
        }
        if (op.find == op.replace) return;  // checked, unchanged
        if (!u.own_text && op.replace.empty()) {
            u.holder->children.erase(u.holder->children.begin() + static_cast<long>(u.child));
            note(op, "struck a paragraph of " + cite_of(u.holder), u.holder);
            return;
        }
        edit_text(u.own_text ? u.holder->text : u.holder->children[u.child].text, op.find, op.replace);
        note(op, "restated " + cite_of(u.holder), u.holder);
    }

    // `rt` reads `find` (but for spacing): it now reads `replace`; one edit between the common
    // prefix and suffix keeps the markup around it.
    static void edit_text(RichText& rt, const std::string& find, const std::string& replace) {
        if (rt.text != find) return rich_replace(rt, 0, rt.text.size(), replace);
        std::size_t pre = 0;
        while (pre < find.size() && pre < replace.size() && find[pre] == replace[pre]) ++pre;
        std::size_t suf = 0;
        while (suf < find.size() - pre && suf < replace.size() - pre && find[find.size() - 1 - suf] == replace[replace.size() - 1 - suf])
            ++suf;
        rich_replace(rt, pre, find.size() - suf, replace.substr(pre, replace.size() - suf - pre));
    }

    // A restated provision: its text must read as restated before the change.
    void set_text(const Op& op) {
        if (op.find_kind == "unnumbered paragraph") return set_unnumbered(op);
        const TargetRef& t = op.targets.at(0);
        Provision* target = resolve_target(op, t);
        if (!target) return;
        bool line = op.find_kind == "section line";
        RichText& rt = t.part == TargetRef::Part::Heading ? target->heading : target->text;
        std::string current = rt.text;
        std::string find = op.find, replace = op.replace;
        if (line) {
            // "2-173-042 Heading.": the number must match; the rest is the heading.
            std::string num = target->designation;
            auto strip = [&](const std::string& l, std::string& out) {
                if (normal(l).rfind(num, 0) != 0) return false;
                out = l.substr(l.find(num) + num.size());
                out.erase(0, out.find_first_not_of(' '));
                return true;
            };
            if (!strip(find, find) || !strip(replace, replace)) {
                fail(op, "the restated section line \"" + op.find + "\" does not begin with the section number " + num, "amend.restatement");
                return;
            }
        }
        if (normal(current) != normal(find)) {
            fail(op, "the restatement of " + cite_of(target) + (line ? " (its heading)" : "") +
                         " does not match the current text: current \"" + current + "\", restated \"" + find + "\"",
                 "amend.restatement");
            return;
        }
        if (find == replace) return;  // checked, unchanged
        edit_text(rt, find, replace);
        note(op, "restated " + cite_of(target), target);
    }

    void run(const std::vector<Op>& ops) {
        for (Provision* s : sections_of(doc.root)) {
            std::string p = prefix_of(s->designation);
            if (std::find(prefixes.begin(), prefixes.end(), p) == prefixes.end()) prefixes.push_back(p);
        }
        for (std::size_t i = 0; i < ops.size(); ++i) {
            const Op& op = ops[i];
            if (op.type == OpType::Redesignate) {
                std::vector<const Op*> run{&op};
                while (i + 1 < ops.size() && ops[i + 1].type == OpType::Redesignate && ops[i + 1].file == op.file) run.push_back(&ops[++i]);
                redesignate(run);
                continue;
            }
            switch (op.type) {
                case OpType::Context: break;
                case OpType::Replace:
                case OpType::Strike:
                case OpType::InsertBefore:
                case OpType::InsertAfter: phrase_op(op); break;
                case OpType::InsertAtEnd: insert_at_end(op); break;
                case OpType::StrikeUnit: repeal(op, true); break;
                case OpType::Repeal: repeal(op, false); break;
                case OpType::Add: add(op); break;
                case OpType::Restate: restate(op); break;
                case OpType::Redesignate: break;  // above
                case OpType::Designate: designate(op); break;
                case OpType::SetText: set_text(op); break;
            }
        }
    }
};

// The citations of the addressable provisions of the sections named.
std::set<std::string> citations_in(const Provision& root, const std::set<std::string>& sections) {
    std::set<std::string> out;
    for (const Provision* sec : sections_of(root)) {
        if (!sections.count(sec->designation)) continue;
        ProvisionPath chain;
        for_each_addressable(*sec, chain, [&](const ProvisionPath& ch) { out.insert(citation_of(ch).str()); });
    }
    return out;
}

// Citations inside the code that point at provisions this amendment removed or renumbered: only
// the citations that existed before in a changed section and exist no more are looked for.
void check_references(const Document& before, const Document& after, ApplyReport& rep) {
    std::set<std::string> gone = citations_in(before.root, rep.changed_sections);
    for (const auto& c : citations_in(after.root, rep.changed_sections)) gone.erase(c);
    if (gone.empty()) return;
    static const boost::regex local(R"(\b(subsection|paragraph|subparagraph)\s+((?:\([^()\s]+\))+)\s+of\s+this\s+section\b)",
                                    boost::regex::perl | boost::regex::icase);
    static const boost::regex other(R"(\bSection\s+(\d+[-.:][0-9A-Za-z.\-:]*[0-9A-Za-z])((?:\([^()\s]+\))*))");
    static const boost::regex desig(R"(\(([^()\s]+)\))");
    auto cite = [](std::string section, const std::string& chain) {
        Citation c;
        c.section = std::move(section);
        for (boost::sregex_iterator jt(chain.begin(), chain.end(), desig), e2; jt != e2; ++jt) c.path.push_back((*jt)[1]);
        return c.str();
    };
    ProvisionPath chain;
    for_each_addressable(after.root, chain, [&](const ProvisionPath& ch) {
        const std::string& t = ch.back()->text.text;
        // "... of this section" can only name what is gone inside a changed section; "Section N"
        // is written with its capital.
        bool in_changed = rep.changed_sections.count(ch.front()->designation) > 0;
        if (t.find(in_changed ? "ection" : "Section") == std::string::npos) return;
        std::string here;
        auto report = [&](const std::string& target, const std::string& words) {
            if (!gone.count(target)) return;
            if (here.empty()) here = citation_of(ch).str();
            rep.dangling.push_back(here + " refers to \"" + words + "\" (" + target +
                                   "), which this amendment strikes, repeals or redesignates");
        };
        if (in_changed)
            for (boost::sregex_iterator it(t.begin(), t.end(), local), end; it != end; ++it)
                report(cite(ch.front()->designation, (*it)[2]), (*it)[0]);
        for (boost::sregex_iterator it(t.begin(), t.end(), other), end; it != end; ++it)
            report(cite((*it)[1], (*it)[2]), (*it)[0]);
    });
}

}  // namespace

ApplyReport apply_ops(Document& doc, const std::vector<Op>& ops, const ApplyOptions2& opt, const Document* before) {
    std::unique_ptr<Document> copy;
    if (!before) {
        copy = std::make_unique<Document>(doc);
        before = copy.get();
    }
    Applier a(doc, opt);
    a.run(ops);
    Applier::strip_edit_marks(doc.root);
    if (a.rep.ok()) check_references(*before, doc, a.rep);
    return a.rep;
}

namespace {

// A copy of a whole code to amend, its top-level provisions copied on every core.
Document copy_code(const Document& d) {
    Document c;
    c.files = d.files;
    c.root = copy_without_children(d.root);
    c.root.children.resize(d.root.children.size());
    parallel_for(d.root.children.size(), 256, [&](std::size_t i) { c.root.children[i] = d.root.children[i]; });
    return c;
}

}  // namespace

ApplyResult apply_file(const Document& code, const std::string& amendment_path, const ApplyOptions2& opt) {
    AmendmentDoc ad = read_amendment_file(amendment_path);
    ReadResult rr = interpret(ad);
    ApplyResult r;
    r.amended = copy_code(code);
    ApplyOptions2 o = opt;
    if (o.default_section.empty()) o.default_section = ad.default_section;
    if (!rr.errors.empty()) {
        r.report.failures = rr.errors;
        r.report.title = ad.title;
        return r;
    }
    r.report = apply_ops(r.amended, rr.ops, o, &code);
    r.report.title = ad.title;
    return r;
}

}  // namespace amend
