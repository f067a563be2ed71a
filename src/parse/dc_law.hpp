// Whole D.C. law files as DCCouncil publishes them (a <document>: titles and subtitles as
// <container>s, sections, nested paragraphs, <include>d new text, <code-cite> marks). Every
// provision whose words amend the Code becomes an instruction item; the others (short title,
// findings, applicability, fiscal impact, effective date, the law's own new sections) are listed
// as amending nothing. The codifier's codify:* reading is dropped: only the law's words are read.
#pragma once

#include <string>

#include "model/instruction.hpp"

namespace amend {

AmendmentDoc read_dc_law(const std::string& bytes, const std::string& path);

// True when the XML's root element is a <document> (a whole law), looking past the XML
// declaration, comments and a doctype.
bool is_dc_law(const std::string& bytes);

// True when `text` is drafting language that amends ("... is amended ...", "Strike ...", "by
// adding ...", "... is repealed."), so that a provision holding it must be read, not listed.
bool amends_words(const std::string& text);

}  // namespace amend
