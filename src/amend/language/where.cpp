#include "amend/language/where.hpp"

#include <vector>

#include "amend/language/lexer.hpp"
#include "amend/ops.hpp"
#include "model/text.hpp"

namespace amend::language {

namespace {
const char* const kOrdinals[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
}

std::string ordinal_word(int n) { return n == -1 ? "last" : n >= 1 && n <= 10 ? kOrdinals[n - 1] : "?"; }

int ordinal_value(const std::string& word) {
    std::string w = ascii_lower(word);
    for (int i = 0; i < 10; ++i)
        if (w == kOrdinals[i]) return i + 1;
    return (w == "last" || w == "final") ? -1 : 0;
}

namespace {

const char* const kExpected =
    "\"in its place\", \"each place it appears\", \"wherever it appears\", \"both times it appears\", "
    "\"the second time it appears\", \"at the end\", \"in the lead-in language\", \"in the second sentence\", \"in the section heading\", "
    "\"in the tabular array\" or \"in subsection (a)\"";

struct Reader {
    const std::vector<Token>& t;
    std::size_t i = 0;

    bool at_word(const char* w, std::size_t k = 0) const { return i + k < t.size() && t[i + k].is(w); }
    bool take(const char* w) {
        if (!at_word(w)) return false;
        ++i;
        return true;
    }
    template <class... W>
    bool take_any(W... ws) {
        for (const char* w : {ws...})
            if (take(w)) return true;
        return false;
    }
    bool ordinal_here() const { return i < t.size() && t[i].kind == Token::Kind::Word && ordinal_value(t[i].text) != 0; }

    // "it appears", "that it appears", "they appear", "the phrase appears"; optional.
    void appears() {
        std::size_t save = i;
        take_any("that", "where");
        bool subject = take_any("it", "they");
        if (!subject && take_any("the", "such")) subject = i < t.size() && t[i].kind == Token::Kind::Word && (++i, true);
        if (subject && take_any("appears", "appear", "occurs", "occur")) return;
        i = save;
    }

    // "in subsection (a)(1)", "from paragraph (2)": a unit word and its designations.
    bool unit_named(Where& w) {
        // A unit word of the vocabulary (unit_depth), singular, then its designations.
        if (!(at_word("in") || at_word("from")) || i + 2 >= t.size() || t[i + 2].kind != Token::Kind::Designation) return false;
        const std::string& kind = t[i + 1].text;
        if (unit_depth(kind) == 0 || ascii_lower(kind).back() == 's') return false;
        std::string unit = t[i + 1].text + " ";
        i += 2;
        while (i < t.size() && t[i].kind == Token::Kind::Designation) unit += "(" + t[i++].text + ")";
        w.unit = unit;
        return true;
    }

    // One clause; false when none starts here.
    bool clause(Where& w) {
        if (unit_named(w)) return true;
        std::size_t save = i;
        if (take("in")) {
            if (take_any("its", "their") && take("place")) return w.in_place = true;
            i = save + 1;
            if (take("place") && take("thereof")) return w.in_place = true;
            i = save + 1;
            if (take("lieu") && take("thereof")) return w.in_place = true;
            i = save + 1;
            if (take("each") && take_any("place", "instance")) {
                appears();
                return w.each = true;
            }
            i = save + 1;
            if (take("both") && take("places")) {
                appears();
                w.expect_count = 2;
                return w.each = true;
            }
            i = save + 1;
            // "in the lead-in language", "in the introductory text": the unit's words before its
            // first numbered part.
            if (take("the") && (take_any("lead-in", "introductory", "opening") || (take("lead") && take("in"))) &&
                take_any("language", "text", "clause", "matter"))
                return w.in_leadin = true;
            i = save + 1;
            // "in the second sentence", "in the last sentence": of the unit's own text.
            if (take("the") && ordinal_here()) {
                int n = ordinal_value(t[i].text);
                ++i;
                if (take("sentence")) {
                    w.sentence = n;
                    return true;
                }
                if (take("tabular") && take("array")) {  // "in the second tabular array"
                    w.table_ordinal = n;
                    return w.in_table = true;
                }
            }
            i = save + 1;
            if (take("the") && (take("section"), take("heading"))) return w.in_heading = true;
            i = save + 1;
            if (take("the") && take("tabular") && take("array")) return w.in_table = true;
            i = save;
            return false;
        }
        if (take_any("each", "every")) {
            if (!take_any("place", "time", "instance", "occurrence", "location")) return (i = save, false);
            appears();
            return w.each = true;
        }
        if (take("all")) {
            if (!take_any("places", "instances", "occurrences")) return (i = save, false);
            appears();
            return w.each = true;
        }
        if (take_any("wherever", "everywhere")) {
            appears();
            return w.each = true;
        }
        // "striking "ICE" throughout": every place in the unit named (never "throughout" another unit).
        if (at_word("throughout") && (i + 1 == t.size() || t[i + 1].is("and") || t[i + 1].kind == Token::Kind::Punct)) {
            ++i;
            return w.each = true;
        }
        if (take("both")) {
            if (!take_any("times", "places")) return (i = save, false);
            appears();
            w.expect_count = 2;
            return w.each = true;
        }
        take("the");
        if (ordinal_here()) {
            int n = ordinal_value(t[i].text);
            ++i;
            if (!take_any("time", "place", "instance", "occurrence")) return (i = save, false);
            appears();
            w.occurrence = n;
            return true;
        }
        i = save;
        if (take("where") && take("it") && ordinal_here()) {
            int n = ordinal_value(t[i].text);
            ++i;
            if (take("appears")) {
                w.occurrence = n;
                return true;
            }
        }
        i = save;
        if (take("at") && take("the") && take("end")) {
            take("thereof");
            return w.at_end = true;
        }
        i = save;
        return take("immediately");
    }
};

}  // namespace

std::optional<Unread> read_where(const std::string& words, Where& w) {
    std::vector<Token> toks = lex(words);
    Reader r{toks};
    while (r.i < toks.size()) {
        if (toks[r.i].kind == Token::Kind::Punct && (toks[r.i].text == "," || toks[r.i].text == "." || toks[r.i].text == ";")) {
            ++r.i;
            continue;
        }
        const std::size_t at = r.i;
        const Where before = w;
        if (r.clause(w)) {
            // A second sentence or occurrence ("in the first sentence and in the second
            // sentence"): not one place, and never the last alone.
            bool again = (before.sentence && w.sentence != before.sentence) || (before.occurrence && w.occurrence != before.occurrence) ||
                         (before.expect_count && w.expect_count != before.expect_count) || (!before.unit.empty() && w.unit != before.unit);
            if (!again) continue;
            Unread u;
            u.at = toks[at].at;
            u.words = words.substr(u.at);
            u.expected = kExpected;
            return u;
        }
        if (r.take("and")) continue;
        Unread u;
        u.at = toks[r.i].at;
        u.words = words.substr(u.at);
        u.expected = kExpected;
        return u;
    }
    return std::nullopt;
}

}  // namespace amend::language
