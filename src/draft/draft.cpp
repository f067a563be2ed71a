#include "draft/draft.hpp"

#include "amend/markdown.hpp"

namespace amend::draft {

std::string render_ordinance(const Ordinance& o, const Style& style, Format format, const docx::WriteOptions& word) {
    switch (format) {
        case Format::Docx: return ordinance_docx(o, style, word);
        case Format::Html: return ordinance_html(o, style);
        case Format::Text: return ordinance_text(o, style);
        case Format::Markdown: break;
    }
    return ordinance_md(o, style);
}

Drafted draft_file(const Document& code, const std::string& amendment_path, const Style& style, Format format,
                   const docx::WriteOptions& word) {
    ApplyResult r = apply_file(code, amendment_path, ApplyOptions2{});
    Drafted d;
    d.report = std::move(r.report);
    if (!d.report.ok()) return d;
    DraftInput in;
    in.title = d.report.title;
    in.meta = read_amendment_file(amendment_path).meta;
    ChangeSet cs = diff_trees(code.root, r.amended.root);
    docx::WriteOptions wo = word;
    for (const auto& [k, v] : in.meta)
        if (wo.date.empty() && k == "date") wo.date = docx::iso_date(v);
    d.bytes = render_ordinance(build_ordinance(cs, in, style), style, format, wo);
    return d;
}

}  // namespace amend::draft
