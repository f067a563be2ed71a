// Reading drafting language ("Subsection (a) is amended by striking the phrase "X" and inserting
// the phrase "Y" in its place.") into operations. Quoted phrases are masked first («0», «1», ...)
// so that the grammar below never looks inside the law's own words.
#include <boost/regex.hpp>
#include <cctype>
#include <optional>

#include "amend/language/lexer.hpp"
#include "amend/language/where.hpp"
#include "amend/ops.hpp"
#include "amend/restatement.hpp"
#include "model/code_index.hpp"
#include "model/designation.hpp"
#include "model/diagnostic.hpp"
#include "model/text.hpp"
#include "parse/dc_law.hpp"

namespace amend {

const char* op_name(OpType t) {
    switch (t) {
        case OpType::Context: return "context";
        case OpType::Replace: return "strike and insert";
        case OpType::Strike: return "strike";
        case OpType::InsertBefore: return "insert before";
        case OpType::InsertAfter: return "insert after";
        case OpType::InsertAtEnd: return "insert at the end";
        case OpType::StrikeUnit: return "strike provision";
        case OpType::Repeal: return "repeal";
        case OpType::Add: return "add";
        case OpType::Restate: return "amend to read";
        case OpType::Redesignate: return "redesignate";
        case OpType::Designate: return "designate existing text";
        case OpType::SetText: return "restate";
    }
    return "?";
}

std::string TargetRef::describe() const {
    std::string s = section.empty() ? std::string("(no section)") : section;
    for (const auto& d : path) s += "(" + d + ")";
    if (!term.empty()) s = "the definition of \"" + term + "\" in " + s;
    if (part == Part::Heading) s = "the heading of " + s;
    if (part == Part::Text) s = "the lead-in text of " + s;
    return s;
}

int unit_depth(std::string k) {
    k = ascii_lower(std::move(k));
    while (!k.empty() && k.back() == 's' && k != "subsections" && k.size() > 4 && k != "clauses") k.pop_back();
    if (k == "subsections" ) k = "subsection";
    if (k == "clauses") k = "clause";
    std::string flat;
    for (char c : k)
        if (c != '-') flat += c;
    if (flat == "subsection") return 1;
    if (flat == "paragraph") return 2;
    if (flat == "subparagraph") return 3;
    if (flat == "subsubparagraph" || flat == "clause") return 4;
    if (flat == "subsubsubparagraph" || flat == "subclause") return 5;
    if (flat == "item") return 6;
    return 0;
}

namespace {

using boost::regex;
using boost::smatch;
const auto icase = regex::perl | regex::icase;


bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

struct Masked {
    std::string text;                 // with «n» for each quoted phrase
    std::vector<std::string> quotes;
    std::size_t unclosed = std::string::npos;  // the byte of a quotation mark that is never closed
};

// Words after a closing straight quote in drafting language.
bool closes_here(const std::string& s, std::size_t j) {
    std::string_view after = std::string_view(s).substr(j + 1);
    if (after.empty()) return true;
    char a = after[0];
    if (a == '.' || a == ',' || a == ';' || a == ':') return after.size() == 1 || after[1] == ' ';
    if (a != ' ') return false;
    static const regex words(R"(^ (and|in|both|each|wherever|every|after|before|at|is|are|with|where|from|which|shall|immediately|respectively|as|the (?:first|second|third|fourth|fifth|last)|to read)\b)", icase);
    std::string rest(after.substr(0, 24));
    return boost::regex_search(rest, words);
}

Masked mask_quotes(const std::string& s) {
    Masked m;
    std::size_t i = 0;
    while (i < s.size()) {
        if (starts_with(std::string_view(s).substr(i), "\xE2\x80\x9C")) {
            std::size_t e = s.find("\xE2\x80\x9D", i + 3);
            if (e != std::string::npos) {
                m.text += "\xC2\xAB" + std::to_string(m.quotes.size()) + "\xC2\xBB";
                m.quotes.push_back(s.substr(i + 3, e - i - 3));
                i = e + 3;
                continue;
            }
        }
        if (s[i] == '"' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == '[')) {
            std::size_t j = i + 1;
            std::size_t close = std::string::npos;
            for (; j < s.size(); ++j)
                if (s[j] == '"' && closes_here(s, j)) {
                    close = j;
                    break;
                }
            // No quotation mark followed by words drafting language goes on with: the next one
            // closes the phrase (what follows must then be read); with none, the phrase has no end.
            if (close == std::string::npos) close = s.find('"', i + 1);
            if (close == std::string::npos) {
                m.unclosed = i;
                m.text += s.substr(i);
                break;
            }
            m.text += "\xC2\xAB" + std::to_string(m.quotes.size()) + "\xC2\xBB";
            m.quotes.push_back(s.substr(i + 1, close - i - 1));
            i = close + 1;
            continue;
        }
        m.text += s[i++];
    }
    return m;
}

// "(a)(1)" → {"a", "1"}
std::vector<std::string> chain_of(const std::string& s) {
    std::vector<std::string> out;
    static const regex d(R"(\(([^()\s]{1,12})\))");
    for (boost::sregex_iterator it(s.begin(), s.end(), d), end; it != end; ++it) out.push_back((*it)[1]);
    return out;
}

// "(3) and (4)", "(3), (4), and (5)", "(A) through (D)", "(c)(1)" → a list of chains.
std::vector<std::vector<std::string>> designation_list(const std::string& s) {
    std::vector<std::vector<std::string>> out;
    static const regex through(R"(^\s*((?:\([^()\s]+\))+)\s+through\s+((?:\([^()\s]+\))+)\s*$)", icase);
    smatch m;
    if (boost::regex_match(s, m, through)) {
        auto a = chain_of(m[1]), b = chain_of(m[2]);
        if (a.size() == b.size() && !a.empty()) {
            std::vector<std::string> cur = a;
            // "(i) through (v)" counts in numerals when both ends can be numerals.
            bool roman = roman_value(a.back()) != 0 && roman_value(b.back()) != 0;
            for (int guard = 0; guard < 60; ++guard) {
                out.push_back(cur);
                if (cur.back() == b.back()) return out;
                cur.back() = next_designation(cur.back(), roman);
                if (cur.back().empty()) break;
            }
        }
        return {};
    }
    static const regex item(R"(((?:\([^()\s]+\))+))");
    for (boost::sregex_iterator it(s.begin(), s.end(), item), end; it != end; ++it) out.push_back(chain_of((*it)[1]));
    return out;
}

struct Ctx {
    TargetRef t;  // the enclosing target (absolute)
};

struct Interp {
    const AmendmentDoc& doc;
    ReadResult res;

