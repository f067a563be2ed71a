// Sentences of a unit's own text: "striking the last sentence", "in the second sentence",
// "inserting the sentence "X" before the first sentence". A sentence boundary that cannot be told
// ("Washington, D.C. The Mayor ...") refuses the instruction: the count would be a guess.
#include <algorithm>
#include <cctype>
#include <set>

#include "amend/apply/jobs.hpp"
#include "model/text.hpp"

namespace amend::applying {

namespace {

// Abbreviations that never end a sentence, and those that may ("... of Columbia, Inc.").
const std::set<std::string>& never_final() {
    static const std::set<std::string> s{"No",  "Nos", "Sec", "Secs", "Stat", "Mr",  "Mrs", "Ms",  "Dr",   "St",  "Pub",
                                         "L",   "Ch",  "Art", "v",    "vs",   "Jan", "Feb", "Mar", "Apr",  "Jun", "Jul",
                                         "Aug", "Sep", "Sept", "Oct", "Nov",  "Dec", "Mt",  "Ft",  "Gen",  "Gov", "Rev",
                                         "Stats", "para", "cl", "subd", "approx", "Ave", "Blvd", "Rd"};
    return s;
}
// Those that may: a company's or a person's name, and the abbreviations of the citations of
// journals, ordinances and state statutes ("Coun. J.", "Ord.", "Ill. Comp. Stat."), which are
// also words or end a cite that ends a sentence: before a capital, which one it is is not known.
const std::set<std::string>& maybe_final() {
    static const std::set<std::string> s{"Inc",  "Co",   "Corp", "Ltd",  "Jr",   "Sr",   "etc",  "seq",  "al",   "Esq",  "LLC",
                                         "Coun", "Ord",  "Ords", "Comp", "Ann",  "Supp", "Amend", "Res", "Regs", "Fed",  "Cong",
                                         "Sess", "Dept", "Div",  "Ill",  "Cal",  "Mass", "Mich", "Minn", "Wis",  "Ind",  "Md",
                                         "Pa",   "Va",   "Wash", "Tex",  "Fla",  "Ga",   "Ala",  "Ariz", "Ark",  "Colo", "Conn",
                                         "Del",  "Kan",  "Ky",   "La",   "Mo",   "Miss", "Mont", "Neb",  "Nev",  "Okla", "Or",
                                         "Tenn", "Vt",   "Wyo",  "Cir",  "Vol",  "Chap", "Subch", "Pt",  "Tit"};
    return s;
}
// Words that go on a cite after an abbreviation, never open a sentence: "D.C. Official Code".
const std::set<std::string>& cite_words() {
    static const std::set<std::string> s{"Official", "Code", "Law", "Laws", "Act", "Register", "Council", "Superior", "Court",
                                         "Attorney", "Mun", "Municipal", "Stat", "C", "Reg", "Const", "Department"};
    return s;
}

bool initials(const std::string& w) {  // "D.C", "U.S", "N.W" (the last period not included)
    if (w.size() < 3) return false;
    for (std::size_t i = 0; i < w.size(); ++i)
        if ((i % 2 == 0) != (std::isalpha(static_cast<unsigned char>(w[i])) != 0) || (i % 2 == 1 && w[i] != '.')) return false;
    return w.size() % 2 == 1;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> sentence_spans(const std::string& t, std::string& why) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t start = t.find_first_not_of(' ');
    if (start == std::string::npos) return out;
    auto closer = [&](std::size_t e) -> std::size_t {  // the bytes of a closing mark at e, or 0
        if (e < t.size() && (t[e] == '"' || t[e] == '\'' || t[e] == ')')) return 1;
        if (t.compare(e, 3, "\xE2\x80\x9D") == 0 || t.compare(e, 3, "\xE2\x80\x99") == 0) return 3;
        return 0;
    };
    int open = 0;          // parentheses open at k
    bool quoted = false;   // inside a quotation at k (straight marks open and close in turn)
    bool skipped = false;  // a period passed over inside them
    for (std::size_t k = start; k < t.size(); ++k) {
        char c = t[k];
        if (c == '(') ++open;
        if (c == ')' && open > 0) --open;
        if (c == '"') quoted = !quoted;
        if (t.compare(k, 3, "\xE2\x80\x9C") == 0) quoted = true;
        if (t.compare(k, 3, "\xE2\x80\x9D") == 0) quoted = false;
        if (c != '.' && c != '?' && c != '!') continue;
        std::size_t e = k + 1;
        // Inside parentheses or a quotation a period ends no sentence ("(Coun. J. 7-29-98, p.
        // 75784)", "shall read "No parking. Tow zone.""), but for one that closes them ("(See §
        // 2-1-010.) The Clerk ...", "... Tow zone." The Clerk ...").
        bool closes_paren = e < t.size() && t[e] == ')';
        bool closes_quote = (e < t.size() && t[e] == '"') || t.compare(e, 3, "\xE2\x80\x9D") == 0;
        if ((open > 0 && !closes_paren) || (quoted && !closes_quote)) {
            skipped = true;
            continue;
        }
        int closed = 0;  // the parentheses the closing marks after the period close
        bool unquoted = false;
        while (std::size_t n = closer(e)) {
            closed += t[e] == ')';
            unquoted = unquoted || t[e] == '"' || n == 3;
            e += n;
        }
        std::size_t f = t.find_first_not_of(' ', e);
        if (f == std::string::npos) break;  // the text's last sentence
        if (f == e) continue;               // "1.5", "D.C.", "$.0027"
        unsigned char next = static_cast<unsigned char>(t[f]);
        bool opens = std::isupper(next) || t[f] == '"' || t[f] == '(' || t.compare(f, 3, "\xE2\x80\x9C") == 0;
        if (!opens) continue;
        std::size_t ws = t.rfind(' ', k);
        std::string word = t.substr(ws == std::string::npos ? 0 : ws + 1, k - (ws == std::string::npos ? 0 : ws + 1));
        while (!word.empty() && (word.front() == '(' || word.front() == '"')) word.erase(0, 1);
        if (c == '.' && never_final().count(word)) continue;
        if (c == '.' && (initials(word) || maybe_final().count(word) || (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))))) {
            std::size_t we = t.find_first_of(" .,;:()", f);
            std::string following = t.substr(f, (we == std::string::npos ? t.size() : we) - f);
            if (cite_words().count(following) || t.compare(f, 2, "\xC2\xA7") == 0) continue;
            why = "cannot tell whether \"" + word + ". " + following + "\" ends a sentence";
            return {};
        }
        out.emplace_back(start, e);
        open = std::max(0, open - closed);
        if (unquoted) quoted = false;
        start = f;
        k = f - 1;
    }
    // A parenthesis or a quotation never closed: the periods passed over inside it may have
    // ended sentences.
    if ((open > 0 || quoted) && skipped) {
        why = std::string("a ") + (open > 0 ? "parenthesis" : "quotation") + " is opened and never closed, so where its sentences end is not known";
        return {};
    }
    std::size_t end = t.find_last_not_of(' ');
    if (start <= end) out.emplace_back(start, end + 1);
    return out;
}

