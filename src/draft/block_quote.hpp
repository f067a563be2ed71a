// A pure addition to render/doc.hpp's node builders, kept here until render takes it: a block quote.
#pragma once

struct cmark_node;

namespace amend::draft {

cmark_node* block_quote(cmark_node* parent);

}  // namespace amend::draft
