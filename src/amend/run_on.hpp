// A quotation of the words inserted that runs on into the units below the sentence: "... and
// inserting the phrase "with appropriate regard for:" then (A), (B), (C) quoted, the last ending
// "...; in its place." (D.C. Laws 22-315 and 24-289). The one reading: the phrase is the words
// before the units, and the units are added to the unit changed, right after its text.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "amend/ops.hpp"
#include "model/instruction.hpp"
#include "model/provision.hpp"

namespace amend {

struct RunOnQuote {
    std::string sentence;            // the sentence with the quotation closed: "... "with appropriate regard for:" in its place."
    std::vector<Provision> units;    // the units the quotation runs into, the drafter's last words taken off the last
    std::string last_words;          // those words, as written ("; in its place.")
};

// `raw` is the item's sentence (whitespace collapsed) whose quotation opened at `open` is not
// closed. Nothing unless the quotation is what is inserted ("inserting the phrase "), runs to
// the sentence's end, and the item's units (its quoted text, or designated paragraphs with no
// amending words) end with "in its place." after the last one's words.
std::optional<RunOnQuote> quote_runs_into_units(const InstructionItem& it, const std::string& raw, std::size_t open);

// Reads `run_on`: the sentence with its quotation closed (by `walk`, the reader of one item), then
// the units added to the unit it changes, right after its text, with a warning naming the reading.
// False, with nothing read, where the closed sentence is no strike and insert; true where it was
// read, or its own errors stand.
bool read_run_on(const InstructionItem& it, const RunOnQuote& run_on, ReadResult& res,
                 const std::function<void(const InstructionItem&)>& walk);

}  // namespace amend