    std::optional<language::Unread> unread;  // the words an action could not read, when it failed there
    const Masked* masked = nullptr;          // the sentence being read, for showing its words

    // Words of the masked sentence as the drafter wrote them: each «n» back in quotation marks.
    std::string unmasked(const std::string& w) const {
        if (!masked) return w;
        std::string out;
        for (std::size_t i = 0; i < w.size();) {
            std::size_t e = w.compare(i, 2, "\xC2\xAB") == 0 ? w.find("\xC2\xBB", i) : std::string::npos;
            std::string digits = e == std::string::npos ? "" : w.substr(i + 2, e - i - 2);
            if (!digits.empty() && digits.size() < 6 && digits.find_first_not_of("0123456789") == std::string::npos &&
                std::stoul(digits) < masked->quotes.size()) {
                out += "\"" + masked->quotes[std::stoul(digits)] + "\"";
                i = e + 2;
                continue;
            }
            out += w[i++];
        }
        return out;
    }

    void error(const InstructionItem& it, const std::string& msg) {
        res.errors.push_back(Diagnostic{it.file, it.line, it.col, msg, "amend.instruction", ""});
    }

    // An error at `from`, the first words of the sentence not read (quotes masked «n»): at their
    // line and column, with a caret under them, where the sentence's place in the file is known.
    void error_at(const InstructionItem& it, const std::string& from, const std::string& msg) {
        Diagnostic d{it.file, it.line, it.col, msg, "amend.instruction", ""};
        std::string probe = from.substr(0, std::min(from.find("\xC2\xAB"), std::size_t{40}));
        while (!probe.empty() && probe.back() == ' ') probe.pop_back();
        std::size_t found = std::string::npos;
        // The last place the words stand in the item's own text, white space matching white space.
        for (std::size_t p = 0; !probe.empty() && p < it.text.size(); ++p) {
            std::size_t i = p, k = 0;
            while (k < probe.size() && i < it.text.size()) {
                bool ws = std::isspace(static_cast<unsigned char>(it.text[i]));
                if (probe[k] == ' ' && ws) {
                    while (i < it.text.size() && std::isspace(static_cast<unsigned char>(it.text[i]))) ++i;
                    ++k;
                } else if (probe[k] == it.text[i]) {
                    ++i;
                    ++k;
                } else {
                    break;
                }
            }
            if (k == probe.size()) found = p;
        }
        if (found != std::string::npos && it.text_line > 0) {
            std::size_t nl = it.text.rfind('\n', found);
            int lines_down = 0;
            for (std::size_t i = 0; i < found; ++i) lines_down += it.text[i] == '\n';
            d.line = it.text_line + lines_down;
            if (nl == std::string::npos) {
                d.col = it.text_col + static_cast<int>(found);
                d.source_line = it.text_source_line;
            } else {
                d.col = static_cast<int>(found - nl);
            }
        }
        res.errors.push_back(std::move(d));
    }

    // A target (or a new designation) that could not be read: at its words, with what could stand there.
    void target_error(const InstructionItem& it, const std::string& words, const std::string& what = "the target") {
        error_at(it, words, "cannot read " + what + " \"" + unmasked(words) + "\": expected a unit such as \"Subsection (a)\", " +
                                "\"Section 2-1-010(a)\", \"Paragraphs (3) and (4)\", \"The section heading\" or " +
                                "\"The definition of \"X\"\"");
    }

    // The error of an action that could not be read: at the first word not read when known.
    void action_error(const InstructionItem& it, const std::string& raw) {
        if (!unread) {
            return error(it, "cannot read the instruction \"" + raw + "\": expected \"by striking ...\", \"by inserting ...\", \"by adding ...\", \"to read as follows:\" or \"as follows:\"");
        }
        language::Unread u = *unread;
        unread.reset();
        std::string shown = unmasked(u.words);
        while (!shown.empty() && (shown.back() == '.' || shown.back() == ' ' || shown.back() == ';' || shown.back() == ':')) shown.pop_back();
        std::vector<language::Token> toks = language::lex(u.words);
        if (toks.size() >= 4 && toks[0].is("in") && toks[1].is("the") && language::ordinal_value(toks[2].text) != 0 &&
            (toks[3].is("sentence") || toks[3].is("sentences")))
            return error_at(it, u.words, "cannot apply \"" + shown + "\": a change limited to one sentence of a unit cannot be applied; quote words that appear once in the unit instead");
        error_at(it, u.words, "cannot read \"" + shown + "\": expected " + u.expected);
    }

