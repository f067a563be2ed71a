// The D.C. codifier's conventions while applying: law references read as Code cites, inserted text written as the codifier writes it, the editor's brackets.
#include "amend/apply/jobs.hpp"
#include "amend/language/target.hpp"

namespace amend::applying {

const rx::Regex& law_reference() {
    static const rx::Regex ref(
        R"(\bsection (\d+[A-Za-z]?)((?:\([^()\s]+\))*)( of (?:the |An |an )?[A-Z][^()]*?\((?:[^()]|\([^()]*\))*\))?(?![0-9A-Za-z\-])|\b(this (?:act|title|subtitle))\b|\bsections (\d+[A-Za-z]?(?:(?:,? (?:and|or) |, )\d+[A-Za-z]?)+)(?![0-9A-Za-z\-(]))");
    return ref;
}

std::string reference_key(const rx::Match& m) { return m[4].matched ? m[4].str() : m[1].str(); }

std::vector<std::pair<std::string, std::string>> section_list(const std::string& list) {
    static const rx::Regex item(R"((\d+[A-Za-z]?)((?:,? (?:and|or) |, )?))");
    std::vector<std::pair<std::string, std::string>> out;
    for (const rx::Match& it : rx::all(list, item)) out.emplace_back(it[1], it[2]);
    return out;
}

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
    static const rx::Regex special(R"([.^$|()\[\]{}*+?\\])");
    auto lit = [](const std::string& t) { return rx::replace(t, special, "\\\\$&"); };
    std::string folded = fold(needle).s, pattern;
    CodifiedNeedle cn;
    bool specific = false;  // designations or unit words narrow what the references can match
    auto from = folded.cbegin();
    for (const rx::Match& m : rx::all(folded, law_reference())) {
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
            // The Code puts spaces, thin spaces or none after "§", and may follow the cite with
            // the editor's note on the section cited ("§ 38-822.04 [repealed]").
            pattern += "(\xC2\xA7(?: |\xE2\x80\x89)*[0-9][0-9A-Za-z.:\\-]*[0-9A-Za-z])" + lit(m[2].str()) +
                       "(?: \\[(?:[Rr]epealed|[Ee]xpired|[Rr]edesignated)\\])?";
            specific = specific || m[2].length() > 0;
        }
        cn.refs.push_back(reference_key(m));
        from = m[0].second;
    }
    if (cn.refs.empty()) return std::nullopt;
    // Words of its own around the references, or any cite would do.
    std::string words = rx::replace(folded, law_reference(), "");
    auto own = std::count_if(words.begin(), words.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    if (own < (specific ? 2 : 12)) return std::nullopt;
    pattern += lit(std::string(from, folded.cend()));
    cn.re = rx::Regex(pattern);
    return cn;
}

