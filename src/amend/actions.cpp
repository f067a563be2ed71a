// One action of a drafting sentence ("striking "X" and inserting "Y" in its place", "adding a new
// subsection (c)"), read to its last word: the phrases, the units, and where (language/where.hpp).
#include "amend/actions.hpp"

#include <algorithm>

#include "amend/language/target.hpp"
#include "amend/language/where.hpp"
#include "model/text.hpp"
#include "parse/regex.hpp"

namespace amend::actions {

namespace {

using regex = rx::Regex;
using smatch = rx::Match;
using rx::icase;

// The verbs of an action and the words for the units it names, one table each: every rule that
// reads an action, and the errors of those that cannot, use them.
const std::string STRIKE = R"((?:striking|strike|deleting|delete|omitting|omit)\s+(?:out\s+)?)";  // strike, strike out, delete, omit
const std::string INSERT = R"((?:inserting|insert|adding|add|substituting|substitute))";       // insert, add, substitute
const std::string UNITS = R"((?:(?:sub-?)*(?:section|paragraph|clause)s?|items?|subclauses?))";  // a unit word, or its plural
const std::string UNIT = R"((?:(?:sub-?)*(?:section|paragraph|clause)|item|subclause))";         // a unit word


std::string punct_of(std::string w) {
    w = ascii_lower(std::move(w));
    if (w == "semicolon" || w == "semi-colon") return ";";
    if (w == "period") return ".";
    if (w == "comma") return ",";
    if (w == "colon") return ":";
    if (w == "em dash" || w == "em-dash" || w == "dash") return "\xE2\x80\x94";
    return "";
}

// The words after an action's phrases, read to their last word (language/where.hpp); false,
// with `unread` set, at the first word that is not read.
bool where_clause(const std::string& words, Op& op, std::optional<language::Unread>& unread) {
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
    if (w.in_leadin) op.in_leadin = true;
    if (w.in_table) op.in_table = true;
    if (w.table_ordinal) op.table_ordinal = w.table_ordinal;
    if (w.sentence) op.in_sentence = w.sentence;
    if (!w.unit.empty()) {  // the words stand in that unit of the one amended
        TargetRef t;
        if (!language::read_target(w.unit, language::Masked{}, t) || !t.relative) return false;
        t.inside = true;
        op.targets.push_back(t);
    }
    return true;
}

}  // namespace

// Where a new unit goes, as the words say: "after paragraph (2)", "at the end". Words that put it
// in another unit ("at the end of subsection (b)", "after paragraph (2) of subsection (b)")
// name a place the target does not: not read, never dropped.
namespace {

bool table_target(Op& op) {
    if (std::none_of(op.targets.begin(), op.targets.end(), [](const TargetRef& t) { return t.table; })) return true;
    if (op.targets.size() != 1) return false;
    TargetRef& t = op.targets[0];
    switch (op.type) {
        case OpType::Restate: op.type = OpType::SetText, op.find_kind = "tabular array", op.table_restated = true; break;
        case OpType::Replace:
        case OpType::Strike:
        case OpType::InsertBefore:
        case OpType::InsertAfter:
        case OpType::InsertAtEnd: op.in_table = true; break;
        default: return false;
    }
    op.table_ordinal = t.table_ordinal;
    t.table = false;
    t.table_ordinal = 0;
    return true;
}

// The first words of the quoted blocks, as the sentence inserted.
void sentence_quoted(Op& op) {
    for (const auto& b : op.blocks)
        if (op.replace.empty() && !b.text.empty()) op.replace = b.text.text;
}

}  // namespace

bool narrow_to_part(Op& op) {
    if (op.in_leadin)
        for (auto& t : op.targets)
            if (t.part == TargetRef::Part::Whole) t.part = TargetRef::Part::Text;
    if (op.in_sentence)
        for (auto& t : op.targets) t.sentence = op.in_sentence;
    if (!table_target(op)) return false;
    if (op.type == OpType::Restate && !op.targets.empty() && op.targets[0].sentence != 0) {
        op.type = OpType::Replace;
        op.find_kind = "sentence";
        sentence_quoted(op);
        op.blocks.clear();
    }
    // "striking the first sentence and inserting the following sentence in its place:" with
    // the sentence quoted below.
    if (op.find_kind == "sentence" && op.replace.empty() && op.type != OpType::Strike) sentence_quoted(op);
    return true;
}

bool names_other_unit(const std::string& place) {
    static const regex other(R"(\b(?:of|in|to)\s+(?:the\s+)?(?:sub-?)*(?:sections?|paragraphs?|clauses?|items?|subclauses?)\s+[0-9(]|\bof\s+(?:the\s+)?(?:section|title|chapter|subchapter|part|article)\s+[0-9(])", icase);
    return rx::search(place, other);
}

language::Unread unread_action(const std::string& a) {
    static const regex struck(R"(^((?:by\s+)?)" + STRIKE + R"()(.*)$)", icase);
    static const regex inserted(R"(^((?:by\s+)?)" + INSERT + R"(\s+)(.*)$)", icase);
    static const regex to_read(R"(^(to\s+read\s+as\s+follows)(.*)$)", icase);
    // Units struck by their designations, then more words ("striking subsection (b) and inserting
    // in lieu thereof ..."): the words after the designations.
    static const regex units_struck(R"(^((?:by\s+)?)" + STRIKE + UNITS + R"(\s+(?:\([^()\s]+\)[\s,]*(?:(?:and|or|through)\s+(?=\())?)+)(\S.*)$)", icase);
    // A range that cannot be counted out ("(C) through (A)", "(1) through (c)").
    static const regex range_struck(R"(^((?:by\s+)?)" + STRIKE + UNITS + R"(\s+)((?:\([^()\s]+\))+\s+through\s+(?:\([^()\s]+\))+)\s*\.?$)", icase);
    smatch mm;
    auto after = [&](std::string expected) {
        return language::Unread{static_cast<std::size_t>(mm[1].length()), mm[2].str(), std::move(expected)};
    };
    if (rx::match(a, mm, range_struck) && language::designation_list(mm[2].str()).empty())
        return after("a range counted from its first designation to its last, of one kind (\"(A) through (C)\")");
    if (rx::match(a, mm, units_struck))
        return after("nothing after the units struck (a unit restated is \"amended to read as follows:\")");
    if (rx::match(a, mm, struck))
        return after("what is struck (a quotation \"X\", a mark such as \"the period\", a unit such as \"subsection (b)\" or "
                     "a sentence such as \"the second sentence\"), then \"and inserting ...\" or where (\"each place it appears\")");
    if (rx::match(a, mm, inserted))
        return after("what is inserted (a quotation \"X\" or a new unit such as \"a new paragraph (3) to read as follows:\"), "
                     "then where (\"after \"Y\"\", \"at the end\")");
    if (rx::match(a, mm, to_read)) return after("\":\" and the new text");
    return language::Unread{0, a, "\"by striking ...\", \"by inserting ...\", \"by adding ...\", \"to read as follows:\" or \"as follows:\""};
}

bool stated_place(const std::string& place, std::size_t at, Op& op, std::optional<language::Unread>& unread) {
    // "after subsection (c)", "before paragraph (2)": the sibling named, kept to be checked.
    static const regex beside(R"(^(after|before)\s+(?:the\s+)?(?:existing\s+)?)" + UNIT + R"(\s+((?:\([^()\s]+\))+)\s*,?$)", icase);
    static const regex after_words(R"(^(?:after|before)\s+(?:the\s+)?(?:(?:words?|phrases?|sentences?|text|language)\b|«))", icase);
    smatch bm;
    if (rx::match(place, bm, beside)) {
        std::string d = language::chain_of(bm[2].str()).back();
        (ascii_lower(bm[1].str()) == "after" ? op.stated_after : op.stated_before) = d;
    } else if (rx::search(place, after_words)) {
        // Beside words ("after the phrase "X""): where that puts a unit is not said.
        unread = language::Unread{at, place, "a unit the new one goes after or before (\"after subsection (c)\"), or nothing (number order)"};
        return false;
    }
    return true;
}

// "substituting "X" for "Y"", "replacing "Y" with "X"" and "inserting after "Y" the following: "X""
// in the order the rest reads: "striking "Y" and inserting "X"", "inserting "X" after "Y"".
std::string as_strike_and_insert(const std::string& a) {
    static const std::string Q = R"((?:the\s+)?(?:(?:phrase|words?|terms?|figures?|numbers?|dates?|citations?|references?|amounts?)\s+)?«\d+»)";
    static const regex substituting(R"(^((?:by\s+)?)(?:substituting|substitute)\s+()" + Q + R"()\s+for\s+()" + Q + R"()(.*)$)", icase);
    static const regex replacing(R"(^((?:by\s+)?)(?:replacing|replace)\s+()" + Q + R"()(.*?)\s+with\s+()" + Q + R"()(.*)$)", icase);
    // "inserting after "Y" the following: "X"", "inserting, after "Y", the word "X"": "inserting "X" after "Y"".
    static const regex place_first(
        R"(^((?:by\s+)?(?:inserting|insert|adding|add)),?\s+((?:immediately\s+)?(?:before|after|following|preceding)\s+)" + Q +
            R"(),?\s+(?:the\s+following(?:\s+(?:phrase|words?|language|text))?\s*:?\s*|(?:the\s+)?((?:phrase|words?|terms?)\s+)?)(«\d+»)(.*)$)",
        icase);
    smatch mm;
    if (rx::match(a, mm, substituting)) return mm[1].str() + "striking " + mm[3].str() + " and inserting " + mm[2].str() + mm[4].str();
    if (rx::match(a, mm, replacing)) return mm[1].str() + "striking " + mm[2].str() + mm[3].str() + " and inserting " + mm[4].str() + mm[5].str();
    if (rx::match(a, mm, place_first)) return mm[1].str() + " " + mm[3].str() + mm[4].str() + " " + mm[2].str() + mm[5].str();
    return a;
}

// Parses one action (after "by", or an imperative). Returns false when it is not one.
bool read_action(const std::string& action, const Masked& m, Op& op, std::optional<language::Unread>& unread) {
    const std::string a = as_strike_and_insert(action);
    smatch mm;
    // The nouns drafters put before a quoted phrase, and the punctuation they name: one table
    // for the words struck and the words inserted alike.
    static const std::string NOUNS = "phrase|phase|words?|terms?|dates?|figures?|numbers?|numerals?|sentences?|section designation|designations?|language|text|citations?|references?|amounts?|dollar amounts?|sums?|abbreviations?|acronyms?|years?|names?|letters?|characters?|(?:section |subtitle |title |chapter |subchapter |part )?headings?";
    static const std::string NOUN = R"((?:new\s+)?()" + NOUNS + ")";      // the noun captured
    static const std::string NOUN_NC = R"((?:new\s+)?(?:)" + NOUNS + ")";  // the same, capturing nothing
    static const std::string PK = R"((?:the\s+)?(?:)" + NOUN + R"(\s+)?)";
    static const std::string STR = R"((?:«(\d+)»|(?:the\s+|a\s+|an\s+)?(semicolon|semi-colon|period|comma|colon|em dash|em-dash)))";
    static const regex replace_re("^(?:by\\s+)?" + STRIKE + PK + STR + R"((.*?)\s+and\s+(?:by\s+)?)" + INSERT +
                                      R"(\s+(?:in\s+lieu\s+thereof\s+|in\s+its\s+place\s+)?(?:(?:the|a|an)\s+)?(?:)" + NOUN_NC + R"(\s+)?)" +
                                      STR + R"((.*)$)",
                                  icase);
    static const regex strike_re("^(?:by\\s+)?" + STRIKE + PK + STR + R"((.*)$)", icase);
    static const regex strike_unit(R"(^(?:by\s+)?)" + STRIKE + "(" + UNITS + R"()\s+(.*?)\.?$)", icase);
    static const regex insert_rel("^(?:by\\s+)?(?:inserting|insert|adding|add)\\s+(?:(?:the|a|an)\\s+)?(?:" + NOUN_NC + "\\s+)?" + STR + "\\s+(?:immediately\\s+)?(before|after|following|preceding)\\s+" + PK + STR + R"((.*)$)", icase);
    // "adding at the end the following: "X"", "adding the following sentence at the end of subsection (d): "X"".
    static const regex insert_end(R"(^(?:by\s+)?(?:inserting|insert|adding|add)\s+(?:(?:the|a|an)\s+)?(?:following\s+)?(?:(?:new\s+)?(?:phrase|words?|sentences?|terms?|language|text)\s+)?(?:«(\d+)»\s+)?at\s+the\s+end(?:\s+thereof|\s+of\s+((?:(?:sub-?)*(?:section|paragraph|clause)|item|subclause)\s+\([^()\s]+\)(?:\([^()\s]+\))*))?(?:\s+(?:the\s+following|to\s+read\s+as\s+follows|as\s+follows)\s*:?|\s*:)?\s*(?:«(\d+)»)?\s*\.?$)", icase);
    static const regex add_unit(R"(^(?:by\s+)?(?:adding|add|inserting|insert)\s+(?:(?:a|an)\s+)?(?:the\s+following\s+)?(?:(new\s+)?((?:sub-?)*(?:section|paragraph|clause)s?|items?|subclauses?|definitions?|(?:title|subtitle|chapter|subchapter|part|division|article)s?)|(?:new\s+)?(definitions))\s*(.*?)\s*(?:(at\s+the\s+end(?:\s+of\s+.*?)?|in\s+(?:the\s+)?(?:appropriate\s+)?alphabetical\s+order|after\s+.*?|before\s+.*?|between\s+.*?)\s*)?(?:(?:to\s+read|which\s+reads?)\s+as\s+follows|as\s+follows)?\s*:?\.?$)", icase);
    static const regex designate(R"(^(?:by\s+)?(?:designating|designate)\s+the\s+existing\s+text(?:\s+of\s+.*?)?\s+as\s+((?:sub-?)*(?:section|paragraph|clause)|item)\s+(\([^()\s]+\))\.?$)", icase);

    // A whole sentence of the unit: "striking the first sentence", "... and inserting the
    // following sentence in its place:", "adding after the final sentence the following:",
    // "inserting the sentence "X" before the last sentence".
    static const std::string ORD = "(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)";
    static const regex strike_sentence("^(?:by\\s+)?" + STRIKE + "the\\s+" + ORD +
                                           R"(\s+sentence(?:\s+of\s+((?:(?:sub-?)*(?:section|paragraph|clause)|item|subclause)\s+\([^()\s]+\)(?:\([^()\s]+\))*))?(?:\s+and\s+(?:by\s+)?(?:inserting|insert|substituting|substitute)\s+(?:the\s+following\s+(?:new\s+)?sentence\s+in\s+its\s+place|(?:(?:the|a)\s+(?:new\s+)?sentence\s+)?«(\d+)»(?:\s+in\s+its\s+place)?)\s*:?\s*(?:«(\d+)»)?)?\s*\.?$)",
                                       icase);
    static const regex insert_sentence(R"(^(?:by\s+)?(?:adding|add|inserting|insert)\s+(?:(?:the|a|an)\s+(?:new\s+)?sentence\s+)?(?:«(\d+)»\s+)?(?:immediately\s+)?(before|after|following|preceding)\s+the\s+)" + ORD +
                                           R"(\s+sentence(?:\s*,?\s+(?:the\s+following(?:\s+(?:new\s+)?sentence)?|to\s+read\s+as\s+follows|as\s+follows))?\s*:?\s*(?:«(\d+)»)?\s*\.?$)",
                                       icase);
    // "striking the tabular array and inserting the following tabular array in its place:": the
    // unit's one table (or "the second tabular array": that one), the one quoted in its place.
    static const regex table_re("^(?:by\\s+)?(?:striking|strike)\\s+the\\s+(?:" + ORD +
                                    R"(\s+)?tabular\s+array\s+and\s+(?:by\s+)?(?:inserting|insert)\s+the\s+following\s+(?:new\s+)?tabular\s+array\s+in\s+its\s+place\s*:?\s*\.?$)",
                                icase);
    if (rx::match(a, mm, table_re)) {
        op.type = OpType::SetText;
        op.find_kind = "tabular array";
        if (mm[1].matched) op.table_ordinal = language::ordinal_value(mm[1]);
        return true;  // the table comes as a block
    }
    if (rx::match(a, mm, strike_sentence)) {
        int n = language::ordinal_value(mm[1]);
        static const regex inserting(R"(\b(?:inserting|insert|substituting|substitute)\b)", icase);
        bool inserts = rx::search(a, inserting);
        op.type = inserts ? OpType::Replace : OpType::Strike;
        op.find_kind = "sentence";
        op.in_sentence = n;
        for (int g : {3, 4})  // "inserting "X" in its place", or "... in its place: "X""
            if (mm[g].matched && op.replace.empty()) op.replace = m.quoted(mm[g]);
        if (mm[2].matched) {  // "the last sentence of subparagraph (A)": of a unit of the one amended
            TargetRef t;
            if (!language::read_target(mm[2].str(), m, t) || !t.relative) return false;
            t.inside = true;
            op.targets.push_back(t);
        }
        return true;  // a sentence to insert may come as a block
    }
    if (rx::match(a, mm, insert_sentence)) {
        std::string pos = ascii_lower(mm[2].str());
        op.type = (pos == "before" || pos == "preceding") ? OpType::InsertBefore : OpType::InsertAfter;
        op.find_kind = "sentence";
        op.in_sentence = language::ordinal_value(mm[3]);
        if (mm[1].matched) op.replace = m.quoted(mm[1]);
        else if (mm[4].matched) op.replace = m.quoted(mm[4]);
        return true;
    }
    if (rx::match(a, mm, replace_re)) {
        op.type = OpType::Replace;
        op.find_kind = mm[1].matched ? mm[1].str() : (mm[3].matched ? mm[3].str() : "phrase");
        op.find = mm[2].matched ? m.quoted(mm[2]) : punct_of(mm[3]);
        op.replace = mm[5].matched ? m.quoted(mm[5]) : punct_of(mm[6]);
        if (!where_clause(mm[4].str() + " " + mm[7].str(), op, unread)) return false;
        if (!mm[2].matched && op.find_kind != "phrase") op.at_end = true;  // "the period" ends the unit
        return !op.find.empty();
    }
    // Only the designations: "striking subsection (b) and inserting in lieu thereof ..." is
    // not the unit struck alone.
    static const regex only_designations(R"(^\s*(?:\([^()\s]+\)[\s,]*(?:and\s+|or\s+|through\s+)?)+$)", icase);
    if (rx::match(a, mm, strike_unit) && rx::match(mm[2].str(), only_designations)) {
        auto list = language::designation_list(mm[2]);
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
    // "by striking the definition of "Coercion"", "the definitions of "A" and "B"": each struck, as
    // "The definition of "Coercion" is repealed." is.
    static const regex strike_definitions("^(?:by\\s+)?" + STRIKE + R"((?:the\s+)?definitions?\s+of\s+(«\d+»(?:\s*,\s*(?:and\s+)?«\d+»|\s+and\s+«\d+»)*)\s*\.?$)", icase);
    if (rx::match(a, mm, strike_definitions)) {
        static const regex quote(R"(«\d+»)");
        const std::string list = mm[1];
        for (const rx::Match& q : rx::all(list, quote)) {
            TargetRef t;
            if (!language::read_target("the definition of " + q.str(), m, t)) return false;
            op.targets.push_back(t);
        }
        op.type = OpType::Repeal;
        return !op.targets.empty();
    }
    static const regex inserting_words(R"(\b(?:insert|inserting|substitut\w*|adding)\b)", icase);
    if (rx::match(a, mm, strike_re) && !rx::search(mm[4].first, mm[4].second, inserting_words)) {
        op.type = OpType::Strike;
        op.find_kind = mm[1].matched ? mm[1].str() : (mm[3].matched ? mm[3].str() : "phrase");
        op.find = mm[2].matched ? m.quoted(mm[2]) : punct_of(mm[3]);
        if (!where_clause(mm[4], op, unread)) return false;
        if (!mm[2].matched) op.at_end = true;
        return !op.find.empty();
    }
    if (rx::match(a, mm, insert_rel)) {
        std::string pos = mm[3];
        pos = ascii_lower(std::move(pos));
        op.type = (pos == "before" || pos == "preceding") ? OpType::InsertBefore : OpType::InsertAfter;
        op.replace = mm[1].matched ? m.quoted(mm[1]) : punct_of(mm[2]);  // "Add a comma after ..."
        op.anchor = mm[5].matched ? m.quoted(mm[5]) : punct_of(mm[6]);
        if (!where_clause(mm[7], op, unread)) return false;
        return !op.replace.empty() && !op.anchor.empty();
    }
    if (rx::match(a, mm, insert_end)) {
        if (mm[1].matched && mm[3].matched) return false;  // two quotations for one insertion: which, not said
        op.type = OpType::InsertAtEnd;
        if (mm[1].matched) op.replace = m.quoted(mm[1]);
        else if (mm[3].matched) op.replace = m.quoted(mm[3]);
        if (mm[2].matched) {  // the end of a unit of the one amended
            TargetRef t;
            if (!language::read_target(mm[2].str(), m, t) || !t.relative) return false;
            t.inside = true;
            op.targets.push_back(t);
        }
        return true;  // the text may come as a block
    }
    // "inserting after subsection (b) a new subsection (b-1) to read as follows:": the place first.
    static const regex place_first(
        R"(^((?:by\s+)?(?:adding|add|inserting|insert))\s+(?:immediately\s+)?((?:after|before)\s+(?:the\s+)?(?:(?:sub-?)*(?:section|paragraph|clause)|item|subclause)\s+[^\s,]+),?\s+((?:a|an)\s+new\s+.*?)\s*((?:(?:to\s+read|which\s+reads?)\s+as\s+follows|as\s+follows)?\s*:?\.?)$)",
        icase);
    std::string moved = a;
    std::size_t place_at = std::string::npos;  // where the place stands in the words as written
    static const regex another_place(R"(\b(?:after|before|following|preceding|between|at\s+the\s+end)\b)", icase);
    if (rx::match(a, mm, place_first) && !rx::search(mm[3].first, mm[3].second, another_place)) {
        place_at = static_cast<std::size_t>(mm.position(2));
        moved = mm[1].str() + " " + mm[3].str() + " " + mm[2].str() + " " + mm[4].str();
    }
    if (rx::match(moved, mm, add_unit)) {
        if (mm[5].matched && names_other_unit(mm[5].str())) return false;
        if (mm[5].matched && !stated_place(mm[5].str(), place_at != std::string::npos ? place_at : static_cast<std::size_t>(mm.position(5)), op, unread))
            return false;
        op.type = OpType::Add;
        std::string kind = mm[2].matched ? mm[2].str() : mm[3].str();
        kind = ascii_lower(std::move(kind));
        std::string des = mm[4];
        // Without "new", only a unit named by its designation is added ("by adding a subsection (ii)").
        bool named_new = mm[1].matched || mm[3].matched || kind == "definitions";
        std::string singular = kind.size() > 1 && kind.back() == 's' ? kind.substr(0, kind.size() - 1) : kind;
        if (is_container_kind(singular)) {
            // "by adding a new Title VII-B": a unit above the section, named by its number.
            op.add_kind_word = singular;
            static const regex num(R"([0-9A-Za-z][0-9A-Za-z.\-]*)");
            static const regex and_word(R"(^and$)", icase);
            for (const rx::Match& n : rx::all(des, num))
                if (!rx::match(n[0].str(), and_word)) op.new_designations.push_back(n[0]);
            return !op.new_designations.empty();
        }
        op.add_kind_word = kind;
        for (auto& l : language::designation_list(des))
            if (!l.empty()) op.new_designations.push_back(l.back());
        static const regex secnum(R"(([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z]))");
        if (kind.rfind("section", 0) == 0 && op.new_designations.empty())
            for (const rx::Match& it : rx::all(des, secnum))
                op.new_designations.push_back(it[1]);
        return named_new || !op.new_designations.empty();
    }
    if (rx::match(a, mm, designate)) {
        op.type = OpType::Designate;
        op.add_kind_word = mm[1];
        op.new_designations.push_back(language::chain_of(mm[2]).at(0));
        return true;
    }
    return false;
}

}  // namespace amend::actions
