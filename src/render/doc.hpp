// The one adapter to cmark: builds output documents as node trees and renders them to CommonMark
// and HTML. Text goes only into text nodes, so the renderers escape it.
#pragma once

#include <string>
#include <vector>

#include "diff/diff.hpp"

struct cmark_node;

namespace amend::render {

class Doc {
public:
    Doc();
    ~Doc();
    Doc(const Doc&) = delete;
    Doc& operator=(const Doc&) = delete;

    cmark_node* root() const { return root_; }
    std::string markdown() const;
    std::string html() const;  // the body fragment

private:
    cmark_node* root_;
};

cmark_node* heading(cmark_node* parent, int level);
cmark_node* paragraph(cmark_node* parent);
cmark_node* emph(cmark_node* parent);
cmark_node* strong(cmark_node* parent);
cmark_node* link(cmark_node* parent, const std::string& url);
cmark_node* list(cmark_node* parent);
cmark_node* item(cmark_node* list);
void text(cmark_node* parent, const std::string& s);
// A block wrapper: <div class="..." id="..."> ... </div> (attributes escaped).
cmark_node* div(cmark_node* parent, const std::string& cls, const std::string& id = "");
// Inline marks: <del>, <ins>, <span class="...">.
cmark_node* del(cmark_node* parent);
cmark_node* ins(cmark_node* parent);
cmark_node* span(cmark_node* parent, const std::string& cls);
// A deletion or insertion of `s`; one of punctuation and spaces only is marked class "punct"
// (widened and boxed, so that a changed ";" is seen in black and white).
void deleted(cmark_node* parent, const std::string& s);
void inserted(cmark_node* parent, const std::string& s);
// The separator between a deletion and the insertion that replaces it: real text (" \u2192 "),
// so that it is seen on screen and in print and kept in copied text ("no \u2192 No").
void replaced_by(cmark_node* parent);

std::string escape_html(const std::string& s);  // for the page shell only (title)

// A standalone page: inline CSS, no script, no external resources.
std::string page(const std::string& title, const std::string& body, const std::string& body_class = "");
// The same page in two pieces, around its body.
std::string page_open(const std::string& title, const std::string& body_class = "");
const char* page_close();

// Which sides of word operations to show: both (inline redline), old only, new only.
enum class Sides { Both, Old, New };
void ops(cmark_node* parent, const std::vector<WordOp>& ops, Sides sides);

// Which changes of a section to show: the changed ones and their ancestors, others elided (false).
std::vector<bool> shown(const SectionDiff& s, bool show_unchanged);

}  // namespace amend::render
