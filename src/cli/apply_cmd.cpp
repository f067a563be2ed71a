// amend apply / amend check: apply an amendment document to a code as one transaction.
#include <filesystem>
#include <fstream>
#include <system_error>
#include <unistd.h>

#include "amend/apply.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "model/citation.hpp"
#include "parse/dc_xml.hpp"
#include "parse/load.hpp"
#include "parse/text_layout.hpp"

namespace amend {

namespace fs = std::filesystem;

namespace {

std::string report_md(const ApplyOptions& o, const ApplyReport& r) {
    std::string s = "# Amendment report\n\n";
    s += "Amendments: `" + fs::path(o.amendments).filename().string() + "`\n\n";
    s += "## Instructions applied\n\n";
    if (r.applied.empty()) s += "None.\n";
    for (const auto& a : r.applied) s += "- " + fs::path(a.where).filename().string() + ": " + a.what + "\n";
    s += "\n## Sections changed\n\n";
    for (const auto& c : r.changed_sections) s += "- " + c + "\n";
    if (!r.warnings.empty()) {
        s += "\n## Warnings\n\n";
        for (const auto& w : r.warnings) s += "- " + w + "\n";
    }
    if (!r.dangling.empty()) {
        s += "\n## Cross-references to check\n\n";
        for (const auto& w : r.dangling) s += "- " + w + "\n";
    }
    if (!r.skipped.empty()) {
        s += "\n## Not in the code given (skipped)\n\n";
        for (const auto& w : r.skipped) s += "- " + w + "\n";
    }
    return s;
}

}  // namespace

int run_apply(const ApplyOptions& o, std::ostream& out, std::ostream& err) {
    if (!o.out_dir.empty()) refuse_output_over_inputs(o.out_dir, o.code, o.amendments);
    Document code = load_code(o.code);
    ApplyOptions2 ao;
    ao.strict = o.strict;
    ApplyResult r = apply_file(code, o.amendments, ao);
    if (!r.report.ok()) {
        for (const auto& d : r.report.failures) err << format_full(d);
        err << "amend: " << r.report.failures.size() << " instruction(s) failed; nothing was written\n";
        return 2;
    }
    for (const auto& w : r.report.warnings) err << "warning: " << w << "\n";
    for (const auto& w : r.report.dangling) err << "warning: " << w << "\n";
    for (const auto& w : r.report.skipped) err << "note: " << w << "\n";
    if (o.out_dir.empty()) {
        out << r.report.applied.size() << " instruction(s) apply; " << r.report.changed_sections.size() << " section(s) change\n";
        return 0;
    }
    OutputSet files;
    for (const Provision* s : sections_of(r.amended.root)) {
        if (!r.report.changed_sections.count(s->designation)) continue;
        bool xml = s->span.file < r.amended.files.size() &&
                   r.amended.files[s->span.file].format == FileFacts::Format::DcXml;
        std::string name = "consolidated/" + s->designation + (xml ? ".xml" : ".txt");
        files.add(name, xml ? write_dc_xml(*s) : write_text_provision(*s, 0, s->span.file < r.amended.files.size() && r.amended.files[s->span.file].crlf ? "\r\n" : "\n"));
    }
    files.add("report.md", report_md(o, r.report));
    add_site(files, code, r.amended, r.report);
    files.write(o.out_dir);
    out << "wrote " << files.size() << " file(s) to " << o.out_dir << "\n";
    return 0;
}

}  // namespace amend
