// Sentence forms read as the plain form of the same instruction, so that each rule of the reader
// is written once.
#pragma once

#include <string>

namespace amend::language {

// `s` (quotes masked «n») in its plain form, or as it is:
//   "Redesignate paragraph (1) as paragraph (1A)."           → "paragraph (1) is redesignated as paragraph (1A)"
//   "Renumber ...", "... is renumbered as ..."                → the same, "redesignated"
//   "X is amended by redesignating paragraph (3) as (4)"      → "paragraph (3) of X is redesignated as (4)"
//   "In subsection (c), paragraphs (1) and (2) are repealed." → "paragraphs (1) and (2) of subsection (c) are repealed"
std::string plain_form(const std::string& s);

}  // namespace amend::language
