// Reading drafting language ("Subsection (a) is amended by striking the phrase "X" and inserting
// the phrase "Y" in its place.") into operations. Quoted phrases are masked first («0», «1», ...)
// so that the grammar below never looks inside the law's own words.
#include "parse/regex.hpp"
#include <cctype>
#include <cstring>
#include <optional>

#include "amend/language/forms.hpp"
#include "amend/language/lexer.hpp"
#include "amend/language/target.hpp"
#include "amend/language/typos.hpp"
#include "amend/language/where.hpp"
#include "amend/actions.hpp"
#include "amend/heading_added.hpp"
#include "amend/refusals.hpp"
#include "model/designation.hpp"
#include "amend/ops.hpp"
#include "amend/restatement.hpp"
#include "amend/run_on.hpp"
#include "model/diagnostic.hpp"
#include "model/text.hpp"
#include "parse/dc_law.hpp"

namespace amend {

namespace {

using regex = rx::Regex;
using smatch = rx::Match;
using rx::icase;
using language::chain_of;
using language::designation_list;
using language::mask_quotes;
using language::Masked;


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

    // The error of an action that could not be read: at the first word not read when known, else
    // at the first words of the `action` that no rule began to read.
    void action_error(const InstructionItem& it, const std::string& raw, const std::string& action = {}) {
        if (!unread && !action.empty()) unread = actions::unread_action(action);
        if (!unread) {
            return error(it, "cannot read the instruction \"" + raw + "\": expected \"by striking ...\", \"by inserting ...\", \"by adding ...\", \"to read as follows:\" or \"as follows:\"");
        }
        language::Unread u = *unread;
        unread.reset();
        std::string shown = unmasked(u.words);
        while (!shown.empty() && (shown.back() == '.' || shown.back() == ' ' || shown.back() == ';' || shown.back() == ':')) shown.pop_back();
        // A quotation that holds the drafting words after it ("detain and inserting ") was
        // likely never closed where the drafter meant: the error says so.
        std::string hint;
        static const regex drafting_inside(R"(\s(?:and|or)\s+(?:by\s+)?(?:inserting|insert|adding|add|substituting)(?:\s|$))", icase);
        if (masked)
            for (const auto& q : masked->quotes)
                if (rx::search(q, drafting_inside)) {
                    hint = "; the quotation \"" + q + "\" holds drafting words: is a quotation mark missing in it?";
                    break;
                }
        error_at(it, u.words, "cannot read \"" + shown + "\": expected " + u.expected + hint);
    }

    void outside(const InstructionItem& it, const TargetRef& named, const TargetRef& base) {
        error(it, "the unit named beside the words, " + named.describe() + ", is not within " + base.describe() + ", which the instruction amends");
    }

    static bool amends(const Provision& block) {
        static const regex instruction(
            R"(^(?:(?:the\s+)?(?:(?:sub-?)*(?:section|paragraph|clause)|item|title|subtitle|part|chapter)\s+\S+.*?\s+(?:is|are)\s+(?:hereby\s+)?(?:amended|repealed|redesignated)\b|(?:strike|insert|add)\s+(?:the|a|an|new)\s).*$)",
            icase);
        return rx::match(block.text.text, instruction);
    }


    // Typos read where only one reading is possible (language/typos.hpp), each with a warning
    // naming the words assumed.
    std::string correct_typos(std::string s, const InstructionItem& it) {
        for (const auto& [was, now] : language::correct_typos(s))
            res.warnings.push_back(Diagnostic{it.file, it.line, it.col, "read \"" + unmasked(was) + "\" as \"" + unmasked(now) + "\"",
                                              "amend.typo", "", Severity::Warning});
        return s;
    }

    // One action (after "by", or an imperative), read by amend/actions.cpp; false when it is not
    // one, with `unread` set where the words after its phrases could not be read.
    bool parse_action(const std::string& a, const Masked& m, Op& op) { return actions::read_action(a, m, op, unread); }

