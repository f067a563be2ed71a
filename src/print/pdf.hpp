// PDF by printing amend's own HTML pages in headless Chromium (DESIGN §11): US Letter, margins,
// "Page N of M" at the foot and a running header at the top of every page (the @page rules added
// here), navigation hidden and deletions kept apart from insertions (the pages' print CSS).
#pragma once

#include <string>

namespace amend::print {

// The PDF of a standalone HTML page. `header` is the running header's text (say, the section
// and the versions compared). The PDF's creation and modification dates are fixed
// (1980-01-01), so that the same page gives the same bytes. Runs `chromium` (or $AMEND_CHROMIUM)
// in a temporary folder; throws std::runtime_error when it is missing or fails.
std::string html_to_pdf(const std::string& html, const std::string& header);

// The page with the @page rules for `header` put before its </head>.
std::string with_print_rules(const std::string& html, const std::string& header);

}  // namespace amend::print
