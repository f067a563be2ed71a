// Private to src/amend/apply: the jobs of applying amendments, one class each (the table below
// says which file holds which), and the text helpers they share. The D.C. codifier's job is
// declared in amend/dc/codifier.hpp, and all of them together in amend/apply/jobs.hpp (`Jobs`).
#pragma once

#include "amend/apply.hpp"

#include <algorithm>
#include "parse/regex.hpp"
#include <cctype>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include "amend/dc/codify.hpp"
#include "amend/restatement.hpp"
#include "model/citation.hpp"
#include "model/designation.hpp"
#include "model/rich_text.hpp"
#include "model/text.hpp"
#include "model/tree.hpp"

namespace amend::applying {

// ---- text with folding: curly quotes match straight ones, NBSP matches a space, a run of spaces one ----
struct Folded {
    std::string s;
    std::vector<std::size_t> at;  // original offset of each folded byte
};

struct Hit {
    Provision* node;
    bool heading;
    std::size_t begin, end;  // in the original text
};

// A phrase as the law quotes it may cite the law's own sections where the Code, codified, cites
// its sections: "established pursuant to section 908" is "established pursuant to § 7-2509.08" in
// the Code; and the law's units are the Code's: "authorized by this title," is "authorized by this
// subchapter,". The phrase is then looked for with each law reference standing for a Code cite or
// unit; what is found says what the same references in the inserted words become.
struct CodifiedNeedle {
    rx::Regex re;
    std::vector<std::string> refs;  // each reference's key, in order: the law's section ("908") or unit ("this title")
};

// An edit of `txt` widened over the editor's brackets next to it whose words the inserted
// text begins or ends with ("of [the] Campaign Finance [Board]" when "Campaign Finance" becomes
// "the Campaign Finance Board"): the law's words stand where the editor's did.
void absorb_editorial_brackets(const std::string& txt, Edit& e);

// The sentences of a text, each [begin, end) with its closing mark. Empty, with `why`, where a
// boundary cannot be told ("D.C. The").
std::vector<std::pair<std::size_t, std::size_t>> sentence_spans(const std::string& t, std::string& why);

Folded fold(const std::string& t);

bool is_word(char c);

// Whether the character that starts at `pos` (word_after) or ends there (word_before) is part of a
// word, read as UTF-8: letters and digits are, dashes, curly quotes, § and the no-break space are not.
bool word_after(const std::string& s, std::size_t pos);
bool word_before(const std::string& s, std::size_t pos);

// Hits grouped by the text they are in (in no order of the texts), in reading order within each:
// the order to rebuild each text once.
bool text_order(const Hit& a, const Hit& b);

// Hits in reading order through `scope`: a unit's heading, then its text, then its parts, each
// from its start (what "the second time it appears" counts).
void in_reading_order(Provision* scope, std::vector<Hit>& hits);

struct Conventions;

// The hits of `needle` in a node's text or heading, as the jurisdiction's conventions read the
// code's text (its editor's notes beside the words).
void find_in(Provision* node, bool heading, const std::string& needle, std::vector<Hit>& out, Conventions& cv);

// Whether the section's own text, or a text block of it, says `marked` (where a code keeps its
// editorial notes: "*NOTE: This section includes amendments by emergency legislation ...").
template <class Marked>
bool section_says(const Provision& section, Marked marked) {
    if (marked(section.text.text)) return true;
    return std::any_of(section.children.begin(), section.children.end(),
                       [&](const Provision& c) { return c.kind == Kind::Text && marked(c.text.text); });
}

// "section 908", "section 908 of the Firearms Control Regulations Act of 1975, passed on 2nd reading
// on December 17, 2014 (Enrolled version of Bill 20-930)": the number, the designations after it
// (words of the phrase: "section 1043(a-1)" is "§ 1-350.02(a-1)"), and the law named; or "this
// act", "this title", "this subtitle" (group 4).
const rx::Regex& law_reference();

std::string reference_key(const rx::Match& m);

// The items of "sections 5a, 5b, and 5c" (group 5 of law_reference): each section's number and
// the words before the next.
std::vector<std::pair<std::string, std::string>> section_list(const std::string& list);

// The Code number of a law's section in a list whose other sections' numbers are known ("5f" among
// 5a = § 31-3834.01, 5b = .02, 5c = .03 is .06), when every known one counts the same way: by
// the letter within one number, or by the number. Empty otherwise.
std::string counted_in_list(const std::string& law, const std::vector<std::pair<std::string, std::string>>& known);

std::optional<CodifiedNeedle> codified_needle(const std::string& needle);

// Finds a codified needle in a node's text; each hit's Code cites go to `cites`, in order.
void find_codified(Provision* node, bool heading, const CodifiedNeedle& cn, std::vector<Hit>& out,
                   std::vector<std::vector<std::string>>& cites);


bool only_punct(const std::string& s);

void set_kinds(Provision& p, int depth);

std::string with_parens(const std::string& old_designation, const std::string& inner);

// A designation's place in its sequence, for ordering new provisions among siblings.
std::pair<int, std::string> order_key(const std::string& designation);

// True when two provisions read the same, word for word, children included.
bool same_words(const Provision& a, const Provision& b);

bool same_term(const std::string& text, const std::string& term);

// The citations of the addressable provisions of the sections named.
std::set<std::string> citations_in(const Provision& root, const SectionNumbers& sections);

// Citations inside the code that point at provisions this amendment removed or renumbered: only
// the citations that existed before in a changed section and exist no more are looked for.
void check_references(const Document& before, const Document& after, ApplyReport& rep);

// ---- the jobs of applying: one class each, all reached through `Jobs` ----
//
//   Transaction   transaction.cpp   runs the instructions in order; keeps each section as it stood
//                                   before its first edit (the "before" side of the diff)
//   Locator       locate.cpp        sections by number, targets resolved to provisions, ancestry, cites
//   Finder        find.cpp          a phrase's places in a target; nearest words for a phrase not there
//   PhraseEdits   phrase.cpp,       strike / insert / replace words; sentences of a unit
//                 sentences.cpp
//   UnitEdits     units.cpp         repeal, add, restate whole provisions; where a new one goes
//   Designations  designations.cpp  redesignate, lift a level, designate
//   Restated      restated.cpp      text of a restated provision and its unnumbered paragraphs
//   Ledger        ledger.cpp        which instruction changed which words (conflicts)
//   Conventions   (this header)     what a jurisdiction's codifier does beyond the law's words: none
//   Codifier      dc/codifier.hpp   the D.C. codifier's conventions: law cites as Code cites, editorial
//                                   brackets, placeholders, the Code's index
//   check_references  references.cpp  citations left pointing at what the amendment removed
//
// What every job shares: the code being amended, the options, and the report.
struct Context {
    Document& doc;
    const ApplySettings& opt;
    ApplyReport rep;
};

struct Jobs;

struct Job {
    Job(Context& cx, Jobs& j) : doc(cx.doc), opt(cx.opt), rep(cx.rep), jobs(j) {}
    Document& doc;
    const ApplySettings& opt;
    ApplyReport& rep;
    Jobs& jobs;