    // Parses a target phrase. Returns false when it is not one.
    bool parse_target(std::string t, const Masked& m, TargetRef& out, std::vector<std::vector<std::string>>* many = nullptr) {
        t = collapse_ws(t);
        static const regex the(R"(^(?:the|and|that)\s+)", icase);
        t = boost::regex_replace(t, the, "");
        smatch mm;
        // "the second paragraph designated as paragraph (7)", "the newly designated subsection (a)"
        static const regex nth(R"(^(first|second|third|fourth)\s+\S+\s+designated\s+as\s+(.*)$)", icase);
        static const regex newly(R"(^(?:(?:newly|existing|new)\s+(?:re)?designated|existing|redesignated)\s+(.*)$)", icase);
        if (boost::regex_match(t, mm, newly)) t = mm[1];
        if (boost::regex_match(t, mm, nth)) {
            std::string w = mm[1];
            w = ascii_lower(std::move(w));
            int n = w == "first" ? 1 : w == "second" ? 2 : w == "third" ? 3 : 4;
            std::string rest = mm[2];
            if (!parse_target(rest, m, out, many)) return false;
            out.ordinal = n;
            return true;
        }
        static const regex toc(R"(^(?:(?:section|title|chapter|part|subtitle|subchapter)\s+)?designations?\s+(?:for\s+)?.*$)", icase);
        static const regex toc_whole(R"(^table\s+of\s+contents\b.*$)", icase);
        if (boost::regex_match(t, mm, toc) || boost::regex_match(t, mm, toc_whole)) {
            out.uncodified = true;  // an Act's table of contents is not part of the code
            out.relative = false;
            return true;
        }
        static const regex leadin(R"(^(?:(?:lead[- ]?in|introductory|opening)\s+(?:language|text|clause|matter|sentence|paragraph)|(?:existing\s+|section\s+)?(?:text|language))(?:\s+(?:of|in|to)\s+(.*))?$)", icase);
        static const regex heading(R"(^(?:amendatory\s+)?(?:section\s+)?heading(?:\s+(?:of|for|in)\s+(.*))?$)", icase);
        static const regex defn(R"(^definition\s+(?:of|for)\s+(?:the\s+(?:term|phrase)\s+)?«(\d+)»(?:\s+(?:in|of|contained in)\s+(.*))?$)", icase);
        if (boost::regex_match(t, mm, leadin)) {
            out.part = TargetRef::Part::Text;
            t = mm[1].matched ? mm[1].str() : "";
            if (t.empty()) {
                out.relative = true;
                return true;
            }
            t = boost::regex_replace(t, the, "");
        } else if (boost::regex_match(t, mm, heading)) {
            out.part = TargetRef::Part::Heading;
            t = mm[1].matched ? mm[1].str() : "";
            if (t.empty()) {
                out.relative = true;
                out.kind_depth = -1;  // the section's own heading
                return true;
            }
            t = boost::regex_replace(t, the, "");
        } else if (boost::regex_match(t, mm, defn)) {
            out.term = m.quotes.at(static_cast<std::size_t>(std::stoi(mm[1])));
            t = mm[2].matched ? mm[2].str() : "";
            if (t.empty()) {
                out.relative = true;
                return true;
            }
            t = boost::regex_replace(t, the, "");
        }
        // A Code cite in parentheses wins: "Section 505(c) (D.C. Official Code § 42-3505.05(c))".
        static const regex cite(R"((?:D\.\s*C\.|District of Columbia)[^()§]*?(?:Code|Official Code)[^§()]*§+\s*([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])((?:\([^()\s]+\))*)(\s*(?:,\s*)?et\.?\s+seq)?)", icase);
        auto cited = [&](const smatch& c) {  // a Code section and the designations after it
            out.section = c[1];
            out.path = chain_of(c[2]);
            out.relative = false;
            return true;
        };
        if (boost::regex_search(t, mm, cite)) {
            if (mm[3].matched) {
                out.container_only = true;
                out.cites_code = true;
                return true;
            }
            return cited(mm);
        }
        static const regex code_cite(R"(^§+\s*([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])((?:\([^()\s]+\))*))", icase);
        if (boost::regex_search(t, mm, code_cite)) return cited(mm);
        static const regex sect(R"(^(?:section|sec\.)\s+(?:of\s+)?([0-9][0-9A-Za-z:.\-]*?)((?:\([^()\s]+\))*)(?:\s|,|$).*$)", icase);
        if (boost::regex_match(t, mm, sect)) {
            std::string num = mm[1];
            out.path = chain_of(mm[2]);
            out.relative = false;
            out.section = num;
            if (num.find('-') == std::string::npos && num.find(':') == std::string::npos) {
                out.section_is_law_number = true;
                // A section of a named law with no Code cite is a section of no code.
                static const regex of_law(R"(\bof\s+(?:the\s+)?.*\b(?:Act|Law|Resolution)\b)", icase);
                if (boost::regex_search(t, of_law)) out.uncodified = true;
            }
            return true;
        }
        // "Subsection 3900.9" (and "Subsections 2213.7 and 2213.8"): a section of the municipal
        // regulations, numbered chapter.section, which are in no code.
        static const regex regulation(R"(^(?:sub)?sections?\s+(\d+\.\d+)(?:\s*(?:,|and)\s*\d+\.\d+)*$)", icase);
        if (boost::regex_match(t, mm, regulation)) {
            out.section = mm[1];
            out.section_is_law_number = true;
            out.uncodified = true;
            out.relative = false;
            return true;
        }
        static const regex unit(R"(^((?:sub-?)*(?:section|paragraph|clause)s?|items?|subclauses?)\s+((?:\([^()\s]+\)[\s,]*(?:and\s+|or\s+|through\s+)?)+)(.*)$)", icase);
        if (boost::regex_match(t, mm, unit)) {
            std::string kind = mm[1];
            int depth = unit_depth(kind);
            std::string lk = kind;
            lk = ascii_lower(std::move(lk));
            if (lk == "section" || lk == "sections") depth = 1;  // "section (e)" means a subsection
            auto list = designation_list(mm[2]);
            if (list.empty()) return false;
            out.kind_depth = depth;
            out.relative = true;
            out.path = list[0];
            std::string rest = collapse_ws(mm[3]);
            if (!rest.empty()) {
                // "Subsection (a) of section 5 (D.C. Official Code § 1-2)": the tail names the section.
                static const regex of(R"(^(?:of|in)\s+(.*)$)", icase);
                smatch om;
                if (boost::regex_match(rest, om, of)) {
                    TargetRef outer;
                    if (parse_target(om[1], m, outer) && !outer.relative && !outer.container_only) {
                        out.section = outer.section;
                        out.section_is_law_number = outer.section_is_law_number;
                        auto p = outer.path;
                        for (auto& d : out.path) p.push_back(d);
                        out.path = p;
                        out.relative = false;
                        for (auto& l : list) {
                            auto q = outer.path;
                            for (auto& d : l) q.push_back(d);
                            l = q;
                        }
                    }
                }
            }
            if (many) *many = list;
            return true;
        }
        static const regex container(R"(^(?:.*\bAct\b.*|.*\bCode\b.*|(?:title|chapter|subchapter|part|subtitle|article|division)\s+\S+.*|table of contents.*|.*\bLaw\b.*|.*\bOrdinance\b.*)$)", icase);
        if (boost::regex_match(t, mm, container)) {
            out.container_only = true;
            // A law cited by its law number and register with no Code cite ("the Secure DC Omnibus
            // Amendment Act of 2024, effective June 8, 2024 (D.C. Law 25-175; 71 DCR 2732)") is in
            // no code: its sections, and the amendments it carries, are not the code's.
            static const regex law_cite(R"(\((?:[^()]*;\s*)?(?:D\.\s*C\.\s+Law|Pub\.\s*L\.|\d+\s+Stat\.|\d+\s+DCR)\s[^()]*\))", icase);
            if (boost::regex_search(t, law_cite)) out.uncodified = true;
            // The sections a title, a chapter or the whole code holds are known by their numbers.
            static const regex title(R"(^title\s+(\d+[A-Za-z]?)\s+of\s+the\s+(?:District\s+of\s+Columbia|D\.\s*C\.)\s+(?:Official\s+)?Code\b.*$)", icase);
            static const regex chapter(R"(^chapter\s+(\d+[A-Za-z]?-\d+[A-Za-z]?)\b.*$)", icase);
            static const regex whole(R"(^(?:District\s+of\s+Columbia\s+Official\s+Code|D\.\s*C\.\s+Official\s+Code|Municipal\s+Code\s+of\s+Chicago|(?:City|Municipal)\s+Code)$)", icase);
            smatch sm;
            static const regex of_title(R"(\btitle\s+(\d+[A-Za-z]?)\s+of\s+the\s+(?:District\s+of\s+Columbia|D\.\s*C\.)\s+(?:Official\s+)?Code\b)", icase);
            if (boost::regex_search(t, sm, of_title)) out.title = sm[1];
            if (boost::regex_match(t, sm, title)) {
                out.scope_known = true;
                out.scope_prefix = sm[1].str() + "-";
            } else if (boost::regex_match(t, sm, chapter)) {
                out.scope_known = true;
                out.scope_prefix = sm[1].str() + "-";
            } else if (boost::regex_match(t, sm, whole)) {
                out.scope_known = true;
            }
            return true;
        }
        return false;
    }

