// Amendment operations: what an instruction says to do, once its drafting language is read.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/instruction.hpp"
#include "model/provision.hpp"

namespace amend {

// What an instruction points at. The section is empty while only an Act or a chapter is named.
struct TargetRef {
    enum class Part { Whole, Text, Heading };
    std::string section;
    bool section_is_law_number = false;   // "Section 505" of the law, with no Code cite
    int ordinal = 0;                      // "the second paragraph designated as paragraph (7)": 2
    int sentence = 0;                     // "the second sentence" of the unit: 2; "the last sentence": -1
    bool table = false;                   // "the tabular array" of the unit (with table_ordinal: "the second ...")
    int table_ordinal = 0;                // "the second tabular array": 2; "the last": -1; 0: the unit's one table
    bool uncodified = false;              // "Section 4 of the X Act (D.C. Law 24-117; 69 DCR 2653)": not in any code
    std::string law;                      // the law in no code it names, where one D.C. Law is cited: "24-117"
    std::string law_section;              // the law's own number of a law section codified as this section ("204")
    std::vector<std::string> path;        // designations below the section (inner text, "c")
    std::string term;                     // a definition's term
    Part part = Part::Whole;
    int kind_depth = 0;                   // from the kind word: subsection 1, paragraph 2, ...; 0 unknown
    bool relative = false;                // path is relative to the enclosing instruction's target
    bool inside = false;                  // a unit an action names ("in subsection (a)(1)"): within that target
    bool container_only = false;          // names an Act, a title or a chapter, not a section
    bool cites_code = false;              // a container named with its Code cite ("§ 32-581.01 et seq.")
    std::string et_seq;                   // that cite's first section ("32-581.01")
    bool scope_known = false;             // a container whose sections are known by number:
    std::string scope_prefix;             // "1-" (Title 1), "2-173-" (Chapter 2-173), "" (the whole code)
    std::string title;                    // the Code title an enclosing instruction names ("... of Title 47 of
                                          // the District of Columbia Official Code is amended as follows:")
    std::string describe() const;         // "2-173-042(c)", for messages
};

enum class OpType {
    Context,        // "... is amended as follows:" (its sub-items do the work)
    Replace,        // strike a phrase and insert another in its place
    Strike,         // strike a phrase
    InsertBefore,   // insert a phrase before another
    InsertAfter,    // insert a phrase after another
    InsertAtEnd,    // add a phrase or sentence at the end
    StrikeUnit,     // strike a provision (it disappears)
    Repeal,         // a provision or section is repealed
    Add,            // add new provisions (or a definition, or a section)
    Restate,        // amend to read as follows
    Redesignate,    // (3) becomes (2)
    Designate,      // the existing text is designated as subsection (a)
    SetText,        // a restatement: the text must read `find`; it then reads `replace`
};

const char* op_name(OpType t);

// "the second sentence", "the last sentence" (-1).
std::string sentence_name(int n);

// "the tabular array" (0, the unit's one table or any of its tables), "the second tabular array", "the last tabular array" (-1).
std::string table_name(int n);

// The depth a unit's kind word names: subsection(s) 1, paragraph 2, subparagraph 3, clause or
// sub-subparagraph 4, subclause 5, item 6; 0 for any other word.
int unit_depth(std::string kind_word);

// A unit above the section: title, subtitle, chapter, subchapter, part, division, article.
bool is_container_kind(const std::string& kind_word);

struct Op {
    OpType type = OpType::Context;
    std::string file;
    int line = 0, col = 0;
    std::string sentence;                 // the instruction's words
    std::string law_unit;                 // the unit of the amending law that says it ("§3072|(a)|(1)"), where known
    std::vector<TargetRef> targets;       // one, or several ("Paragraphs (3) and (4) are repealed")
    std::string find, replace, anchor;    // phrases; anchor for insert before/after (and for an Add of the units a
                                          // quotation ran into, run_on.hpp: the words their unit's text must end with)
    std::string find_kind;                // "phrase", "word", "semicolon", "period", ...
    bool each = false;                    // each place / wherever / both times it appears
    int expect_count = 0;                 // 2 for "both times"
    int occurrence = 0;                   // "the second time it appears": 2; "the last time": -1
    bool at_end = false;                  // "the period at the end", "the word "and" at the end"
    bool in_heading = false;              // "... in the section heading"
    bool in_leadin = false;               // "... in the lead-in language": targets are the units' lead-in text
    bool in_table = false;                // "... in the tabular array": the words of the units' tables only
    int table_ordinal = 0;                // "in the second tabular array": that table of the unit alone (-1: the last)
    bool table_restated = false;          // a SetText of a "tabular array" named as the target and "amended to read
                                          // as follows" (the codifier's restatement of the unit), not struck and inserted
    int in_sentence = 0;                  // "... in the second sentence": targets are that sentence of the units' text
    std::vector<Provision> blocks;        // new text
    std::vector<std::string> new_designations;  // Redesignate / Designate / Add (as named)
    std::vector<int> new_depths;          // Redesignate: the level the kind word names (subsection 1, ...), 0 if none
    std::string add_kind_word;            // "subsection", "definition", "section"
    // Add, from a restatement that shows where the new provisions go: right after the sibling of
    // this designation (inner text), or before the first numbered child when empty. Unset: in
    // number order.
    std::optional<std::string> after;
    // Add: the place the sentence states, "after subsection (c)" or "before paragraph (2)": the
    // sibling's designation (inner text); checked against where number order puts the new unit.
    std::string stated_after, stated_before;
    bool into_parent = false;  // Add: the target is the sibling shown before; add into its parent
};

struct ReadResult {
    std::vector<Op> ops;                  // in order; Context ops included
    std::vector<Diagnostic> errors;       // sentences that could not be read
    std::vector<Diagnostic> warnings;     // words assumed: typos read where only one reading is possible
};

// Reads the drafting language of every instruction of a document into operations, resolving
// relative targets ("Paragraph (2)" under "Subsection (a) is amended as follows:") against the
// enclosing items.
ReadResult interpret(const AmendmentDoc& doc);

// Every field of every operation read, one line each, and the errors: a stable text for golden
// files and for comparing two readers. `base` is removed from the front of file names.
std::string dump_reading(const ReadResult& r, const std::string& base = "");

}  // namespace amend