void find_codified(Provision* node, bool heading, const CodifiedNeedle& cn, std::vector<Hit>& out,
                   std::vector<std::vector<std::string>>& cites) {
    const std::string& text = heading ? node->heading.text : node->text.text;
    if (text.empty()) return;
    Folded h = fold(text);
    for (const rx::Match& m : rx::all(h.s, cn.re)) {
        auto b = static_cast<std::size_t>(m[0].first - h.s.cbegin()), e = static_cast<std::size_t>(m[0].second - h.s.cbegin());
        bool left_ok = b == 0 || !word_after(h.s, b) || !word_before(h.s, b);
        bool right_ok = e >= h.s.size() || e == b || !word_before(h.s, e) || !word_after(h.s, e);
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

LawAnchor Codifier::anchor_of(const TargetRef& t) {
    return t.law_section.empty() ? LawAnchor{} : LawAnchor{t.law_section, jobs.locate.section_of(t)};
}

std::pair<std::string, std::string> Codifier::changed_words(const std::string& a, const std::string& b) {
    std::size_t p = 0;
    while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
    while (p > 0 && a[p - 1] != ' ') --p;
    std::size_t sa = a.size(), sb = b.size();
    while (sa > p && sb > p && a[sa - 1] == b[sb - 1]) --sa, --sb;
    while (sa < a.size() && a[sa] != ' ' && sb < b.size()) ++sa, ++sb;
    return {a.substr(p, sa - p), b.substr(p, sb - p)};
}

void Codifier::report_codified(const Op& op, const std::string& law, const std::string& code) {
    if (law == code) return;
    auto [from, to] = changed_words(law, code);
    rep.warnings.push_back(at(op, "the law's \"" + from + "\" is written as the D.C. codifier writes it: \"" + to + "\"", "amend.codified", Severity::Warning));
}

// "the effective date of the X Act of 2024, passed on 2nd reading (or on emergency basis) on March 5, 2024 (Enrolled
// version of Bill 25-345)" or "of this act": the codifier writes the date, which the law's words
// do not give (32 of 34 such insertions in the dev cases read a date), so the text cannot be
// written as codified. The words, or empty.
std::string unknown_effective_date(const std::string& text) {
    if (text.find("effective date of") == std::string::npos) return {};
    static const rx::Regex re(
        R"(\bthe effective date of (?:this act\b|(?:the )?[A-Z][^,;()]{0,200}? Act(?: of \d{4})?, passed on (?:(?:2nd|second|3rd|third) reading|(?:an )?emergency basis) on [A-Z][a-z]+ \d{1,2}, \d{4} \(Enrolled version of Bill \d+-\d+\)))");
    rx::Match m;
    return rx::search(text, m, re) ? m[0].str() : std::string();
}

// A bill cited as passed ("passed on 2nd reading on May 7, 2024 (Enrolled version of Bill 25-119)")
// and left so after the law's marked references were converted: the codifier writes the Code
// section or the D.C. Law number the bill became in most sections and keeps the words in a few,
// and the law does not say which. The words, or empty.
std::string unresolved_bill(const std::string& text) {
    if (text.find("Enrolled version of Bill") == std::string::npos) return {};
    static const rx::Regex re(R"(passed on (?:(?:2nd|second|3rd|third|1st|first) reading|(?:an )?emergency basis) on [A-Z][a-z]+ \d{1,2}, \d{4} \(Enrolled version of Bill \d+-\d+\))");
    rx::Match m;
    return rx::search(text, m, re) ? m[0].str() : std::string();
}

void Codifier::refuse_uncodifiable(const Op& op, const std::string& text) {
    std::string words = unknown_effective_date(text);
    if (!words.empty()) {
        fail(op, "expected text the D.C. codifier can write from the law's words; it writes the date for \"" + words +
                     "\", which the law does not give",
             "amend.codify-date");
        return;
    }
    // The law's own "this subtitle" left in words it puts into the Code: the codifier writes the
    // Code unit the subtitle became in some sections ("this subsection") and keeps the words in
    // others, and the law does not say which.
    static const rx::Regex subtitle(R"(\b[Tt]his subtitle\b)");
    if (text.find("his subtitle") != std::string::npos && rx::search(text, subtitle)) {
        fail(op, "expected text the D.C. codifier can write from the law's words; the words say \"this subtitle\", which it "
                 "writes as the Code unit the subtitle became or keeps, and the law does not mark which",
             "amend.codify-unit");
        return;
    }
    words = unresolved_bill(text);
    if (!words.empty())
        fail(op, "expected text the D.C. codifier can write from the law's words; the words cite a bill as \"" + words +
                     "\", which it writes as the Code section or the D.C. Law the bill became, and the law does not give that",
             "amend.codify-bill");
}

std::string Codifier::codified(const Op& op, const std::string& law, Provision* target) {
    std::string code = as_codified(op, law, target);
    report_codified(op, law, code);
    refuse_uncodifiable(op, code);
    return code;
}

// The one target's law section beside its Code section ("Section 203a ... (D.C. Official Code §
// 38-822.03a)") numbers the Act's other sections in the words inserted: by a phrase edit, and by
// a whole section restated. In units added or restated below the section the codifier keeps the
// law's "section 7(c)" (six of the dev cases; the phrase edits and whole sections that it
// converts are three).
static const TargetRef* numbered_target(const Op& op, bool units) {
    if (op.targets.size() != 1 || op.targets[0].law_section.empty() || op.targets[0].section_is_law_number) return nullptr;
    if (units && !(op.type == OpType::Restate && op.targets[0].path.empty() && op.targets[0].term.empty())) return nullptr;
    return &op.targets[0];
}

std::string Codifier::as_codified(const Op& op, const std::string& law, Provision* target) {
    return dc_codify(law, codify_context(target, numbered_target(op, false)));
}

void Codifier::codified(const Op& op, Provision& b, Provision* target, const TargetRef* law_text) {
    Provision law = b;
    if (law_text) dc_codify_law_section(b, codify_context(target, law_text));
    else dc_codify(b, codify_context(target, numbered_target(op, true)));
    std::function<void(const Provision&, const Provision&)> walk = [&](const Provision& x, const Provision& y) {
        report_codified(op, x.designation, y.designation);
        report_codified(op, x.heading.text, y.heading.text);
        report_codified(op, x.text.text, y.text.text);
        refuse_uncodifiable(op, y.text.text);
        for (std::size_t i = 0; i < x.children.size() && i < y.children.size(); ++i) walk(x.children[i], y.children[i]);
    };
    walk(law, b);
}

LawAnchor Codifier::codify_context(Provision* target, const TargetRef* t) {
    LawAnchor a = t ? anchor_of(*t) : LawAnchor{};
    a.index = opt.code_index ? opt.code_index : &CodeIndex::dc();
    for (Provision* p : jobs.locate.ancestry(target))
        if (p->kind == Kind::Section) a.section = p->designation;
    if (a.section.empty()) a.section = a.code_section;
    return a;
}

std::vector<Hit> Codifier::search_codified(const Op& op, Provision* target, const TargetRef& t, const std::string& needle, std::string& inserted) {
    auto cn = codified_needle(needle);
    if (!cn) return {};
    std::vector<Hit> hits;
    std::vector<std::vector<std::string>> cites;
    bool heading = op.in_heading || t.part == TargetRef::Part::Heading;
    std::vector<Provision*> nodes;
    if (heading) nodes.push_back(target);
    else jobs.locate.scope_nodes(target, t.part == TargetRef::Part::Whole, nodes);
    for (Provision* p : nodes) find_codified(p, heading, *cn, hits, cites);
    if (hits.empty()) return {};
    for (const auto& c : cites)
        if (c != cites[0]) return hits;  // different sections in different places: the words stay
    std::string out;
    auto from = inserted.cbegin();
    for (const rx::Match& m : rx::all(inserted, law_reference())) {
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

bool Codifier::unbracket(const Op& op, Provision* target, const TargetRef& t) {
    std::vector<Hit> hits = jobs.finder.search(op, target, t, op.replace);
    // The codifier's brackets hold the words as it writes them ("[§ 7-231.21]" for "section 121
    // of the Vital Records Modernization Amendment Act of 2018, ..."): look for those too.
    std::string code = dc_codify(op.replace, codify_context(target));
    if (code != op.replace)
        for (auto& h : jobs.finder.search(op, target, t, code)) hits.push_back(h);
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
    note(op, "removed the brackets around \"" + op.replace + "\" in " + jobs.locate.cite_of(target) + n, target);
    return true;
}

void absorb_editorial_brackets(const std::string& txt, Edit& e) {
    auto word_edge = [](const std::string& s, std::size_t at) {  // no letter or digit runs on at `at`
        return at == 0 || at >= s.size() || !std::isalnum(static_cast<unsigned char>(s[at - 1])) ||
               !std::isalnum(static_cast<unsigned char>(s[at]));
    };
    std::string with = e.with;
    std::size_t lead = with.find_first_not_of(' ');
    if (lead == std::string::npos) return;
    std::string core = with.substr(lead, with.find_last_not_of(' ') + 1 - lead);
    // "[the] " just before the words struck, and the inserted words begin with "the".
    std::size_t q = e.begin;
    if (q > 0 && txt[q - 1] == ' ') --q;
    if (q > 0 && txt[q - 1] == ']') {
        std::size_t r = txt.rfind('[', q - 1);
        if (r != std::string::npos && txt.find_first_of("[]", r + 1) == q - 1) {
            std::string x = txt.substr(r + 1, q - 1 - r - 1);
            if (!x.empty() && core.compare(0, x.size(), x) == 0 && word_edge(core, x.size())) {
                e.begin = r;
                e.with = core.substr(0, x.size()) + with.substr(lead + x.size());
                if (r > 0 && txt[r - 1] != ' ' && std::isalnum(static_cast<unsigned char>(e.with[0]))) e.with = " " + e.with;
            }
        }
    }
    // " [Board]" or "[;]" just after, and the inserted words end with them; the editor's own
    // note inside goes with them ("[doula, [applicable as of October 1, 2022]]").
    q = e.end;
    if (q < txt.size() && txt[q] == ' ' && q + 1 < txt.size() && txt[q + 1] == '[') ++q;
    if (q < txt.size() && txt[q] == '[') {
        std::size_t r = std::string::npos;
        int depth = 0;
        std::string x;
        for (std::size_t k = q; k < txt.size() && r == std::string::npos; ++k) {
            if (txt[k] == '[') {
                ++depth;
            } else if (txt[k] == ']') {
                if (--depth == 0) r = k;
            } else if (depth == 1) {
                x += txt[k];
            }
        }
        while (!x.empty() && x.back() == ' ') x.pop_back();
        if (r != std::string::npos) {
            if (!x.empty() && core.size() >= x.size() && core.compare(core.size() - x.size(), x.size(), x) == 0 &&
                word_edge(core, core.size() - x.size())) {
                e.end = r + 1;
                while (!e.with.empty() && e.with.back() == ' ') e.with.pop_back();
                if (e.end < txt.size() && std::isalnum(static_cast<unsigned char>(txt[e.end]))) e.with += " ";
            }
        }
    }
}

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Where `text` holds `words` with some of them in the editor's brackets ("St. Elizabeth[s]",
// "[not] certified", "Title 2[;] and", "[(f)]"): each [begin, end) whose letters, brackets
// removed, are `words`, with at least one bracket pair, balanced, and not inside a longer word.
std::vector<std::pair<std::size_t, std::size_t>> bracketed_forms(const std::string& text, const std::string& words) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    if (words.empty()) return out;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t k = i, j = 0;
        int depth = 0, pairs = 0;
        bool ok = true;
        while (ok && (j < words.size() || (depth > 0 && k < text.size() && text[k] == ']'))) {
            if (k >= text.size()) ok = false;
            else if (text[k] == '[' && (j == 0 || j < words.size())) ++depth, ++k;
            else if (text[k] == ']' && depth > 0) --depth, ++pairs, ++k;
            else if (j < words.size() && text[k] == words[j]) ++j, ++k;
            else ok = false;
        }
        bool bounded = (i == 0 || !word_char(words.front()) || !word_char(text[i - 1])) &&
                       (k >= text.size() || !word_char(words.back()) || !word_char(text[k]));
        if (ok && depth == 0 && pairs > 0 && bounded) {
            out.emplace_back(i, k);
            i = k;
        } else {
            ++i;
        }
    }
    return out;
}

}  // namespace

bool Codifier::ratify_brackets(const Op& op) { return ratify_brackets(op, false); }

bool Codifier::ratify_brackets(const Op& op, bool partial) {
    if (op.type != OpType::Replace || op.replace.empty() || opt.default_section.empty()) return false;
    Provision* sec = jobs.locate.find_section(opt.default_section, true);
    if (!sec) return false;
    const std::string bracketed = "[" + op.replace + "]";
    std::vector<Provision*> designations;
    std::vector<std::pair<RichText*, std::pair<std::size_t, std::size_t>>> texts;
    std::function<void(Provision&)> walk = [&](Provision& p) {
        if (p.kind == Kind::History) return;
        if (p.designation == bracketed) designations.push_back(&p);
        for (RichText* rt : {&p.text, &p.heading}) {
            if (partial) {
                for (auto span : bracketed_forms(rt->text, op.replace)) texts.emplace_back(rt, span);
                continue;
            }
            for (std::size_t at = rt->text.find(bracketed); at != std::string::npos; at = rt->text.find(bracketed, at + 1))
                texts.emplace_back(rt, std::make_pair(at, at + bracketed.size()));
        }
        for (auto& c : p.children) walk(c);
    };
    walk(*sec);
    std::size_t n = designations.size() + texts.size();
    if (n == 0 || (!op.each && n > 1)) return false;
    (void)jobs.locate.find_section(opt.default_section);  // the section as it stood, kept before the edit
    for (Provision* p : designations) p->designation = op.replace;
    for (auto it = texts.rbegin(); it != texts.rend(); ++it)
        rich_edit(*it->first, {Edit{it->second.first, it->second.second, op.replace}});
    note(op, "the law now reads \"" + op.replace + "\" where the editor's brackets supplied it: removed the brackets in \"" +
                 op.replace + "\" in " + jobs.locate.cite_of(sec) + (n == 1 ? "" : " (" + std::to_string(n) + " places)"),
         sec);
    return true;
}

std::string Codifier::repealed_placeholder(const std::string& section) {
    std::string title = title_of_section(section);
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


// The Code's mark on a section holding text of temporary or emergency legislation ("*NOTE: This
// section includes amendments by emergency legislation that will expire on ...").
bool Codifier::holds_temporary_text(const Provision& section) {
    return section_says(section, [](const std::string& t) {
        return t.find("*NOTE:") != std::string::npos &&
               (t.find("temporary") != std::string::npos || t.find("emergency") != std::string::npos);  // "emergency legistation" too
    });
}

// The Code's mark on a section that temporary or emergency legislation created ("*NOTE: This
// section was created by emergency legislation that will expire on ..."): the whole section is
// that legislation's, not only amendments in it.
bool Codifier::created_by_temporary(const Provision& section) {
    static const rx::Regex note(R"(\*NOTE: This section was (?:created|added) by (?:emergency|temporary)(?:(?: and|,|/or| and/or) (?:emergency|temporary))* legi)");
    return section_says(section, [](const std::string& t) { return rx::search(t, note); });
}

// A section, or a provision in it, that holds the D.C. Code's "Not Funded" placeholder.
bool Codifier::waits_for_funds(const Provision& p) {
    if (ascii_lower(p.xl->reason).find("not funded") != std::string::npos) return true;
    for (const auto& a : p.xml_attrs)
        if (a.name == "placeholder" && ascii_lower(std::string(a.value)).find("not funded") != std::string::npos) return true;
    return std::any_of(p.children.begin(), p.children.end(), [this](const Provision& c) { return waits_for_funds(c); });
}

std::size_t Codifier::editorial_note_at(const std::string& t, std::size_t i) {
    if (i + 2 >= t.size() || t[i] != ' ' || t[i + 1] != '[') return 0;
    std::size_t close = t.find(']', i + 2);
    if (close == std::string::npos || close - i > 40) return 0;
    for (std::size_t k = i + 2; k < close; ++k)
        if (t[k] == '[' || t[k] == '(' || t[k] == ')') return 0;
    return close + 1 - i;
}

bool Codifier::only_editorial_note(std::string_view v) {
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
    return v.empty() || v.starts_with("*NOTE:") || v.starts_with("NOTE:");
}

// A section repealed in place reads "Repealed." under its heading, with the placeholder's reason;
// a unit carries the placeholder attribute.
void Codifier::mark_repealed(Provision& p) {
    if (p.kind == Kind::Section) {
        p.xl.mut().reason = "Repealed";
        if (p.xl->head_order.find('r') == std::string::npos) p.xl.mut().head_order = "r" + p.xl->head_order;
    }
    p.xml_attrs.set("placeholder", "Repealed");
}

std::vector<TargetRef> Codifier::act_sections(const TargetRef& t) {
    Op expand;
    language::dc_act_sections(t.et_seq, t, expand);
    return expand.targets;
}

namespace {

// Whether `code` reads `law` but for the editor's brackets in it: the brackets alone taken out
// ("[§ 32-1691.10]"), or the bracketed words with them ("pursuant [to] §", "bay [by] an").
bool same_but_brackets(const std::string& code, const std::string& law) {
    if (code.find('[') == std::string::npos || law.find('[') != std::string::npos) return false;
    std::string marks, words;
    int depth = 0;
    for (char c : code) {
        if (c == '[') {
            ++depth;
            continue;
        }
        if (c == ']') {
            if (depth == 0) return false;
            --depth;
            continue;
        }
        marks += c;
        if (depth == 0) words += c;
    }
    if (depth != 0) return false;
    std::string want = collapse_ws(law);
    return collapse_ws(marks) == want || collapse_ws(words) == want;
}

void keep_marks(const Provision& old, Provision& now) {
    if (same_but_brackets(old.text.text, now.text.text)) now.text = old.text;
    if (same_but_brackets(old.heading.text, now.heading.text)) now.heading = old.heading;
    std::size_t texts = 0;
    for (auto& c : now.children) {
        const Provision* match = nullptr;
        if (c.kind == Kind::History) continue;
        if (c.kind == Kind::Text) {
            std::size_t seen = 0;
            for (const auto& o : old.children)
                if (o.kind == Kind::Text && collapse_ws(o.text.text).rfind("*NOTE:", 0) != 0 && seen++ == texts) match = &o;
            ++texts;
        } else if (!c.designation.empty()) {
            for (const auto& o : old.children)
                if (o.kind != Kind::History && o.kind != Kind::Text && clean_num(o.designation) == clean_num(c.designation)) {
                    match = &o;
                    break;
                }
        }
        if (match) keep_marks(*match, c);
    }
}

}  // namespace

void Codifier::keep_editorial_marks(const Provision& existing, Provision& restated) { keep_marks(existing, restated); }

}  // namespace amend::applying
