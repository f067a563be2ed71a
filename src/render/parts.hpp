// The pieces the page renderers are made of (internal to src/render): a page is its head, each
// shown section's part joined by part_separator, and its tail (render.hpp's render_page).
#pragma once

#include <string>

#include "render/render.hpp"

namespace amend::render {

class Node;  // render/doc.hpp

// Redline and side-by-side pages, as Markdown or as an HTML body fragment: title and legend; one
// section; "No changes." when no section was shown.
std::string frame_head(bool html, const RenderOptions& o);
std::string redline_part(bool html, const SectionDiff& s, const RenderOptions& o);
std::string side_by_side_part(bool html, const SectionDiff& s, const RenderOptions& o);
std::string frame_tail(bool html, bool any_shown);
// The page's closing line (About::generator), "" when there is none.
std::string generator_line(bool html, const About& a);

// The cells of a comparison's row (compare.cpp): a provision as current law (its old text plain)
// or as one proposal's redline, in a div of class `side`; an "empty" div for a null change or one
// with nothing on that side. The legend of the marks.
void current_law_cell(Node row, const ProvisionChange* c, const std::string& side);
void redline_cell(Node row, const ProvisionChange* c, const std::string& side);
void legend_block(Node parent, bool html);
// The provenance box of a page (render.hpp's About), its "excerpt" lines in bold.
void about_box(Node parent, const About& a);

// The JSON change list: the totals and the opening of the list; one changed section; the close.
std::string json_head(const DiffStats& totals);
std::string json_part(const SectionDiff& s, const DiffStats& stats);
std::string json_tail(bool any_section);

// The terminal text format: one section.
std::string text_part(const SectionDiff& s, const RenderOptions& o);

}  // namespace amend::render
