// The provenance sidecars of code files: `FILE.provenance` beside `FILE` (corpus/README.md). A
// code is read exactly as without them (folders read only *.txt and *.xml); a file without one is
// shown as "provenance not stated".
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/instruction.hpp"
#include "model/provision.hpp"
#include "pipeline/jobs.hpp"  // kGenerator
#include "render/render.hpp"

namespace amend {

// Reads one sidecar: `key: value` lines (version, completeness, source, note; `#` starts a comment
// line). Throws InputError at file:line:col for an unknown key, a repeated one, a missing version or
// completeness, or a completeness other than complete, excerpt or reconstructed.
BaseText read_provenance(const std::string& bytes, const std::string& path);

// Each section of `code` with its file's provenance (BaseText{} when the file has no sidecar), in
// the code's order.
std::vector<std::pair<std::string, BaseText>> provenance_of(const Document& code);

// The proposal's own lines: the document's title and its sponsor, record, date and status lines.
Proposal proposal_of(const AmendmentDoc& doc);

}  // namespace amend
