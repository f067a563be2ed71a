// What a code's codifier does to a law's words when it puts them into the code. The D.C.
// codifier replaces a citation of a law's section by its Code cite: "section 409 of the Open
// Meetings Act, effective March 31, 2011 (D.C. Law 18-350; D.C. Official Code § 2-579)" becomes
// "§ 2-579". Applied to the text an instruction inserts into D.C. Code XML, never to existing text.
#pragma once

#include <string>

#include "model/provision.hpp"

namespace amend {

std::string dc_codify(const std::string& law_text);
void dc_codify(Provision& inserted);  // every text, heading and child

// A law's own section codified as a Code section: besides the citations, the law's units become
// the Code's ("this act" and "this title" → "this chapter", "this subtitle" → "this subchapter").
void dc_codify_law_section(Provision& section);

}  // namespace amend
