// The whole drafting step, from a code and an amendment file to the ordinance's bytes.
#pragma once

#include <string>

#include "amend/apply.hpp"
#include "draft/ordinance.hpp"

namespace amend::draft {

enum class Format { Markdown, Html, Text, Docx };

struct Drafted {
    ApplyReport report;  // report.ok() false: `bytes` is empty
    std::string bytes;
};

// Applies the amendment file to a copy of `code`, diffs, and renders the ordinance in `style`.
// Throws InputError on an unreadable amendment file. For Docx, `word` says how (tracked or
// formatted, author, date); an empty date takes the amendment's "date:" line, if any.
Drafted draft_file(const Document& code, const std::string& amendment_path, const Style& style, Format format,
                   const docx::WriteOptions& word = {});

std::string render_ordinance(const Ordinance& o, const Style& style, Format format, const docx::WriteOptions& word = {});

}  // namespace amend::draft
