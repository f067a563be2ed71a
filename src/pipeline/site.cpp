#include "pipeline/output_set.hpp"
#include "model/designation.hpp"

#include <algorithm>
#include <set>
#include <utility>
#include "diff/diff.hpp"
#include "draft/draft.hpp"
#include "draft/ordinance.hpp"
#include "draft/style.hpp"
#include "pipeline/documents.hpp"
#include "pipeline/provenance.hpp"
#include "render/doc.hpp"
#include "render/render.hpp"

namespace amend {

// diff_trees over the sections the report names (the site shows only changed sections): a whole
// code's untouched sections are not walked.
ChangeSet diff_changed(const ApplyResult& r) {
    const SectionNumbers& changed = r.report.changed_sections;
    auto olds = sections_of(r.before.root), news = sections_of(r.amended.root);
    // A code of one section, amended, is one pair whatever its number now is.
    if (r.code_sections == 1 && news.size() == 1) return diff_trees(r.before.root, r.amended.root);
    auto keep = [&](std::vector<const Provision*> ss) {
        std::erase_if(ss, [&](const Provision* s) { return !changed.count(s->designation); });
        return ss;
    };
    olds = keep(std::move(olds));
    news = keep(std::move(news));
    return diff_sections(olds, news, false);
}

void add_site(OutputSet& files, const ApplyResult& r, const SiteInputs& in) {
    const ApplyReport& report = r.report;
    ChangeSet cs = diff_changed(r);
    // The change list in the code's own order, as `amend diff` of the two codes gives it.
    files.add("changes.json", render_json(cs));
    // The site lists the sections in code order, as the ordinance does (2-57-010 before 2-173-042).
    std::stable_sort(cs.sections.begin(), cs.sections.end(),
                     [](const SectionDiff& a, const SectionDiff& b) { return section_number_less(a.number, b.number); });
    SiteInfo info;
    info.title = report.title.empty() ? "Amendments" : report.title;
    info.proposal = in.proposal;
    info.base = in.base;
    info.documents = in.documents;
    info.generator = kGenerator;
    if (in.ordinance_of) {
        const draft::Style& style = *draft::find_style("chicago");
        draft::DraftInput din;
        din.title = report.title;
        din.meta = in.ordinance_of->meta;
        // The ordinance as `amend draft` writes it, from the changed sections alone (it restates
        // nothing else): diffing a whole code again doubled the time and memory of applying one
        // provision to the D.C. Code.
        draft::Ordinance ord = draft::build_ordinance(cs, din, style);
        std::string html = draft::render_ordinance(ord, style, draft::OrdinanceFormat::Html);
        // Its HTML says what it starts from and what made it, like every page of the site.
        About about = about_section(info, "");
        for (const auto& [n, b] : info.base)
            if (report.changed_sections.count(n)) about.lines.emplace_back("Base text", n + ", " + b.label());
        std::size_t at = html.find("<main");
        if (at != std::string::npos) at = html.find(">\n", at);
        if (at != std::string::npos) html.insert(at + 2, about_html(about));
        std::size_t css = html.find("</style>");
        if (css != std::string::npos)
            html.insert(css, ".provenance{font:.9rem/1.45 system-ui,sans-serif;border:1px solid #999;border-left:4px solid #555;"
                             "padding:.4rem .7rem;margin:.6rem 0 1rem}.provenance p{margin:.15rem 0}"
                             ".generator{color:#555;font-size:.85rem;margin-top:2rem}\n");
        std::size_t end = html.rfind("</main>");
        if (end != std::string::npos && !about.generator.empty())
            html.insert(end, "<p class=\"generator\">" + render::escape_html(about.generator) + "</p>\n");
        // A deletion and the insertion replacing it are kept apart on screen, in print and in
        // copied text ("no \u2192 No"), as on the site's redlines.
        for (std::size_t k = 0; (k = html.find("</del><ins>", k)) != std::string::npos; k += 6)
            html.insert(k + 6, " \xE2\x86\x92 ");
        files.add("ordinance.html", std::move(html));
        files.add("ordinance.md", draft::render_ordinance(ord, style, draft::OrdinanceFormat::Markdown));
        info.documents.insert(info.documents.begin(), {"ordinance", "The amending ordinance"});
    }
    info.warnings = notices(report);
    info.word = true;  // pipeline/export.cpp add_word writes them
    if (in.ordinance_docx) info.ordinance_docx = "ordinance.docx";
    for (auto& [path, bytes] : render_site(cs, info)) files.add(std::move(path), std::move(bytes));
}

}  // namespace amend
