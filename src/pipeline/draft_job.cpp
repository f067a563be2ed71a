// amend draft: the ordinance that enacts an amendment document, in a jurisdiction's form.
#include <filesystem>

#include "pipeline/documents.hpp"
#include "pipeline/export.hpp"
#include "pipeline/jobs.hpp"
#include "pipeline/output_set.hpp"
#include "draft/draft.hpp"
#include "pipeline/inputs.hpp"

namespace amend {

namespace fs = std::filesystem;

Outcome run_draft(const DraftOptions& o, std::ostream& out, std::ostream& err) {
    const draft::Style* style = draft::find_style(o.style);
    if (!style) throw UsageError("unknown style " + o.style + " (chicago or philadelphia)");
    if (o.format != "md" && o.format != "html" && o.format != "text" && !is_file_format(o.format))
        throw UsageError("unknown format " + o.format + " (md, html, text, docx or pdf)");
    if (is_file_format(o.format) && o.out_file.empty())
        throw UsageError("draft --format " + o.format + " writes a file: give -o FILE");
    if (!o.out_file.empty()) refuse_output_over_inputs(o.out_file, o.code, o.amendments);

    Document code = load_code(o.code);
    auto format = o.format == "html" || o.format == "pdf" ? draft::OrdinanceFormat::Html
                  : o.format == "text"                    ? draft::OrdinanceFormat::Text
                  : o.format == "docx"                    ? draft::OrdinanceFormat::Docx
                                                          : draft::OrdinanceFormat::Markdown;
    docx::WriteOptions word;
    word.tracked = o.tracked;
    word.author = o.author;
    word.date = change_date(o.date, "");
    draft::Drafted d = draft::draft_file(code, o.amendments, *style, format, word);
    const ApplyReport& r = d.report;
    if (!r.ok()) {
        for (const auto& diag : r.failures) err << format_full(diag);
        err << "amend: " << r.failures.size() << " instruction(s) failed; nothing was written\n";
        return Outcome::refused;
    }
    if (!r.skipped.empty()) {
        // An ordinance that leaves out instructions is not the proposal: each is an error here.
        for (Diagnostic diag : r.skipped) {
            diag.severity = Severity::Error;
            diag.message += "; the ordinance would leave it out";
            err << format_full(diag);
        }
        err << "amend: " << r.skipped.size() << " instruction(s) name sections not in the code given; no ordinance was written\n";
        return Outcome::refused;
    }
    for (const auto& line : notice_lines(r)) err << line << "\n";
    if (o.format == "pdf") d.bytes = html_to_pdf(d.bytes, d.report.title.empty() ? "Ordinance" : d.report.title);
    write_or_print(o.out_file, std::move(d.bytes), out);
    return Outcome::ok;
}

}  // namespace amend
