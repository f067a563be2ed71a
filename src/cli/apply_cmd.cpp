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
#include "render/doc.hpp"

namespace amend {

namespace fs = std::filesystem;

namespace {

// The report as a document tree: every word from the law or the amendment goes into a text
// node, so Markdown syntax and HTML in it come out as literal text.
std::string report_md(const ApplyOptions& o, const ApplyReport& r) {
    render::Doc doc;
    render::text(render::heading(doc.root(), 1), "Amendment report");
    render::text(render::paragraph(doc.root()), "Amendments: " + fs::path(o.amendments).filename().string());
    auto section = [&](const std::string& title, const std::vector<std::string>& lines, bool always) {
        if (lines.empty() && !always) return;
        render::text(render::heading(doc.root(), 2), title);
        if (lines.empty()) {
            render::text(render::paragraph(doc.root()), "None.");
            return;
        }
        cmark_node* l = render::list(doc.root());
        for (const auto& line : lines) render::text(render::paragraph(render::item(l)), line);
    };
    std::vector<std::string> applied;
    for (const auto& a : r.applied) applied.push_back(fs::path(a.where).filename().string() + ": " + a.what);
    section("Instructions applied", applied, true);
    section("Sections changed", std::vector<std::string>(r.changed_sections.begin(), r.changed_sections.end()), true);
    section("Warnings", r.warnings, false);
    section("Cross-references to check", r.dangling, false);
    section("Not in the code given (skipped)", r.skipped, false);
    return doc.markdown();
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
