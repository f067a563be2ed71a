// Amendment documents in Markdown (amendments/*.md; format in amendments/README.md).
#pragma once

#include <string>

#include "model/instruction.hpp"

namespace amend {

// Reads a Markdown amendment document: "# Title", then optional "key: value" lines, then an
// ordered list of instructions (nested lists for sub-items, block quotes for new text in the
// plain-text layout). Sentences and quoted text are taken from the source bytes, so Markdown
// syntax inside law text is never interpreted. Throws InputError on bad input.
AmendmentDoc read_markdown_amendment(const std::string& bytes, const std::string& path);

}  // namespace amend
