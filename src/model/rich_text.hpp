// The one edit of a text with its markup: every change of a provision's words, by apply or by a
// jurisdiction's codifier, moves the markup spans (and apply's ledger, model/provision.hpp) with
// the words.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/provision.hpp"

namespace amend {

// The bytes [begin, end) of a text replaced by `with`.
struct Edit {
    std::size_t begin, end;
    std::string with;
};

// Applies non-overlapping edits (sorted by begin) in one pass, moving the markup spans and the
// ledger's with the text: a span that begins inside a replaced run begins where the replacement
// does, one that ends inside it ends where the replacement ends.
void rich_edit(RichText& rt, const std::vector<Edit>& edits);

void rich_replace(RichText& rt, std::size_t b, std::size_t e, const std::string& with);

}  // namespace amend