    // The report (report.cpp): a change an instruction made, a failure at it.
    static AppliedOp applied_op(const Op& op, std::string what);
    void fail(const Op& op, const std::string& msg, const std::string& code = "amend.apply");
    // A diagnostic of `severity` at the instruction.
    static Diagnostic at(const Op& op, const std::string& msg, const std::string& code, Severity severity);
    void note(const Op& op, const std::string& what, Provision* target);
};

struct Transaction : Job {
    using Job::Job;
    void run(const std::vector<Op>& ops);
    void run_one(const std::vector<Op>& ops, std::size_t& i);

    // The sections of the code given, by number, with their place in it; and the copy of each one
    // taken before its first edit (see Locator::find_section).
    std::unordered_map<std::string, std::size_t> original_order;
    std::unordered_map<std::string, Provision> before_edit;
    void keep_before(const Provision& sec);
    // The copies, in the code's order, as a document; a changed section of the code with no copy
    // is a failure (an edit that did not say so would show no change).
    Document before_document(std::vector<Diagnostic>& missing) const;
};

struct Locator : Job {
    using Job::Job;
    std::vector<std::string> prefixes;  // chapter prefixes of the sections given
    void given(const Provision& section);  // a section of the code given, before any instruction

    // The chapter a section number belongs to: "2-173-042" → "2-173", "42-3505.05" → "42-3505";
    // a D.C. number with one dash carries its chapter in the leading digits: "22-3152" → "22-31",
    // "22-405" → "22-4".
    static std::string prefix_of(const std::string& num);

