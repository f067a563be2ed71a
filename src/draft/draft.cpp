#include "draft/draft.hpp"


namespace amend::draft {

std::string render_ordinance(const Ordinance& o, const Style& style, Format format) {
    switch (format) {
        case Format::Html: return ordinance_html(o, style);
        case Format::Text: return ordinance_text(o, style);
        case Format::Markdown: break;
    }
    return ordinance_md(o, style);
}

}  // namespace amend::draft