    // The D.C. Code's sections from `first` to `last` in its index, each a target of `op`; false
    // (none added) when either is not in the index or the range runs backwards or past a thousand.
    bool d_c_range(const std::string& first, const std::string& last, const TargetRef& ctx, Op& op) {
        const auto& secs = CodeIndex::dc().sections;
        std::size_t a = secs.size(), b = secs.size();
        for (std::size_t i = 0; i < secs.size(); ++i) {
            if (secs[i].first == first) a = i;
            if (secs[i].first == last) b = i;
        }
        if (a < secs.size() && b < secs.size() && a <= b && b - a < 1000)
            for (std::size_t i = a; i <= b; ++i) {
                TargetRef u;
                u.section = secs[i].first;
                u.title = ctx.title;
                op.targets.push_back(u);
            }
        return !op.targets.empty();
    }

    // Joins a relative target with the enclosing one.
    TargetRef join(const TargetRef& ctx, TargetRef t) {
        if (t.title.empty()) t.title = ctx.title;
        // Inside a law that is in no code, its own sections are in no code either.
        if (ctx.uncodified && ctx.container_only && (t.relative || t.section_is_law_number)) t.uncodified = true;
        // A part named inside what is in no code ("Title V" of an Act's table of contents), with no
        // Code cite of its own, is in no code either.
        if (ctx.uncodified && t.container_only && !t.cites_code && !t.scope_known && t.section.empty() && t.title.empty())
            t.uncodified = true;
        if (t.container_only) return t;
        if (!t.relative) return t;
        TargetRef r = t;
        r.relative = false;
        r.section = ctx.section;
        r.section_is_law_number = ctx.section_is_law_number;
        r.uncodified = ctx.uncodified || t.uncodified;
        std::vector<std::string> base = ctx.path;
        if (t.kind_depth == -1) base.clear();
        else if (t.kind_depth > 0 && base.size() >= static_cast<std::size_t>(t.kind_depth - 1))
            base.resize(static_cast<std::size_t>(t.kind_depth - 1));
        r.path = base;
        for (auto& d : t.path) r.path.push_back(d);
        if (r.term.empty()) r.term = ctx.term;
        return r;
    }

    static bool amends(const Provision& block) {
        static const regex instruction(
            R"(^(?:(?:the\s+)?(?:(?:sub-?)*(?:section|paragraph|clause)|item|title|subtitle|part|chapter)\s+\S+.*?\s+(?:is|are)\s+(?:hereby\s+)?(?:amended|repealed|redesignated)\b|(?:strike|insert|add)\s+(?:the|a|an|new)\s).*$)",
            icase);
        return boost::regex_match(block.text.text, instruction);
    }

    std::string quote(const Masked& m, const std::string& idx) { return m.quotes.at(static_cast<std::size_t>(std::stoi(idx))); }

    static std::string punct_of(std::string w) {
        w = ascii_lower(std::move(w));
        if (w == "semicolon" || w == "semi-colon") return ";";
        if (w == "period") return ".";
        if (w == "comma") return ",";
        if (w == "colon") return ":";
        if (w == "em dash" || w == "em-dash" || w == "dash") return "\xE2\x80\x94";
        return "";
    }

    // Typos of the operative words that enacted laws contain, read where only one reading is
    // possible ("as follow:", "is amended by to read as follows:"), each with a warning naming
    // the words assumed. Only the drafter's words are touched: quoted text is masked.
    std::string correct_typos(std::string s, const InstructionItem& it) {
        struct Typo {
            regex re;
            const char* fmt;
        };
        static const std::vector<Typo> typos = [] {
            std::vector<Typo> v;
            auto add = [&](const char* re, const char* fmt) { v.push_back({regex(re, icase), fmt}); };
            add(R"(\bas\s+follow(?:ed)?\b)", "as follows");
            add(R"(\bto\s+reads\s+as\b)", "to read as");
            add(R"(\bto\s+read\s+follows\b)", "to read as follows");
            add(R"(\b(is|are)\s+amended\s+follows\b)", "$1 amended as follows");
            add(R"(\bas\s+follows\s+as\s+follows\b)", "as follows");
            add(R"(\bamended\s+by\s+to\s+read\b)", "amended to read");
            add(R"(\bamended\s+to\s+by\b)", "amended by");
            add(R"(\bamended\s+to\s+add\b)", "amended by adding");
            add(R"(\bamended\s+to\s+insert\b)", "amended by inserting");
            add(R"(\b(is|are)\s+amended\s+is\s+amended\b)", "$1 amended");
            add(R"(\b(is|are)\s+by\s+(striking|adding|inserting)\b)", "$1 amended by $2");
            add(R"(\b(is|are)\s+(?:mended|amending|amendment)\b)", "$1 amended");
            add(R"(\bamended\s+my\s+(striking|adding|inserting)\b)", "amended by $1");
            add(R"(\bsemincolon\b)", "semicolon");
            add(R"(\bphrased(\s+«))", "phrase$1");
            add(R"(\b(inserting|insert)\s+the\s+phrase,\s+(«\d+»))", "$1 the phrase $2");
            add(R"(\bis\s+added\s+to\s+read$)", "is added to read as follows");
            add(R"(^((?:an?\s+)?new\s+\S+\s+(?:\([^()\s]+\))+)\s+to\s+read\b)", "$1 is added to read");
            add(R"(^((?:sub-?)*(?:section|paragraph|clause)s?\s+(?:\([^()\s]+\))+)\s+by\s+(striking|adding|inserting)\b)", "$1 is amended by $2");
            add(R"(^((?:sub-?)*(?:section|paragraph|clause)s?\s+[^,]*?\S)\s+amended\s+(as\s+follows|by|to\s+read)\b)", "$1 is amended $2");
            add(R"((\bstriking\s+(?:the\s+)?(?:\w+\s+)?«\d+»)\s+(inserting)\b)", "$1 and $2");
            return v;
        }();
        for (const auto& t : typos) {
            smatch mm;
            if (!boost::regex_search(s, mm, t.re)) continue;
            // "Subsection (b) amended as follows": only when no "is amended" stands anywhere.
            static const regex verb(R"(\b(?:is|are|in)\b)", icase);
            if (t.fmt == std::string("$1 is amended $2") && boost::regex_search(mm[1].first, mm[1].second, verb)) continue;
            std::string now = mm.format(t.fmt);
            res.warnings.push_back(Diagnostic{it.file, it.line, it.col,
                                              "read \"" + unmasked(mm[0].str()) + "\" as \"" + unmasked(now) + "\"", "amend.typo", ""});
            s = std::string(mm.prefix()) + now + std::string(mm.suffix());
        }
        return s;
    }