    // Sections by number, each kept as its place in the tree (a TreePath, model/tree.hpp), never
    // as a pointer: read again wherever it is used, the section found there checked to carry the
    // number; the index is rebuilt after a section is added or removed (the places after it move).
    std::unordered_map<std::string, TreePath> section_index;
    bool index_dirty = true;
    void sections_changed() { index_dirty = true; }
    // The nodes from the root down to section `num`, or empty when the code given has none.
    std::vector<Provision*> section_along(const std::string& num);

    // The section numbered `num`, or null. Unless `probe`, the caller may edit it: the section is
    // first copied as it stands (the "before" side of the change), once.
    Provision* find_section(const std::string& num, bool probe = false);

    std::vector<TargetRef> act_targets(const Op& op);
    std::string section_of(const TargetRef& t);

    // Resolves a target to a provision. Reports a failure (or a skip) and returns null when it cannot.
    Provision* resolve_target(const Op& op, const TargetRef& t, ProvisionPath* chain_out = nullptr, bool quiet = false);

    std::string cite(const ProvisionPath& ch);

    // The number of the section the current instruction works in (kept as its number, which no
    // edit of another provision moves): ancestry() looks there.
    std::string current_section;

    // The nodes from the root down to `target` (both included): the path of its section from the
    // index, then a search below that section only (the target's own section, or the current
    // one); empty when it is in neither.
    std::vector<Provision*> ancestry(Provision* target);

    // The addressable part of an ancestry: the section and the numbered provisions and definitions below it.
    static ProvisionPath addressable(const std::vector<Provision*>& anc);

    // The citation of any node under a section (an unnumbered one cites its nearest addressable ancestor).
    std::string cite_of(Provision* target);

    Provision* parent_of(Provision* target);
    // The same, for an edit that needs it: a provision not found under its section or the current
    // one is amend's own slip, thrown as TreeError (reported at the instruction), never a crash.
    Provision& parent_for_edit(Provision* target);

    // How deep a provision stands below its section (the section is 0).
    int depth_in_section(Provision* target);

    void scope_nodes(Provision* n, bool whole, std::vector<Provision*>& out);
};

struct Finder : Job {
    using Job::Job;
    std::vector<Hit> search(const Op& op, Provision* target, const TargetRef& t, const std::string& needle);

    std::string places(const std::vector<Hit>& hits);
    // Whether a section's heading holds the words.
    bool in_heading(Provision* section, const std::string& needle);

    // The words in `scope` nearest a phrase that is not there, for the failure: a run of as many
    // words (one more or fewer) that differs from the phrase in at most a third of its words
    // ("but no more than" for "but not more than"); for phrases under three words, as many words
    // spelled a letter or two apart (nearest_spelling); empty when nothing is that near.
    static std::string nearest_words(const Provision* scope, const std::string& needle);
    static std::string nearest_spelling(const Provision* scope, const std::vector<std::string>& words,
                                        const std::vector<Hit>& avoid = {});

    // Chooses the hits an instruction means; reports a failure when it cannot tell.
    bool choose(const Op& op, Provision* target, const std::string& needle, std::vector<Hit>& hits);
};

struct Ledger : Job {
    using Job::Job;
    // Which instruction changed which words: each text's ledger spans (RichText::changed, beside
    // its marks, moved with the words by every edit), so that two instructions touching the same
    // words are caught; forgotten before the tree is returned. An instruction is named by its file
    // and line: the operations read from one sentence share them and never conflict with each
    // other (a restatement's operations carry the line of each paragraph restated, each its own).
    // The spans name it by a number; the ledger keeps its place for messages.

    // Words [b, b + n) of `rt` are now `op`'s.
    void record(RichText& rt, std::uint32_t b, std::uint32_t n, const Op& op);
    // The place (file:line) of the instruction that already changed words of [b, e) in `rt`, if
    // another than `op`'s; empty when none did.
    std::string conflict_in(const RichText& rt, std::size_t b, std::size_t e, const Op& op);
    std::string conflict_below(const Provision& p, const Op& op);
    // The place of an instruction other than `op`'s that changed any words of `rt`, struck ones
    // (a point) included, wherever they are; empty when none did (a text restated whole).
    std::string changed_text(const RichText& rt, const Op& op);
    // The places of the instructions other than `op`'s that changed words in `p` or below it.
    std::vector<std::string> changed_below(const Provision& p, const Op& op);
    static void forget(Provision& p);

