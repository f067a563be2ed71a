#include "pipeline/export.hpp"

#include <sys/stat.h>

#include <ctime>
#include <filesystem>
#include <sstream>

#include "pipeline/output_set.hpp"
#include "docx/docx.hpp"
#include "parse/markdown.hpp"
#include "render/word.hpp"
#include "draft/ordinance.hpp"
#include "pipeline/inputs.hpp"
#include "render/render.hpp"

namespace amend {

namespace fs = std::filesystem;

bool is_file_format(const std::string& f) { return f == "docx" || f == "pdf" || f == "side-by-side-pdf"; }

std::string change_date(const std::string& given, const std::string& fallback) {
    if (!given.empty()) {
        std::string d = docx::iso_date(given);
        if (d.empty()) throw UsageError("--date " + given + ": expected 2016, 2016-05, 2016-05-18 or 2016-05-18T09:30:00Z");
        return d;
    }
    return docx::iso_date(fallback);
}

std::string redline_header(const ChangeSet& cs, const std::string& old_name, const std::string& new_name) {
    std::vector<std::string> changed;
    for (const auto& s : cs.sections)
        if (s.changed()) changed.push_back(s.number);
    std::string h;
    if (changed.size() == 1) h = changed[0] + ": ";
    else if (changed.size() > 1) h = changed.front() + " to " + changed.back() + ": ";
    return h + "changes from " + old_name + " to " + new_name;
}

Outcome run_diff_to_file(const DiffOptions& o) {
    if (o.out_file.empty()) throw UsageError("diff --format " + o.format + " writes a file: give -o FILE");
    refuse_output_over_inputs(o.out_file, {o.old_path, o.new_path}, "");
    Document old_doc = load_code({o.old_path});
    Document new_doc = load_code({o.new_path});
    ChangeSet cs = diff_trees(old_doc.root, new_doc.root);
    std::string old_name = fs::path(o.old_path).filename().string(), new_name = fs::path(o.new_path).filename().string();
    std::string header = redline_header(cs, old_name, new_name);
    std::string bytes;
    if (o.format == "docx") {
        docx::WriteOptions wo;
        wo.author = o.author;
        wo.date = change_date(o.date, "");
        bytes = docx::write_docx(redline_package(cs, "Changes from " + old_name + " to " + new_name, header), wo);
    } else {
        RenderOptions ro;
        ro.title = "Changes from " + old_name + " to " + new_name;
        ro.show_unchanged = o.full;
        bytes = html_to_pdf(render_page(o.format == "pdf" ? PageFormat::Html : PageFormat::SideBySide, cs, ro), header);
    }
    std::ostringstream none;
    write_or_print(o.out_file, std::move(bytes), none);
    return cs.empty() ? Outcome::ok : Outcome::differences;
}

bool writes_ordinance(const AmendmentDoc& amendments, const ApplyReport& report) { return !amendments.enacted && report.skipped.empty(); }

void add_word(OutputSet& files, const ApplyResult& r, const AmendmentDoc& amendments) {
    const ApplyReport& report = r.report;
    bool dc_law = amendments.enacted;
    draft::DraftInput in;
    in.title = report.title;
    if (!dc_law) in.meta = amendments.meta;
    std::string date_line;
    for (const auto& [k, v] : in.meta)
        if (k == "date" && date_line.empty()) date_line = v;
    docx::WriteOptions wo;
    wo.date = change_date("", date_line);
    ChangeSet cs = diff_changed(r);
    std::string name = fs::path(amendments.file).filename().string();
    for (const auto& s : cs.sections) {
        if (!s.changed()) continue;
        ChangeSet one;
        one.sections.push_back(s);
        std::string header = s.number + ": the code as amended by " + name;
        files.add(s.number + "/redline.docx",
                  docx::write_docx(redline_package(one, "Redline of " + s.number, header), wo));
    }
    if (!writes_ordinance(amendments, report)) return;
    const draft::Style& st = draft::chicago_style();
    docx::WriteOptions formatted = wo;
    formatted.tracked = false;
    files.add("ordinance.docx", draft::ordinance_docx(draft::build_ordinance(cs, in, st), st, formatted));
}

}  // namespace amend
