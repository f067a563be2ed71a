#include "amend/restatement.hpp"

#include "parse/regex.hpp"
#include <cctype>
#include <cstring>
#include <functional>
#include <map>

#include "model/designation.hpp"
#include "model/diagnostic.hpp"
#include "model/text.hpp"
#include "parse/text_layout.hpp"

namespace amend {

namespace {

struct MarkSyntax {
    const char* open;
    const char* close;
    Segment::Type type;
};
const MarkSyntax kMarks[] = {
    {"<del>", "</del>", Segment::Type::Delete}, {"<s>", "</s>", Segment::Type::Delete},
    {"~~", "~~", Segment::Type::Delete},        {"<ins>", "</ins>", Segment::Type::Insert},
    {"<u>", "</u>", Segment::Type::Insert},     {"++", "++", Segment::Type::Insert},
};

bool starts(const std::string& s, std::size_t i, const char* p) { return s.compare(i, std::strlen(p), p) == 0; }

// The mark that opens at `i`, and where its closing mark is; none where the characters are the
// law's own. A tag (<del>, <ins>) is always a mark. Markdown's "~~" and "++" are marks only as
// they flank words: an opening one not right after a letter or digit and before a word, its
// closing one right after a word and not before a letter or digit ("C++ or C++ libraries",
// "grades A++ and B++" are words of the law, never an insertion).
const MarkSyntax* mark_at(const std::string& raw, std::size_t i, std::size_t& close) {
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    for (const auto& k : kMarks) {
        if (!starts(raw, i, k.open)) continue;
        std::size_t b = i + std::strlen(k.open);
        if (k.open[0] == '<') {
            close = raw.find(k.close, b);
            return &k;
        }
        if ((i > 0 && (word(raw[i - 1]) || raw[i - 1] == k.open[0])) || b >= raw.size() || std::isspace(static_cast<unsigned char>(raw[b])) ||
            raw[b] == k.open[0])
            return nullptr;
        std::size_t len = std::strlen(k.close);
        close = std::string::npos;
        for (std::size_t e = raw.find(k.close, b); e != std::string::npos; e = raw.find(k.close, e + 1))
            if (!std::isspace(static_cast<unsigned char>(raw[e - 1])) && (e + len >= raw.size() || !word(raw[e + len]))) {
                close = e;
                break;
            }
        return &k;
    }
    return nullptr;
}

// CommonMark backslash escapes and the HTML entities a Markdown writer produces.
std::string unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
            out += s[++i];
            continue;
        }
        if (c == '&') {
            static const std::pair<const char*, const char*> ents[] = {
                {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", "\xC2\xA0"}};
            bool done = false;
            for (const auto& [e, r] : ents)
                if (starts(s, i, e)) {
                    out += r;
                    i += std::strlen(e) - 1;
                    done = true;
                    break;
                }
            if (done) continue;
            if (i + 2 < s.size() && s[i + 1] == '#') {
                std::size_t semi = s.find(';', i);
                if (semi != std::string::npos && semi - i < 10) {
                    bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
                    unsigned long cp = std::strtoul(s.substr(i + (hex ? 3 : 2), semi - i - (hex ? 3 : 2)).c_str(), nullptr, hex ? 16 : 10);
                    if (cp > 0 && cp < 0x110000) {
                        if (cp < 0x80) out += static_cast<char>(cp);
                        else if (cp < 0x800) {
                            out += static_cast<char>(0xC0 | (cp >> 6));
                            out += static_cast<char>(0x80 | (cp & 0x3F));
                        } else if (cp < 0x10000) {
                            out += static_cast<char>(0xE0 | (cp >> 12));
                            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                            out += static_cast<char>(0x80 | (cp & 0x3F));
                        } else {
                            out += static_cast<char>(0xF0 | (cp >> 18));
                            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
                            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                            out += static_cast<char>(0x80 | (cp & 0x3F));
                        }
                        i = semi;
                        continue;
                    }
                }
            }
        }
        out += c;
    }
    return out;
}


std::vector<Segment> segments_of(const std::string& raw, const std::string& file, int line) {
    std::vector<Segment> segs;
    auto push = [&](Segment::Type t, const std::string& text) {
        if (text.empty()) return;
        if (!segs.empty() && segs.back().type == t) segs.back().text += text;
        else segs.push_back(Segment{t, text});
    };
    std::string plain;
    std::size_t i = 0;
    while (i < raw.size()) {
        // A character escaped with a backslash ("\~") opens no mark.
        if (raw[i] == '\\' && i + 1 < raw.size() && std::ispunct(static_cast<unsigned char>(raw[i + 1]))) {
            plain += raw.substr(i, 2);
            i += 2;
            continue;
        }
        std::size_t e = std::string::npos;
        const MarkSyntax* m = mark_at(raw, i, e);
        if (!m) {
            plain += raw[i++];
            continue;
        }
        std::size_t b = i + std::strlen(m->open);
        if (e == std::string::npos)
            throw InputError(Diagnostic{file, line, static_cast<int>(i) + 1,
                                        std::string("expected ") + m->close + " to close " + m->open, "amend.restatement", raw});
        std::string before = unescape(plain);
        plain.clear();
        std::string inner = unescape(raw.substr(b, e - b));
        std::size_t after = e + std::strlen(m->close);
        // Philadelphia brackets a deletion outside its strike: "[<del>text</del>]" (escaped "\[").
        if (m->type == Segment::Type::Delete && !before.empty() && before.back() == '[') {
            std::size_t skip = after < raw.size() && raw[after] == ']' ? 1 : raw.compare(after, 2, "\\]") == 0 ? 2 : 0;
            if (skip) {
                before.pop_back();
                push(Segment::Type::Equal, before);
                push(m->type, inner);
                i = after + skip;
                continue;
            }
        }
        push(Segment::Type::Equal, before);
        push(m->type, inner);
        i = e + std::strlen(m->close);
    }
    push(Segment::Type::Equal, unescape(plain));
    // amend's own redline joins a deletion to the insertion replacing it by an arrow that is real
    // text ("no \u2192 No", README): an ordinance copied from amend's HTML (saved as Word, say)
    // carries it. Standing alone between the two marks it is no word of the law, and neither are
    // the spaces around it: the two marks touch, as they did before it was put there.
    for (std::size_t k = 1; k + 1 < segs.size(); ++k)
        if (segs[k].type == Segment::Type::Equal && segs[k - 1].type == Segment::Type::Delete &&
            segs[k + 1].type == Segment::Type::Insert && trim_blanks(segs[k].text) == "\xE2\x86\x92")
            segs.erase(segs.begin() + static_cast<std::ptrdiff_t>(k));
    return segs;
}


// "Term" means ...: the term of a definition, or "" for other text (a quoted form or notice is
// plain text), by the words after the quoted term as the text layout reads them.
std::string defined_term(const std::string& body) {
    bool straight = !body.empty() && body[0] == '"';
    if (!straight && body.rfind("\xE2\x80\x9C", 0) != 0) return {};
    std::size_t open = straight ? 1 : 3;
    std::size_t close = straight ? body.find('"', 1) : body.find("\xE2\x80\x9D", 3);
    if (close == std::string::npos) return {};
    static const rx::Regex defines(R"(\s(?:means|includes|shall mean|shall include|has the meaning|refers to|is defined)\b)");
    if (!rx::search(body.substr(close + open, 40), defines)) return {};
    return body.substr(open, close - open);
}

bool is_elision(const std::string& t) {
    std::string l = ascii_lower(t);
    return l.find("omitted text is unaffected") != std::string::npos || trim_blanks(l) == "* * *" || trim_blanks(l) == "***";
}

// "(b) (1) Unless ..." → designations {"b", "1"} and the rest. A codifier's bracketed designation
// ("[(3)]", correcting a law's duplicate) gives its inner text too, and true in `bracketed`.
std::vector<std::string> split_designations(const std::string& t, std::string& rest, std::vector<bool>* bracketed = nullptr) {
    static const rx::Regex d(
        R"(^\s*(?:\[\(([0-9A-Za-z]{1,8}(?:[-.][0-9A-Za-z]{1,8}){0,3})\)\]|\(([0-9A-Za-z]{1,8}(?:[-.][0-9A-Za-z]{1,8}){0,3})\))\s*)");
    std::vector<std::string> out;
    rest = t;
    rx::Match m;
    while (rx::search(rest, m, d)) {
        out.push_back(m[1].matched ? m[1] : m[2]);
        if (bracketed) bracketed->push_back(m[1].matched);
        rest = rest.substr(static_cast<std::size_t>(m[0].length()));
    }
    return out;
}

}  // namespace

