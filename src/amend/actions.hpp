// Reading one action of a drafting sentence (actions.cpp), for the interpreter (interpret.cpp).
#pragma once

#include <optional>
#include <string>

#include "amend/language/target.hpp"
#include "amend/language/where.hpp"
#include "amend/ops.hpp"

namespace amend::actions {

using language::Masked;

// One action, after "by" or as an imperative ("striking "X" and inserting "Y" in its place",
// "adding a new subsection (c) to read as follows:"), into `op`. False when it is not one;
// `unread` is then set where the words after its phrases could not be read.
bool read_action(const std::string& a, const Masked& m, Op& op, std::optional<language::Unread>& unread);

// What an action no rule read (read_action false with nothing unread) was expected to say, at
// its first words that were not read: after its verb ("striking", "inserting", "adding"), what the
// verb takes; after "to read as follows", the colon and the new text; else an action.
language::Unread unread_action(const std::string& a);

// The place a sentence states for a new unit: "after subsection (c)" or "before paragraph (2)" is
// kept in `op` (stated_after, stated_before) to be checked when applied; one beside words ("after
// the phrase "X"") is not read (`unread`, at byte `at`), and false.
bool stated_place(const std::string& place, std::size_t at, Op& op, std::optional<language::Unread>& unread);

// Where a new unit goes, as the words say ("after paragraph (2)", "at the end"): whether they put
// it in another numbered unit ("at the end of subsection (b)"), a place the target does not name.
bool names_other_unit(const std::string& place);

// The part of a unit an operation read works on, as its action or target names it: the lead-in
// text ("in the lead-in language"); a sentence ("The second sentence is amended to read as
// follows:": its words struck and the new words inserted in their place); a table ("The first
// tabular array is amended to read as follows:": replaced by the one quoted, SetText of find_kind
// "tabular array"; with words struck or inserted, they are found in that table alone). The unit
// that holds the part stays the target. False for anything else done to a table (repealed, units
// added to it), or a table named beside other targets.
bool narrow_to_part(Op& op);

}  // namespace amend::actions