    // The sections a target names by their Code cites, each a target of `op`: "Sections 304, 305,
    // and 306 (D.C. Official Code §§ 34-1313.04, 34-1313.05, and 34-1313.06)", "Sections 406
    // (D.C. Official Code § 9-204.06) and 407 (D.C. Official Code § 9-204.07)", "Title II (D.C.
    // Official Code §§ 34-1312.01 through 34-1312.12)" (the sections the D.C. Code's index holds
    // from the first to the last), and with `whole_act` "the X Act (D.C. Official Code § 2-1551
    // et seq.)" (its first section, marked as the Act's). False when none is named.
    static bool cited_sections(const std::string& words, const TargetRef& t, const TargetRef& ctx, Op& op, bool whole_act) {
        static const regex range_cited(R"((?:D\.\s*C\.|District\s+of\s+Columbia)\s+Official\s+Code\s+§§\s*([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])\s+through\s+([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])\s*\))", icase);
        static const regex listed(R"(§§\s*((?:[0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])(?:\s*,\s*(?:and\s+)?[0-9][0-9A-Za-z:.\-]*[0-9A-Za-z]|\s+and\s+[0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])+)\s*\))", icase);
        static const regex plural(R"(^(?:the\s+)?sections\s)", icase);
        static const regex one_cite(R"(\((?:[^()]*;\s*)?(?:D\.\s*C\.|District\s+of\s+Columbia)\s+Official\s+Code\s+§\s*([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z](?:\([^()\s]+\))*)\))", icase);
        static const regex num(R"([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z])");
        auto add = [&](const std::string& cite) {  // "2-1-010", or "2-1-010(c)" with its designations
            TargetRef u;
            std::size_t open = cite.find('(');
            u.section = cite.substr(0, open);
            if (open != std::string::npos) u.path = language::chain_of(cite.substr(open));
            u.title = ctx.title;
            op.targets.push_back(u);
        };
        smatch lm;
        if (rx::search(words, lm, listed)) {
            std::string list = lm[1];
            for (const rx::Match& n : rx::all(list, num)) add(n[0]);
            return true;
        }
        if (rx::search(words, lm, range_cited)) return language::dc_section_range(lm[1], lm[2], ctx, op);
        if (rx::search(words, plural)) {
            std::vector<std::string> cited;
            for (const rx::Match& n : rx::all(words, one_cite)) cited.push_back(n[1]);
            if (cited.size() < 2) return false;
            for (const auto& c : cited) add(c);
            return true;
        }
        if (whole_act && !t.et_seq.empty()) {
            // The Act is named by its first section, as the codifier names it; applying takes
            // every section of the Code's unit that holds it from there (apply/units.cpp).
            add(t.et_seq);
            op.targets.back().et_seq = t.et_seq;
            return true;
        }
        return false;
    }

    // One target, or one per designation of a plural ("Paragraphs (3) and (4)").
    void push_targets(Op& op, const TargetRef& ctx, const TargetRef& t, const std::vector<std::vector<std::string>>& many) {
        if (many.size() <= 1) {
            op.targets.push_back(language::join_target(ctx, t));
            return;
        }
        for (const auto& l : many) {
            TargetRef u = t;
            u.path = l;
            op.targets.push_back(language::join_target(ctx, u));
        }
    }

    // An operation read, its targets narrowed to their lead-in text where the action says so.
    // The unit the item being read sits in ("Section 2-173-042(b) is amended as follows:").
    const TargetRef* enclosing = nullptr;

    void push(Op op) {
        // What an operation may not be, whatever the code holds (refusals.hpp).
        for (auto refused : {refusals::other_section(op, enclosing), refusals::changes_nothing(op), refusals::not_one_sentence(op), refusals::part_as_unit(op)})
            if (refused) {
                res.errors.push_back(std::move(*refused));
                return;
            }
        if (!actions::narrow_to_part(op))
            return res.errors.push_back(Diagnostic{op.file, op.line, op.col,
                                                   "cannot read \"" + op.sentence + "\": a tabular array is restated, or words are struck or inserted in it; "
                                                   "name the unit that holds it for anything else",
                                                   "amend.instruction", "", Severity::Error});
        res.ops.push_back(std::move(op));
    }

    std::string strip_end(std::string s) {
        s = collapse_ws(s);
        static const regex tail(R"((?:\s*(?:;\s*(?:and|or)|;|\.|,\s*and|:))+\s*$)", icase);
        // Keep a trailing colon information for "as follows:" only through the grammar.
        return rx::replace(s, tail, "");
    }

    // Reads `it` and the items under it; a sentence too complex for a pattern (Boost.Regex gave
    // up) is an error at its line, as every sentence not read is.
    void walk(const InstructionItem& it, const TargetRef& ctx) {
        const TargetRef* outer = enclosing;
        enclosing = &ctx;
        struct Restore {
            const TargetRef*& e;
            const TargetRef* was;
            ~Restore() { e = was; }
        } restore{enclosing, outer};
        try {
            read_item(it, ctx);
        } catch (const rx::Runaway& e) {
            res.errors.push_back(Diagnostic{it.file, it.line, it.col,
                                            std::string("the sentence is too complex to read (") + e.what() + ")",
                                            "amend.regex", ""});
        }
    }