std::string section_line_number(const std::string& t) {
    static const rx::Regex s(R"(^\s*(\d+[A-Za-z]?(?:[-.:]\d+[A-Za-z]*)+)(?:\s|$))");
    rx::Match m;
    return rx::search(t, m, s) ? m[1].str() : std::string();
}

namespace {

bool starts_section_line(const std::string& t) { return !section_line_number(t).empty(); }

// The depth of a designation on the ladder, decided by what came before at each depth.
enum class Before { Text, Bare, Elision };  // what the paragraph before a designation was

int ladder_depth(const std::string& inner, int current, std::map<int, std::string>& last, Before after) {
    const Ladder& L = Ladder::chicago_dc();
    // Prefer continuing a sequence at an open depth, then a new child level, then any level.
    for (int d = current; d >= 1; --d) {
        auto it = last.find(d);
        if (it == last.end()) continue;
        NumberStyle st = classify(inner, d, L, std::string_view(it->second));
        if (L.at_depth(d) == st && follows(it->second, inner, st)) return d;
    }
    NumberStyle child = classify(inner, current + 1, L);
    if (L.at_depth(current + 1) == child) return current + 1;
    // Right under a bare designation ("(a)" with no words) comes its first child, whatever its
    // style ("(a)" again); so does the first of a sequence that continues none, with nothing
    // elided before it and no open level of that designation: a law's "(I)" for "(i)" under "(A)".
    static const char* firsts[] = {"a", "A", "1", "i", "I"};
    bool first = std::find(std::begin(firsts), std::end(firsts), inner) != std::end(firsts);
    bool open = std::any_of(last.begin(), last.end(), [&](const auto& l) { return l.second == inner; });
    if (current > 0 && (after == Before::Bare || (first && after == Before::Text && !open))) return current + 1;
    for (int d = 1; d <= static_cast<int>(L.levels.size()); ++d) {
        auto it = last.find(d);
        std::optional<std::string_view> prev;
        if (it != last.end()) prev = it->second;
        if (L.at_depth(d) == classify(inner, d, L, prev)) return d;
    }
    return current + 1;
}

}  // namespace

