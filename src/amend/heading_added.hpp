// "A section heading is added to read as follows:" under "Section N ... is amended as follows:",
// with the section quoted as its heading alone (D.C. Law 24-167 on § 5-113.01). The Code gives
// every section a heading, so nothing is added: the law's heading takes the place of the Code's,
// as a heading restated, and a warning names that reading.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "amend/ops.hpp"
#include "model/diagnostic.hpp"
#include "model/instruction.hpp"

namespace amend {

struct HeadingRestated {
    InstructionItem item;  // the item read as "The section heading is amended to read as follows:"
    Diagnostic warning;
};

// `sentence` is the item's sentence with its quotes masked and the end stripped, `raw` as written,
// `target` the unit it amends (absolute), `quoted` the new text read from the item's quotation.
// Nothing unless the target is a whole section in a code, the sentence is "A (new) section heading
// is added to read as follows", and the one block quoted is a section with a heading and no words
// or units of its own.
std::optional<HeadingRestated> heading_added_as_restated(const InstructionItem& it, const std::string& sentence, const std::string& raw,
                                                         const TargetRef& target, const std::vector<Provision>& quoted);

}  // namespace amend