    void read_item(const InstructionItem& it, const TargetRef& ctx) {
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
                op.law_unit = it.law_unit;
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
        if (auto fix = language::close_mismatched_quote(raw))
            res.warnings.push_back(Diagnostic{it.file, it.line, it.col, "read " + fix->first + " as " + fix->second + " (a quotation closed by an apostrophe)", "amend.typo", "",
                                              Severity::Warning});
        if (auto fix = language::close_before_place(raw))
            res.warnings.push_back(Diagnostic{it.file, it.line, it.col,
                                              "read \"" + fix->first + "\" as \"" + fix->second + "\" (the quotation of the words inserted not closed)",
                                              "amend.typo", "", Severity::Warning});
        Masked m = mask_quotes(raw);
        masked = &m;
        if (m.unclosed != std::string::npos) {
            if (auto run_on = quote_runs_into_units(it, raw, m.unclosed);
                run_on && read_run_on(it, *run_on, res, [&](const InstructionItem& closed) { walk(closed, ctx); }))
                return;
            return error_at(it, raw.substr(m.unclosed),
                            "a quotation is not closed: expected a closing quotation mark after the quoted words");
        }
        // The drafter's words with no-break and narrow spaces (U+00A0, U+2007, U+2009, U+202F) as
        // spaces: the quoted words, masked, keep theirs.
        for (const char* sp : {"\xC2\xA0", "\xE2\x80\x87", "\xE2\x80\x89", "\xE2\x80\xAF"})
            for (std::size_t at; (at = m.text.find(sp)) != std::string::npos;) m.text.replace(at, std::strlen(sp), " ");
        std::string s = correct_typos(strip_end(m.text), it);
        Op op;
        op.file = it.file;
        op.line = it.line;
        op.col = it.col;
        op.law_unit = it.law_unit;
        op.sentence = raw;
        op.blocks = it.blocks;
        smatch mm;
        static const regex amended(R"(^(.*?)\s+(?:is|are|in)\s+(?:hereby\s+)?amended\s*(.*)$)", icase);
        // "... shall be repealed upon the effective date of this act." is the same repeal (never a
        // later date: that repeal waits).
        static const regex repealed(
            R"(^(.*?)\s+(?:is|are|shall\s+be)\s+(?:hereby\s+)?(repealed|deleted|stricken|struck(?:\s+out)?)(?:\s+in\s+(?:its|their)\s+entirety)?(?:\s+(?:upon|on|as\s+of)\s+the\s+effective\s+date\s+of\s+this\s+(?:act|ordinance))?$)",
            icase);
        // "(3) is redesignated as (4)"; "designated as" a unit, said of a unit, is the same.
        // "... is redesignated as section 8e and is repealed." is a redesignation first.
        static const regex redesignated_and(R"(\bredesignated\s+as\b)", icase);
        // "Sections 201 and 202": sections by number alone.
        static const regex sections_list(R"(^(?:the\s+)?sections\s+([0-9][0-9A-Za-z.:\-]*(?:\s*,\s*(?:and\s+)?[0-9][0-9A-Za-z.:\-]*|\s+and\s+[0-9][0-9A-Za-z.:\-]*)+)$)", icase);
        static const regex redesig(R"(^(.*?)\s+(?:is|are)\s*,?\s*(?:respectively\s*,?\s+)?(?:hereby\s+)?(?:re)?designated\s*,?\s*(?:respectively\s*,?\s*)?as\s+(.*?)(?:\s*,?\s*respectively)?$)", icase);
        s = language::plain_form(s);  // "Redesignate ...", "by renumbering ...", "In subsection (c), ... are repealed."
        // "X is revived as of the effective date of ..., and amended to read as follows:": the
        // provision is enacted again with the text given. Revived with no text given, its words
        // would have to come from its history, which no code given holds.
        static const regex revived(R"(^(.*?)\s+(?:is|are)\s+(?:hereby\s+)?revived((?:\s*,?\s+(?:as\s+of|effective)\s+.*?)?)(?:,?\s+and\s+(?:is\s+|are\s+)?(amended\s+to\s+read\s+as\s+follows))?$)", icase);
        if (rx::match(s, mm, revived)) {
            if (!mm[3].matched)
                return error(it, "cannot apply \"" + raw + "\": a provision revived without its text takes the words it had before its repeal, which amend does not have; restate it (\"is revived and amended to read as follows:\")");
            s = mm[1].str() + " is " + mm[3].str();
        }
        // The quoted text: a restatement's marks are read where the sentence restates (after the
        // imperative and "revived ..., and amended" forms are read as the plain ones).
        static const regex restated(R"(^(.*?)\s+(?:is|are)\s+(?:hereby\s+)?amended\s+by\s+deleting\s+the\s+language\s+(?:struck\s+through|stricken|in\s+brackets)\s+and\s+(?:by\s+)?inserting\s+the\s+language\s+underscored,?\s+(?:to\s+read\s+)?as\s+follows:?$)", icase);
        static const regex to_read_marked(R"(^(.*?)\s+(?:is|are)\s+(?:hereby\s+)?amended\s+to\s+read\s+as\s+follows:?$)", icase);
        bool marked = false;
        for (const auto& q : it.quotes) marked |= has_marks(q.text);
        const bool restating = rx::match(s, restated) || (marked && rx::match(s, to_read_marked));
        try {
            for (const auto& q : it.quotes)
                for (auto& b : blocks_from_quote(q, it.file, !restating)) op.blocks.push_back(std::move(b));
        } catch (const InputError& e) {
            for (const auto& d : e.diagnostics()) res.errors.push_back(d);
            return;
        }
        static const regex existing(R"(^(?:the\s+)?existing\s+(?:text|language)(?:\s+of\s+(.*?))?\s+is\s+(?:hereby\s+)?designated\s+as\s+((?:sub-?)*(?:section|paragraph|clause)|item)\s+(\([^()\s]+\))$)", icase);
        static const regex added(R"(^(?:(?:an?\s+)?new|an?)\s+((?:sub-?)*(?:section|paragraph|clause)s?|items?|subclauses?|definitions?)\s*(.*?)\s+(?:is|are)\s+(?:hereby\s+)?(?:added|inserted)(?:\s+((?:after|before|at)\s+.*?))?(?:\s+to\s+read)?(?:\s+as\s+follows)?$)", icase);
        static const regex added_definition(R"(^(?:the\s+|an?\s+)?(?:new\s+)?definitions?\s+(?:of\s+)?(?:the\s+term\s+)?«\d+»(?:\s*,\s*(?:and\s+)?«\d+»|\s+and\s+«\d+»)*\s+(?:is|are)\s+(?:hereby\s+)?added(?:\s+to\s+read)?(?:\s+as\s+follows)?$)", icase);
        // "A new Subtitle C is added to read as follows:", "New titles VI-E and VI-F are added ...".
        static const regex added_container(R"(^(?:an?\s+)?new\s+(?:(title|subtitle|chapter|subchapter|part|division|article)s?\s+designation\s+)?(title|subtitle|chapter|subchapter|part|division|article)s?\s+((?:[0-9A-Za-z][0-9A-Za-z.\-]*)(?:\s*,\s*(?:and\s+)?[0-9A-Za-z][0-9A-Za-z.\-]*|\s+and\s+[0-9A-Za-z][0-9A-Za-z.\-]*)*)\s+(?:is|are)\s+(?:hereby\s+)?(?:added|inserted)(?:\s+to\s+read)?(?:\s+as\s+follows)?$)", icase);
        static const regex chicago_in(R"(^in\s+(.*?),\s+(.*)$)", icase);
        static const regex effect(R"(^this\s+(?:ordinance|act|law)\s+shall\s+(?:take\s+effect|be\s+in\s+(?:full\s+)?force|become\s+effective)\b.*$)", icase);
        TargetRef here = ctx;
        // The unit the enclosing instruction names, as the target of a sentence that names none.
        auto here_relative = [&] {
            TargetRef t;
            t.relative = true;
            return language::join_target(ctx, t);
        };
        bool ok = false;
        if (rx::match(s, mm, effect)) {
            return;  // the effective-date clause changes no text
        }
        if (restating && (rx::match(s, mm, restated) || rx::match(s, mm, to_read_marked))) {
            TargetRef t;
            if (!language::read_target(mm[1], m, t)) return target_error(it, mm[1].str());
            TargetRef abs = language::join_target(ctx, t);
            if (it.quotes.empty()) return error(it, "expected the restated text (a block quote) after \"" + raw + "\"");
            op.blocks.clear();
            try {
                for (const auto& q : it.quotes) {
                    std::vector<RestatedPara> paras = read_restatement(q, it.file);
                    TargetRef sec = abs;
                    // A title or chapter restated by one of its sections ("Title 2 of The
                    // Philadelphia Code is hereby amended to read as follows:" then "§ 2-57-010
                    // Definitions."): the section the quotation begins with, where it is of them.
                    if (sec.section.empty() && !paras.empty() && paras[0].depth == 0) {
                        std::string number = section_line_number(paras[0].old_body.empty() ? paras[0].new_body : paras[0].old_body);
                        if (!number.empty() && sec.scope_known && number.rfind(sec.scope_prefix, 0) == 0) {
                            TargetRef s0;
                            s0.section = number;
                            s0.title = sec.title;
                            sec = s0;
                        } else if (!number.empty()) {
                            return error(it, "the quoted section " + number + " is not one of what the instruction names (\"" + unmasked(mm[1].str()) +
                                                 "\"), or which sections that holds is not known");
                        }
                    }
                    for (auto& o : restatement_ops(paras, sec, op)) res.ops.push_back(std::move(o));
                }
            } catch (const InputError& e) {
                for (const auto& d : e.diagnostics()) res.errors.push_back(d);
            }
            return;
        }
        // An Act's table of contents is in no code: the designations and headings it lists, added
        // or struck, change no provision of it (the operation names the table, and is skipped).
        static const regex toc_amended(R"(^(?:the\s+)?table\s+of\s+contents?\b[^«]*?\s+(?:is|are)\s+(?:hereby\s+)?amended\s+(?:by\s+)?(?:adding|add|inserting|striking)\s+(?:(?:an?|the)\s+)?(?:following\s+|new\s+|second\s+)*(?:[\w.-]+\s+){0,3}(?:designations?|headings?|[\w.-]+\s+to\s+read\b|«\d+»)(?:[^«]*«\d+»)*[^«]*$)", icase);
        static const regex toc_added(R"(^(?:an?\s+)?(?:new\s+)?(?:[\w.-]+\s+){0,3}(?:designations?|headings?)\s+(?:is|are)\s+added(?:\s+for\s+[^«]*?)?(?:\s+to\s+read)?\s+as\s+follows$)", icase);
        if (rx::match(s, mm, toc_amended) || rx::match(s, mm, toc_added)) {
            TargetRef t;
            t.relative = true;
            if (rx::search(s, regex(R"(^(?:the\s+)?table\s+of\s+contents?\b)", icase))) t.uncodified = true;
            TargetRef abs = language::join_target(ctx, t);
            if (auto heading = heading_added_as_restated(it, s, raw, abs, op.blocks)) {
                res.warnings.push_back(heading->warning);
                return walk(heading->item, ctx);
            }
            if (!abs.uncodified) return error(it, "cannot read \"" + raw + "\": designations and headings are added to an Act's table of contents, which this instruction does not name");
            abs.uncodified = true;
            op.type = OpType::Add;
            op.add_kind_word = "table of contents";
            op.targets.push_back(abs);
            res.ops.push_back(op);
            return;
        }
        if (rx::match(s, mm, existing)) {
            TargetRef t;
            t.relative = true;
            if (mm[1].matched && !language::read_target(mm[1], m, t)) return target_error(it, mm[1].str());
            op.type = OpType::Designate;
            op.targets.push_back(language::join_target(ctx, t));
            op.add_kind_word = mm[2];
            op.new_designations.push_back(chain_of(mm[3]).at(0));
            ok = true;
        } else if (rx::match(s, mm, added_definition)) {
            op.type = OpType::Add;  // "The definition "X" is added to read as follows:"
            op.add_kind_word = "definition";
            static const regex first_quote(R"(«(\d+)»)");
            smatch q;
            rx::search(s, q, first_quote);
            std::string term = m.quoted(q[1]);
            if (!op.blocks.empty() && op.blocks[0].kind == Kind::Definition && op.blocks[0].designation != term)
                return error(it, "the instruction adds the definition \"" + term + "\", but the quoted text defines \"" +
                                     op.blocks[0].designation + "\"");
            op.targets.push_back(here_relative());
            ok = true;
        } else if (rx::match(s, mm, added_container)) {
            op.type = OpType::Add;
            op.add_kind_word = ascii_lower(mm[2].str());
            static const regex des(R"([0-9A-Za-z][0-9A-Za-z.\-]*)");
            static const regex and_word(R"(^and$)", icase);
            std::string list = mm[3];
            for (const rx::Match& n : rx::all(list, des))
                if (!rx::match(n[0].str(), and_word)) op.new_designations.push_back(n[0]);
            op.targets.push_back(here_relative());
            ok = true;
        } else if (rx::match(s, mm, added)) {
            if (mm[3].matched && actions::names_other_unit(mm[3].str()))
                return error(it, "cannot read where the new unit goes, \"" + unmasked(mm[3].str()) +
                                     "\": the unit it names is not the one amended; name it in the target (\"Subsection (b) is amended by adding ...\")");
            if (mm[3].matched && !actions::stated_place(mm[3].str(), static_cast<std::size_t>(mm.position(3)), op, unread))
                return action_error(it, raw);
            op.type = OpType::Add;
            std::string kind = mm[1];
            kind = ascii_lower(std::move(kind));
            op.add_kind_word = kind;
            for (auto& l : designation_list(mm[2]))
                if (!l.empty()) op.new_designations.push_back(l.back());
            // "New sections 47-1099.05, 47-1099.06, and 47-1099.07 are added": sections by number.
            static const regex secnum(R"(([0-9][0-9A-Za-z:.\-]*[0-9A-Za-z]))");
            if (kind.rfind("section", 0) == 0 && op.new_designations.empty())
                for (const rx::Match& n : rx::all(mm[2].first, mm[2].second, secnum))
                    op.new_designations.push_back(n[1]);
            TargetRef t;
            t.relative = true;
            op.targets.push_back(language::join_target(ctx, t));
            ok = true;
        } else if (rx::match(s, mm, repealed) && !rx::search(mm[1].first, mm[1].second, redesignated_and)) {
            TargetRef t;
            std::vector<std::vector<std::string>> many;
            // "Sections 2-1-010 and 2-1-020 of the Municipal Code are repealed.": each, by number.
            static const regex code_sections(R"(^(?:the\s+)?sections\s+([0-9][0-9A-Za-z.:]*-[0-9A-Za-z.:\-]*[0-9A-Za-z](?:\s*,\s*(?:and\s+)?[0-9][0-9A-Za-z.:]*-[0-9A-Za-z.:\-]*[0-9A-Za-z]|\s+and\s+[0-9][0-9A-Za-z.:]*-[0-9A-Za-z.:\-]*[0-9A-Za-z])+)(?:\s+of\s+the\s+[A-Z][A-Za-z ]*\bCode(?:\s+of\s+[A-Z][A-Za-z ]*)?)?$)", icase);
            smatch cs;
            const std::string words = mm[1];
            op.type = OpType::Repeal;
            if (rx::match(words, cs, code_sections)) {
                static const regex num(R"([0-9][0-9A-Za-z.:]*-[0-9A-Za-z.:\-]*[0-9A-Za-z])");
                const std::string list = cs[1];
                for (const rx::Match& n : rx::all(list, num)) {
                    TargetRef u;
                    u.section = n[0];
                    u.relative = false;
                    op.targets.push_back(language::join_target(ctx, u));
                }
                ok = true;
            } else {
                if (!language::read_target(words, m, t, &many)) return target_error(it, words);
                if (!cited_sections(words, t, ctx, op, true)) push_targets(op, ctx, t, many);
                ok = true;
                // "Subsection (c) is deleted.": the units struck, as "by striking subsection (c)".
                if (ascii_lower(mm[2].str()) != "repealed" && std::all_of(op.targets.begin(), op.targets.end(), [](const TargetRef& u) { return !u.path.empty(); }))
                    op.type = OpType::StrikeUnit;
            }
        } else if (rx::match(s, mm, redesig) && rx::match(mm[1].str(), sections_list) && rx::match(mm[2].str(), sections_list)) {
            // "Sections 201 and 202 are redesignated as sections 208 and 209, respectively.": each
            // section renumbered (applying says what it does with a section renumbered).
            static const regex num(R"([0-9][0-9A-Za-z.:\-]*[0-9A-Za-z])");
            std::string olds = mm[1], news = mm[2];
            std::vector<std::string> from, to;
            for (const rx::Match& n : rx::all(olds, num)) from.push_back(n[0]);
            for (const rx::Match& n : rx::all(news, num)) to.push_back(n[0]);
            if (from.size() != to.size())
                return error(it, "expected as many new section numbers as old ones (" + std::to_string(from.size()) + " and " +
                                     std::to_string(to.size()) + ")");
            op.type = OpType::Redesignate;
            op.add_kind_word = "section";
            for (std::size_t k = 0; k < from.size(); ++k) {
                TargetRef u;
                u.section = from[k];
                u.section_is_law_number = from[k].find('-') == std::string::npos && from[k].find(':') == std::string::npos;
                u.relative = false;
                op.targets.push_back(language::join_target(ctx, u));
                op.new_designations.push_back(to[k]);
                op.new_depths.push_back(0);
            }
            ok = true;
        } else if (rx::match(s, mm, redesig)) {
            TargetRef t;
            std::vector<std::vector<std::string>> many;
            // "The section is redesignated as § 25-113.01." under "Section 25-113a is amended as
            // follows:": the Code section the instruction amends.
            static const regex the_section(R"(^(?:the\s+)?section$)", icase);
            if (rx::match(mm[1].str(), the_section) && ctx.path.empty() && ctx.section.find('-') != std::string::npos &&
                !ctx.section_is_law_number && !ctx.uncodified) {
                t.section = ctx.section;
                t.title = ctx.title;
            } else if (!language::read_target(mm[1], m, t, &many)) {
                return target_error(it, mm[1].str());
            }
            // "... is redesignated as paragraph (9B) and amended to read as follows:": two
            // instructions, the second about the unit under its new designation.
            std::string new_words = mm[2], then;
            // "as § 25-113.01", or that quoted as the Code prints it: the section of that number.
            static const regex code_number(R"(^\xC2\xA7\s*(\d+[A-Z]?-\d[0-9A-Za-z.:\-]*[0-9A-Za-z])\.?$)");
            static const regex one_quote(R"(^«(\d+)»\.?$)");
            smatch qm, nm;
            std::string bare = rx::match(new_words, qm, one_quote) ? m.quotes.at(static_cast<std::size_t>(std::stoi(qm[1]))) : new_words;
            if (rx::match(bare, nm, code_number)) new_words = "section " + nm[1].str();
            static const regex and_amended(R"(^(.*?)\s*,?\s+and\s+(?:is\s+|are\s+)?(?:hereby\s+)?((?:amended|repealed)\b.*)$)", icase);
            smatch am;
            if (rx::match(new_words, am, and_amended)) {
                then = am[2];
                new_words = am[1];
            }
            TargetRef nt;
            std::vector<std::vector<std::string>> nmany;
            static const regex bare_chain(R"(^(?:\([^()\s]+\))+$)");
            if (rx::match(new_words, bare_chain)) {
                nt.path = chain_of(new_words);  // "is redesignated as (13B)": a unit of the same kind
                nt.kind_depth = t.kind_depth;
                nt.relative = true;
            } else if (!language::read_target(new_words, m, nt, &nmany)) {
                return target_error(it, new_words, "the new designation");
            }
            if (t.part == TargetRef::Part::Text && t.term.empty() && nmany.size() <= 1 && nt.part == TargetRef::Part::Whole) {
                // "The existing text is redesignated as subsection (a)": the unit's own words get
                // the designation, in the unit.
                if (nt.path.size() != 1)
                    return error(it, "cannot designate \"" + unmasked(mm[1].str()) + "\" as \"" + unmasked(new_words) +
                                         "\": the text would move to another unit; expected one designation (\"subsection (a)\")");
                t.part = TargetRef::Part::Whole;
                op.type = OpType::Designate;
                op.targets.push_back(language::join_target(ctx, t));
                static const regex kind_word(R"(^((?:sub-?)*(?:section|paragraph|clause)|item|subclause)\b)", icase);
                smatch km;
                op.add_kind_word = rx::search(new_words, km, kind_word) ? ascii_lower(km[1].str()) : "";
                op.new_designations.push_back(nt.path[0]);
            } else {
                if (t.part != TargetRef::Part::Whole || !t.term.empty())
                    return error(it, "cannot redesignate \"" + mm[1].str() + "\": expected a numbered unit (\"Paragraph (3)\")");
                if (many.empty()) many.push_back(t.path);
                if (nmany.empty()) nmany.push_back(nt.path);
                // A whole section renumbered ("Section 2-1-010 is redesignated as Section
                // 2-1-015"): read with the new section number; a unit renamed as a section, or a
                // section as a unit, is not a designation at all.
                bool old_whole = std::any_of(many.begin(), many.end(), [](const auto& l) { return l.empty(); });
                bool new_whole = std::any_of(nmany.begin(), nmany.end(), [](const auto& l) { return l.empty(); });
                if (old_whole || new_whole) {
                    bool renumbered = many.size() == 1 && nmany.size() == 1 && old_whole && new_whole && !nt.section.empty() &&
                                      !t.section.empty();
                    // "Part B is redesignated as Subtitle B": a unit above the section renamed.
                    bool renamed = many.size() == 1 && nmany.size() == 1 && t.container_only && nt.container_only;
                    if (!renumbered && !renamed)
                        return error(it, "cannot redesignate \"" + unmasked(mm[1].str()) + "\" as \"" + unmasked(new_words) +
                                             "\": expected a unit as another unit (\"Paragraph (3) is redesignated as paragraph (4)\") "
                                             "or a section as another section");
                    op.type = OpType::Redesignate;
                    op.targets.push_back(language::join_target(ctx, t));
                    op.new_designations.push_back(renumbered ? nt.section : unmasked(new_words));
                    op.new_depths.push_back(0);
                    op.add_kind_word = renumbered ? "section" : "container";
                } else {
                    if (many.size() != nmany.size())
                        return error(it, "expected as many new designations as old ones (" + std::to_string(many.size()) + " and " +
                                             std::to_string(nmany.size()) + ")");
                    op.type = OpType::Redesignate;
                    for (std::size_t k = 0; k < many.size(); ++k) {
                        TargetRef u = t;
                        u.path = many[k];
                        op.targets.push_back(language::join_target(ctx, u));
                        op.new_designations.push_back(nmany[k].back());
                        op.new_depths.push_back(nt.kind_depth);
                    }
                }
            }
            ok = true;
            if (!then.empty()) {
                if (op.targets.size() != 1) return error(it, "expected one unit redesignated before \"and amended\"");
                // The unit under its new designation is where the old one stood: the second
                // instruction is read in the unit that holds it ("Section 2-1-010(c) is
                // redesignated as subsection (f) and amended ..." amends 2-1-010(f)).
                TargetRef holder = op.targets[0];
                if (!holder.path.empty()) holder.path.pop_back();
                holder.part = TargetRef::Part::Whole;
                holder.sentence = 0;
                holder.ordinal = 0;
                op.blocks.clear();
                push(op);
                InstructionItem follow = it;
                follow.law_text.clear();
                follow.text = unmasked(new_words + " is " + then);
                return walk(follow, holder);
            }
        } else if (rx::match(s, mm, amended)) {
            TargetRef t;
            std::vector<std::vector<std::string>> many;
            if (!language::read_target(mm[1], m, t, &many)) return target_error(it, mm[1].str());
            TargetRef abs = language::join_target(ctx, t);
            std::string rest = mm[2];
            static const regex as_follows(R"(^as\s+follows:?$)", icase);
            // Read to its end: a quotation may follow ("... as follows: "..."."), nothing else
            // (", effective October 1, 2025:", "and by adding a new subsection (f)" are not dropped).
            static const regex to_read(R"(^to\s+read\s+as\s+follows(?:\s+as\s+follows)?\s*[:.;]?\s*(?:«\d+»\s*\.?)?$)", icase);
            // "is amended by:" with the actions as the provisions below it ("(A) Striking ...; and").
            static const regex by_below(R"(^(?:by:?)?$)", icase);  // or "is amended" alone, the actions below
            bool actions_below = rx::match(rest, by_below) && !it.children.empty();
            if (rx::match(rest, as_follows) || actions_below ||
                (rx::match(rest, to_read) && it.blocks.empty() && !it.children.empty())) {
                op.type = OpType::Context;
                op.targets.push_back(abs);
                here = abs;
                ok = true;
            } else if (rx::match(rest, to_read)) {
                op.type = OpType::Restate;
                if (!cited_sections(mm[1], t, ctx, op, false)) push_targets(op, ctx, t, many);
                // New text that is itself drafting language ("(2) Subsection (b) is amended as
                // follows:") restates an amending provision of a law, not the Code's text.
                if (!op.blocks.empty() && amends(op.blocks[0]))
                    for (auto& tt : op.targets) tt.uncodified = true;
                ok = true;
            } else {
                // One or more actions: "by striking ... and inserting ...; and by adding ...".
                static const regex split(R"(\s*[;,]?\s+and\s+by\s+)", icase);
                // Where the actions apply, named before them ("is amended in the lead-in language
                // by striking ...", "in the section heading by ..."): read as the same words after
                // an action are, and given to each action.
                static const regex where_first(R"(^(in\s+the\s+.+?)\s+(by\s+.*)$)", icase);
                // A unit of the target named so ("is amended in subsection (b) by striking ..."):
                // the actions are that unit's.
                static const regex unit_first(R"(^,?\s*in\s+((?:sub-?)*(?:section|paragraph|clause)\s+\([^()\s]+\)(?:\([^()\s]+\))*)\s*,?\s+(by\s+.*)$)", icase);
                language::Where first;
                bool where_given = false;
                if (smatch um; rx::match(rest, um, unit_first)) {
                    TargetRef u;
                    if (language::read_target(um[1].str(), m, u) && u.relative) {
                        abs = language::join_target(abs, u);
                        rest = um[2].str();
                    }
                }
                if (smatch wm; rx::match(rest, wm, where_first)) {
                    language::Where w;
                    if (!language::read_where(wm[1].str(), w) && (w.in_leadin || w.in_heading || w.sentence) && !w.each && !w.in_place &&
                        !w.at_end && !w.occurrence && !w.expect_count) {
                        first = w;
                        where_given = true;
                        rest = wm[2].str();
                    }
                }
                std::vector<std::string> actions = rx::split(rest, split);
                bool all = !actions.empty();
                std::string failed;  // the action not read
                std::vector<Op> sub;
                // "Sections 5 (... § 2-1-010) and 6 (... § 2-1-020) are amended by striking ...":
                // each section cited, alike.
                Op cited;
                if (!cited_sections(mm[1], t, ctx, cited, false)) cited.targets.clear();
                for (auto& a : actions) {
                    Op o = op;
                    if (!parse_action(a, m, o)) {
                        all = false;
                        failed = a;
                        break;
                    }
                    if (where_given) {
                        // The place is said of words: a unit struck, added or restated is no words of it.
                        bool words = (o.type == OpType::Replace || o.type == OpType::Strike || o.type == OpType::InsertBefore ||
                                      o.type == OpType::InsertAfter) &&
                                     o.find_kind != "sentence";
                        if (!words)
                            return error(it, "the place named before the action (\"in the ...\") is said of words, and the action \"" + unmasked(a) +
                                                 "\" changes no words there");
                        if ((first.in_heading && o.in_heading) || (first.in_leadin && o.in_leadin) || (first.sentence && o.in_sentence))
                            return error(it, "the place of the action is named twice, before it and after it");
                        o.in_heading = o.in_heading || first.in_heading;
                        o.in_leadin = o.in_leadin || first.in_leadin;
                        if (first.sentence) o.in_sentence = first.sentence;
                    }
                    if (!o.targets.empty()) {
                        if (!cited.targets.empty()) return error(it, "expected one section for \"" + unmasked(mm[1].str()) + "\", whose action names units of its own");
                        if (auto out = language::join_actions(o.targets, abs)) return outside(it, *out, abs);
                    } else if (!cited.targets.empty()) {
                        o.targets = cited.targets;
                    } else if (many.size() > 1) {
                        // "Subsections (f) and (g) are amended by striking ...": each unit alike.
                        push_targets(o, ctx, t, many);
                    } else {
                        o.targets.push_back(abs);
                    }
                    sub.push_back(o);
                }
                if (!all) return action_error(it, raw, failed);
                for (auto& o : sub) push(std::move(o));
                for (const auto& c : it.children) walk(c, abs);
                return;
            }
        } else if (rx::match(s, mm, chicago_in)) {
            TargetRef t;
            if (!language::read_target(mm[1], m, t)) return target_error(it, mm[1].str());
            TargetRef abs = language::join_target(ctx, t);
            if (!parse_action(mm[2], m, op)) return action_error(it, raw, mm[2].str());
            if (op.targets.empty()) op.targets.push_back(abs);
            else if (auto out = language::join_actions(op.targets, abs)) return outside(it, *out, abs);
            ok = true;
        } else if (parse_action(s, m, op)) {
            if (op.targets.empty()) {
                TargetRef t;
                t.relative = true;
                op.targets.push_back(language::join_target(ctx, t));
            } else if (auto out = language::join_actions(op.targets, ctx)) {
                return outside(it, *out, ctx);
            }
            ok = true;
        }
        if (!ok && unread) return action_error(it, raw);
        if (auto why = refusals::unread_why(raw); !ok && why) return error(it, *why);
        if (!ok) return error(it, "cannot read the instruction \"" + raw + "\": expected a sentence such as \"Subsection (a) is amended by striking \"X\" and inserting \"Y\" in its place.\"");
        // A sentence that leaves its amendments to the provisions below it ("... is amended as
        // follows:") and gets none from them is an error, never nothing done with exit 0.
        bool leaves_below = op.type == OpType::Context && !it.children.empty();
        std::size_t ops_before = res.ops.size(), errors_before = res.errors.size();
        push(std::move(op));
        for (const auto& c : it.children) walk(c, here);
        if (leaves_below && res.errors.size() == errors_before &&
            std::none_of(res.ops.begin() + static_cast<std::ptrdiff_t>(ops_before), res.ops.end(),
                         [](const Op& o) { return o.type != OpType::Context; }))
            error(it, "expected amendments or quoted text below \"" + raw + "\", found none in the provisions under it");
    }
};

}  // namespace

ReadResult interpret(const AmendmentDoc& doc) {
    Interp in{doc, {}, {}, nullptr};
    TargetRef root;
    root.container_only = true;
    if (!doc.default_section.empty()) root.section = doc.default_section;
    in.res.warnings = doc.warnings;
    for (const auto& it : doc.items) in.walk(it, root);
    return in.res;
}

}  // namespace amend