    // Reports a conflict when an earlier instruction changed words in `p` (whole provision ops).
    bool conflicts_whole(const Op& op, Provision* p);

  private:
    std::uint32_t number(const Op& op);
    std::uint32_t conflict_below(const Provision& p, std::uint32_t me) const;
    std::map<std::pair<std::string, int>, std::uint32_t> numbers_;
    std::vector<std::string> places_;  // by number - 1
};

// A jurisdiction's conventions, chosen by the pipeline (ApplySettings::jurisdiction): this one
// writes a law's words as quoted, keeps no placeholder for what is repealed, and knows no
// editorial brackets.
struct Conventions {
    virtual ~Conventions() = default;
    // A repealed unit keeps its designation, with a placeholder text (repealed_placeholder);
    // otherwise it goes.
    virtual bool keeps_repealed_units() const { return false; }
    // The words a law inserts as the codifier writes them.
    virtual std::string codified(const Op&, const std::string& law, Provision*) { return law; }
    virtual void codified(const Op&, Provision&, Provision*, const TargetRef* = nullptr) {}
    // The same words as the codifier would write them, and nothing reported (to compare with).
    virtual std::string as_codified(const Op&, const std::string& law, Provision*) { return law; }
    // Hits of a phrase whose law references the code writes as its own cites.
    virtual std::vector<Hit> search_codified(const Op&, Provision*, const TargetRef&, const std::string&, std::string&) { return {}; }
    // The editor's brackets removed around words an instruction inserts that the code already reads.
    virtual bool unbracket(const Op&, Provision*, const TargetRef&) { return false; }
    virtual bool ratify_brackets(const Op&) { return false; }
    virtual std::string repealed_placeholder(const std::string&) { return ""; }  // asked only where units are kept
    // An instruction on a law that no code holds, carried into the section given through what the
    // section's own annotations say of that law (annotations.cpp); true when it was.
    virtual bool through_annotations(const Op&) { return false; }
    // The code says the amendment already stands, made by other legislation identical to the
    // instruction's law (D.C.: an emergency act whose permanent act this is); true, with a
    // warning, when it does, and the instruction then changes nothing.
    virtual bool standing_already(const Op&) { return false; }
    // The code's own marks on a section (D.C.'s "*NOTE: This section includes amendments by
    // emergency legislation that will expire on ..."): it holds text of temporary or emergency
    // legislation; such legislation created it; it, or a unit in it, waits for funds ("Not Funded").
    virtual bool holds_temporary_text(const Provision&) { return false; }
    virtual bool created_by_temporary(const Provision&) { return false; }
    virtual bool waits_for_funds(const Provision&) { return false; }
    // Text that is only the code's editorial note ("*NOTE: ...") or nothing.
    virtual bool only_editorial_note(std::string_view text) { return text.find_first_not_of(" \t\n\r") == std::string_view::npos; }
    // A unit the code's format marks as having no designation of its own (D.C.: undesignated="true").
    virtual bool undesignated(const Provision&) { return false; }
    // A unit repealed in place (keeps_repealed_units) marked so in the code's format, and the mark
    // taken away when it is restated.
    virtual void mark_repealed(Provision&) {}
    virtual void unmark_repealed(Provision&) {}
    // The sections of an Act named by its first section ("§ 2-1551 et seq."), from the code's
    // index; empty where the code has none.
    virtual std::vector<TargetRef> act_sections(const TargetRef&) { return {}; }
    // An edit of `text` widened over the editor's brackets next to it (absorb_editorial_brackets);
    // a code with no editor's brackets leaves it.
    virtual void over_editorial_brackets(const std::string&, Edit&) {}
    // The length of the editor's bracketed note at `i` of a code's text (" [deemed]", " [sic]"),
    // 0 when there is none: such a note goes with the words it follows, and the law quotes the
    // text without it. A code with no editor's notes has none.
    virtual std::size_t editorial_note_at(const std::string&, std::size_t) { return 0; }
    // New text that restates `existing`: where a unit of it reads as the existing one does but
    // for the editor's brackets there, the existing words stand, brackets and all.
    virtual void keep_editorial_marks(const Provision& /*existing*/, Provision& /*restated*/) {}
    // Whether `section` is one of the Act an instruction restates whole (a chapter may hold
    // several Acts, each with its "Definitions."); with no way to tell, it is.
    virtual bool of_restated_act(const Op&, const Provision&) { return true; }
};

struct PhraseEdits : Job {
    using Job::Job;
    // Whether the words an instruction inserts stand in the target as if it had been applied. Where
    // the struck phrase holds them, the words around them must not go on as the phrase does:
    // striking "; and" for ";" where the text ends "Women;" was applied already, but striking "At
    // least 15 days, but not more than 60 days," for "At least 15 days," where the code reads "At
    // least 15 days, but no more than 60 days," quotes the code wrongly, and is a phrase not found.
    bool standing_replacement(const Op& op, Provision* target, const TargetRef& t);

