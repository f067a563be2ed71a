#include "model/provision.hpp"

#include "model/parallel.hpp"

#include <cstdlib>

namespace amend {

const char* kind_name(Kind k) {
    switch (k) {
        case Kind::Code: return "code";
        case Kind::Title: return "title";
        case Kind::Chapter: return "chapter";
        case Kind::Article: return "article";
        case Kind::Section: return "section";
        case Kind::Subsection: return "subsection";
        case Kind::Paragraph: return "paragraph";
        case Kind::Subparagraph: return "subparagraph";
        case Kind::Clause: return "clause";
        case Kind::Subclause: return "subclause";
        case Kind::Item: return "item";
        case Kind::Definition: return "definition";
        case Kind::Text: return "text";
        case Kind::History: return "history";
        case Kind::Block: return "block";
    }
    std::abort();
}

Kind kind_for_depth(int depth) {
    switch (depth) {
        case 0: return Kind::Section;
        case 1: return Kind::Subsection;
        case 2: return Kind::Paragraph;
        case 3: return Kind::Subparagraph;
        case 4: return Kind::Clause;
        case 5: return Kind::Subclause;
        default: return Kind::Item;
    }
}

bool is_numbered(Kind k) {
    return k >= Kind::Section && k <= Kind::Item;
}

static int rank(Kind k) {
    switch (k) {
        case Kind::Code: return 0;
        case Kind::Title: return 1;
        case Kind::Chapter: return 2;
        case Kind::Article: return 3;
        case Kind::Section: return 4;
        default: return 5;
    }
}

bool can_contain(Kind parent, Kind child) {
    switch (parent) {
        case Kind::Text:
        case Kind::History:
        case Kind::Block:
            return false;
        default:
            break;
    }
    if (child == Kind::Code) return false;
    int rp = rank(parent), rc = rank(child);
    if (rc <= 4) return rc > rp;  // containers and sections nest downward only
    // Provisions below a section: anything but a container; a definition may hold paragraphs.
    if (parent == Kind::Code) return child == Kind::Text || child == Kind::History;
    if (rp < 4) return child == Kind::Text || child == Kind::History;
    return true;
}

bool Provision::is_repealed() const {
    if (xl->reason.find("Repeal") != std::string::npos) return true;
    for (const auto& a : xml_attrs)
        if (a.name == "placeholder" && a.value == "Repealed") return true;
    return false;
}

template <class P, class Out>
static void collect_sections(P& p, Out& out) {
    if (p.kind == Kind::Section) {
        out.push_back(&p);
        return;
    }
    for (auto& c : p.children) collect_sections(c, out);
}

Provision copy_without_children(const Provision& p) {
    Provision c;
    c.kind = p.kind;
    c.designation = p.designation;
    c.heading = p.heading;
    c.text = p.text;
    c.span = p.span;
    c.xml_tag = p.xml_tag;
    c.xml_attrs = p.xml_attrs;
    c.tl = p.tl;
    c.xl = p.xl;
    return c;
}

Document copy_document(const Document& d) {
    Document c;
    c.files = d.files;
    c.root = copy_without_children(d.root);
    c.root.children.resize(d.root.children.size());
    parallel_for(d.root.children.size(), 256, [&](std::size_t i) { c.root.children[i] = d.root.children[i]; });
    return c;
}

void shrink_to_fit(Provision& p) {
    p.children.shrink_to_fit();
    p.xml_attrs.shrink_to_fit();
    p.text.marks.shrink_to_fit();
    p.heading.marks.shrink_to_fit();
    for (auto& c : p.children) shrink_to_fit(c);
}

std::vector<const Provision*> sections_of(const Provision& root) {
    std::vector<const Provision*> out;
    collect_sections(root, out);
    return out;
}

std::vector<Provision*> sections_of(Provision& root) {
    std::vector<Provision*> out;
    collect_sections(root, out);
    return out;
}

}  // namespace amend
