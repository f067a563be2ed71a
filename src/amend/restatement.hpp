// The restatement form (Chicago's ordinances): a section restated with deletions struck
// (<del>…</del>, ~~…~~, <s>…</s>) and insertions underscored (<ins>…</ins>, ++…++, <u>…</u>), unchanged
// provisions left out as "(Omitted text is unaffected by this ordinance)". One paragraph per
// provision; nesting follows the designation ladder, since a block quote keeps no indentation.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "amend/ops.hpp"
#include "model/instruction.hpp"

namespace amend {

struct Segment {
    enum class Type { Equal, Delete, Insert };
    Type type = Type::Equal;
    std::string text;
};

struct RestatedPara {
    int line = 0;
    std::vector<Segment> segments;
    std::string old_text, new_text;  // the paragraph before and after (Equal+Delete, Equal+Insert)
    bool elision = false;
    int depth = 0;                   // 0: the section's heading line; 1: (a); 2: (1); ...
    std::string old_designation, new_designation;  // inner text, "c"; empty when none
    bool new_bracketed = false;      // the new designation stands in a codifier's brackets: "[(3)]"
    bool old_bracketed = false;      // and the old one: "[(f)]" restated "(f)" drops the brackets
    std::string old_body, new_body;  // text after the designation(s)
};

// The section number a restatement's section line opens with ("2-57-010 Definitions." →
// "2-57-010"), or "" when it opens with none.
std::string section_line_number(const std::string& line);

// True when quoted text carries deletion or insertion marks.
bool has_marks(const std::string& quote);

// Reads a restated block quote into paragraphs. Throws InputError on an unclosed mark.
std::vector<RestatedPara> read_restatement(const InstructionItem::Quote& q, const std::string& file);

// The operations a restatement of `section` stands for: every unchanged word is checked against
// the code, changed texts are set, struck provisions removed, renumbered ones redesignated and new
// ones added.
std::vector<Op> restatement_ops(const std::vector<RestatedPara>& paras, const TargetRef& section, const Op& base);

// The provisions a quote stands for, read as new text: a restatement's insertions (marks dropped)
// or, without marks, the plain-text layout.
// With `new_text` (the quote is only new text, never a restatement), struck words in it are an
// error.
std::vector<Provision> blocks_from_quote(const InstructionItem::Quote& q, const std::string& file, bool new_text = false);

// Where an unnumbered paragraph of a restatement is (a SetText op of find_kind "unnumbered
// paragraph"): `chain` holds the section and the provisions down to the last numbered one restated
// before it. Searched from the deepest: each one's unnumbered children after the provision the chain
// goes through, and the section's own text when the chain ends there. The first that `reads` wins.
struct UnnumberedAt {
    Provision* holder = nullptr;  // null: none reads so
    std::size_t child = 0;        // the holder's child, unless own_text
    bool own_text = false;
};
UnnumberedAt find_unnumbered(const std::vector<Provision*>& chain, const std::function<bool(const std::string&)>& reads);

}  // namespace amend