bool PhraseEdits::sentence_span(const Op& op, Provision* target, int n, std::size_t& b, std::size_t& e) {
    std::string what = sentence_name(n) + " of " + jobs.locate.cite_of(target);
    const std::string& txt = target->text.text;
    if (txt.find_first_not_of(' ') == std::string::npos) {
        fail(op, "expected " + what + ", but " + jobs.locate.cite_of(target) + " has no text of its own", "amend.sentence");
        return false;
    }
    std::string why;
    auto spans = sentence_spans(txt, why);
    if (spans.empty()) {
        fail(op, "cannot find " + what + ": " + why + "; quote words that appear once in the unit instead", "amend.sentence");
        return false;
    }
    std::size_t i = n == -1 ? spans.size() - 1 : static_cast<std::size_t>(n - 1);
    // Text that goes on in paragraphs of no designation after the unit's own: whether their
    // sentences count is not said, so the last one, or one past the first paragraph's, is unknown.
    bool more_paragraphs = std::any_of(target->children.begin(), target->children.end(), [](const Provision& c) { return c.kind == Kind::Text; });
    if (more_paragraphs && (n == -1 || i >= spans.size())) {
        fail(op, "cannot find " + what + ": its text goes on in paragraphs with no designation after its first, whose sentences may or may not be counted; "
                 "quote words that appear once in the unit instead",
             "amend.sentence");
        return false;
    }
    if (n == 0 || i >= spans.size()) {
        fail(op, "expected " + what + ", but its text has " + std::to_string(spans.size()) + " sentence" + (spans.size() == 1 ? "" : "s"),
             "amend.sentence");
        return false;
    }
    b = spans[i].first;
    e = spans[i].second;
    return true;
}

