// What an operation read from a sentence may not be, whatever the code holds: each a refusal
// with its words (interpret.cpp asks before an operation is kept), never an operation dropped
// or applied to a guess.
#pragma once

#include <optional>
#include <string>

#include "amend/ops.hpp"
#include "model/diagnostic.hpp"

namespace amend::refusals {

// A target naming another section of the code than the one the item sits in, `enclosing`
// ("Section 2-173-030(b) is amended ..." under "Section 2-173-042(b) is amended as follows:").
std::optional<Diagnostic> other_section(const Op& op, const TargetRef* enclosing);

// An operation that changes nothing: the words struck inserted again, a unit redesignated as
// itself at its own level.
std::optional<Diagnostic> changes_nothing(const Op& op);

// A sentence restated or inserted with more than one paragraph of quoted words.
std::optional<Diagnostic> not_one_sentence(const Op& op);

// A part of a unit (its heading, its lead-in, a sentence) repealed or struck as a unit: what would
// go is the whole unit.
std::optional<Diagnostic> part_as_unit(const Op& op);

// Why a sentence that no rule read cannot be read, where its own words say: a repeal that takes
// effect on a date of its own ("... shall be repealed on October 1, 2018."), which waits for it.
std::optional<std::string> unread_why(const std::string& sentence);

}  // namespace amend::refusals