bool has_marks(const std::string& quote) {
    std::size_t close = 0;
    for (std::size_t i = 0; i < quote.size(); ++i) {
        if (quote[i] == '\\' && i + 1 < quote.size() && std::ispunct(static_cast<unsigned char>(quote[i + 1]))) {
            ++i;
            continue;
        }
        if (mark_at(quote, i, close)) return true;
    }
    return false;
}

std::vector<RestatedPara> read_restatement(const InstructionItem::Quote& q, const std::string& file) {
    // Paragraphs: runs of non-blank lines, joined by a space; each piece remembers its place.
    struct Piece {
        std::size_t offset;  // in the joined paragraph
        int line, col;       // of its first byte in the file
    };
    struct Raw {
        std::string text;
        std::vector<Piece> pieces;
    };
    std::vector<Raw> raw;
    Raw cur;
    int nline = 0;
    std::size_t i = 0;
    while (i <= q.text.size()) {
        std::size_t e = q.text.find('\n', i);
        if (e == std::string::npos) e = q.text.size();
        std::string l = q.text.substr(i, e - i);
        std::size_t lead = l.find_first_not_of(" \t");
        std::string t = trim_blanks(l);
        if (t.empty()) {
            if (!cur.text.empty()) raw.push_back(cur);
            cur = Raw{};
        } else {
            if (!cur.text.empty()) cur.text += " ";
            auto n = static_cast<std::size_t>(nline);
            int margin = n < q.margins.size() ? q.margins[n] : 0;
            int at = n < q.lines.size() ? q.lines[n] : q.line + nline;
            cur.pieces.push_back(Piece{cur.text.size(), at, margin + static_cast<int>(lead) + 1});
            cur.text += t;
        }
        ++nline;
        i = e + 1;
    }
    if (!cur.text.empty()) raw.push_back(cur);
    std::vector<RestatedPara> out;
    std::map<int, std::string> last;  // depth → last designation seen there
    int depth = 0;
    Before before = Before::Text;
    for (const auto& r : raw) {
        RestatedPara p;
        p.line = r.pieces.front().line;
        const std::string& text = r.text;
        try {
            p.segments = segments_of(text, file, p.line);
        } catch (InputError& e) {
            // Point at the mark's own line and column.
            std::vector<Diagnostic> ds = e.diagnostics();
            for (auto& d : ds) {
                auto off = static_cast<std::size_t>(d.col - 1);
                const Piece* at = &r.pieces.front();
                for (const auto& pc : r.pieces)
                    if (pc.offset <= off) at = &pc;
                d.line = at->line;
                d.col = at->col + static_cast<int>(off - at->offset);
                d.source_line.clear();
            }
            throw InputError(ds);
        }
        bool after_delete = false;
        for (const auto& s : p.segments) {
            if (s.type != Segment::Type::Insert) p.old_text += s.text;
            if (s.type == Segment::Type::Delete) {
                after_delete = !s.text.empty();
                continue;
            }
            // A word struck between two spaces ("has an <del>outstanding</del> criminal") takes
            // one of them with it, as a phrase struck does; one struck before a mark of
            // punctuation ("the <del>said</del>, warrant") takes the space before it.
            if (after_delete && !p.new_text.empty() && p.new_text.back() == ' ' && !s.text.empty() &&
                (s.text[0] == ' ' || std::strchr(",.;:)", s.text[0]) != nullptr))
                p.new_text.pop_back();
            p.new_text += s.text;
            after_delete = false;
        }
        if (is_elision(p.old_text) && p.old_text == p.new_text) {
            p.elision = true;
            before = Before::Elision;
            out.push_back(std::move(p));
            continue;
        }
        // The section line, its number alone or after a section sign (Philadelphia's "§ 2-57-010").
        auto unsigned_line = [](const std::string& t) {
            std::string s = trim_blanks(t);
            if (s.rfind("\xC2\xA7", 0) == 0 && starts_section_line(trim_blanks(s.substr(2)))) return trim_blanks(s.substr(2));
            return s;
        };
        if (out.empty() && (starts_section_line(unsigned_line(p.old_text)) || starts_section_line(unsigned_line(p.new_text)))) {
            p.depth = 0;
            p.old_body = unsigned_line(p.old_text);
            p.new_body = unsigned_line(p.new_text);
            out.push_back(std::move(p));
            continue;
        }
        std::vector<bool> ob, nb;
        auto od = split_designations(p.old_text, p.old_body, &ob);
        auto nd = split_designations(p.new_text, p.new_body, &nb);
        p.old_body = trim_blanks(p.old_body);
        p.new_body = trim_blanks(p.new_body);
        const auto& ds = !od.empty() ? od : nd;
        if (ds.empty()) {
            p.depth = depth + 1;  // an unnumbered paragraph (a definition, a lead-in) below the last provision
            if (!defined_term(p.old_body).empty() || !defined_term(p.new_body).empty()) p.depth = 1;
            // A new paragraph of no designation after a designated provision: whether it is that
            // provision's, or flush text of a unit above it ("Nothing in this subsection ..."
            // after (c)(4)), the restatement does not say (it is not the code's to compare with).
            else if (depth >= 1 && p.old_body.empty() && !p.new_body.empty() && last.count(depth))
                throw InputError(Diagnostic{file, p.line, r.pieces.front().col,
                                            "expected a designation for the new paragraph after (" + last[depth] +
                                                "): whether it belongs to (" + last[depth] +
                                                ") or to a unit above it is not said; designate it, or add it by an instruction that names its unit",
                                            "amend.restatement", ""});
            before = Before::Text;
            out.push_back(std::move(p));
            continue;
        }
        // Several designations open one line: "(b) (1) Unless ...": the outer ones stand alone.
        for (std::size_t k = 0; k < ds.size(); ++k) {
            RestatedPara q2 = p;
            int d = ladder_depth(ds[k], depth, last, k > 0 ? Before::Bare : before);
            q2.depth = d;
            q2.old_designation = k < od.size() ? od[k] : "";
            q2.new_designation = k < nd.size() ? nd[k] : "";
            q2.new_bracketed = k < nb.size() && nb[k];
            q2.old_bracketed = k < ob.size() && ob[k];
            if (k + 1 < ds.size()) q2.old_body = q2.new_body = "";
            q2.old_text = q2.new_text = "";  // the bodies carry the text now
            if (k + 1 < ds.size()) q2.segments.clear();
            last[d] = ds[k];
            for (auto it = last.begin(); it != last.end();) it = it->first > d ? last.erase(it) : std::next(it);
            depth = d;
            before = q2.old_body.empty() && q2.new_body.empty() ? Before::Bare : Before::Text;
            out.push_back(std::move(q2));
        }
    }
    return out;
}

