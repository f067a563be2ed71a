// The redline of a ChangeSet as a Word document (docx/docx.hpp): every provision of every section compared, one
// paragraph each, the changes as tracked changes, so that Accept All gives the new version and
// Reject All the old one, word for word (nothing elided).
#pragma once

#include <string>

#include "diff/diff.hpp"
#include "docx/docx.hpp"

namespace amend {

// `header`: the running header (say, "2-173-042: changes from OLD to NEW").
docx::Package redline_package(const ChangeSet& cs, const std::string& title, const std::string& header);

}  // namespace amend
