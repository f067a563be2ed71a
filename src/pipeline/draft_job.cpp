// amend draft: the ordinance that enacts an amendment document, in a jurisdiction's form.
#include <filesystem>

#include "pipeline/documents.hpp"
#include "pipeline/jobs.hpp"
#include "pipeline/output_set.hpp"
#include "draft/draft.hpp"
#include "pipeline/inputs.hpp"

namespace amend {

namespace fs = std::filesystem;

Outcome run_draft(const DraftOptions& o, std::ostream& out, std::ostream& err) {
    const draft::Style* style = draft::find_style(o.style);
    if (!style) throw UsageError("unknown style " + o.style + " (chicago or philadelphia)");
    if (o.format != "md" && o.format != "html" && o.format != "text")
        throw UsageError("unknown format " + o.format + " (md, html or text)");
    if (!o.out_file.empty()) refuse_output_over_inputs(o.out_file, o.code, o.amendments);

    Document code = load_code(o.code);
    auto format = o.format == "html" ? draft::Format::Html : o.format == "text" ? draft::Format::Text : draft::Format::Markdown;
    draft::Drafted d = draft::draft_file(code, o.amendments, *style, format);
    const ApplyReport& r = d.report;
    if (!r.ok()) {
        for (const auto& diag : r.failures) err << format_full(diag);
        err << "amend: " << r.failures.size() << " instruction(s) failed; nothing was written\n";
        return Outcome::refused;
    }
    for (const auto& w : r.warnings) err << "warning: " << w << "\n";
    for (const auto& w : r.dangling) err << "warning: " << w << "\n";
    for (const auto& w : r.skipped) err << "note: " << w << "\n";
    write_or_print(o.out_file, std::move(d.bytes), out);
    return Outcome::ok;
}

}  // namespace amend
