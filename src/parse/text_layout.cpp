#include "parse/text_layout.hpp"

#include "model/text.hpp"

#include "parse/regex.hpp"
#include <cstring>

#include "model/diagnostic.hpp"
#include "model/parallel.hpp"

namespace amend {

namespace {

const rx::Regex& designation_re() {
    // "(a)", "(1)", "(A)", "(ii)", "(a-1)", "(1A)", "(2.5)", a codifier's "[(a)]" or "[a-1]",
    // followed by at least one space; or a bare "III" or "12" (D.C. articles) followed by three.
    static const rx::Regex re(
        R"(((?:\[?\([0-9A-Za-z]{1,8}(?:[-.][0-9A-Za-z]{1,8}){0,3}\)\]?)|(?:\[[^\[\]]{0,24}\]))( +)|([IVXLC]{1,6}\.?|[0-9]{1,3}[A-Za-z]?\.?|[A-Za-z]{1,4}\.)( {3,}))");
    return re;
}
const rx::Regex& section_re() {
    // \A, \z and (?s): Boost's ^, $ and . also stop at \r, \f and other line separators, which
    // may stand inside a line here (fuzz_text found "2:2\f5" written back as "2:2 \f5").
    // A codifier may bracket a section number ("[3-1210.12]"); a number may also be one number and
    // a capital letter ("6B", the D.C. Code's 6-219(Perm)).
    static const rx::Regex re(R"((?s)\A(\d+[A-Za-z]?(?:[-.:]\d+[A-Za-z]*)+|\[\d+[A-Za-z]?(?:[-.:]\d+[A-Za-z]*)+\]|\d+\xE2\x80\x93\d+[A-Za-z.\d]*|\d+[A-Z](?= |\z))((?:\(Perm\))?)( +|\z)(.*)\z)");
    return re;
}
const rx::Regex& container_re() {
    static const rx::Regex re(R"((?s)\A(CHAPTER|ARTICLE|TITLE|PART|DIVISION)( +)(\S+)( +|\z)(.*)\z)");
    return re;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Hand-written scanners for the common lines, so that most lines never reach Boost.Regex. Each
// answers Match (with exactly the groups the regex would give: its greedy path succeeds), NoMatch
// (the regex cannot match either) or Unsure (the regex decides).
enum class Scan { Match, NoMatch, Unsure };

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_dig(char c) { return c >= '0' && c <= '9'; }

// designation_re at `pos`: "(a)   ", "(12)  ", "(a-1) " and words of text.
Scan scan_designation(const std::string& l, std::size_t pos, std::string& desig, std::string& gap, std::size_t& len) {
    std::size_t n = l.size(), i = pos;
    if (i >= n) return Scan::NoMatch;
    char c = l[i];
    if (c == '(') {
        ++i;
        for (int group = 0; group < 4; ++group) {
            if (group > 0) {
                if (i < n && (l[i] == '-' || l[i] == '.')) ++i;
                else break;
            }
            std::size_t b = i;
            while (i < n && is_alnum(l[i])) ++i;
            if (i == b || i - b > 8) return Scan::NoMatch;
        }
        if (i >= n || l[i] != ')') return Scan::NoMatch;
        ++i;
        if (i < n && l[i] == ']') return Scan::Unsure;
        std::size_t sb = i;
        while (i < n && l[i] == ' ') ++i;
        if (i == sb) return Scan::NoMatch;
        desig.assign(l, pos, sb - pos);
        gap.assign(l, sb, i - sb);
        len = i - pos;
        return Scan::Match;
    }
    if (is_alpha(c)) {
        while (i < n && is_alpha(l[i])) ++i;
        if (i >= n) return Scan::NoMatch;
        if (l[i] == '.') return Scan::Unsure;
        if (l[i] != ' ') return Scan::NoMatch;
        if (l.compare(i, 3, "   ") != 0) return Scan::NoMatch;
        return Scan::Unsure;
    }
    if (is_dig(c) || c == '[') return Scan::Unsure;
    return Scan::NoMatch;
}

// section_re on a flush-left line: "2-173-042 Heading." (the first alternative, without "(Perm)").
Scan scan_section(const std::string& l, std::string& number, std::string& sep, std::string& heading) {
    std::size_t n = l.size(), i = 0;
    if (n == 0) return Scan::NoMatch;
    if (!is_dig(l[0])) return l[0] == '[' ? Scan::Unsure : Scan::NoMatch;
    while (i < n && is_dig(l[i])) ++i;
    if (i < n && is_alpha(l[i])) ++i;
    int groups = 0;
    while (i + 1 < n && (l[i] == '-' || l[i] == '.' || l[i] == ':') && is_dig(l[i + 1])) {
        ++i;
        while (i < n && is_dig(l[i])) ++i;
        while (i < n && is_alpha(l[i])) ++i;
        ++groups;
    }
    if (groups == 0) return Scan::Unsure;
    std::size_t e = i;
    if (i < n && l[i] != ' ') return Scan::Unsure;
    while (i < n && l[i] == ' ') ++i;
    number.assign(l, 0, e);
    sep.assign(l, e, i - e);
    heading.assign(l, i, n - i);
    return Scan::Match;
}

// container_re can match only a line opening with one of its words.
bool may_be_container(const std::string& l) {
    for (const char* w : {"CHAPTER", "ARTICLE", "TITLE", "PART", "DIVISION"})
        if (l.compare(0, std::strlen(w), w) == 0) return true;
    return false;
}

// A flush-left line that opens a section ("2-173-042 Heading."), with the number, the space after
// it and the heading; a chapter or article line is not one. Boost.Regex may throw on a runaway line.
bool section_heading(const std::string& l, std::string& number, std::string& sep, std::string& heading) {
    Scan sc = scan_section(l, number, sep, heading);
    if (sc != Scan::Unsure) return sc == Scan::Match;
    rx::Match m;
    if (may_be_container(l) && rx::match(l, m, container_re())) return false;
    if (!(l[0] == '[' || is_dig(l[0])) || !rx::match(l, m, section_re())) return false;
    number = m[1].str() + m[2].str();
    sep = m[3];
    heading = m[4];
    return true;
}

// The space between a heading's number and its words, kept only where it is not the one space the
// writer puts there (a heading without words keeps even that).
void set_heading_sep(Provision& p, std::string sep) {
    if (sep != " " || p.heading.empty()) p.tl.mut().heading_sep = std::move(sep);
}

struct Reader {
    const std::string& path;
    std::uint32_t file_index;
    Document& doc;
    std::vector<Provision> out;        // top-level nodes read (sections, containers)
    Provision* container = nullptr;    // the open chapter/article, if any
    std::vector<Provision*> open;      // open[0] = section, open[d] = last provision at depth d
    std::string blanks;
    int lineno = 0;
    std::string line;                  // without its line end

    [[noreturn]] void fail(int col, const std::string& msg, const std::string& code) {
        throw InputError(Diagnostic{path, lineno, col, msg, code, line});
    }

    Provision make(Kind k, int col) {
        Provision p;
        p.kind = k;
        p.span = SourceSpan{file_index, static_cast<std::uint32_t>(lineno), static_cast<std::uint32_t>(col)};
        if (!blanks.empty()) p.tl.mut().blanks_before = std::move(blanks);
        blanks.clear();
        return p;
    }

    Provision& add_top(Provision p) {
        if (p.kind != Kind::Section || container == nullptr) {
            out.push_back(std::move(p));
            Provision& r = out.back();
            if (r.kind != Kind::Section) container = &r;
            return r;
        }
        container->children.push_back(std::move(p));
        return container->children.back();
    }

    void flush_left(const std::string& l) {
        {
            std::string number, sep, heading;
            if (section_heading(l, number, sep, heading)) {
                Provision s = make(Kind::Section, 1);
                s.designation = std::move(number);
                s.heading.text = std::move(heading);
                set_heading_sep(s, std::move(sep));
                open.clear();
                open.push_back(&add_top(std::move(s)));
                return;
            }
        }
        rx::Match m;
        if (may_be_container(l) && rx::match(l, m, container_re())) {
            std::string word = m[1];
            Kind k = word == "CHAPTER" ? Kind::Chapter : word == "ARTICLE" ? Kind::Article : Kind::Title;
            Provision c = make(k, 1);
            c.xl.mut().prefix = word + m[2].str();
            c.designation = m[3];
            c.heading.text = m[5];
            set_heading_sep(c, m[4]);
            container = nullptr;
            open.clear();
            add_top(std::move(c));
            return;
        }
        if (!open.empty() && starts_with(l, "(")) {
            // "(a)   The Clerk ..." flush left is a provision that lost its indentation, not a
            // history note ("(Added Coun. J. 3-19-12, p. 22941, § 1)").
            std::string desig, gap;
            std::size_t len = 0;
            if (scan_designation(l, 0, desig, gap, len) == Scan::Match && len < l.size())
                fail(1, "expected a history note in parentheses or an indented provision, found the designation " + desig +
                            " flush left (a provision is indented three spaces more than its parent)",
                     "parse.indent");
            Provision h = make(Kind::History, 1);
            h.text.text = l;
            Provision* sec = open[0];
            sec->children.push_back(std::move(h));
            open.resize(1);
            return;
        }
        if (open.empty())
            fail(1, "expected a section heading line (NUMBER Heading.), such as \"2-173-042 Heading.\"",
                 "parse.section");
        fail(1, "expected an indented provision or a history note in parentheses", "parse.indent");
    }

    void indented(const std::string& l, std::size_t indent) {
        if (open.empty())
            fail(static_cast<int>(indent) + 1,
                 "expected a section heading line (NUMBER Heading.) before the first provision",
                 "parse.section");
        if (indent % 3 != 0)
            fail(static_cast<int>(indent) + 1,
                 "expected indentation in steps of three spaces, found " + std::to_string(indent) +
                     " spaces",
                 "parse.indent");
        std::size_t level = indent / 3;
        if (level > open.size())
            fail(static_cast<int>(indent) + 1,
                 "line indented " + std::to_string(level) + " levels, deeper than any open provision allows (at most " +
                     std::to_string(open.size()) + ")",
                 "parse.indent");
        std::size_t pos = indent;
        // Designations opening the line.
        std::vector<std::pair<std::string, std::string>> desigs;  // (designation, gap)
        std::vector<std::size_t> cols;
        rx::Match m;
        auto begin = l.cbegin() + static_cast<std::ptrdiff_t>(pos);
        for (;;) {
            std::string d, g;
            std::size_t len = 0;
            Scan sc = scan_designation(l, pos, d, g, len);
            if (sc == Scan::NoMatch) break;
            if (sc == Scan::Match) {
                desigs.emplace_back(std::move(d), std::move(g));
            } else {
                if (!rx::search(begin, l.cend(), m, designation_re(), rx::continuous)) break;
                if (m[1].matched) desigs.emplace_back(m[1].str(), m[2].str());
                else desigs.emplace_back(m[3].str(), m[4].str());
                len = static_cast<std::size_t>(m[0].length());
            }
            cols.push_back(pos + 1);
            pos += len;
            begin = l.cbegin() + static_cast<std::ptrdiff_t>(pos);
        }
        std::string rest = l.substr(pos);
        if (!desigs.empty() && starts_with(rest, "\t"))  // the writer could not give it back
            fail(static_cast<int>(pos) + 1, "expected spaces between a designation and its text, found a tab",
                 "parse.indent");
        Provision* parent = open[level - 1];
        open.resize(level);
        if (desigs.empty()) {
            if (starts_with(rest, "\"") || starts_with(rest, "\xE2\x80\x9C")) {
                bool curly = rest[0] != '"';
                std::size_t close = curly ? rest.find("\xE2\x80\x9D", 3) : rest.find('"', 1);
                // A definition: "Term" means ... (a quoted form or notice is plain text).
                static const rx::Regex defines(R"(\s(?:means|includes|shall mean|shall include|has the meaning|refers to|is defined)\b)");
                std::size_t after = close == std::string::npos ? 0 : close + (curly ? 3 : 1);
                bool definition = close != std::string::npos && rx::search(rest.substr(after, 40), defines);
                static const rx::Regex open_term(R"(^(?:"|\xE2\x80\x9C)[A-Za-z][^".;:\xE2]{0,40}\s(?:means|includes|shall mean)\b)");
                if (close == std::string::npos && rx::search(rest, open_term))
                    fail(static_cast<int>(pos) + 1,
                         "unterminated quote in a definition: expected a closing quote after the term",
                         "parse.quote");
                if (!definition) {
                    Provision t = make(Kind::Text, static_cast<int>(pos) + 1);
                    t.text.text = rest;
                    parent->children.push_back(std::move(t));
                    return;
                }
                Provision d = make(Kind::Definition, static_cast<int>(pos) + 1);
                d.designation = rest.substr(curly ? 3 : 1, close - (curly ? 3 : 1));
                d.text.text = rest;
                parent->children.push_back(std::move(d));
                open.push_back(&parent->children.back());
                return;
            }
            // The section's chapeau: an unnumbered first line right under the heading. After a blank
            // line it is an unnumbered paragraph instead, which keeps the blank line in its place
            // (fuzz_text found the blank moved above the heading).
            if (parent->kind == Kind::Section && parent->children.empty() && parent->text.empty() &&
                level == 1 && !rest.empty() && blanks.empty()) {
                parent->text.text = rest;
                return;
            }
            Provision t = make(Kind::Text, static_cast<int>(pos) + 1);
            t.text.text = rest;
            parent->children.push_back(std::move(t));
            return;
        }
        for (std::size_t i = 0; i < desigs.size(); ++i) {
            std::size_t depth = level + i;
            Provision p = make(kind_for_depth(static_cast<int>(depth)), static_cast<int>(cols[i]));
            p.designation = desigs[i].first;
            if (desigs[i].second != "   ") p.tl.mut().gap = desigs[i].second;
            if (i + 1 == desigs.size()) p.text.text = rest;
            else p.tl.mut().child_on_same_line = true;
            parent->children.push_back(std::move(p));
            parent = &parent->children.back();
            open.push_back(parent);
        }
    }

    // Reads the lines in [begin, end) of `bytes`; lineno is the line before the first.
    void lines(const std::string& bytes, std::size_t begin, std::size_t end, const FileFacts& facts) {
        std::size_t i = begin;
        while (i < end) {
            std::size_t e = bytes.find('\n', i);
            if (e == std::string::npos) e = bytes.size();
            std::size_t le = e;
            bool cr = e < bytes.size() && le > i && bytes[le - 1] == '\r';  // this line ends in CRLF
            if (facts.crlf && cr) --le;
            line.assign(bytes, i, le - i);
            ++lineno;
            i = e + 1;
            // One kind of line end per file, as the first line has it: the writer uses one, so a
            // mixed file could not come back byte for byte.
            if (e < bytes.size() && cr != facts.crlf)
                fail(static_cast<int>(facts.crlf ? line.size() + 1 : line.size()),
                     facts.crlf ? "expected CRLF line ends, as on line 1, found a bare LF; use one kind of line end"
                                : "expected LF line ends, as on line 1, found CRLF; use one kind of line end",
                     "parse.eol");
            // A carriage return elsewhere is an old Mac line end (or a stray one): the layout holds
            // one line per provision and cannot keep it.
            if (std::size_t r = line.find('\r'); r != std::string::npos)
                fail(static_cast<int>(r) + 1, "expected LF or CRLF line ends, found a bare CR (carriage return)", "parse.eol");
            std::size_t indent = line.find_first_not_of(' ');
            if (indent == std::string::npos || line.find_first_not_of(" \t") == std::string::npos) {
                blanks += line + "\n";
                continue;
            }
            if (line[indent] == '\t')
                fail(static_cast<int>(indent) + 1, "expected spaces for indentation, found a tab", "parse.indent");
            try {
                if (indent == 0) flush_left(line);
                else indented(line, indent);
            } catch (const rx::Runaway& err) {
                // Boost.Regex gave up on runaway matching (stack or complexity limits): report the
                // line rather than fail without one.
                fail(static_cast<int>(indent) + 1,
                     std::string("line too complex to scan for designations (") + err.what() + ")", "parse.regex");
            }
        }
    }

    // The end of the file: a file of blank lines only is refused; blank lines at the end of the
    // file are kept for the round trip.
    void finish() {
        if (out.empty())
            throw InputError(Diagnostic{path, 1, 1, "expected a section heading line (NUMBER Heading.), found only blank lines",
                                        "parse.empty", ""});
        if (blanks.empty()) return;
        Provision t = make(Kind::Text, 1);
        t.xml_tag = "trailing-blanks";
        out.back().children.push_back(std::move(t));
    }

    void run(const std::string& bytes) {
        FileFacts facts = facts_of(bytes, path);
        lines(bytes, facts.bom ? 3 : 0, bytes.size(), facts);
        finish();
        doc.files.push_back(facts);
        for (auto& p : out) doc.root.children.push_back(std::move(p));
    }

    // What the first line says about the whole file: byte order mark, line ends.
    static FileFacts facts_of(const std::string& bytes, const std::string& path) {
        FileFacts facts;
        facts.path = path;
        std::size_t start = 0;
        if (starts_with(bytes, "\xEF\xBB\xBF")) {
            facts.bom = true;
            start = 3;
        }
        if (bytes.size() == start)
            throw InputError(Diagnostic{path, 1, 1, "expected a section heading line (NUMBER Heading.), found an empty file",
                                        "parse.empty", ""});
        std::size_t first_nl = bytes.find('\n', start);
        facts.crlf = first_nl != std::string::npos && first_nl > start && bytes[first_nl - 1] == '\r';
        facts.final_newline = bytes.back() == '\n';
        return facts;
    }
};


// Writes a line's content after the indentation already written: the layout reads indentation
// as structure, so white space that text read from XML begins with is left out (text read from
// the layout never begins with it).
void write_line(std::string& out, const std::string& s, const std::string& eol) {
    std::size_t b = 0;
    while (b < s.size() && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
    out += one_line(s.substr(b));
    out += eol;
}

std::string blanks_with(const std::string& blanks, const std::string& eol) {
    if (eol == "\n") return blanks;
    std::string r;
    for (char c : blanks) {
        if (c == '\n') r += eol;
        else r += c;
    }
    return r;
}

// A designation the layout can read back: as it is when the reader knows its form, else in
// brackets ("PART A:" from D.C. XML becomes "[PART A:]").
std::string printable_designation(const std::string& d) {
    rx::Match m;
    std::string probe = d + "   ";
    if (rx::search(probe, m, designation_re(), rx::continuous) && m.length() == static_cast<long>(probe.size()))
        return d;
    std::string inner;
    for (char c : d)
        if (c != '[' && c != ']') inner += c;
    return "[" + inner.substr(0, 24) + "]";
}

void write_node(std::string& out, const Provision& p, int depth, bool same_line, const std::string& eol) {
    if (p.xml_tag == "trailing-blanks") {
        out += blanks_with(p.tl->blanks_before, eol);
        return;
    }
    if (!same_line) {
        out += blanks_with(p.tl->blanks_before, eol);
        if (p.kind != Kind::History) out.append(static_cast<std::size_t>(depth) * 3, ' ');
    }
    switch (p.kind) {
        case Kind::Definition:
        case Kind::Text:
        case Kind::Block:
            write_line(out, p.text.text, eol);
            break;
        case Kind::History:
            if (p.xml_tag == "annotations") {
                std::string joined;
                for (const auto& a : p.children) {
                    bool hist = false;
                    for (const auto& at : a.xml_attrs) hist |= at.name == "type" && at.value == "History";
                    if (!hist) continue;
                    if (!joined.empty()) joined += "; ";
                    joined += a.text.text;
                }
                if (!joined.empty()) write_line(out, "(" + joined + ")", eol);
                return;
            }
            write_line(out, p.text.text, eol);
            break;
        default: {
            bool blank = p.designation.find_first_not_of(" \t\n\r") == std::string::npos;
            if (blank && !same_line) {
                // An undesignated wrapper (D.C. XML): its text as a plain line, its children
                // where they would stand without it.
                out.resize(out.size() - static_cast<std::size_t>(depth) * 3);
                std::string t = p.text.text;
                if (!p.heading.empty()) t = p.heading.text + (t.empty() ? "" : " " + t);
                if (!t.empty()) {
                    out.append(static_cast<std::size_t>(depth) * 3, ' ');
                    write_line(out, t, eol);
                }
                for (const auto& c : p.children) write_node(out, c, depth, false, eol);
                return;
            }
            out += printable_designation(p.designation);
            out += p.tl->gap.empty() ? "   " : p.tl->gap;
            if (p.tl->child_on_same_line && p.text.empty() && !p.children.empty()) {
                write_node(out, p.children[0], depth + 1, true, eol);
                for (std::size_t i = 1; i < p.children.size(); ++i)
                    write_node(out, p.children[i], depth + 1, false, eol);
                return;
            }
            std::string t = p.text.text;
            if (!p.heading.empty()) t = p.heading.text + (t.empty() ? "" : " " + t);
            write_line(out, t, eol);
            break;
        }
    }
    for (const auto& c : p.children) write_node(out, c, depth + 1, false, eol);
}

void write_top(std::string& out, const Provision& p, const std::string& eol) {
    out += blanks_with(p.tl->blanks_before, eol);
    if (p.xml_tag == "trailing-blanks") return;  // closing a chapter or article that holds no section
    if (p.kind == Kind::Section) {
        std::string head = p.designation;
        if (!p.heading.empty() || !p.tl->heading_sep.empty())
            head += (p.tl->heading_sep.empty() ? " " : p.tl->heading_sep) + p.heading.text;
        write_line(out, head, eol);
        if (!p.text.empty()) {
            out += "   ";
            write_line(out, p.text.text, eol);
        }
        for (const auto& c : p.children) write_node(out, c, 1, false, eol);
        return;
    }
    if (p.kind == Kind::Code) {
        for (const auto& c : p.children) write_top(out, c, eol);
        return;
    }
    // A container: CHAPTER 2-173 HEADING
    std::string prefix = p.xl->prefix.empty() ? std::string(kind_name(p.kind)) + " " : p.xl->prefix;
    std::string head = prefix + p.designation;
    if (!p.heading.empty() || !p.tl->heading_sep.empty())
        head += (p.tl->heading_sep.empty() ? " " : p.tl->heading_sep) + p.heading.text;
    write_line(out, head, eol);
    for (const auto& c : p.children) write_top(out, c, eol);
}

}  // namespace

void read_text(const std::string& bytes, const std::string& path, Document& doc) {
    require_utf8(bytes, path);
    Reader r{path, static_cast<std::uint32_t>(doc.files.size()), doc, {}, nullptr, {}, {}, 0, {}};
    r.run(bytes);
}

TextFile split_text(const std::string& bytes, const std::string& path) {
    require_utf8(bytes, path);
    TextFile f;
    f.facts = Reader::facts_of(bytes, path);
    std::size_t i = f.facts.bom ? 3 : 0;
    f.chunks.push_back(TextChunk{i, i, 1, {}});  // what precedes the first section
    std::size_t blank_from = i;  // where the run of blank lines before this line began
    int blank_line = 1, lineno = 0;
    bool in_blanks = false;
    std::string line, number, sep, heading;
    while (i < bytes.size()) {
        std::size_t e = bytes.find('\n', i);
        if (e == std::string::npos) e = bytes.size();
        std::size_t le = e;
        if (f.facts.crlf && e < bytes.size() && le > i && bytes[le - 1] == '\r') --le;
        ++lineno;
        std::size_t start = i;
        i = e + 1;
        if (start == le || bytes[start] == ' ' || bytes[start] == '\t') {
            bool blank = true;
            for (std::size_t k = start; k < le && blank; ++k) blank = bytes[k] == ' ' || bytes[k] == '\t';
            if (blank && !in_blanks) in_blanks = true, blank_from = start, blank_line = lineno;
            if (!blank) in_blanks = false;
            continue;
        }
        line.assign(bytes, start, le - start);
        bool opens = false;
        try {
            opens = section_heading(line, number, sep, heading);
        } catch (const std::runtime_error&) {
            // The chunk's reader meets this line again and reports it.
        }
        if (!opens && may_be_container(line)) f.has_containers = true;
        if (opens) {
            std::size_t from = in_blanks ? blank_from : start;
            f.chunks.back().end = from;
            f.chunks.push_back(TextChunk{from, from, in_blanks ? blank_line : lineno, number});
        }
        in_blanks = false;
    }
    f.chunks.back().end = bytes.size();
    return f;
}

std::vector<Provision> read_text_chunk(const std::string& bytes, const TextFile& f, std::size_t chunk,
                                       const std::string& path, std::uint32_t file_index) {
    Document doc;
    Reader r{path, file_index, doc, {}, nullptr, {}, {}, f.chunks[chunk].first_line - 1, {}};
    r.lines(bytes, f.chunks[chunk].begin, f.chunks[chunk].end, f.facts);
    // The last chunk ends the file (a file of blank lines only is one chunk, and refused).
    if (chunk + 1 == f.chunks.size()) r.finish();
    return std::move(r.out);
}

void read_text_parallel(const std::string& bytes, const std::string& path, Document& doc) {
    TextFile f = split_text(bytes, path);
    // A few sections are read faster in one go; chapter lines put sections inside chapters.
    if (f.has_containers || f.chunks.size() < 64) return read_text(bytes, path, doc);
    auto index = static_cast<std::uint32_t>(doc.files.size());
    std::vector<std::vector<Provision>> parts(f.chunks.size());
    std::vector<std::exception_ptr> errors(f.chunks.size());
    parallel_for(f.chunks.size(), 64, [&](std::size_t c) {
        try {
            parts[c] = read_text_chunk(bytes, f, c, path, index);
        } catch (const InputError&) {
            errors[c] = std::current_exception();
        }
    });
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);  // the first in the file
    doc.files.push_back(f.facts);
    for (auto& part : parts)
        for (auto& p : part) doc.root.children.push_back(std::move(p));
}

std::vector<Provision> read_text_fragment(const std::string& text, const std::string& path, int first_line) {
    std::vector<std::string> lines;
    std::size_t i = 0;
    while (i <= text.size()) {
        std::size_t e = text.find('\n', i);
        if (e == std::string::npos) e = text.size();
        std::string l = text.substr(i, e - i);
        if (!l.empty() && l.back() == '\r') l.pop_back();
        lines.push_back(l);
        i = e + 1;
    }
    while (!lines.empty() && lines.back().find_first_not_of(' ') == std::string::npos) lines.pop_back();
    std::size_t lead = 0;
    while (lead < lines.size() && lines[lead].find_first_not_of(' ') == std::string::npos) ++lead;
    if (lead == lines.size())
        throw InputError(Diagnostic{path, first_line, 1, "expected quoted text, found nothing", "amend.block", ""});
    Document doc;
    auto adjust = [&](InputError& e, int line_shift, int col_shift) {
        std::vector<Diagnostic> ds = e.diagnostics();
        for (auto& d : ds) {
            d.line += line_shift;
            d.col += col_shift;
            d.file = path;
        }
        return InputError(ds);
    };
    if (rx::search(lines[lead], section_re()) && lines[lead][0] != ' ') {
        try {
            read_text(text, path, doc);
        } catch (InputError& e) {
            throw adjust(e, first_line - 1, 0);
        }
        std::vector<Provision> out;
        for (auto& p : doc.root.children) out.push_back(std::move(p));
        return out;
    }
    std::size_t m = std::string::npos;
    for (const auto& l : lines) {
        std::size_t ind = l.find_first_not_of(' ');
        if (ind != std::string::npos) m = std::min(m, ind);
    }
    std::string shifted = "0-0 Fragment.\n";
    for (std::size_t k = lead; k < lines.size(); ++k)
        shifted += (lines[k].empty() ? std::string() : "   " + lines[k].substr(std::min(m, lines[k].size()))) + "\n";
    try {
        read_text(shifted, path, doc);
    } catch (InputError& e) {
        throw adjust(e, first_line - 2 + static_cast<int>(lead), static_cast<int>(m) - 3);
    }
    Provision& sec = doc.root.children.at(0);
    std::vector<Provision> out;
    if (!sec.text.empty()) {
        Provision t;
        t.kind = Kind::Text;
        t.text = sec.text;
        out.push_back(std::move(t));
    }
    for (auto& c : sec.children)
        if (c.xml_tag != "trailing-blanks") out.push_back(std::move(c));
    return out;
}

std::string write_text_provision(const Provision& p, int depth, const std::string& eol) {
    std::string out;
    if (p.kind == Kind::Section || p.kind == Kind::Code || depth <= 0) write_top(out, p, eol);
    else write_node(out, p, depth, false, eol);
    return out;
}

std::string write_text(const Document& doc, int file_index) {
    std::string out;
    const FileFacts* facts = file_index >= 0 && static_cast<std::size_t>(file_index) < doc.files.size()
                                 ? &doc.files[static_cast<std::size_t>(file_index)]
                                 : nullptr;
    std::string eol = facts && facts->crlf ? "\r\n" : "\n";
    if (facts && facts->bom) out += "\xEF\xBB\xBF";
    for (const auto& top : doc.root.children) {
        if (file_index >= 0) {
            // Containers and sections carry their file in span.file.
            if (top.span.file != static_cast<std::uint32_t>(file_index)) continue;
        }
        write_top(out, top, eol);
    }
    if (facts && !facts->final_newline && out.size() >= eol.size()) out.resize(out.size() - eol.size());
    return out;
}

// The layout holds one line per provision: text read from XML may run over several lines (a
// table, a centred block), and is written with each run of white space that holds a line break
// folded to one space, and no white space at its ends.
std::string one_line(const std::string& s) {
    if (s.find_first_of("\n\r") == std::string::npos) return s;
    std::string f = fold_line_breaks(s);
    std::size_t b = f.find_first_not_of(" \t"), e = f.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : f.substr(b, e - b + 1);
}

}  // namespace amend
