// PDF by printing amend's own HTML pages in headless Chromium (DESIGN §11): US Letter, margins,
// "Page N of M" at the foot and a running header at the top of every page (the @page rules added
// here), navigation hidden and deletions kept apart from insertions (the pages' print CSS).
// This module takes and gives values; the pipeline (pipeline/print_job.cpp) writes the page to a
// temporary folder, runs the browser these arguments name, and reads the PDF back.
#pragma once

#include <string>
#include <vector>

namespace amend::print {

// The page with the @page rules for `header` put before its </head>. `header` is the running
// header's text (say, the section and the versions compared).
std::string with_print_rules(const std::string& html, const std::string& header);

// The command that prints `page` (an HTML file) to `pdf` with `chromium`, headless, keeping its
// profile in `profile_dir` and adding no header or footer of its own.
std::vector<std::string> chromium_print_command(const std::string& chromium, const std::string& page, const std::string& pdf,
                                                const std::string& profile_dir);

// The PDF with its creation and modification dates set to 1980-01-01 in place (Chromium dates
// them by the clock), every byte offset its cross-reference table holds kept: the same page gives
// the same bytes. Throws std::runtime_error when `pdf` is not a PDF.
std::string with_fixed_dates(std::string pdf);

}  // namespace amend::print