    // The words after an action's phrases, read to their last word (language/where.hpp); false,
    // with `unread` set, at the first word that is not read.
    bool where_clause(const std::string& words, Op& op) {
        language::Where w;
        if (auto u = language::read_where(words, w)) {
            unread = *u;
            return false;
        }
        if (w.each) op.each = true;
        if (w.expect_count) op.expect_count = w.expect_count;
        if (w.occurrence) op.occurrence = w.occurrence;
        if (w.at_end) op.at_end = true;
        if (w.in_heading) op.in_heading = true;
        return true;
    }

    // Parses one action (after "by", or an imperative). Returns false when it is not one.
    bool parse_action(const std::string& a, const Masked& m, Op& op) {
        smatch mm;
        // The nouns drafters put before a quoted phrase, and the punctuation they name: one table
        // for the words struck and the words inserted alike.
        static const std::string NOUNS = "phrase|phase|words?|terms?|dates?|figures?|numbers?|numerals?|sentences?|section designation|designations?|language|text|citations?|references?|amounts?|dollar amounts?|sums?|abbreviations?|acronyms?|years?|names?|letters?|characters?";
        static const std::string NOUN = R"((?:new\s+)?()" + NOUNS + ")";      // the noun captured
        static const std::string NOUN_NC = R"((?:new\s+)?(?:)" + NOUNS + ")";  // the same, capturing nothing
        static const std::string PK = R"((?:the\s+)?(?:)" + NOUN + R"(\s+)?)";
        static const std::string STR = R"((?:«(\d+)»|(?:the\s+|a\s+|an\s+)?(semicolon|semi-colon|period|comma|colon|em dash|em-dash)))";
        static const regex replace_re("^(?:by\\s+)?(?:striking|strike)\\s+(?:out\\s+)?" + PK + STR +
                                          R"((.*?)\s+and\s+(?:by\s+)?(?:inserting|insert|adding|add|substituting|substitute)\s+(?:in\s+lieu\s+thereof\s+)?(?:(?:the|a|an)\s+)?(?:)" + NOUN_NC + R"(\s+)?)" +
                                          STR + R"((.*)$)",
                                      icase);
        static const regex strike_re("^(?:by\\s+)?(?:striking|strike)\\s+(?:out\\s+)?" + PK + STR + R"((.*)$)", icase);
        static const regex strike_unit(R"(^(?:by\s+)?(?:striking|strike)\s+(?:out\s+)?((?:sub-?)*(?:section|paragraph|clause)s?|items?|subclauses?)\s+(.*?)\.?$)", icase);
        static const regex insert_rel("^(?:by\\s+)?(?:inserting|insert|adding|add)\\s+(?:(?:the|a|an)\\s+)?(?:" + NOUN_NC + "\\s+)?«(\\d+)»\\s+(?:immediately\\s+)?(before|after|following|preceding)\\s+" + PK + STR + R"((.*)$)", icase);
        static const regex insert_end(R"(^(?:by\s+)?(?:inserting|insert|adding|add)\s+(?:(?:the|a|an)\s+)?(?:(?:new\s+)?(?:phrase|words?|sentences?|terms?|language|text)\s+)?(?:«(\d+)»\s+)?at\s+the\s+end(?:\s+thereof)?(?:\s+(?:the\s+following|to\s+read\s+as\s+follows|as\s+follows)\s*:?)?\s*(?:«(\d+)»)?\s*\.?$)", icase);
        static const regex add_unit(R"(^(?:by\s+)?(?:adding|add|inserting|insert)\s+(?:(?:a|an)\s+)?(?:the\s+following\s+)?new\s+((?:sub-?)*(?:section|paragraph|clause)s?|items?|subclauses?|definitions?)\s*(.*?)\s*(?:(?:at\s+the\s+end|in\s+(?:the\s+)?(?:appropriate\s+)?alphabetical\s+order|after\s+.*?|before\s+.*?)\s*)?(?:(?:to\s+read|which\s+reads?)\s+as\s+follows|as\s+follows)?\s*:?\.?$)", icase);
        static const regex designate(R"(^(?:by\s+)?(?:designating|designate)\s+the\s+existing\s+text(?:\s+of\s+.*?)?\s+as\s+((?:sub-?)*(?:section|paragraph|clause)|item)\s+(\([^()\s]+\))\.?$)", icase);

        if (boost::regex_match(a, mm, replace_re)) {
            op.type = OpType::Replace;
            op.find_kind = mm[1].matched ? mm[1].str() : (mm[3].matched ? mm[3].str() : "phrase");
            op.find = mm[2].matched ? quote(m, mm[2]) : punct_of(mm[3]);
            op.replace = mm[5].matched ? quote(m, mm[5]) : punct_of(mm[6]);
            if (!where_clause(mm[4].str() + " " + mm[7].str(), op)) return false;
            if (!mm[2].matched && op.find_kind != "phrase") op.at_end = true;  // "the period" ends the unit
            return !op.find.empty();
        }
        if (boost::regex_match(a, mm, strike_unit)) {
            auto list = designation_list(mm[2]);
            if (list.empty()) return false;
            op.type = OpType::StrikeUnit;
            for (auto& l : list) {
                TargetRef t;
                t.relative = true;
                t.kind_depth = unit_depth(mm[1]);
                t.path = l;
                op.targets.push_back(t);
            }
            return true;
        }
        static const regex inserting_words(R"(\b(?:insert|inserting|substitut\w*|adding)\b)", icase);
        if (boost::regex_match(a, mm, strike_re) && !boost::regex_search(mm[4].first, mm[4].second, inserting_words)) {
            op.type = OpType::Strike;
            op.find_kind = mm[1].matched ? mm[1].str() : (mm[3].matched ? mm[3].str() : "phrase");
            op.find = mm[2].matched ? quote(m, mm[2]) : punct_of(mm[3]);
            if (!where_clause(mm[4], op)) return false;
            if (!mm[2].matched) op.at_end = true;
            return !op.find.empty();
        }
        if (boost::regex_match(a, mm, insert_rel)) {
            std::string pos = mm[2];
            pos = ascii_lower(std::move(pos));
            op.type = (pos == "before" || pos == "preceding") ? OpType::InsertBefore : OpType::InsertAfter;
            op.replace = quote(m, mm[1]);
            op.anchor = mm[4].matched ? quote(m, mm[4]) : punct_of(mm[5]);
            if (!where_clause(mm[6], op)) return false;
            return true;
        }
        if (boost::regex_match(a, mm, insert_end)) {
            op.type = OpType::InsertAtEnd;
            if (mm[1].matched) op.replace = quote(m, mm[1]);
            else if (mm[2].matched) op.replace = quote(m, mm[2]);
            return true;  // the text may come as a block
        }
        if (boost::regex_match(a, mm, add_unit)) {
            op.type = OpType::Add;
            std::string kind = mm[1];
            kind = ascii_lower(std::move(kind));
            op.add_kind_word = kind;
            for (auto& l : designation_list(mm[2]))
                if (!l.empty()) op.new_designations.push_back(l.back());
            static const regex secnum(R"(([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z]))");
            if (kind.rfind("section", 0) == 0 && op.new_designations.empty())
                for (boost::sregex_iterator it(mm[2].first, mm[2].second, secnum), end; it != end; ++it)
                    op.new_designations.push_back((*it)[1]);
            return true;
        }
        if (boost::regex_match(a, mm, designate)) {
            op.type = OpType::Designate;
            op.add_kind_word = mm[1];
            op.new_designations.push_back(chain_of(mm[2]).at(0));
            return true;
        }
        return false;
    }

