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
#include "pipeline/export.hpp"
#include "pipeline/jobs.hpp"
#include "pipeline/output_set.hpp"
#include "model/citation.hpp"
#include "parse/dc_xml.hpp"
#include "pipeline/inputs.hpp"
#include "parse/text_layout.hpp"
#include "pipeline/provenance.hpp"
#include "render/doc.hpp"
#include "render/render.hpp"

namespace amend {

namespace fs = std::filesystem;

namespace {

// The report as a document tree: every word from the law or the amendment goes into a text
// node, so Markdown syntax and HTML in it come out as literal text.
void report_doc(render::Doc& doc, const ApplyOptions& o, const ApplyReport& r, const SiteInputs& in) {
    render::text(render::heading(doc.root(), 1), "Amendment report");
    render::text(render::paragraph(doc.root()), "Amendments: " + fs::path(o.amendments).filename().string());
    // What it starts from and which proposal it is, as on every page of the site.
    SiteInfo si;
    si.proposal = in.proposal;
    si.generator = kGenerator;
    About about = about_section(si, "");
    for (const auto& [n, b] : in.base)
        if (r.changed_sections.count(n)) about.lines.emplace_back("Base text", n + ", " + b.label());
    for (const auto& [label, value] : about.lines) {
        render::Node p = render::paragraph(doc.root());
        render::text(render::strong(p), label + ":");
        render::text(p, " " + value);
    }
    auto section = [&](const std::string& title, const std::vector<std::string>& lines, bool always) {
        if (lines.empty() && !always) return;
        render::text(render::heading(doc.root(), 2), title);
        if (lines.empty()) {
            render::text(render::paragraph(doc.root()), "None.");
            return;
        }
        render::Node l = render::list(doc.root());
        for (const auto& line : lines) render::text(render::paragraph(render::item(l)), line);
    };
    std::vector<std::string> applied;
    for (const auto& a : r.applied) applied.push_back(fs::path(a.file).filename().string() + ":" + std::to_string(a.line) + ": " + a.what);
    section("Instructions applied", applied, true);
    section("Sections changed", std::vector<std::string>(r.changed_sections.begin(), r.changed_sections.end()), true);
    auto headlines = [](const std::vector<Diagnostic>& ds) {
        std::vector<std::string> out;
        for (const auto& d : ds) out.push_back(format_headline(d));
        return out;
    };
    section("Warnings", headlines(r.warnings), false);
    section("Cross-references to check", headlines(r.dangling), false);
    section("Not in the code given (skipped)", headlines(r.skipped), false);
    render::text(render::paragraph(doc.root()), about.generator);
}

// amend exits right after a command: the system takes the memory back at once, where freeing a
// whole code provision by provision takes a tenth of a second (compilers skip freeing the same
// way). What is kept here stays reachable and is never destroyed.
template <class T>
void keep_until_exit(T&& x) {
    static auto* kept = new std::vector<std::shared_ptr<void>>();
    kept->push_back(std::make_shared<std::decay_t<T>>(std::move(x)));
}

bool is_xml(const Document& d, const Provision& s) {
    return s.span.file < d.files.size() && d.files[s.span.file].format == FileFacts::Format::DcXml;
}

std::string section_bytes(const Document& d, const Provision& s) {
    if (is_xml(d, s)) return write_dc_xml(s);
    return write_text_provision(s, 0, s.span.file < d.files.size() && d.files[s.span.file].crlf ? "\r\n" : "\n");
}

// consolidated/<section>.txt (.xml) for each changed section.
void add_consolidated(OutputSet& files, const ApplyResult& r) {
    for (const Provision* s : sections_of(r.amended.root)) {
        if (!r.report.changed_sections.count(s->designation)) continue;
        files.add("consolidated/" + s->designation + (is_xml(r.amended, *s) ? ".xml" : ".txt"), section_bytes(r.amended, *s));
    }
}

// The whole amended code: its text sections in one file, whole-code.txt, in the code's order (a
// code `amend diff` reads against the input); XML sections one file each under whole-code/.
void add_whole_code(OutputSet& files, const Document& amended) {
    std::string text;
    for (const Provision* s : sections_of(amended.root)) {
        if (is_xml(amended, *s)) files.add("whole-code/" + s->designation + ".xml", write_dc_xml(*s));
        else text += section_bytes(amended, *s);
    }
    if (!text.empty()) files.add("whole-code.txt", std::move(text));
}

}  // namespace

Outcome run_apply(const ApplyOptions& o, std::ostream& out, std::ostream& err) {
    using clock = std::chrono::steady_clock;
    auto secs = [](clock::time_point a, clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
    auto t0 = clock::now();
    if (!o.out_dir.empty()) refuse_output_over_inputs(o.out_dir, o.code, o.amendments);
    Document code = load_code(o.code);
    SiteInputs in;
    in.base = provenance_of(code);  // a bad sidecar is an error before anything is applied
    auto t1 = clock::now();
    ApplySettings ao;
    ao.strict = o.strict;
    ao.jurisdiction = jurisdiction_named(o.jurisdiction);
    CodeIndex index;
    if (!o.code_index.empty()) {
        index = CodeIndex::from_tsv(read_file(o.code_index), o.code_index);
        ao.code_index = &index;
    }
    const AmendmentDoc adoc = read_amendment_file(o.amendments);
    ApplyResult r = apply_amendments(std::move(code), adoc, ao);
    auto t2 = clock::now();
    if (!r.report.ok()) {
        for (const auto& d : r.report.failures) err << format_full(d);
        err << "amend: " << r.report.failures.size() << " instruction(s) failed; nothing was written\n";
        return Outcome::refused;
    }
    for (const auto& line : notice_lines(r.report)) err << line << "\n";
    if (o.out_dir.empty()) {
        out << r.report.applied.size() << " instruction(s) apply; " << r.report.changed_sections.size() << " section(s) change\n";
        keep_until_exit(std::move(r.amended));
        return Outcome::ok;
    }
    OutputSet files;
    add_consolidated(files, r);
    if (o.whole_code) add_whole_code(files, r.amended);
    const bool ordinance = writes_ordinance(adoc, r.report);
    if (ordinance) {
        in.proposal = proposal_of(adoc);
        in.ordinance_of = &adoc;
    } else if (!adoc.enacted) {
        in.proposal = proposal_of(adoc);
        r.report.warnings.push_back(Diagnostic{adoc.file, 0, 0,
                                               "no ordinance is drafted: " + std::to_string(r.report.skipped.size()) +
                                                   " instruction(s) name sections not in the code given, and an ordinance without them is not the proposal",
                                               "amend.no-ordinance", "", Severity::Warning});
        err << format_headline(r.report.warnings.back()) << "\n";
    }
    in.proposal.title = r.report.title;
    {
        render::Doc rep;
        report_doc(rep, o, r.report, in);
        files.add("report.md", rep.markdown());
        files.add("report.html", render::page("Amendment report", rep.html()));
    }
    in.documents.emplace_back("report", "The report: each instruction, what it did, warnings");
    in.ordinance_docx = ordinance;
    add_site(files, r, in);
    add_word(files, r, adoc);  // redline.docx per section, ordinance.docx
    auto t3 = clock::now();
    files.write_with_manifest(o.out_dir);
    if (o.timings)
        std::fprintf(stderr, "timings: read %.3f s, apply %.3f s, site %.3f s, write %.3f s (%zu files), total %.3f s\n",
                     secs(t0, t1), secs(t1, t2), secs(t2, t3), secs(t3, clock::now()), files.size(), secs(t0, clock::now()));
    out << "wrote " << files.size() << " file(s) to " << o.out_dir << "\n";
    keep_until_exit(std::move(r.amended));
    return Outcome::ok;
}

}  // namespace amend