namespace {

// Builds provisions from restated paragraphs' new text (for a new section or new provisions).
std::vector<Provision> build_new(const std::vector<RestatedPara>& paras) {
    std::vector<Provision> roots;
    std::vector<Provision*> stack;  // stack[d-1] = open provision at depth d
    for (const auto& p : paras) {
        if (p.elision) continue;
        Provision n;
        if (p.depth == 0) {
            std::string number = section_line_number(p.new_body);
            if (!number.empty()) {
                n.kind = Kind::Section;
                n.designation = number;
                n.heading.text = trim_blanks(trim_blanks(p.new_body).substr(number.size()));
            }
            roots.push_back(std::move(n));
            stack.clear();
            stack.push_back(&roots.back());
            continue;
        }
        if (!p.new_designation.empty()) {
            n.kind = kind_for_depth(p.depth);
            n.designation = p.new_bracketed ? "[(" + p.new_designation + ")]" : "(" + p.new_designation + ")";
            n.text.text = p.new_body;
        } else if (std::string term = defined_term(p.new_body); !term.empty()) {
            n.kind = Kind::Definition;
            n.designation = term;
            n.text.text = p.new_body;
        } else if (!p.new_body.empty()) {
            n.kind = Kind::Text;
            n.text.text = p.new_body;
        } else {
            continue;
        }
        bool has_section = !stack.empty() && stack[0]->kind == Kind::Section;
        std::size_t level = static_cast<std::size_t>(p.depth) - (has_section ? 0 : 1);  // index of the parent
        if (n.kind == Kind::Text && !stack.empty()) level = std::min(level, stack.size());
        if (stack.size() > level) stack.resize(level);
        if (stack.empty()) {
            roots.push_back(std::move(n));
            if (roots.back().kind != Kind::Text) stack.push_back(&roots.back());
            continue;
        }
        Provision* parent = stack.back();
        if (parent->kind == Kind::Section && parent->children.empty() && parent->text.empty() && n.kind == Kind::Text) {
            parent->text = n.text;
            continue;
        }
        parent->children.push_back(std::move(n));
        if (parent->children.back().kind != Kind::Text) stack.push_back(&parent->children.back());
    }
    return roots;
}

TargetRef at(const TargetRef& section, const std::vector<std::string>& path) {
    TargetRef t = section;
    t.path.clear();
    // A level the restatement skips ("(1)" right under a section) leaves an empty step: the unit
    // the instruction names fills it ("Section 2-173-042(c)(1) is amended to read as follows:"
    // with "(1) ..." quoted is (c)(1)); otherwise it is dropped.
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (!path[i].empty()) t.path.push_back(path[i]);
        else if (i < section.path.size()) t.path.push_back(section.path[i]);
    }
    t.relative = false;
    t.kind_depth = 0;
    t.part = TargetRef::Part::Whole;
    return t;
}

}  // namespace

