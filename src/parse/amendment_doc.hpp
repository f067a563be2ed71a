// What every reader of an amendment document (Markdown, Word) tells apart the same way, whatever
// the format's own blocks: the ordinance's "SECTION n." clauses, the notes after them, and the
// "key: value" lines of its metadata before the instructions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "model/instruction.hpp"

namespace amend {

// "SECTION 1. Section 2-173-042 ... is hereby amended ...": true, with `dot` at the period after
// the number.
bool ordinance_section_clause(const std::string& text, std::size_t& dot);

// An ordinance's section as an instruction item: the clause's "SECTION n." as its designation and
// the words after it as its sentence, at file:line:col.
InstructionItem ordinance_section_item(const std::string& text, std::size_t dot, const std::string& file, int line, int col);

// Whether the document's last item is an ordinance's section, after which text that is not
// another section or quoted text is a note of the ordinance ("meta" "note").
bool after_ordinance_section(const AmendmentDoc& doc);

// A line of metadata before the instructions ("Sponsor: Coalition ..."): a key of one word under
// 40 characters, a colon, and its value, both trimmed; nothing when the line is not one.
std::optional<std::pair<std::string, std::string>> metadata_line(const std::string& line);

}  // namespace amend
