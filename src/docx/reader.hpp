// Reading an amendment document written in Word (DESIGN §11) into the AmendmentDoc the Markdown
// reader gives (parse/markdown.hpp), so that both go through one grammar and one restatement reader.
//
// What counts: struck-through text (direct formatting, or a character or paragraph style through
// its basedOn chain; w:val="0|false" turns a style's strike off) and tracked deletions are deletions;
// underscored text and tracked insertions are insertions. Designations that exist only in Word's
// automatic numbering (numbering.xml) are written out. Field codes and hidden text are skipped;
// hyperlinks, smart tags and content controls are read through; runs Word split are joined.
// A paragraph in a quotation style ("Quote", "Quotations", "Block Text") or indented from the left
// holds quoted law; the others are the document's title, "key: value" lines, recitals, "SECTION n."
// clauses and numbered instructions, as in Markdown. A position is "file:N:col", N the paragraph's
// number in the body.
#pragma once

#include <string>

#include "model/instruction.hpp"

namespace amend::docx {

// True for bytes that open like a zip package ("PK\3\4").
bool is_zip(const std::string& bytes);

// Throws InputError ("file: error: ... [docx.*]") for a corrupt or truncated package, one that
// unpacks past the size limits, names an entry outside itself (".."), holds macros, relates to
// anything outside itself other than a hyperlink (nothing is ever fetched), or has no body.
AmendmentDoc read_docx_amendment(const std::string& bytes, const std::string& path);

}  // namespace amend::docx