    // A phrase changed "wherever it appears" in a title, a chapter or the whole code: each section
    // of that scope is a target; a section without the phrase is no failure, a scope without it is.
    void phrase_op_in_scope(const Op& op, const TargetRef& t);

    void phrase_op(const Op& op);
    // `edits` (in text order) made to `rt`, each marked as this instruction's words.
    void edit_marked(RichText& rt, const std::vector<Edit>& edits, const Op& op);
    // Sentences (apply/sentences.cpp): the span of sentence `n` of the target's own text (false,
    // with the failure reported, where it cannot be told); an edit of a whole sentence; hits of a
    // phrase kept to the sentence the target names (ok false when it cannot be told).
    bool sentence_span(const Op& op, Provision* target, int n, std::size_t& b, std::size_t& e);
    void whole_sentence_op(const Op& op, Provision* target, const TargetRef& t);
    void keep_sentence_hits(const Op& op, Provision* target, const TargetRef& t, std::vector<Hit>& hits, bool& ok);
    void insert_at_end(const Op& op);
};

struct UnitEdits : Job {
    using Job::Job;
    void repeal(const Op& op, bool strike);
    // A section repealed where the code keeps it: its history stays, its text is the placeholder.
    void repeal_kept_section(const Op& op, Provision* section);

    // Where a new numbered provision goes among its siblings.
    std::size_t insert_position(const Provision& parent, const Provision& unit);

    // Where a restatement puts a new provision: right after the sibling designated `after`, or before
    // the first numbered child (after any lead-in text) when `after` is empty; in number order when
    // no sibling is so designated.
    std::size_t restated_position(const Provision& parent, const Provision& unit, const std::string& after);

    // The parent a new provision belongs under: the target, or the descendant that holds its
    // predecessor in sequence ("(c-1)" goes where "(c)" is).
    Provision* parent_for(Provision* target, const Provision& unit);

    bool quoted_as_named(const Op& op);
    void make_permanent(const Op& op, Provision* existing, const Provision& b);
    void add(const Op& op);
    void restate(const Op& op);
    // An Act restated whole, applied to a code that holds it (no section named by the instruction
    // file): `targets` becomes its sections there; a quoted section two of them would take is a
    // failure (false), one none takes a note.
    bool act_sections(const Op& op, std::vector<TargetRef>& targets);
};

struct Designations : Job {
    using Job::Job;
    // A run of redesignations under one instruction reads the old designations as they stood
    // before any of them ("(7) is redesignated as (8); (8) is redesignated as (9)"), so they are
    // resolved together, then renamed together.
    void redesignate(const std::vector<const Op*>& run);

    // Provisions renumbered one level up take their place beside their former parent, which
    // disappears when nothing is left in it; the others are renamed where they are.
    void lift_and_rename(const std::vector<Provision*>& nodes, const std::vector<std::string>& news,
                         const std::vector<const Op*>& from, const std::vector<int>& lift);

    void redesignate_nodes(const std::vector<Provision*>& nodes, const std::vector<std::string>& news,
                           const std::vector<const Op*>& from);

    void designate(const Op& op);
};

struct Restated : Job {
    using Job::Job;
    static std::string normal(const std::string& s);

    // An unnumbered paragraph of a restatement, found by its words under the provisions it follows.
    void set_unnumbered(const Op& op);

    // "striking the tabular array and inserting the following tabular array in its place:": the
    // unit's one table (its text, or a text block of it, that holds a <table>) becomes the one
    // quoted, cells and all. An error where the unit holds none or several.
    void replace_table(const Op& op);

    // `rt` reads `find` (but for spacing): it now reads `replace`; one edit between the common
    // prefix and suffix keeps the markup around it.
    static void edit_text(RichText& rt, const std::string& find, const std::string& replace);

    // A restated provision: its text must read as restated before the change.
    void set_text(const Op& op);
};

}  // namespace amend::applying
