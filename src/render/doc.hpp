// The one adapter to the CommonMark library (named in doc.cpp only): builds output documents as
// node trees and renders them to CommonMark and HTML. Text goes only into text nodes, so the renderers escape it.
#pragma once

#include <string>
#include <vector>

#include "diff/diff.hpp"

namespace amend::render {

// A node of a Doc's tree, as the builders below return it and take it as parent: a handle, copied
// freely, valid while its Doc lives. Only this adapter makes one (besides the empty Node()).
class Node {
public:
    Node() = default;  // no node
    explicit operator bool() const { return p_ != nullptr; }
    friend bool operator==(const Node&, const Node&) = default;

private:
    friend struct NodeAccess;  // doc.cpp's conversions to and from the library's node
    explicit Node(void* p) : p_(p) {}
    void* p_ = nullptr;
};

class Doc {
public:
    Doc();
    ~Doc();
    Doc(const Doc&) = delete;
    Doc& operator=(const Doc&) = delete;

    Node root() const { return root_; }
    std::string markdown() const;
    std::string html() const;  // the body fragment

private:
    Node root_;
};

Node heading(Node parent, int level);
Node paragraph(Node parent);
Node emph(Node parent);
Node strong(Node parent);
Node link(Node parent, const std::string& url);
Node list(Node parent);
Node item(Node list);
void text(Node parent, const std::string& s);
// A block wrapper: <div class="..." id="..."> ... </div> (attributes escaped).
Node div(Node parent, const std::string& cls, const std::string& id = "");
// Inline marks: <del>, <ins>, <span class="...">.
Node del(Node parent);
Node ins(Node parent);
Node span(Node parent, const std::string& cls);
// A deletion or insertion of `s`; one of punctuation and spaces only is marked class "punct"
// (widened and boxed, so that a changed ";" is seen in black and white).
void deleted(Node parent, const std::string& s);
void inserted(Node parent, const std::string& s);
// The separator between a deletion and the insertion that replaces it: real text (" \u2192 "),
// so that it is seen on screen and in print and kept in copied text ("no \u2192 No").
void replaced_by(Node parent);
// A block quote (an ordinance's restated provisions).
Node block_quote(Node parent);

std::string escape_html(const std::string& s);  // for the page shell only (title)

// A standalone page: inline CSS, no script, no external resources.
std::string page(const std::string& title, const std::string& body, const std::string& body_class = "");
// The same page in two pieces, around its body.
std::string page_open(const std::string& title, const std::string& body_class = "");
const char* page_close();

// Which sides of word operations to show: both (inline redline), old only, new only.
enum class Sides { Both, Old, New };
void ops(Node parent, const std::vector<WordOp>& ops, Sides sides);

// A table, its cells marked as `sides` shows them (the rows a side lacks left out): written as
// one HTML block, which CommonMark keeps as it is, its cells' words escaped as every text is.
void table(Node parent, const std::vector<RowDiff>& rows, Sides sides);

// Which changes of a section to show: the changed ones and their ancestors, others elided (false).
std::vector<bool> shown(const SectionDiff& s, bool show_unchanged);

}  // namespace amend::render
