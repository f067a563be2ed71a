#include "amend/dc/codify.hpp"
#include "model/rich_text.hpp"

#include <algorithm>
#include "parse/regex.hpp"
#include <cctype>

#include "model/designation.hpp"
#include "model/text.hpp"

namespace amend {

namespace {

// "1028f" → {1028, "f"}; {-1, ""} when it does not start with digits.
std::pair<long, std::string> number_and_suffix(const std::string& s) {
    std::size_t d = 0;
    while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
    if (d == 0 || d > 6) return {-1, ""};
    return {std::stol(s.substr(0, d)), s.substr(d)};
}

}  // namespace

std::string code_section_of(const LawAnchor& a, const std::string& law_section) {
    auto [n0, s0] = number_and_suffix(a.law_section);
    auto [n, s] = number_and_suffix(law_section);
    if (n0 < 0 || n < 0 || s.size() > 1 || s0.size() > 1) return {};
    // Numbers of three digits or more are blocks of a title or subtitle ("Sec. 204", "Sec. 1023"):
    // the count holds within one block only.
    if ((n0 >= 100 || n >= 100) && n0 / 100 != n / 100) return {};
    std::string code = a.code_section;
    if (!s0.empty()) {
        // "Section 2a" is § 50-921.01a: the letter goes with the number on both sides.
        if (code.size() < 2 || ascii_lower(code.substr(code.size() - 1)) != ascii_lower(s0)) return {};
        code.pop_back();
    }
    std::size_t cut = code.find_last_of(".-");
    if (cut == std::string::npos || cut + 1 >= code.size()) return {};
    std::string last = code.substr(cut + 1);
    if (last.find_first_not_of("0123456789") != std::string::npos || last.size() > 6) return {};
    long v = std::stol(last) + (n - n0);
    if (v < 1) return {};
    std::string digits = std::to_string(v);
    if (digits.size() < last.size()) digits.insert(0, last.size() - digits.size(), '0');
    return code.substr(0, cut + 1) + digits + s;
}

namespace {

// A law's own sections, in a law section codified as a Code section, by the Code numbers counted
// from the anchor: "pursuant to section 3(e)" → "pursuant to § 50-2002(e)", "under sections 103
// and 104" → "under §§ 42-1622 and 42-1623". A section of another law ("section 217 of the Clean
// and Affordable Energy Act") is left alone.
std::string own_sections(const std::string& s, const LawAnchor& a) {
    static const rx::Regex own(
        R"(\b(sections?) ((\d+[a-z]?)((?:\([^()\s]+\))*)(?:(?:,? (?:and|or) |, )(\d+[a-z]?)((?:\([^()\s]+\))*))*)(?![0-9A-Za-z(\-]| of\b| \(|,? (?:and|or) \d|, \d))");
    static const rx::Regex item(R"((\d+[a-z]?)((?:\([^()\s]+\))*))");
    std::string out;
    auto from = s.cbegin();
    for (const rx::Match& m : rx::all(s, own)) {
        std::string list = m[2], conv;
        bool ok = true;
        int count = 0;
        auto lf = list.cbegin();
        for (const rx::Match& jt : rx::all(list, item)) {
            std::string code = code_section_of(a, jt[1]);
            // A count the Code's index does not bear out (no such section, or one in another
            // chapter than the anchor's) is no Code number: the law's words stay.
            if (!code.empty() && a.index && a.index->chapter_of(a.code_section) >= 0 &&
                a.index->chapter_of(code) != a.index->chapter_of(a.code_section))
                code.clear();
            if (code.empty()) ok = false;
            conv.append(lf, jt[0].first);
            conv += code + jt[2].str();
            lf = jt[0].second;
            ++count;
            if (!ok) break;
        }
        conv.append(lf, list.cend());
        out.append(from, m[0].first);
        out += ok ? (count > 1 ? "§§ " : "§ ") + conv : m[0].str();
        from = m[0].second;
    }
    out.append(from, s.cend());
    return out;
}

// In a law's section codified as a Code section, the law's units become the Code's: "this act"
// and "this title" → "this chapter", "this subtitle" → "this subchapter".
std::string law_units(const std::string& s) {
    static const rx::Regex unit(R"(\b([Tt]his) (act|title|subtitle)\b)");
    return rx::replace_with(s, unit, [](const rx::Match& m) {
        return m[1] + (m[2] == "subtitle" ? std::string(" subchapter") : std::string(" chapter"));
    });
}

}  // namespace

// "the effective date of the Technical Amendments Act of 2008, effective March 25, 2009 (D.C. Law
// 17-353; 56 DCR 1117)": the codifier writes the date the words give, "March 25, 2009". Each
// replaced span of `s`, with its replacement, in order.
std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>> effective_dates(const std::string& s) {
    std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>> out;
    if (s.find("effective date of") == std::string::npos) return out;
    static const rx::Regex re(
        R"(\bthe effective date of (?:the )?[A-Z][^,;()]{0,200}? Act of \d{4}, effective ((?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}) \(D\.C\. (?:Law|Act) \d+-\d+[^()]*\))");
    for (const rx::Match& it : rx::all(s, re))
        out.push_back({{static_cast<std::size_t>(it[0].first - s.begin()), static_cast<std::size_t>(it[0].second - s.begin())},
                       it[1].str()});
    return out;
}

std::string dc_codify(const std::string& in, const LawAnchor& anchor) {
    std::string dated;
    std::size_t from = 0;
    for (const auto& [span, date] : effective_dates(in)) {
        dated.append(in, from, span.first - from);
        dated += date;
        from = span.second;
    }
    if (from > 0) {
        dated.append(in, from, std::string::npos);
        return dc_codify(dated, anchor);
    }
    // "section 16-1501" (a Code number already) is written "§ 16-1501".
    static const rx::Regex code_number(R"(\bsection (\d+[A-Za-z]?-\d+[0-9A-Za-z.:\-]*[0-9A-Za-z](?:\([^()\s]+\))*))");
    std::string s = in.find("section ") == std::string::npos ? in : rx::replace(in, code_number, "§ $1");
    if (anchor.law_text && (s.find("this ") != std::string::npos || s.find("This ") != std::string::npos)) s = law_units(s);
    if (!anchor.law_section.empty() && s.find("section") != std::string::npos) s = own_sections(s, anchor);
    if (s.find("Official Code") == std::string::npos) return s;
    static const rx::Regex cite(
        R"(\b[Ss]ection ([0-9][0-9A-Za-z]*(?:\([^()\s]+\))*) of (?:(?:the )?[^,;()]*?(?:Act|Code|Law|Resolution)(?: of \d{4})?|An Act [^,;()]*?), (?:(?:effective|approved) )?[A-Z][a-z]+\.? \d{1,2}, \d{4} \([^;()]*; D\.C\. Official Code §\s*([0-9][^()\s]*(?:\([^()\s]+\))*)\))");
    s = rx::replace(s, cite, "§ $2");
    // "section 7 (D.C. Official Code § 4-681.06)" → "§ 4-681.06".
    static const rx::Regex own(R"(\b[Ss]ection [0-9][0-9A-Za-z]*(?:\([^()\s]+\))* \(D\.C\. Official Code §\s*([0-9][^()\s]*(?:\([^()\s]+\))*)\))");
    s = rx::replace(s, own, "§ $1");
    return s;
}

namespace {

bool parenthesized(const Provision& p) {
    return is_numbered(p.kind) && p.kind != Kind::Section && p.designation.size() > 2 && p.designation.front() == '(' &&
           p.designation.back() == ')';
}

std::string swap_case(std::string s) {
    for (auto& c : s) {
        auto u = static_cast<unsigned char>(c);
        if (!std::isalpha(u)) return {};
        c = static_cast<char>(std::islower(u) ? std::toupper(u) : std::tolower(u));
    }
    return s;
}

// The codifier's corrections of a law's designations, written in brackets: one that repeats the
// designation before it ("(C)", "(C)") becomes the next one ("[(D)]"); one whose case breaks the
// sequence its next sibling continues ("(I)" before "(ii)") becomes that case's ("[(i)]").
void bracket_out_of_sequence(std::vector<Provision>& kids) {
    std::string prev, prev_fixed;  // the previous designation as the law wrote it, and as it now reads
    for (std::size_t i = 0; i < kids.size(); ++i) {
        Provision& c = kids[i];
        if (!parenthesized(c)) continue;
        std::string d = clean_num(c.designation), fixed;
        if (!prev.empty() && d == prev) {
            bool roman = roman_value(prev_fixed) != 0 && (prev_fixed.size() > 1 || prev_fixed == "i" || prev_fixed == "I");
            fixed = next_designation(prev_fixed, roman);
        } else {
            const Provision* next = nullptr;
            for (std::size_t k = i + 1; k < kids.size() && !next; ++k)
                if (parenthesized(kids[k])) next = &kids[k];
            std::string other = swap_case(d);
            if (next && !other.empty()) {
                std::string n = clean_num(next->designation);
                if (next_designation(d, true) != n && next_designation(other, true) == n) fixed = other;
            }
        }
        prev = d;
        prev_fixed = fixed.empty() ? d : fixed;
        if (!fixed.empty()) c.designation = "[(" + fixed + ")]";
    }
}

}  // namespace

namespace {

// How the Code cites what a code-cite's path names: "§1-350.02|(a-5)|(1)" is "§ 1-350.02(a-5)(1)";
// "1|11A|II|E" (title, chapter, subchapter, part) is "part E of this subchapter" from inside
// subchapter II. Empty when the index does not know the unit.
std::string cite_of_path(const std::string& path, const LawAnchor& a) {
    if (path.rfind("§", 0) == 0) {
        std::string out = "§ ";
        std::string_view rest(path);
        while (rest.substr(0, std::string_view("§").size()) == "§") rest.remove_prefix(std::string_view("§").size());  // "§§32-173.04"
        for (char c : rest)
            if (c != '|') out += c;
        return out.size() > std::string("§ ").size() ? out : std::string();
    }
    if (!a.index) return {};
    return a.index->name_from(a.index->unit_at(path), a.section);
}

// The law's references the codifier marked, <code-cite path="§7-751.02">section 3</code-cite>,
// are published as the Code cites them: "§ 7-751.02", kept as a <cite> of the same path. Returns
// whether the text had any.
bool code_cites(RichText& rt, const LawAnchor& a) {
    struct Swap {
        std::uint32_t begin, end;
        std::string with, path;
    };
    std::vector<Swap> swaps;
    bool any = false, list = false;
    std::size_t run = static_cast<std::size_t>(-1);  // the swap a singular "section <cite>" began
    auto joins = [&](std::uint32_t from, std::uint32_t to) {
        std::string_view between = std::string_view(rt.text).substr(from, to - from);
        return between == ", " || between == " and " || between == " or " || between == ", and " || between == ", or ";
    };
    // The Code cites two or more sections as one list ("§§ 32-581.02(b) or 32-581.03(b)", never
    // "§ ... or § ..."): a cite joined to the one a singular "section" began makes that one "§§".
    auto join_run = [&](Swap& w) {
        if (!(run < swaps.size() && run + 1 == swaps.size() && joins(swaps.back().end, w.begin) && swaps[run].with.rfind("§ ", 0) == 0))
            return false;
        swaps[run].with = "§§ " + swaps[run].with.substr(std::string("§ ").size());
        w.with = w.with.substr(std::string("§ ").size());
        list = true;
        return true;
    };
    // Whether the words before `at` are `w`, with no swap already taking them.
    auto ends_with = [&](std::uint32_t at, std::string_view w) {
        return at >= w.size() && at <= rt.text.size() && (swaps.empty() || swaps.back().end <= at - w.size()) &&
               std::string_view(rt.text).substr(at - w.size(), w.size()) == w;
    };
    for (const auto& m : rt.marks) {
        if (m.tag != "code-cite") continue;
        any = true;
        if (!swaps.empty() && m.begin < swaps.back().end) continue;  // inside one already taken
        if (m.begin > m.end || m.end > rt.text.size()) continue;
        std::string path;
        for (const auto& at : m.attrs)
            if (at.name == "path") path = at.value;
        Swap w{m.begin, m.end, cite_of_path(path, a), path};
        if (w.with.empty()) continue;
        bool number = m.begin < rt.text.size() && std::isdigit(static_cast<unsigned char>(rt.text[m.begin]));
        bool sec = w.with.rfind("§ ", 0) == 0;
        if (number && sec && ends_with(m.begin, "sections ")) {
            // "sections <103> and <104>" → "§§ 42-1622 and 42-1623".
            w.begin -= static_cast<std::uint32_t>(std::string_view("sections ").size());
            w.with = "§§ " + w.with.substr(std::string("§ ").size());
            list = true;
            run = static_cast<std::size_t>(-1);
        } else if (number && sec && ends_with(m.begin, "section ")) {
            w.begin -= static_cast<std::uint32_t>(std::string_view("section ").size());
            if (!join_run(w)) {
                list = false;
                run = swaps.size();  // "section <102(b)> or <103(b)>" may go on as a list
            }
        } else if (number && sec && join_run(w)) {
        } else if (number && sec && ends_with(m.begin, "Section ")) {
            // A sentence opens with the word, never the sign: "Section 2-354.01(a) shall not apply".
            w.with = "Section " + w.with.substr(std::string("§ ").size());
            w.begin -= static_cast<std::uint32_t>(std::string_view("Section ").size());
            list = false;
        } else if (number && sec && list && !swaps.empty()) {
            if (joins(swaps.back().end, m.begin)) w.with = w.with.substr(std::string("§ ").size());
            else list = false;
        } else {
            list = false;
            run = static_cast<std::size_t>(-1);
        }
        // A sentence's first words keep their capital: "<This title> modifies" → "This chapter modifies".
        bool opens = m.begin == 0 || ends_with(m.begin, ". ") || ends_with(m.begin, ": ");
        if (opens && std::islower(static_cast<unsigned char>(w.with[0])))
            w.with[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w.with[0])));
        // Title 47's editor brackets what it writes for an amendment's reference, as the other
        // titles that bracket "[Repealed]." do not: "pursuant to [§ 7-2371.04a]", "[Chapter 20 of
        // this title]" (every such reference inserted into Title 47 in the dev cases, 6 sections of
        // 5 laws; none of the 180 inserted into other titles).
        if (!a.law_text && !list && a.section.rfind("47-", 0) == 0) w.with = "[" + w.with + "]";
        swaps.push_back(std::move(w));
    }
    if (swaps.empty()) return any;
    // The words swapped take their own <cite> marks; the law's marks inside them go with them.
    std::vector<Markup> cites;
    std::vector<Edit> edits;
    long shift = 0;
    for (const auto& w : swaps) {
        auto b = static_cast<std::uint32_t>(static_cast<long>(w.begin) + shift);
        cites.push_back(Markup{b, static_cast<std::uint32_t>(b + w.with.size()), "cite", {Attr{"path", w.path}}});
        shift += static_cast<long>(w.with.size()) - static_cast<long>(w.end - w.begin);
        edits.push_back(Edit{w.begin, w.end, w.with});
    }
    std::erase_if(rt.marks, [&](const Markup& m) {
        return !std::all_of(swaps.begin(), swaps.end(), [&](const Swap& w) { return m.end <= w.begin || m.begin >= w.end; });
    });
    rich_edit(rt, edits);
    cites.insert(cites.end(), rt.marks.begin(), rt.marks.end());
    std::stable_sort(cites.begin(), cites.end(),
                     [](const Markup& x, const Markup& y) { return x.begin != y.begin ? x.begin < y.begin : x.end > y.end; });
    rt.marks = std::move(cites);
    return true;
}

}  // namespace

void dc_codify(Provision& p, const LawAnchor& anchor) {
    for (RichText* rt : {&p.text, &p.heading}) {
        // The dates an amendment's words give (effective_dates), the markup after them moved.
        std::vector<Edit> dates;
        for (const auto& [span, with] : effective_dates(rt->text)) dates.push_back(Edit{span.first, span.second, with});
        rich_edit(*rt, dates);
        // Where the codifier marked the law's references, it converted those and no others.
        if (code_cites(*rt, anchor)) continue;
        std::string t = dc_codify(rt->text, anchor);
        if (t == rt->text) continue;
        rt->text = std::move(t);
        rt->marks.clear();  // the law's own <cite>s went with the words they marked
    }
    bracket_out_of_sequence(p.children);
    for (auto& c : p.children) dc_codify(c, anchor);
}

void dc_codify_law_section(Provision& section, const LawAnchor& anchor) {
    LawAnchor a = anchor;
    a.law_text = true;
    dc_codify(section, a);
}

}  // namespace amend
