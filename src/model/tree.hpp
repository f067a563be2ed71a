// The one way amend changes the shape of a provision tree: every child put under a parent goes
// through these functions, which check can_contain (DESIGN §3). A child that may not stand where
// an edit would put it (a section inside a section, a paragraph under a history note) is amend's
// own slip, thrown as TreeError before the tree is changed; apply reports it at the instruction
// (amend.internal), so a wrongly shaped tree is never written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/provision.hpp"

namespace amend {

class TreeError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

// Throws TreeError unless `child` may stand under `parent`. What stands below `child` is not
// checked again: the Code's own trees hold shapes the table refuses to an edit (the entries of a
// section's annotations under the annotations, read as history in history; a law's section quoted
// inside the text of the section it created, D.C. Code § 23-526), and an edit that moves them
// must not refuse the law.
void check_child(const Provision& parent, const Provision& child);

// `child` put at `pos` among the children of `parent` (pos == size: at the end); the child's
// new place is returned (pointers into parent's children go stale).
Provision& insert_child(Provision& parent, std::size_t pos, Provision child);
Provision& append_child(Provision& parent, Provision child);
// `kids` put at `pos` in order.
void insert_children(Provision& parent, std::size_t pos, std::vector<Provision> kids);
// The children of `parent` replaced by `kids`.
void set_children(Provision& parent, std::vector<Provision> kids);
// The child at `pos` replaced by `child` (a provision restated where it stands); its place is returned.
Provision& replace_child(Provision& parent, std::size_t pos, Provision child);
// The child at `pos` taken out of `parent`.
Provision take_child(Provision& parent, std::size_t pos);

// A provision's place in a tree: the index of each child from the root down ({} is the root).
// What is kept between edits instead of a pointer, which the next edit of the vectors above it
// would leave dangling: a path is read again where it is used, and at() says when nothing stands
// there any more.
using TreePath = std::vector<std::uint32_t>;

// The provision at `path`, or null when the tree has no such place.
Provision* at(Provision& root, const TreePath& path);
// The provisions from the root down to the one at `path`, both included; empty when there is none.
std::vector<Provision*> along(Provision& root, const TreePath& path);
// The path from `from` down to `target` (a search of that subtree only), appended to `out`;
// false, with `out` as it was, when `target` is not in it.
bool path_below(const Provision& from, const Provision* target, TreePath& out);
// Every section of the tree in document order, each with its path (sections hold no sections).
void sections_with_paths(const Provision& root, std::vector<std::pair<const Provision*, TreePath>>& out);

}  // namespace amend