void PhraseEdits::whole_sentence_op(const Op& op, Provision* target, const TargetRef& t) {
    std::size_t b = 0, e = 0;
    if (!sentence_span(op, target, t.sentence, b, e)) return;
    RichText& rt = target->text;
    const std::string& txt = rt.text;
    std::string what = sentence_name(t.sentence) + " of " + jobs.locate.cite_of(target);
    // The last sentence of a lead-in goes on in the unit's parts ("... no agency shall: (1) ...;
    // (2) ..."): struck, restated or followed alone, it would leave them hanging from nothing.
    // (A lead-in that ends a sentence of its own, with a period, does not.)
    std::size_t end = txt.find_last_not_of(" \"'");
    bool goes_on = end != std::string::npos && txt[end] != '.' && txt[end] != '?' && txt[end] != '!' && txt.compare(end, 1, "\x9D") != 0;
    bool last = goes_on && txt.find_first_not_of(' ', e) == std::string::npos;
    auto part = std::find_if(target->children.begin(), target->children.end(),
                             [](const Provision& c) { return is_numbered(c.kind) && !c.designation.empty(); });
    // (A sentence restated that goes on as the old one did, "... shall:" for "... shall:", leaves
    // nothing hanging.)
    std::string restated = trim_blanks(op.replace);
    bool goes_on_too = op.type == OpType::Replace && !restated.empty() && end != std::string::npos && restated.back() == txt[end];
    if (last && part != target->children.end() && op.type != OpType::InsertBefore && !goes_on_too) {
        fail(op, "cannot change " + what + " alone: it goes on in its parts, " + part->designation +
                     " and after; strike or restate the unit, or quote the words to change",
             "amend.sentence");
        return;
    }
    std::string other = jobs.ledger.conflict_in(rt, b, e, op);
    if (!other.empty()) {
        fail(op, "this instruction and the one at " + other + " both change " + what, "amend.conflict");
        return;
    }
    std::string add = trim_blanks(op.replace);
    if (op.type != OpType::Strike && add.empty()) {
        fail(op, "expected the sentence to insert for " + what, "amend.sentence");
        return;
    }
    if (op.type != OpType::Strike) add = jobs.conventions.codified(op, add, target);  // as the D.C. codifier writes it
    Edit ed{b, e, add};
    std::string done;
    if (op.type == OpType::Strike) {
        // The sentence and the space after it go (or, for the last, the space before it).
        std::size_t after = txt.find_first_not_of(' ', e);
        if (after != std::string::npos) ed.end = after;
        else
            while (ed.begin > 0 && txt[ed.begin - 1] == ' ') --ed.begin;
        done = "struck " + what;
    } else if (op.type == OpType::Replace) {
        done = "struck " + what + " and inserted \"" + add + "\"";
    } else if (op.type == OpType::InsertBefore) {
        ed = Edit{b, b, add + " "};
        done = "inserted \"" + add + "\" before " + what;
    } else {
        ed = Edit{e, e, " " + add};
        done = "inserted \"" + add + "\" after " + what;
    }
    edit_marked(rt, {ed}, op);
    note(op, done, target);
}

void PhraseEdits::keep_sentence_hits(const Op& op, Provision* target, const TargetRef& t, std::vector<Hit>& hits, bool& ok) {
    ok = true;
    if (t.sentence == 0) return;
    std::size_t b = 0, e = 0;
    if (!sentence_span(op, target, t.sentence, b, e)) {
        ok = false;
        return;
    }
    hits.erase(std::remove_if(hits.begin(), hits.end(),
                              [&](const Hit& h) { return h.node != target || h.heading || h.begin < b || h.end > e; }),
               hits.end());
}

}  // namespace amend::applying
