// D.C. law instruction files (instruction.xml of the D.C. amendment cases): the amending
// provision of a law with its enclosing context. The codifier's codify:* elements and codified:*
// attributes are the codifier's own reading and are dropped: only the law's words are read.
#pragma once

#include <string>

#include "model/instruction.hpp"

namespace amend {

AmendmentDoc read_dc_instruction(const std::string& bytes, const std::string& path);

}  // namespace amend
