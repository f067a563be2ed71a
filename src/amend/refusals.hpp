// What an operation read from a sentence may not be, whatever the code holds: each a refusal
// with its words (interpret.cpp asks before an operation is kept), never an operation dropped
// or applied to a guess.
#pragma once

#include <optional>

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

}  // namespace amend::refusals
