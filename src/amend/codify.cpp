#include "amend/codify.hpp"

#include <boost/regex.hpp>
#include <cctype>

#include "model/designation.hpp"

namespace amend {

namespace {

// "1028f" → {1028, "f"}; {-1, ""} when it does not start with digits.
std::pair<long, std::string> number_and_suffix(const std::string& s) {
    std::size_t d = 0;
    while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
    if (d == 0 || d > 6) return {-1, ""};
    return {std::stol(s.substr(0, d)), s.substr(d)};
}

std::string lower_ascii(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
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
        if (code.size() < 2 || lower_ascii(code.substr(code.size() - 1)) != lower_ascii(s0)) return {};
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

bool capitalized(std::string_view w) {
    return !w.empty() && (std::isupper(static_cast<unsigned char>(w[0])) || std::isdigit(static_cast<unsigned char>(w[0])));
}

bool connector(std::string_view w) {
    for (const char* c : {"of", "the", "and", "for", "to", "in", "on", "a", "an", "by", "with", "from", "at", "or"})
        if (w == c) return true;
    return false;
}

// Where the title of a law ends at `end` ("... the Freedom of Information Act of 1976" before
// ", effective ..."): the first word of the run of title-case words (and the small words between
// them) before `end`, with a "the" before it and a "Title I of" before that; npos when there is no
// such run. `part` tells whether the citation names a part of the law ("Title I of the ...").
std::size_t law_title_start(const std::string& s, std::size_t end, bool& part) {
    part = false;
    std::size_t start = std::string::npos, pos = end;
    std::string_view next_word;  // the word after the one looked at
    while (pos > 0) {
        std::size_t we = pos;
        while (we > 0 && s[we - 1] == ' ') --we;
        if (we == 0 || we + 1 < pos) break;  // two spaces, or the start of the text
        std::size_t wb = we;
        while (wb > 0 && s[wb - 1] != ' ') --wb;
        std::string_view w(s.data() + wb, we - wb);
        if (w.find_first_of(",;:()\"“”") != std::string_view::npos) break;
        if (connector(w)) {
            bool ok = capitalized(next_word) && !connector(next_word);
            if (!ok && (w == "of" || w == "for" || w == "to") && next_word == "the") ok = true;
            if (!ok) break;
        } else if (!capitalized(w)) {
            break;
        } else {
            start = wb;
        }
        next_word = w;
        pos = wb;
    }
    // A law titled "An Act to ..., and for other purposes" runs to its first words.
    std::size_t an = s.rfind("An Act ", end);
    if (an != std::string::npos && (start == std::string::npos || an < start) &&
        s.find_first_of(";()", an) >= end && s.find(". ", an) >= end)
        start = an;
    if (start == std::string::npos) return start;
    // "Title I of the ...", "subtitle B of title II of the ...": a part of the law.
    static const boost::regex part_of(R"(^(?:(?:[Ss]ub)?[Tt]itle [0-9A-Z]+[A-Za-z]? of )+)");
    boost::smatch m;
    if (boost::regex_search(s.cbegin() + static_cast<std::ptrdiff_t>(start), s.cbegin() + static_cast<std::ptrdiff_t>(end), m, part_of))
        part = true;
    if (start >= 4 && s.compare(start - 4, 4, "the ") == 0) start -= 4;
    return start;
}

// The law's own sections by their Code numbers: "pursuant to section 3(e)" → "pursuant to
// § 50-2002(e)", "under sections 103 and 104" → "under §§ 42-1622 and 42-1623", "section 201,
// 401, or 906" → "§ 7-2502.01, § 7-2504.01, or § 7-2509.06". A section of another law ("section
// 217 of the Clean and Affordable Energy Act") is left alone, and so is a section the Code does
// not hold.
std::string own_sections(const std::string& s, const LawAnchor& a, const std::string& law) {
    static const boost::regex own(
        R"(\b(sections?) ((\d+[a-z]?)((?:\([^()\s]+\))*)(?:(?:,? (?:and|or) |, )(\d+[a-z]?)((?:\([^()\s]+\))*))*)(?![0-9A-Za-z(\-]| of\b| \(|,? (?:and|or) \d|, \d))");
    static const boost::regex item(R"((\d+[a-z]?)((?:\([^()\s]+\))*))");
    auto code_of = [&](const std::string& law_section) {
        std::string c = a.index && !law.empty() ? a.index->code_section_of(law, law_section) : std::string();
        if (c.empty() && !a.law_section.empty()) c = code_section_of(a, law_section);
        return c;
    };
    std::string out;
    auto from = s.cbegin();
    for (boost::sregex_iterator it(s.begin(), s.end(), own), end; it != end; ++it) {
        const auto& m = *it;
        std::string list = m[2], conv;
        bool ok = true, plural = m[1] == "sections";
        int count = 0;
        auto lf = list.cbegin();
        for (boost::sregex_iterator jt(list.begin(), list.end(), item), jend; jt != jend && ok; ++jt, ++count) {
            std::string code = code_of((*jt)[1]);
            if (code.empty()) ok = false;
            conv.append(lf, (*jt)[0].first);
            conv += (plural ? "" : "§ ") + code + (*jt)[2].str();
            lf = (*jt)[0].second;
        }
        conv.append(lf, list.cend());
        out.append(from, m[0].first);
        out += !ok ? m[0].str() : plural ? (count > 1 ? "§§ " : "§ ") + conv : conv;
        from = m[0].second;
    }
    out.append(from, s.cend());
    return out;
}

// A whole law cited with its Code cite, "the Freedom of Information Act of 1976, effective March
// 29, 1977 (D.C. Law 1-96; D.C. Official Code § 2-531 et seq.)", is the unit of the Code that
// holds it: "subchapter II of Chapter 5 of Title 2".
std::string whole_laws(const std::string& s, const LawAnchor& a) {
    static const boost::regex cite(
        R"(,? (?:(?:effective|approved) )?[A-Z][a-z]+\.? \d{1,2}, \d{4},? \([^;()]*; D\.C\. Official Code §\s*([0-9][0-9A-Za-z.:\-]*[0-9A-Za-z]),? et seq\.\))");
    std::string out;
    std::size_t done = 0;
    for (boost::sregex_iterator it(s.begin(), s.end(), cite), end; it != end; ++it) {
        const auto& m = *it;
        auto at = static_cast<std::size_t>(m[0].first - s.begin());
        if (at < done) continue;
        bool part = false;
        std::size_t start = law_title_start(s, at, part);
        if (start == std::string::npos || start < done) continue;
        std::string name = a.index->name_from(a.index->unit_of_law_at(m[1].str(), part), a.section);
        if (name.empty()) continue;
        out.append(s, done, start - done);
        // "pursuant to <code-cite> Title I of ..." leaves two spaces before the name: one stays.
        while (out.size() >= 2 && out.back() == ' ' && out[out.size() - 2] == ' ') out.pop_back();
        out += name;
        done = at + static_cast<std::size_t>(m.length(0));
    }
    out.append(s, done, std::string::npos);
    return out;
}

// "this act" is the unit of the Code that holds the law; "this title" of a law numbered by
// titles (sections 501, 502, ...) the unit that holds that title's sections. In a law's section
// codified as a Code section, what the index cannot tell is "this chapter" ("this subtitle":
// "this subchapter").
std::string this_law(const std::string& s, const LawAnchor& a, const CodeIndexSection* here) {
    static const boost::regex unit(R"(\b([Tt]his) (act|title|subtitle)\b)");
    return boost::regex_replace(s, unit, [&](const boost::smatch& m) {
        std::string word = m[2];
        int u = -1;
        if (here && word != "subtitle") {
            int block = word == "title" && !here->law_sections.empty() ? law_block(here->law_sections[0]) : -1;
            if (word == "act" || block >= 1) u = a.index->unit_of_law_around(here->number, block);
        }
        if (u >= 0) return m[1].str() + " " + lower_ascii(a.index->units[static_cast<std::size_t>(u)].prefix);
        if (a.law_text) return m[1].str() + (word == "subtitle" ? " subchapter" : " chapter");
        return m[0].str();
    });
}

}  // namespace

std::string dc_codify(const std::string& in, const LawAnchor& anchor) {
    // "section 16-1501" (a Code number already) is written "§ 16-1501".
    static const boost::regex code_number(R"(\bsection (\d+[A-Za-z]?-\d+[0-9A-Za-z.:\-]*[0-9A-Za-z](?:\([^()\s]+\))*))");
    std::string s = in.find("section ") == std::string::npos ? in : boost::regex_replace(in, code_number, "§ $1");
    const CodeIndexSection* here = anchor.index && !anchor.section.empty() ? anchor.index->find(anchor.section) : nullptr;
    std::string law = here ? here->law : std::string();
    // The law's units first: the names the citations below become say "this title" of the Code.
    if ((here || anchor.law_text) && (s.find("this ") != std::string::npos || s.find("This ") != std::string::npos))
        s = this_law(s, anchor, here);
    if ((!law.empty() || !anchor.law_section.empty()) && s.find("section") != std::string::npos) s = own_sections(s, anchor, law);
    if (s.find("Official Code") != std::string::npos || s.find("D.C. Law") != std::string::npos) {
        static const boost::regex cite(
            R"(\b[Ss]ection ([0-9][0-9A-Za-z]*(?:\([^()\s]+\))*) of (?:(?:the )?[^,;()]*?(?:Act|Code|Law|Resolution)(?: of \d{4})?|An Act [^,;()]*?), (?:(?:effective|approved) )?[A-Z][a-z]+\.? \d{1,2}, \d{4} \([^;()]*; D\.C\. Official Code §\s*([0-9][^()\s]*(?:\([^()\s]+\))*)\))");
        s = boost::regex_replace(s, cite, "§ $2");
        // "section 7 (D.C. Official Code § 4-681.06)" → "§ 4-681.06".
        static const boost::regex own(R"(\b[Ss]ection [0-9][0-9A-Za-z]*(?:\([^()\s]+\))* \(D\.C\. Official Code §\s*([0-9][^()\s]*(?:\([^()\s]+\))*)\))");
        s = boost::regex_replace(s, own, "§ $1");
        if (anchor.index) {
            // A law's section cited by the law alone: the index knows its Code section.
            static const boost::regex by_law(
                R"(\b[Ss]ection (\d+[a-z]?)((?:\([^()\s]+\))*) of (?:(?:the )?[^,;()]*?(?:Act|Code|Law|Resolution)(?: of \d{4})?|An Act [^,;()]*?), (?:(?:effective|approved) )?[A-Z][a-z]+\.? \d{1,2}, \d{4} \((D\.C\. Law \d+-\d+)[^;()]*\))");
            s = boost::regex_replace(s, by_law, [&](const boost::smatch& m) {
                std::string c = anchor.index->code_section_of(m[3].str(), m[1].str());
                return c.empty() ? m[0].str() : "§ " + c + m[2].str();
            });
            if (s.find("et seq.") != std::string::npos) s = whole_laws(s, anchor);
        }
    }
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

void dc_codify(Provision& p, const LawAnchor& anchor) {
    for (RichText* rt : {&p.text, &p.heading}) {
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
