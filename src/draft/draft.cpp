#include "draft/draft.hpp"

namespace amend::draft {

std::string render_ordinance(const Ordinance& o, const Style& style, OrdinanceFormat format, const docx::WriteOptions& word) {
    switch (format) {
        case OrdinanceFormat::Docx: return ordinance_docx(o, style, word);
        case OrdinanceFormat::Html: return ordinance_html(o, style);
        case OrdinanceFormat::Text: return ordinance_text(o, style);
        case OrdinanceFormat::Markdown: break;
    }
    return ordinance_md(o, style);
}

}  // namespace amend::draft