std::vector<Provision> blocks_from_quote(const InstructionItem::Quote& q, const std::string& file, bool new_text) {
    if (has_marks(q.text)) {
        std::vector<RestatedPara> paras = read_restatement(q, file);
        if (new_text)
            for (const auto& p : paras) {
                // New text is inserted whole: words struck in it are no words of the code to
                // strike, and are never dropped unsaid.
                for (const auto& s : p.segments)
                    if (s.type == Segment::Type::Delete && !trim_blanks(s.text).empty())
                        throw InputError(Diagnostic{file, p.line, 1,
                                                    "expected new text, which is inserted whole, but it holds struck words (\"" + trim_blanks(s.text) +
                                                        "\"); to strike words of the code, restate the unit they stand in",
                                                    "amend.restatement", ""});
                // Marks around part of a paragraph of new text ("++C and C++ code") are no marks
                // a whole new text needs: which characters are the law's is not said.
                bool marked = false, plain = false;
                std::string words;
                for (const auto& s : p.segments) {
                    words += s.text;
                    if (s.type == Segment::Type::Insert) marked = true;
                    // (A designation left outside the marks, "(a) <ins>...</ins>", is no word of it.)
                    static const rx::Regex only_designations(R"(^[\s.]*(?:\([^()\s]+\)[\s.]*)*$)");
                    if (s.type == Segment::Type::Equal && !rx::match(s.text, only_designations)) plain = true;
                }
                if (marked && plain)
                    throw InputError(Diagnostic{file, p.line, 1,
                                                "expected new text, which is inserted whole, but it marks part of a paragraph as inserted (\"" +
                                                    trim_blanks(words).substr(0, 60) + "\"); write the text without marks, or mark each paragraph whole",
                                                "amend.restatement", ""});
            }
        return build_new(paras);
    }
    // Blank lines between the quotation's paragraphs are the amendment document's, not the law's
    // layout: the new text is written as the code writes its own.
    std::vector<Provision> blocks = read_text_fragment(q.text, file, q.line);
    std::function<void(Provision&)> unblank = [&](Provision& p) {
        if (!p.tl->blanks_before.empty()) p.tl.mut().blanks_before.clear();
        for (auto& c : p.children) unblank(c);
    };
    for (auto& b : blocks) unblank(b);
    return blocks;
}

