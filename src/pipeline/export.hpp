// The formats amend writes as files, not text: Word (.docx, tracked changes or struck and
// underscored formatting) and PDF (amend's HTML printed). Kept apart so that each command adds
// them with one call.
#pragma once

#include <string>
#include <vector>

#include "pipeline/jobs.hpp"
#include "amend/apply.hpp"
#include "diff/diff.hpp"

namespace amend {

// The PDF of a standalone HTML page, printed by headless Chromium (`chromium`, or $AMEND_CHROMIUM)
// with the print module's rules and `header` as the running header; its dates fixed, so that the
// same page gives the same bytes. Throws std::runtime_error when the browser is missing or fails.
std::string html_to_pdf(const std::string& html, const std::string& header);

// Whether `format` is one of diff's file formats: docx, pdf (the redline), side-by-side-pdf.
bool is_file_format(const std::string& format);

// amend diff OLD NEW --format docx|pdf|side-by-side-pdf -o FILE: whether they differ.
Outcome run_diff_to_file(const DiffOptions& o);

// The w:date of tracked changes: `given` (--date: 2016, 2016-05, 2016-05-18 or a full UTC time), or
// else `fallback` ("2016" from an amendment's date: line), or else none (Word shows no date):
// never the clock, nor a file's time, so that the same inputs give the same bytes on any checkout.
// Throws UsageError for a --date of another form.
std::string change_date(const std::string& given, const std::string& fallback);

// The running header of a redline: "2-173-042: changes from OLD to NEW" (the section named when
// there is one).
std::string redline_header(const ChangeSet& cs, const std::string& old_name, const std::string& new_name);

class OutputSet;

// The Word files of `amend apply -o DIR`: NUMBER/redline.docx for each changed section (tracked
// changes), and ordinance.docx (Chicago's form, struck and underscored) for a Markdown or Word
// amendment document. Dated by the amendment's date: line, or else the files' times.
// Whether an ordinance is drafted (ordinance.md, .html, .docx): for a proposal (a Markdown or Word
// amendment document), not for a law as enacted (a D.C. law or instruction file), whatever the
// files are named; and not where instructions were skipped as naming sections not in the code
// given, since an ordinance without them is not the proposal.
bool writes_ordinance(const AmendmentDoc& amendments, const ApplyReport& report);
void add_word(OutputSet& files, const ApplyResult& r, const AmendmentDoc& amendments);

}  // namespace amend
