#include "draft/block_quote.hpp"

#include <cmark.h>

namespace amend::draft {

cmark_node* block_quote(cmark_node* parent) {
    cmark_node* n = cmark_node_new(CMARK_NODE_BLOCK_QUOTE);
    cmark_node_append_child(parent, n);
    return n;
}

}  // namespace amend::draft