namespace {

// Each restated paragraph's place: the old and new designation paths of the provision it restates
// or, for an unnumbered paragraph, of the last numbered one before it. A level the restatement
// skips is an empty step, and so is a new provision's old step (a struck one's new step).
struct Places {
    std::vector<std::vector<std::string>> old_path, new_path;
    std::vector<int> ordinal;  // a designation restated twice under one parent: 1, 2, ... (else 0)
};

Places places_of(const std::vector<RestatedPara>& paras) {
    Places pl;
    std::vector<std::string> o, n;
    std::map<std::pair<std::vector<std::string>, std::string>, std::vector<std::size_t>> same;
    for (std::size_t i = 0; i < paras.size(); ++i) {
        const auto& p = paras[i];
        if (!p.elision && p.depth > 0 && (!p.old_designation.empty() || !p.new_designation.empty())) {
            auto d = static_cast<std::size_t>(p.depth);
            o.resize(std::min(o.size(), d - 1), "");
            n.resize(std::min(n.size(), d - 1), "");
            o.resize(d - 1, "");
            n.resize(d - 1, "");
            if (!p.old_designation.empty()) same[{o, p.old_designation}].push_back(i);
            o.push_back(p.old_designation);
            n.push_back(p.new_designation);
        }
        pl.old_path.push_back(o);
        pl.new_path.push_back(n);
    }
    pl.ordinal.assign(paras.size(), 0);
    for (const auto& [key, at] : same)
        if (at.size() > 1)
            for (std::size_t k = 0; k < at.size(); ++k) pl.ordinal[at[k]] = static_cast<int>(k) + 1;
    return pl;
}

bool numbered(const RestatedPara& p) { return !p.old_designation.empty() || !p.new_designation.empty(); }

}  // namespace

