// amend apply / amend check: apply an amendment document to a code as one transaction.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <type_traits>
#include <vector>
#include <fstream>
#include <system_error>
#include <unistd.h>

#include "pipeline/documents.hpp"
#include "amend/apply.hpp"
#include "pipeline/jobs.hpp"
#include "pipeline/output_set.hpp"
#include "model/citation.hpp"
#include "parse/dc_xml.hpp"
#include "pipeline/inputs.hpp"
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

// amend exits right after a command: the system takes the memory back at once, where freeing a
// whole code provision by provision takes a tenth of a second (compilers skip freeing the same
// way). What is kept here stays reachable and is never destroyed.
template <class T>
void keep_until_exit(T&& x) {
    static auto* kept = new std::vector<std::shared_ptr<void>>();
    kept->push_back(std::make_shared<std::decay_t<T>>(std::move(x)));
}

}  // namespace

Outcome run_apply(const ApplyOptions& o, std::ostream& out, std::ostream& err) {
    using clock = std::chrono::steady_clock;
    auto secs = [](clock::time_point a, clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
    auto t0 = clock::now();
    if (!o.out_dir.empty()) refuse_output_over_inputs(o.out_dir, o.code, o.amendments);
    Document code = load_code(o.code);
    auto t1 = clock::now();
    ApplyOptions2 ao;
    ao.strict = o.strict;
    CodeIndex index;
    if (!o.code_index.empty()) {
        index = CodeIndex::from_tsv(read_file(o.code_index), o.code_index);
        ao.code_index = &index;
    }
    ApplyResult r = apply_file(code, o.amendments, ao);
    auto t2 = clock::now();
    if (!r.report.ok()) {
        for (const auto& d : r.report.failures) err << format_full(d);
        err << "amend: " << r.report.failures.size() << " instruction(s) failed; nothing was written\n";
        return Outcome::refused;
    }
    for (const auto& w : r.report.warnings) err << "warning: " << w << "\n";
    for (const auto& w : r.report.dangling) err << "warning: " << w << "\n";
    for (const auto& w : r.report.skipped) err << "note: " << w << "\n";
    if (o.out_dir.empty()) {
        out << r.report.applied.size() << " instruction(s) apply; " << r.report.changed_sections.size() << " section(s) change\n";
        keep_until_exit(std::move(code));
        keep_until_exit(std::move(r.amended));
        return Outcome::ok;
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
    auto t3 = clock::now();
    files.write(o.out_dir);
    if (o.timings)
        std::fprintf(stderr, "timings: read %.3f s, apply %.3f s, site %.3f s, write %.3f s (%zu files), total %.3f s\n",
                     secs(t0, t1), secs(t1, t2), secs(t2, t3), secs(t3, clock::now()), files.size(), secs(t0, clock::now()));
    out << "wrote " << files.size() << " file(s) to " << o.out_dir << "\n";
    keep_until_exit(std::move(code));
    keep_until_exit(std::move(r.amended));
    return Outcome::ok;
}

}  // namespace amend
