#include "model/tree.hpp"

#include <string>
#include <utility>

namespace amend {

void check_child(const Provision& parent, const Provision& child) {
    if (!can_contain(parent.kind, child.kind)) {
        auto named = [](const Provision& p) {
            return std::string(kind_name(p.kind)) + (p.designation.empty() ? "" : " " + p.designation);
        };
        throw TreeError("a " + named(child) + " cannot stand under a " + named(parent));
    }
}

Provision& insert_child(Provision& parent, std::size_t pos, Provision child) {
    check_child(parent, child);
    if (pos > parent.children.size()) throw TreeError("a child put past the end of its parent's children");
    return *parent.children.insert(parent.children.begin() + static_cast<std::ptrdiff_t>(pos), std::move(child));
}

Provision& append_child(Provision& parent, Provision child) {
    return insert_child(parent, parent.children.size(), std::move(child));
}

void insert_children(Provision& parent, std::size_t pos, std::vector<Provision> kids) {
    for (const auto& k : kids) check_child(parent, k);
    if (pos > parent.children.size()) throw TreeError("children put past the end of their parent's children");
    parent.children.insert(parent.children.begin() + static_cast<std::ptrdiff_t>(pos),
                           std::make_move_iterator(kids.begin()), std::make_move_iterator(kids.end()));
}

void set_children(Provision& parent, std::vector<Provision> kids) {
    for (const auto& k : kids) check_child(parent, k);
    parent.children = std::move(kids);
}

Provision& replace_child(Provision& parent, std::size_t pos, Provision child) {
    check_child(parent, child);
    if (pos >= parent.children.size()) throw TreeError("a child replaced past the end of its parent's children");
    return parent.children[pos] = std::move(child);
}

Provision take_child(Provision& parent, std::size_t pos) {
    if (pos >= parent.children.size()) throw TreeError("a child taken from past the end of its parent's children");
    Provision out = std::move(parent.children[pos]);
    parent.children.erase(parent.children.begin() + static_cast<std::ptrdiff_t>(pos));
    return out;
}

Provision* at(Provision& root, const TreePath& path) {
    Provision* p = &root;
    for (std::uint32_t i : path) {
        if (i >= p->children.size()) return nullptr;
        p = &p->children[i];
    }
    return p;
}

std::vector<Provision*> along(Provision& root, const TreePath& path) {
    std::vector<Provision*> out{&root};
    for (std::uint32_t i : path) {
        if (i >= out.back()->children.size()) return {};
        out.push_back(&out.back()->children[i]);
    }
    return out;
}

bool path_below(const Provision& from, const Provision* target, TreePath& out) {
    if (&from == target) return true;
    for (std::size_t i = 0; i < from.children.size(); ++i) {
        out.push_back(static_cast<std::uint32_t>(i));
        if (path_below(from.children[i], target, out)) return true;
        out.pop_back();
    }
    return false;
}

static void collect(const Provision& p, TreePath& path, std::vector<std::pair<const Provision*, TreePath>>& out) {
    if (p.kind == Kind::Section) {
        out.emplace_back(&p, path);
        return;
    }
    for (std::size_t i = 0; i < p.children.size(); ++i) {
        path.push_back(static_cast<std::uint32_t>(i));
        collect(p.children[i], path, out);
        path.pop_back();
    }
}

void sections_with_paths(const Provision& root, std::vector<std::pair<const Provision*, TreePath>>& out) {
    TreePath path;
    collect(root, path, out);
}

}  // namespace amend
