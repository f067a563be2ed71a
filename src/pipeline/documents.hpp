// The use cases on files that tests, fuzzers and the jobs share: an amendment file read and
// applied, an ordinance drafted from one. The libraries below take values; reading the file is
// done here.
#pragma once

#include <optional>
#include <string>

#include "amend/apply.hpp"
#include "draft/draft.hpp"

namespace amend {

// The report's warnings, then the cross-references left dangling, then the notes (what the site
// lists); notice_lines gives each as its headline (the lines a job prints to standard error).
std::vector<Diagnostic> notices(const ApplyReport& r);
std::vector<std::string> notice_lines(const ApplyReport& r);

// Whose codifier's conventions apply to `code`, as the code says of itself: D.C.'s where its files
// declare the D.C. Council's library ("https://code.dccouncil.us/schemas/dc-library" on a root
// element), none otherwise; the format alone decides nothing (--jurisdiction says otherwise).
// apply_file uses it where the options do not say.
Jurisdiction jurisdiction_of(const Document& code);
// The jurisdiction an option names ("dc", "general"), or none.
std::optional<Jurisdiction> jurisdiction_named(const std::string& name);

// Reads the amendment file (Markdown or a D.C. law instruction), then applies it to a copy of
// `code`, or to `code` itself when it is moved in.
ApplyResult apply_file(const Document& code, const std::string& amendment_path, const ApplySettings& opt);
ApplyResult apply_file(Document&& code, const std::string& amendment_path, const ApplySettings& opt);
// The same, of an amendment document already read.
ApplyResult apply_amendments(Document&& code, const AmendmentDoc& amendments, const ApplySettings& opt);

namespace draft {

struct Drafted {
    ApplyReport report;  // report.ok() false: `bytes` is empty
    std::string bytes;
};

// Reads the amendment file once, applies it to a copy of `code`, diffs, and renders the ordinance
// in `style`. Throws InputError on an unreadable amendment file. For Docx, `word` says how (tracked
// or formatted, author, date); an empty date takes the amendment's "date:" line, if any.
Drafted draft_file(const Document& code, const std::string& amendment_path, const Style& style, OrdinanceFormat format,
                   const docx::WriteOptions& word = {});

}  // namespace draft

}  // namespace amend
