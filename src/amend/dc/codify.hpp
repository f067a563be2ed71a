// What a code's codifier does to a law's words when it puts them into the code. The D.C. law XML
// marks the references the codifier converts, <code-cite path="§50-921.02">section 3</code-cite>,
// and the Code publishes each as what its path names: "§ 50-921.02"; a unit's path ("2|5|I") is
// named from where the text stands ("subchapter I of Chapter 5 of Title 2", "this chapter"). The
// D.C. dev cases hold 66 instructions with such marks; where a law marks none, its words stay as
// written, but for two conventions the codifier follows without marks: a law's section cited
// with its Code cite ("section 409 of the Open Meetings Act, effective March 31, 2011 (D.C. Law
// 18-350; D.C. Official Code § 2-579)" becomes "§ 2-579") and a section number that is a Code
// number ("section 16-1501" is "§ 16-1501"). Applied to the text an instruction inserts into D.C.
// Code XML, never to existing text.
#pragma once

#include <string>
#include <utility>

#include "model/code_index.hpp"
#include "model/provision.hpp"

namespace amend {

// Where the law's words go. For a law's section codified as a Code section, that section: the
// law's "section 1023" is § 10-551.02, and as the law's sections are codified in order, "section
// 1028f" of the same law is § 10-551.07f.
struct LawAnchor {
    LawAnchor() = default;
    LawAnchor(std::string law_sec, std::string code_sec) : law_section(std::move(law_sec)), code_section(std::move(code_sec)) {}
    std::string law_section;   // "1023", "2a"
    std::string code_section;  // "10-551.02", "50-921.01a"
    const CodeIndex* index = nullptr;  // the Code's units, to name a code-cite's unit
    std::string section;               // the Code section the text goes into ("37-131.08")
    bool law_text = false;             // a law's own section codified as a Code section
};

// The Code number of the law's section `law_section` ("3", "1028f"), counted from the anchor;
// empty when the anchor cannot tell (no anchor, another block of the law's numbering).
std::string code_section_of(const LawAnchor& anchor, const std::string& law_section);

std::string dc_codify(const std::string& law_text, const LawAnchor& anchor = {});
void dc_codify(Provision& inserted, const LawAnchor& anchor = {});  // every text, heading and child

// A law's own section codified as a Code section: besides the citations, the law's units become
// the Code's ("this act" and "this title" → "this chapter", "this subtitle" → "this subchapter").
void dc_codify_law_section(Provision& section, const LawAnchor& anchor = {});

}  // namespace amend
