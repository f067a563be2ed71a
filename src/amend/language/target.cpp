#include "amend/language/target.hpp"

#include <algorithm>

#include <set>

#include "amend/language/where.hpp"

#include "parse/regex.hpp"
#include <cctype>

#include "model/code_index.hpp"
#include "model/designation.hpp"
#include "model/text.hpp"

namespace amend::language {

using regex = rx::Regex;
using smatch = rx::Match;

namespace {

const auto icase = regex::perl | regex::icase;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The one D.C. Law a target cites ("(D.C. Law 22-108; 65 DCR 3806)"): "22-108"; empty when it
// cites none, or more than one.
std::string cited_dc_law(const std::string& t) {
    static const regex law(R"(\bD\.\s*C\.\s+Law\s+(\d+-\d+)\b)");
    std::string one;
    for (const rx::Match& m : rx::all(t, law)) {
        if (!one.empty() && one != m[1]) return "";
        one = m[1];
    }
    return one;
}

// Words after a closing straight quote in drafting language.
bool closes_here(const std::string& s, std::size_t j) {
    std::string_view after = std::string_view(s).substr(j + 1);
    if (after.empty()) return true;
    char a = after[0];
    if (a == '.' || a == ',' || a == ';' || a == ':') return after.size() == 1 || after[1] == ' ';
    if (a != ' ') return false;
    static const regex words(R"(^ (and|in|both|each|wherever|everywhere|throughout|every|after|before|at|is|are|with|where|from|which|shall|immediately|respectively|as|the (?:first|second|third|fourth|fifth|last|following)|to read)\b|^ for (?="|\xE2\x80\x9C))", icase);
    std::string rest(after.substr(0, 24));
    return rx::search(rest, words);
}

}  // namespace

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
            // A quotation inside the quoted words ("the term "independent agency" as provided in",
            // "the phrase "; and""): opened after a space, before a word or before a mark closed
            // twice over; closed before the outer one is.
            int depth = 0;
            for (; j < s.size(); ++j) {
                if (s[j] != '"') continue;
                std::size_t k = s.find('"', j + 1);
                bool opens = s[j - 1] == ' ' && k != std::string::npos &&
                             (std::isalnum(static_cast<unsigned char>(s[j + 1])) || (k + 1 < s.size() && s[k + 1] == '"'));
                if (opens) {
                    ++depth;
                    continue;
                }
                if (depth > 0) {
                    --depth;
                    continue;
                }
                if (closes_here(s, j)) {
                    close = j;
                    break;
                }
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

std::vector<std::string> chain_of(const std::string& s) {
    std::vector<std::string> out;
    static const regex d(R"(\(([^()\s]{1,12})\))");
    for (const rx::Match& it : rx::all(s, d)) out.push_back(it[1]);
    return out;
}

std::vector<std::vector<std::string>> designation_list(const std::string& s) {
    std::vector<std::vector<std::string>> out;
    static const regex through(R"(^\s*((?:\([^()\s]+\))+)\s+through\s+((?:\([^()\s]+\))+)\s*$)", icase);
    smatch m;
    if (rx::match(s, m, through)) {
        auto a = chain_of(m[1]), b = chain_of(m[2]);
        // "(1) through (1C)", "(1B) through (1E)": the units inserted after one number, by letter.
        auto split = [](const std::string& d) {
            std::size_t k = d.find_first_not_of("0123456789");
            return std::make_pair(d.substr(0, k == std::string::npos ? d.size() : k), k == std::string::npos ? std::string() : d.substr(k));
        };
        if (a.size() == b.size() && !a.empty()) {
            auto [an, as] = split(a.back());
            auto [bn, bs] = split(b.back());
            bool lettered = !an.empty() && an == bn && as.size() <= 1 && bs.size() == 1 && std::isupper(static_cast<unsigned char>(bs[0])) &&
                            (as.empty() || (std::isupper(static_cast<unsigned char>(as[0])) && as[0] < bs[0]));
            if (lettered) {
                std::vector<std::string> cur = a;
                out.push_back(cur);
                for (char c = as.empty() ? 'A' : static_cast<char>(as[0] + 1); c <= bs[0]; ++c) {
                    cur.back() = an + std::string(1, c);
                    out.push_back(cur);
                }
                return out;
            }
        }
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
    // A list that holds a range ("(a) through (c) and (e)", "(a), (c) through (e)"): each item, the
    // range counted out; never the range's two ends alone.
    static const regex has_through(R"(\bthrough\b)", icase);
    if (rx::search(s, has_through)) {
        static const regex sep(R"(\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)", icase);
        std::vector<std::string> pieces = rx::split(s, sep);
        if (pieces.size() < 2) return {};  // one piece that is not a range ("(a) through"): not read
        for (const std::string& piece : pieces) {
            if (piece.find_first_not_of(" ") == std::string::npos) continue;
            auto part = designation_list(piece);
            if (part.empty()) return {};
            out.insert(out.end(), part.begin(), part.end());
        }
        return out;
    }
    // Chains apart only by white space ("(b-1) (4)(A)") are one designation written with a space:
    // a list names its items with commas, "and" or "or".
    static const regex item(R"(((?:\([^()\s]+\))+))");
    std::size_t last_end = std::string::npos;
    for (const rx::Match& it : rx::all(s, item)) {
        auto chain = chain_of(it[1]);
        std::size_t start = static_cast<std::size_t>(it.position());
        bool spaced = last_end != std::string::npos && !out.empty() &&
                      s.find_first_not_of(" ", last_end) == start && start > last_end;
        if (spaced) out.back().insert(out.back().end(), chain.begin(), chain.end());
        else out.push_back(chain);
        last_end = start + static_cast<std::size_t>(it.length());
    }
    return out;
}

namespace {

// The designations a target lists after its first ("(a) and (b)", "(a)(1), (2), and (3)"): each
// later one the first's sibling at its depth, all of them targets in `many`. False where there
// are some and `many` cannot hold them: never the first alone.
bool listed_after(const rx::SubMatch& first, const rx::SubMatch& tail, TargetRef& out, std::vector<std::vector<std::string>>* many) {
    if (!tail.matched || tail.length() == 0) return true;
    auto list = designation_list(first.str() + tail.str());
    if (list.size() < 2 || !many || out.path.empty()) return false;
    for (auto& l : list)
        if (l.size() < out.path.size()) l.insert(l.begin(), out.path.begin(), out.path.end() - static_cast<std::ptrdiff_t>(l.size()));
    *many = list;
    return true;
}

}  // namespace

bool read_target(std::string t, const Masked& m, TargetRef& out, std::vector<std::vector<std::string>>* many) {
    t = collapse_ws(t);
    // A target names units; it holds no clause of its own. "Section 2-1-010(c) of the Code is
    // amended by striking "X" ..., and subsection (d)" (a sentence with two clauses, the last
    // "is repealed") is not a target, whatever it begins with.
    static const regex clause(R"(\b(?:is|are)\s+(?:hereby\s+)?(?:amended|repealed|redesignated|renumbered|added|designated|struck|stricken|deleted|revived)\b)", icase);
    if (rx::search(t, clause)) return false;
    static const regex the(R"(^(?:the|and|that)\s+)", icase);
    t = rx::replace(t, the, "");
    smatch mm;
    // "the second paragraph designated as paragraph (7)", "the newly designated subsection (a)"
    static const regex nth(R"(^(first|second|third|fourth)\s+\S+\s+designated\s+as\s+(.*)$)", icase);
    // "the second paragraph (17)": of two units with one designation, the second in reading order.
    static const regex nth_unit(R"(^(first|second|third|fourth)\s+((?:sub-?)*(?:section|paragraph|clause)|item|subclause)\s+(\([^()\s]+\).*)$)", icase);
    static const regex newly(R"(^(?:(?:newly|existing|new)\s+(?:re)?designated|existing|redesignated)\s+(.*)$)", icase);
    if (rx::match(t, mm, newly)) t = mm[1];
    // "the sub-subparagraph designated as "(1)"": the designation quoted as the Code prints it.
    static const regex quoted_des(R"(^((?:sub-?)*(?:section|paragraph|clause)|item|subclause)\s+(?:designated|numbered)\s+as\s+«(\d+)»(.*)$)", icase);
    if (rx::match(t, mm, quoted_des)) {
        std::string q = m.quotes.at(static_cast<std::size_t>(std::stoi(mm[2])));
        static const regex chain(R"(^(?:\([^()\s]+\))+$)");
        if (!rx::match(q, chain)) return false;
        t = mm[1].str() + " " + q + mm[3].str();
    }
    // "The second sentence (of subsection (a))": that sentence of the unit's own text.
    static const regex sentence(R"(^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)\s+sentence(?:\s+(?:of|in)\s+(.*))?$)", icase);
    if (rx::match(t, mm, sentence)) {
        int n = ordinal_value(mm[1]);
        if (mm[2].matched) {
            if (!read_target(mm[2], m, out, many)) return false;
        } else {
            out.relative = true;
        }
        out.sentence = n;
        return true;
    }
    // "The first tabular array (of subsection (b))": that table of the unit, in reading order;
    // "The tabular array": the unit's one table.
    static const regex table(R"(^(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)\s+)?tabular\s+array(?:\s+(?:of|in)\s+(.*))?$)", icase);
    if (rx::match(t, mm, table)) {
        if (mm[2].matched) {
            if (!read_target(mm[2], m, out, many)) return false;
        } else {
            out.relative = true;
        }
        out.table = true;
        out.table_ordinal = mm[1].matched ? ordinal_value(mm[1]) : 0;
        return true;
    }
    // "Amendatory section 16-802(b)": a law's amendment of a Code section, named by the Code's number.
    static const regex amendatory(R"(^amendatory\s+(section\s+\d+[A-Za-z]?-\d.*)$)", icase);
    if (rx::match(t, mm, amendatory)) t = mm[1];
    if (rx::match(t, mm, nth_unit)) {
        std::string w = ascii_lower(mm[1].str());
        int n = w == "first" ? 1 : w == "second" ? 2 : w == "third" ? 3 : 4;
        if (!read_target(mm[2].str() + " " + mm[3].str(), m, out, many)) return false;
        out.ordinal = n;
        return true;
    }
    if (rx::match(t, mm, nth)) {
        std::string w = mm[1];
        w = ascii_lower(std::move(w));
        int n = w == "first" ? 1 : w == "second" ? 2 : w == "third" ? 3 : 4;
        std::string rest = mm[2];
        if (!read_target(rest, m, out, many)) return false;
        out.ordinal = n;
        return true;
    }
    static const regex toc(R"(^(?:(?:section|title|chapter|part|subtitle|subchapter)\s+)?designations?\s+(?:for\s+)?.*$)", icase);
    static const regex toc_whole(R"(^table\s+of\s+contents\b.*$)", icase);
    // "The short title", "The long title": an Act's own, which the code does not hold.
    static const regex act_title(R"(^(?:short|long)\s+title$)", icase);
    if (rx::match(t, mm, toc) || rx::match(t, mm, toc_whole) || rx::match(t, mm, act_title)) {
        out.uncodified = true;  // an Act's table of contents, or its title, is not part of the code
        out.relative = false;
        return true;
    }
    static const regex leadin(R"(^(?:(?:lead[- ]?in|introductory|opening)\s+(?:language|text|clause|matter|sentence|paragraph)|(?:existing\s+|section\s+)?(?:text|language))(?:\s+(?:of|in|to)\s+(.*))?$)", icase);
    static const regex heading(R"(^(?:amendatory\s+)?(?:section\s+)?heading(?:\s+(?:of|for|in)\s+(.*))?$)", icase);
    static const regex defn(R"(^definition\s+(?:of|for)\s+(?:the\s+(?:term|phrase)\s+)?«(\d+)»(?:\s+(?:in|of|contained in)\s+(.*))?$)", icase);
    if (rx::match(t, mm, leadin)) {
        out.part = TargetRef::Part::Text;
        t = mm[1].matched ? mm[1].str() : "";
        if (t.empty()) {
            out.relative = true;
            return true;
        }
        t = rx::replace(t, the, "");
    } else if (rx::match(t, mm, heading)) {
        out.part = TargetRef::Part::Heading;
        t = mm[1].matched ? mm[1].str() : "";
        if (t.empty()) {
            out.relative = true;
            out.kind_depth = -1;  // the section's own heading
            return true;
        }
        t = rx::replace(t, the, "");
    } else if (rx::match(t, mm, defn)) {
        out.term = m.quotes.at(static_cast<std::size_t>(std::stoi(mm[1])));
        t = mm[2].matched ? mm[2].str() : "";
        if (t.empty()) {
            out.relative = true;
            return true;
        }
        t = rx::replace(t, the, "");
    }
    // A Code cite in parentheses wins: "Section 505(c) (D.C. Official Code § 42-3505.05(c))".
    static const regex cite(R"((?:D\.\s*C\.|District of Columbia)[^()§]*?(?:Code|Official Code)[^§()]*§+\s*([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])((?:\([^()\s]+\))*)(\s*(?:,\s*)?et\.?\s+seq)?((?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|through\s+)(?:\([^()\s]+\))+)*))", icase);
    auto cited = [&](const smatch& c, int list_group) {  // a Code section and the designations after it
        out.section = c[1];
        out.path = chain_of(c[2]);
        out.relative = false;
        return listed_after(c[2], c[list_group], out, many);
    };
    if (rx::search(t, mm, cite)) {
        // Two Code sections cited ("Section 5 (... § 2-1-010) and section 6 (... § 2-1-020)"):
        // one target holds one section; a plural ("Sections 5 (...) and 6 (...)") is read by the
        // sentence, as each of its sections (interpret.cpp, cited_sections).
        static const regex plural(R"(^sections\s)", icase);
        std::set<std::string> sections;
        for (const rx::Match& c : rx::all(t, cite)) sections.insert(c[1].str());
        if (sections.size() > 1 && !rx::search(t, plural)) return false;
        if (mm[3].matched) {
            out.container_only = true;
            out.cites_code = true;
            out.et_seq = mm[1];
            out.law = cited_dc_law(t);  // the Act's law, which its sections' history names
            return true;
        }
        // "Section 203a(b)(7) of the Healthy Schools Act of 2010 (...; D.C. Official Code §
        // 38-822.03a(b)(7))": the law's section number beside the Code's, which numbers the Act's
        // other sections for the codifier (codify.hpp).
        static const regex law_number(R"(^sections?\s+(\d+[A-Za-z]?)(?:\(|\s|,))", icase);
        smatch lm;
        if (rx::search(t, lm, law_number)) out.law_section = lm[1];
        return cited(mm, 4);
    }
    static const regex code_cite(R"(^§+\s*([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])((?:\([^()\s]+\))*)((?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|through\s+)(?:\([^()\s]+\))+)*))", icase);
    if (rx::search(t, mm, code_cite)) return cited(mm, 3);
    // "Section 2-1-010(a)", and "Section 2-1-010(a) and (b)", "... (a)(1), (2), and (3)": the
    // designations listed after the first are units of the same section, each a target.
    // The words after the section and its designations are read too: none, the code or law it is
    // of ("of the District of Columbia Official Code", "of the X Act of 2020, effective ..."), ", as
    // amended", or a cite in parentheses ("(5-A DCMR § 103.5)"); any other words ("Section
    // 2-1-010(a) and section 2-1-020(a)", "... but not subsection (b)") are not dropped: the
    // target is not read. "Section 25-374 (b), (c), and (d)": the designations may follow a space.
    static const regex sect(R"(^(?:section|sec\.)\s+(?:of\s+)?([0-9][0-9A-Za-z:.\-]*?)\s*((?:\([^()\s]+\))*)((?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|through\s+)(?:\([^()\s]+\))+)*)((?:\s|,|$).*)$)", icase);
    static const regex sect_tail(R"(^(?:\s*,\s*as\s+amended\s*,?)?(?:\s*|\s+of\s+.*|\s*\([^()]*(?:§|DCMR|Code)[^()]*(?:\([^()]*\)[^()]*)*\).*)$)", icase);
    // ... and the code or law named holds no second target or exception: "Section 2-1-010 of the
    // Municipal Code and Section 2-1-020 of ...", "... of the Municipal Code, except paragraph (2),".
    static const regex joined(R"(\b(?:and|or)\s+(?:the\s+)?(?:sub-?)*(?:sections?|paragraphs?|clauses?|items?|subclauses?)\b|\bexcept\b|\bbut\s+not\b|«)", icase);
    // A list of sections of no code ("Section 3900.9 and 3900.10 of Title 10 ... Regulations")
    // names its first: the others are of no code either.
    static const regex uncodified_list(R"(^\s+and\s+[0-9][0-9.]*[0-9]\s+of\s+.*$)", icase);
    if (rx::match(t, mm, sect)) {
        std::string num = mm[1];
        const std::string tail = mm[4];
        bool code_number = num.find('-') != std::string::npos || num.find(':') != std::string::npos;
        if (!rx::match(tail, sect_tail) && (code_number || !rx::match(tail, uncodified_list))) return false;
        if (rx::search(tail, joined)) return false;
        out.path = chain_of(mm[2]);
        if (!listed_after(mm[2], mm[3], out, many)) return false;
        out.relative = false;
        out.section = num;
        if (!code_number) {
            out.section_is_law_number = true;
            // A section of a named law with no Code cite is a section of no code.
            static const regex of_law(R"(\bof\s+(?:the\s+)?.*\b(?:Act|Law|Resolution)\b)", icase);
            if (rx::search(t, of_law)) {
                out.uncodified = true;
                out.law = cited_dc_law(t);
            }
        }
        return true;
    }
    // "Subsection 3900.9" (and "Subsections 2213.7 and 2213.8"): a section of the municipal
    // regulations, numbered chapter.section, which are in no code.
    static const regex regulation(R"(^(?:sub)?sections?\s+(\d+\.\d+)(?:\s*(?:,|and)\s*\d+\.\d+)*$)", icase);
    if (rx::match(t, mm, regulation)) {
        out.section = mm[1];
        out.section_is_law_number = true;
        out.uncodified = true;
        out.relative = false;
        return true;
    }
    static const regex unit(R"(^((?:sub-?)*(?:section|paragraph|clause)s?|items?|subclauses?)\s+((?:\([^()\s]+\)[\s,]*(?:and\s+|or\s+|through\s+)?)+)(.*)$)", icase);
    if (rx::match(t, mm, unit)) {
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
            // Any other words after the designations are not read: not a target.
            if (!rx::match(rest, om, of)) return false;
            {
                TargetRef outer;
                if (!read_target(om[1], m, outer)) return false;
                if (!outer.relative && !outer.container_only) {
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
                // "Paragraph (1) of subsection (b)" under "Section 2-1-020 is amended as follows:":
                // the outer unit is relative too, and holds the inner one.
                else if (outer.relative && !outer.container_only && !outer.path.empty() && outer.part == TargetRef::Part::Whole) {
                    auto p = outer.path;
                    for (auto& d : out.path) p.push_back(d);
                    out.path = p;
                    out.kind_depth = outer.kind_depth;
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
    static const regex container(R"(^(?:.*\bAct\b.*|.*\bCode\b.*|(?:title|chapter|subchapter|part|subtitle|article|division)\s+\S+.*|table of contents.*|.*\bLaw\b.*|.*\bOrdinance\b.*|.*\bResolution\b.*)$)", icase);
    if (rx::match(t, mm, container)) {
        out.container_only = true;
        // A law cited by its law number and register with no Code cite ("the Secure DC Omnibus
        // Amendment Act of 2024, effective June 8, 2024 (D.C. Law 25-175; 71 DCR 2732)") is in
        // no code: its sections, and the amendments it carries, are not the code's.
        static const regex law_cite(R"(\((?:[^()]*;\s*)?(?:D\.\s*C\.\s+Law|Pub\.\s*L\.|Res\.|\d+\s+Stat\.|\d+\s+DCR)\s[^()]*\))", icase);
        if (rx::search(t, law_cite)) {
            out.uncodified = true;
            out.law = cited_dc_law(t);
        }
        // The sections a title, a chapter or the whole code holds are known by their numbers.
        // (Any city's code by its name: "Title 2 of The Philadelphia Code", "of the Municipal Code of Chicago".)
        static const regex title(R"(^title\s+(\d+[A-Za-z]?)\s+of\s+(?:the\s+)?(?:District\s+of\s+Columbia|D\.\s*C\.|[A-Za-z]+)\s+(?:Official\s+)?Code\b.*$)", icase);
        static const regex chapter(R"(^chapter\s+(\d+[A-Za-z]?-\d+[A-Za-z]?)\b.*$)", icase);
        static const regex whole(R"(^(?:District\s+of\s+Columbia\s+Official\s+Code|D\.\s*C\.\s+Official\s+Code|Municipal\s+Code\s+of\s+Chicago|(?:City|Municipal)\s+Code)$)", icase);
        smatch sm;
        static const regex of_title(R"(\btitle\s+(\d+[A-Za-z]?)\s+of\s+the\s+(?:District\s+of\s+Columbia|D\.\s*C\.)\s+(?:Official\s+)?Code\b)", icase);
        if (rx::search(t, sm, of_title)) out.title = sm[1];
        if (rx::match(t, sm, title)) {
            out.scope_known = true;
            out.scope_prefix = sm[1].str() + "-";
        } else if (rx::match(t, sm, chapter)) {
            out.scope_known = true;
            out.scope_prefix = sm[1].str() + "-";
        } else if (rx::match(t, sm, whole)) {
            out.scope_known = true;
        }
        return true;
    }
    return false;
}

bool dc_section_range(const std::string& first, const std::string& last, const TargetRef& ctx, Op& op) {
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

std::optional<TargetRef> join_actions(std::vector<TargetRef>& targets, const TargetRef& base) {
    for (auto& t : targets) {
        TargetRef joined = join_target(base, t);
        if (t.inside && !(joined.section == base.section && joined.path.size() > base.path.size() &&
                          std::equal(base.path.begin(), base.path.end(), joined.path.begin())))
            return joined;
        t = joined;
    }
    return std::nullopt;
}

TargetRef join_target(const TargetRef& ctx, TargetRef t) {
    if (t.title.empty()) t.title = ctx.title;
    // Inside a law that is in no code, its own sections are in no code either.
    if (ctx.uncodified && ctx.container_only && (t.relative || t.section_is_law_number)) {
        t.uncodified = true;
        if (t.law.empty()) t.law = ctx.law;
    }
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
    if (r.law_section.empty()) r.law_section = ctx.law_section;
    r.uncodified = ctx.uncodified || t.uncodified;
    if (r.uncodified && r.law.empty()) r.law = ctx.law;
    std::vector<std::string> base = ctx.path;
    if (t.kind_depth == -1) base.clear();
    else if (t.kind_depth > 0 && base.size() >= static_cast<std::size_t>(t.kind_depth - 1))
        base.resize(static_cast<std::size_t>(t.kind_depth - 1));
    r.path = base;
    for (auto& d : t.path) r.path.push_back(d);
    if (r.term.empty()) r.term = ctx.term;
    return r;
}

bool dc_act_sections(const std::string& first, const TargetRef& ctx, Op& op) {
    const CodeIndex& index = CodeIndex::dc();
    const auto& secs = index.sections;
    std::size_t a = 0;
    while (a < secs.size() && secs[a].first != first) ++a;
    if (a == secs.size()) return false;
    for (std::size_t i = a; i < secs.size() && secs[i].second == secs[a].second; ++i) {
        TargetRef u;
        u.section = secs[i].first;
        u.title = ctx.title;
        op.targets.push_back(u);
    }
    return true;
}

}  // namespace amend::language