std::vector<Op> restatement_ops(const std::vector<RestatedPara>& paras, const TargetRef& section, const Op& base) {
    std::vector<Op> verify, strike, rename, add;
    const Places pl = places_of(paras);
    std::vector<std::vector<std::string>> struck;  // old paths struck whole
    std::map<std::vector<std::string>, Op> renames;  // parent old path → one redesignation op
    std::vector<std::vector<std::string>> rename_order;
    // Where a new provision at each depth goes, as far as the restatement shows it: after the
    // sibling restated just before it (by its new designation), or first ("") right under its
    // parent's line; unknown (nullopt) after an elision.
    std::vector<std::optional<std::string>> after;
    auto shown = [&](int depth, const std::string& new_designation) {
        auto d = static_cast<std::size_t>(depth);
        after.resize(d + 2);
        if (depth > 0 && !new_designation.empty()) after[d] = new_designation;
        // Right under a provision's line its first child goes; nothing goes under a struck one.
        after[d + 1] = depth == 0 || !new_designation.empty() ? std::optional<std::string>("") : std::nullopt;
    };
    // The existing provision restated last at each depth: a new sibling whose parent an elision
    // hides goes into that provision's parent.
    std::map<int, TargetRef> sibling;
    auto place_at = [&](int depth) -> std::optional<std::string> {
        auto d = static_cast<std::size_t>(depth);
        return d < after.size() ? after[d] : std::nullopt;
    };
    for (std::size_t i = 0; i < paras.size(); ++i) {
        const RestatedPara& p = paras[i];
        if (p.elision) {
            after.clear();
            continue;
        }
        Op op = base;
        op.line = p.line;
        const auto& old_path = pl.old_path[i];
        if (p.depth == 0) {
            // The section line: number and heading.
            op.type = OpType::SetText;
            TargetRef t = at(section, {});
            t.part = TargetRef::Part::Heading;
            op.targets = {t};
            op.find = p.old_body;
            op.replace = p.new_body;
            op.find_kind = "section line";
            verify.push_back(op);
            shown(0, "");
            continue;
        }
        auto d = static_cast<std::size_t>(p.depth);
        if (numbered(p) && p.old_designation.empty()) {
            // New provisions: this one, its new siblings right after it and everything new below
            // them, added as one piece in the place the restatement shows.
            std::size_t j = i + 1;
            for (; j < paras.size(); ++j) {
                const RestatedPara& q = paras[j];
                if (q.elision || q.depth == 0) break;
                bool in = numbered(q) ? q.old_designation.empty() && q.depth >= p.depth : q.old_body.empty() && q.depth > p.depth;
                if (!in) break;
            }
            std::vector<RestatedPara> group(paras.begin() + static_cast<long>(i), paras.begin() + static_cast<long>(j));
            for (auto& q : group) q.depth -= p.depth - 1;
            std::vector<std::string> parent_new(pl.new_path[i].begin(), pl.new_path[i].end() - 1);
            op.type = OpType::Add;
            op.targets = {at(section, parent_new)};
            op.blocks = build_new(group);
            for (const auto& b : op.blocks) op.new_designations.push_back(clean_num(b.designation));
            op.after = place_at(p.depth);
            bool parent_hidden = parent_new.size() + 1 < d ||
                                 std::find(parent_new.begin(), parent_new.end(), std::string()) != parent_new.end();
            if (parent_hidden && op.after && !op.after->empty() && sibling.count(p.depth)) {
                // "(Omitted text ...)", "(2) ...", new "(3) ...": (2)'s parent is not shown, but
                // (2) is found in the code; (3) goes beside it.
                op.targets = {sibling[p.depth]};
                op.into_parent = true;
            }
            add.push_back(op);
            for (std::size_t k = i; k < j; ++k)
                if (numbered(paras[k])) shown(paras[k].depth, paras[k].new_designation);
            i = j - 1;
            continue;
        }
        if (!numbered(p)) {
            std::string term = defined_term(!p.old_body.empty() ? p.old_body : p.new_body);
            if (!term.empty() || p.old_body.empty()) {
                // A definition, by its term; or a new unnumbered paragraph, under the last provision.
                TargetRef t = at(section, std::vector<std::string>(old_path.begin(), old_path.begin() + static_cast<long>(std::min(old_path.size(), d - 1))));
                t.term = term;
                if (p.old_body.empty()) {
                    op.type = OpType::Add;
                    op.add_kind_word = !term.empty() ? "definition" : "text";
                    t.term.clear();
                    op.targets = {t};
                    op.blocks = build_new({p});
                    add.push_back(op);
                } else if (p.new_body.empty()) {
                    op.type = OpType::StrikeUnit;
                    op.targets = {t};
                    strike.push_back(op);
                } else {
                    op.type = OpType::SetText;
                    op.targets = {t};
                    op.find = p.old_body;
                    op.replace = p.new_body;
                    verify.push_back(op);
                }
                continue;
            }
            // An unnumbered paragraph of the code (a lead-in, a closing text, a codifier's note):
            // it belongs to the last numbered provision restated before it or to one of its
            // ancestors; the applier finds which by its words.
            op.type = OpType::SetText;
            op.find_kind = "unnumbered paragraph";
            std::vector<std::string> path = old_path;
            while (!path.empty() && path.back().empty()) path.pop_back();
            op.targets = {at(section, {})};
            for (std::size_t k = 1; k <= path.size(); ++k)
                if (!path[k - 1].empty()) op.targets.push_back(at(section, std::vector<std::string>(path.begin(), path.begin() + static_cast<long>(k))));
            op.find = p.old_body;
            op.replace = p.new_body;
            verify.push_back(op);
            continue;
        }
        shown(p.depth, p.new_designation);
        TargetRef self = at(section, old_path);
        self.ordinal = pl.ordinal[i];
        if (!p.new_designation.empty()) {
            sibling[p.depth] = self;
            for (auto it = sibling.begin(); it != sibling.end();) it = it->first > p.depth ? sibling.erase(it) : std::next(it);
        }
        std::vector<std::string> parent_old(old_path.begin(), old_path.end() - 1);
        bool under_struck = false;
        for (const auto& s : struck)
            if (s.size() < old_path.size() && std::equal(s.begin(), s.end(), old_path.begin())) under_struck = true;
        op.type = OpType::SetText;
        op.targets = {self};
        op.find = p.old_body;
        op.replace = p.new_designation.empty() ? p.old_body : p.new_body;
        verify.push_back(op);
        if (p.new_designation.empty()) {
            // Struck whole (the body is checked first).
            if (!under_struck) {
                Op s = base;
                s.line = p.line;
                s.type = OpType::StrikeUnit;
                s.targets = {self};
                strike.push_back(s);
                struck.push_back(old_path);
            }
            continue;
        }
        if (p.old_designation != p.new_designation || (p.old_bracketed && !p.new_bracketed)) {
            auto it = renames.find(parent_old);
            if (it == renames.end()) {
                Op r = base;
                r.line = p.line;
                r.type = OpType::Redesignate;
                it = renames.emplace(parent_old, r).first;
                rename_order.push_back(parent_old);
            }
            it->second.targets.push_back(self);
            it->second.new_designations.push_back(p.new_designation);
        }
    }
    for (const auto& k : rename_order) rename.push_back(renames[k]);
    std::vector<Op> all;
    for (auto* v : {&verify, &strike, &rename, &add})
        for (auto& o : *v) all.push_back(std::move(o));
    return all;
}

UnnumberedAt find_unnumbered(const std::vector<Provision*>& chain, const std::function<bool(const std::string&)>& reads) {
    for (std::size_t k = chain.size(); k-- > 0;) {
        Provision* h = chain[k];
        std::size_t from = 0;
        if (k + 1 < chain.size()) {
            while (from < h->children.size() && &h->children[from] != chain[k + 1]) ++from;
            ++from;
        } else if (h->kind == Kind::Section && reads(h->text.text)) {
            return {h, 0, true};
        }
        for (std::size_t c = from; c < h->children.size(); ++c) {
            const Provision& u = h->children[c];
            if (!is_numbered(u.kind) && u.kind != Kind::History && reads(u.text.text)) return {h, c, false};
        }
    }
    return {};
}

}  // namespace amend
