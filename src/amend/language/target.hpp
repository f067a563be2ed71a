// The targets of drafting language: the units an instruction names ("Subsection (a) of section 5
// (D.C. Official Code § 1-2)", "Paragraphs (3) and (4)", "The section heading", "The definition of
// "X""), read with the sentence's quoted phrases masked («0», «1», ...), and joined with the unit
// the enclosing instruction names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "amend/ops.hpp"

namespace amend::language {

// A sentence with each quoted phrase replaced by «n», and the phrases.
struct Masked {
    std::string text;                 // with «n» for each quoted phrase
    std::vector<std::string> quotes;
    std::size_t unclosed = std::string::npos;  // the byte of a quotation mark that is never closed
    // The phrase «n» stands for, by its number as the grammar captured it ("0").
    const std::string& quoted(const std::string& n) const { return quotes.at(static_cast<std::size_t>(std::stoi(n))); }
};

// Masks the quoted phrases of a sentence (curly quotes, and straight ones closed where drafting
// language goes on).
Masked mask_quotes(const std::string& s);

// "(a)(1)" → {"a", "1"}
std::vector<std::string> chain_of(const std::string& s);

// "(3) and (4)", "(3), (4), and (5)", "(A) through (D)", "(c)(1)" → a list of chains.
std::vector<std::vector<std::string>> designation_list(const std::string& s);

// Reads a target phrase (quotes masked in `m`) into `out`, and into `many` each unit of a plural;
// false when the words are not a target.
bool read_target(std::string t, const Masked& m, TargetRef& out, std::vector<std::vector<std::string>>* many = nullptr);

// A target as it stands inside the enclosing one: a relative target takes its section and the
// designations above its own kind from `ctx`.
TargetRef join_target(const TargetRef& ctx, TargetRef t);

// Joins each of an action's own targets to the unit amended, `base`; returns the first unit named
// beside the words (TargetRef::inside) that is no unit within `base`, joined, leaving the rest as
// they were then ("Section 2-173-042(b) is amended by striking "X" in subsection (a)").
std::optional<TargetRef> join_actions(std::vector<TargetRef>& targets, const TargetRef& base);

// The D.C. Code's sections from `first` to `last` in its index, each a target of `op` (in the
// title of `ctx`); false (none added) when either is not in the index or the range runs backwards
// or past a thousand.
bool dc_section_range(const std::string& first, const std::string& last, const TargetRef& ctx, Op& op);

// An Act the D.C. Code holds from section `first` on ("D.C. Official Code § 2-1551 et seq."):
// each section of the Code's unit (chapter, subchapter, ...) that holds `first`, from `first` to
// the unit's end, a target of `op`. False (none added) when the index does not hold `first`.
bool dc_act_sections(const std::string& first, const TargetRef& ctx, Op& op);

}  // namespace amend::language