    // One target, or one per designation of a plural ("Paragraphs (3) and (4)").
    void push_targets(Op& op, const TargetRef& ctx, const TargetRef& t, const std::vector<std::vector<std::string>>& many) {
        if (many.size() <= 1) {
            op.targets.push_back(join(ctx, t));
            return;
        }
        for (const auto& l : many) {
            TargetRef u = t;
            u.path = l;
            op.targets.push_back(join(ctx, u));
        }
    }

    std::string strip_end(std::string s) {
        s = collapse_ws(s);
        static const regex tail(R"((?:\s*(?:;\s*(?:and|or)|;|\.|,\s*and|:))+\s*$)", icase);
        // Keep a trailing colon information for "as follows:" only through the grammar.
        return boost::regex_replace(s, tail, "");
    }

    void walk(const InstructionItem& it, const TargetRef& ctx) {
        if (!it.law_text.empty() && it.law_text[0].kind == Kind::Section) {
            // A law section with no amending words of its own may be codified as the Code
            // section itself (D.C.'s "law text codified as section"): read it as the new text.
            Interp sub{doc, {}, {}, nullptr};
            InstructionItem copy = it;
            copy.law_text.clear();
            sub.walk(copy, ctx);
            if (sub.res.ops.empty() && !sub.res.errors.empty() && !ctx.section.empty() && !amends_words(it.text)) {
                Op op;
                op.type = OpType::Restate;
                op.file = it.file;
                op.line = it.line;
                op.col = it.col;
                op.sentence = "(the text of the law's section " + it.law_text[0].designation + " as the Code section)";
                TargetRef t = ctx;
                t.container_only = false;
                t.path.clear();
                t.law_section = it.law_text[0].designation;
                op.targets.push_back(t);
                op.blocks = it.law_text;
                op.add_kind_word = "law text";
                res.ops.push_back(op);
                return;
            }
            for (auto& o : sub.res.ops) res.ops.push_back(std::move(o));
            for (auto& e : sub.res.errors) res.errors.push_back(std::move(e));
            for (auto& w : sub.res.warnings) res.warnings.push_back(std::move(w));
            return;
        }
        std::string raw = collapse_ws(it.text);
        if (raw.empty()) {
            for (const auto& c : it.children) walk(c, ctx);
            return;
        }
        unread.reset();
        Masked m = mask_quotes(raw);
        masked = &m;
        if (m.unclosed != std::string::npos)
            return error_at(it, raw.substr(m.unclosed),
                            "a quotation is not closed: expected a closing quotation mark after the quoted words");
        std::string s = correct_typos(strip_end(m.text), it);
        Op op;
        op.file = it.file;
        op.line = it.line;
        op.col = it.col;
        op.sentence = raw;
        op.blocks = it.blocks;
        try {
            for (const auto& q : it.quotes)
                for (auto& b : blocks_from_quote(q, it.file)) op.blocks.push_back(std::move(b));
        } catch (const InputError& e) {
            for (const auto& d : e.diagnostics()) res.errors.push_back(d);
            return;
        }
        smatch mm;
        static const regex amended(R"(^(.*?)\s+(?:is|are|in)\s+(?:hereby\s+)?amended\s*(.*)$)", icase);
        static const regex repealed(R"(^(.*?)\s+(?:is|are)\s+(?:hereby\s+)?repealed(?:\s+in\s+(?:its|their)\s+entirety)?$)", icase);
        // "(3) is redesignated as (4)"; "designated as" a unit, said of a unit, is the same.
        static const regex redesig(R"(^(.*?)\s+(?:is|are)\s*,?\s*(?:respectively\s*,?\s+)?(?:hereby\s+)?(?:re)?designated\s*,?\s*(?:respectively\s*,?\s*)?as\s+(.*?)(?:\s*,?\s*respectively)?$)", icase);
        // The imperative: "Redesignate paragraph (1) as paragraph (1A)."
        static const regex redesig_imp(R"(^(?:re)?designate\s+((?:the\s+|existing\s+)*(?:(?:sub-?)*(?:section|paragraph|clause)s?|items?|subclauses?)\s.*?)\s+as\s+(.*?)(?:\s*,?\s*respectively)?$)", icase);
        if (boost::regex_match(s, mm, redesig_imp)) s = mm[1].str() + " is redesignated as " + mm[2].str();
        static const regex existing(R"(^(?:the\s+)?existing\s+(?:text|language)(?:\s+of\s+(.*?))?\s+is\s+(?:hereby\s+)?designated\s+as\s+((?:sub-?)*(?:section|paragraph|clause)|item)\s+(\([^()\s]+\))$)", icase);
        static const regex added(R"(^(?:an?\s+)?new\s+((?:sub-?)*(?:section|paragraph|clause)s?|items?|subclauses?|definitions?)\s*(.*?)\s+(?:is|are)\s+(?:hereby\s+)?(?:added|inserted)(?:\s+(?:after|before|at)\s+.*?)?(?:\s+to\s+read\s+as\s+follows)?$)", icase);
        static const regex chicago_in(R"(^in\s+(.*?),\s+(.*)$)", icase);
        static const regex restated(R"(^(.*?)\s+(?:is|are)\s+(?:hereby\s+)?amended\s+by\s+deleting\s+the\s+language\s+(?:struck\s+through|stricken|in\s+brackets)\s+and\s+(?:by\s+)?inserting\s+the\s+language\s+underscored,?\s+(?:to\s+read\s+)?as\s+follows:?$)", icase);
        static const regex effect(R"(^this\s+(?:ordinance|act|law)\s+shall\s+(?:take\s+effect|be\s+in\s+(?:full\s+)?force|become\s+effective)\b.*$)", icase);
        TargetRef here = ctx;
        bool ok = false;
        bool marked = false;
        for (const auto& q : it.quotes) marked |= has_marks(q.text);
        if (boost::regex_match(s, mm, effect)) {
            return;  // the effective-date clause changes no text
        }
        static const regex to_read_marked(R"(^(.*?)\s+(?:is|are)\s+(?:hereby\s+)?amended\s+to\s+read\s+as\s+follows:?$)", icase);
        if (boost::regex_match(s, mm, restated) || (marked && boost::regex_match(s, mm, to_read_marked))) {
            TargetRef t;
            if (!parse_target(mm[1], m, t)) return target_error(it, mm[1].str());
            TargetRef abs = join(ctx, t);
            if (it.quotes.empty()) return error(it, "expected the restated text (a block quote) after \"" + raw + "\"");
            op.blocks.clear();
            try {
                for (const auto& q : it.quotes)
                    for (auto& o : restatement_ops(read_restatement(q, it.file), abs, op)) res.ops.push_back(std::move(o));
            } catch (const InputError& e) {
                for (const auto& d : e.diagnostics()) res.errors.push_back(d);
            }
            return;
        }
        // An Act's table of contents is in no code: the designations and headings it lists, added
        // or struck, change no provision of it (the operation names the table, and is skipped).
        static const regex toc_amended(R"(^(?:the\s+)?table\s+of\s+contents?\b[^«]*?\s+(?:is|are)\s+(?:hereby\s+)?amended\s+(?:by\s+)?(?:adding|add|inserting|striking)\s+(?:(?:an?|the)\s+)?(?:following\s+|new\s+|second\s+)*(?:[\w.-]+\s+){0,3}(?:designations?|headings?|[\w.-]+\s+to\s+read\b|«\d+»)(?:[^«]*«\d+»)*[^«]*$)", icase);
        static const regex toc_added(R"(^(?:an?\s+)?(?:new\s+)?(?:[\w.-]+\s+){0,3}(?:designations?|headings?)\s+(?:is|are)\s+added(?:\s+for\s+[^«]*?)?(?:\s+to\s+read)?\s+as\s+follows$)", icase);
        if (boost::regex_match(s, mm, toc_amended) || boost::regex_match(s, mm, toc_added)) {
            TargetRef t;
            t.relative = true;
            if (boost::regex_search(s, regex(R"(^(?:the\s+)?table\s+of\s+contents?\b)", icase))) t.uncodified = true;
            TargetRef abs = join(ctx, t);
            if (!abs.uncodified) return error(it, "cannot read \"" + raw + "\": designations and headings are added to an Act's table of contents, which this instruction does not name");
            abs.uncodified = true;
            op.type = OpType::Add;
            op.add_kind_word = "table of contents";
            op.targets.push_back(abs);
            res.ops.push_back(op);
            return;
        }
        if (boost::regex_match(s, mm, existing)) {
            TargetRef t;
            t.relative = true;
            if (mm[1].matched && !parse_target(mm[1], m, t)) return target_error(it, mm[1].str());
            op.type = OpType::Designate;
            op.targets.push_back(join(ctx, t));
            op.add_kind_word = mm[2];
            op.new_designations.push_back(chain_of(mm[3]).at(0));
            ok = true;
        } else if (boost::regex_match(s, mm, added)) {
            op.type = OpType::Add;
            std::string kind = mm[1];
            kind = ascii_lower(std::move(kind));
            op.add_kind_word = kind;
            for (auto& l : designation_list(mm[2]))
                if (!l.empty()) op.new_designations.push_back(l.back());
            // "New sections 47-1099.05, 47-1099.06, and 47-1099.07 are added": sections by number.
            static const regex secnum(R"(([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z]))");
            if (kind.rfind("section", 0) == 0 && op.new_designations.empty())
                for (boost::sregex_iterator n(mm[2].first, mm[2].second, secnum), end; n != end; ++n)
                    op.new_designations.push_back((*n)[1]);
            TargetRef t;
            t.relative = true;
            op.targets.push_back(join(ctx, t));
            ok = true;
        } else if (boost::regex_match(s, mm, repealed)) {
            TargetRef t;
            std::vector<std::vector<std::string>> many;
            if (!parse_target(mm[1], m, t, &many)) return target_error(it, mm[1].str());
            op.type = OpType::Repeal;
            // "Sections 304, 305, and 306 (D.C. Official Code §§ 34-1313.04, 34-1313.05, and
            // 34-1313.06)": each section the cite lists.
            static const regex range_cited(R"((?:D\.\s*C\.|District\s+of\s+Columbia)\s+Official\s+Code\s+§§\s*([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])\s+through\s+([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])\s*\))", icase);
            static const regex listed(R"(§§\s*((?:[0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])(?:\s*,\s*(?:and\s+)?[0-9][0-9A-Za-z:.\-]*[0-9A-Za-z]|\s+and\s+[0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])+)\s*\))", icase);
            smatch lm;
            std::string target_words = mm[1];
            if (boost::regex_search(target_words, lm, listed)) {
                static const regex num(R"([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])");
                std::string list = lm[1];
                for (boost::sregex_iterator n(list.begin(), list.end(), num), end; n != end; ++n) {
                    TargetRef u;
                    u.section = (*n)[0];
                    u.title = ctx.title;
                    op.targets.push_back(u);
                }
            } else if (boost::regex_search(target_words, lm, range_cited) && d_c_range(lm[1], lm[2], ctx, op)) {
                // "Title II (D.C. Official Code §§ 34-1312.01 through 34-1312.12)": the sections
                // the D.C. Code's index holds from the first to the last, in its order.
            } else {
                push_targets(op, ctx, t, many);
            }
            ok = true;
        } else if (boost::regex_match(s, mm, redesig)) {
            TargetRef t;
            std::vector<std::vector<std::string>> many;
            if (!parse_target(mm[1], m, t, &many)) return target_error(it, mm[1].str());
            if (t.part != TargetRef::Part::Whole || !t.term.empty())
                return error(it, "cannot redesignate \"" + mm[1].str() + "\": expected a numbered unit (\"Paragraph (3)\")");
            TargetRef nt;
            std::vector<std::vector<std::string>> nmany;
            if (!parse_target(mm[2], m, nt, &nmany)) return target_error(it, mm[2].str(), "the new designation");
            if (many.empty()) many.push_back(t.path);
            if (nmany.empty()) nmany.push_back(nt.path);
            if (many.size() != nmany.size())
                return error(it, "expected as many new designations as old ones (" + std::to_string(many.size()) + " and " +
                                     std::to_string(nmany.size()) + ")");
            op.type = OpType::Redesignate;
            for (std::size_t k = 0; k < many.size(); ++k) {
                TargetRef u = t;
                u.path = many[k];
                op.targets.push_back(join(ctx, u));
                op.new_designations.push_back(nmany[k].empty() ? "" : nmany[k].back());
                op.new_depths.push_back(nt.kind_depth);
            }
            ok = true;
        } else if (boost::regex_match(s, mm, amended)) {
            TargetRef t;
            std::vector<std::vector<std::string>> many;
            if (!parse_target(mm[1], m, t, &many)) return target_error(it, mm[1].str());
            TargetRef abs = join(ctx, t);
            std::string rest = mm[2];
            static const regex as_follows(R"(^as\s+follows:?$)", icase);
            static const regex to_read(R"(^to\s+read\s+as\s+follows:?.*$)", icase);
            if (boost::regex_match(rest, as_follows) || (boost::regex_match(rest, to_read) && it.blocks.empty() && !it.children.empty())) {
                op.type = OpType::Context;
                op.targets.push_back(abs);
                here = abs;
                ok = true;
            } else if (boost::regex_match(rest, to_read)) {
                op.type = OpType::Restate;
                push_targets(op, ctx, t, many);
                // New text that is itself drafting language ("(2) Subsection (b) is amended as
                // follows:") restates an amending provision of a law, not the Code's text.
                if (!op.blocks.empty() && amends(op.blocks[0]))
                    for (auto& tt : op.targets) tt.uncodified = true;
                ok = true;
            } else {
                // One or more actions: "by striking ... and inserting ...; and by adding ...".
                static const regex split(R"(\s*[;,]?\s+and\s+by\s+)", icase);
                std::vector<std::string> actions;
                boost::sregex_token_iterator ti(rest.begin(), rest.end(), split, -1), tend;
                for (; ti != tend; ++ti) actions.push_back(*ti);
                bool all = !actions.empty();
                std::vector<Op> sub;
                for (auto& a : actions) {
                    Op o = op;
                    if (!parse_action(a, m, o)) {
                        all = false;
                        break;
                    }
                    if (o.targets.empty()) o.targets.push_back(abs);
                    else
                        for (auto& tt : o.targets) tt = join(abs, tt);
                    sub.push_back(o);
                }
                if (!all) return action_error(it, raw);
                for (auto& o : sub) res.ops.push_back(o);
                for (const auto& c : it.children) walk(c, abs);
                return;
            }
        } else if (boost::regex_match(s, mm, chicago_in)) {
            TargetRef t;
            if (!parse_target(mm[1], m, t)) return target_error(it, mm[1].str());
            TargetRef abs = join(ctx, t);
            if (!parse_action(mm[2], m, op)) return action_error(it, raw);
            if (op.targets.empty()) op.targets.push_back(abs);
            else
                for (auto& tt : op.targets) tt = join(abs, tt);
            ok = true;
        } else if (parse_action(s, m, op)) {
            if (op.targets.empty()) {
                TargetRef t;
                t.relative = true;
                op.targets.push_back(join(ctx, t));
            } else {
                for (auto& tt : op.targets) tt = join(ctx, tt);
            }
            ok = true;
        }
        if (!ok && unread) return action_error(it, raw);
        if (!ok) return error(it, "cannot read the instruction \"" + raw + "\": expected a sentence such as \"Subsection (a) is amended by striking \"X\" and inserting \"Y\" in its place.\"");
        res.ops.push_back(op);
        for (const auto& c : it.children) walk(c, here);
    }
};

}  // namespace

ReadResult interpret(const AmendmentDoc& doc) {
    Interp in{doc, {}, {}, nullptr};
    TargetRef root;
    root.container_only = true;
    if (!doc.default_section.empty()) root.section = doc.default_section;
    for (const auto& it : doc.items) in.walk(it, root);
    return in.res;
}

}  // namespace amend
