#include "model/provision.hpp"

#include "model/parallel.hpp"
#include "model/text.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_set>

namespace amend {

// ---- XmlTag: names kept once (nodes are read on every core, so the table has a lock) ----

XmlTag::XmlTag(std::string_view name) {
    if (name.empty()) return;
    static std::mutex lock;
    static std::unordered_set<std::string> names;  // nodes never move: the pointers stay valid
    std::lock_guard<std::mutex> g(lock);
    p_ = &*names.emplace(name).first;
}

const std::string& XmlTag::str() const {
    static const std::string none;
    return p_ ? *p_ : none;
}

// ---- AttrList ----

AttrList::Entry AttrList::const_iterator::operator*() const {
    std::string_view name(at_);
    std::string_view value(at_ + name.size() + 1);
    return {name, value};
}

AttrList::const_iterator& AttrList::const_iterator::operator++() {
    Entry e = **this;
    at_ += e.name.size() + e.value.size() + 2;
    return *this;
}

std::size_t AttrList::bytes() const {
    if (!p_) return 0;
    std::uint32_t n;
    std::memcpy(&n, p_, 4);
    return n;
}

void AttrList::assign(std::string_view packed) {
    delete[] p_;
    p_ = nullptr;
    if (packed.empty()) return;
    p_ = new char[packed.size() + 4];
    auto n = static_cast<std::uint32_t>(packed.size());
    std::memcpy(p_, &n, 4);
    std::memcpy(p_ + 4, packed.data(), packed.size());
}

AttrList::AttrList(const AttrList& o) { assign(o.packed()); }

AttrList& AttrList::operator=(const AttrList& o) {
    if (this != &o) assign(o.packed());
    return *this;
}

AttrList& AttrList::operator=(AttrList&& o) noexcept {
    if (this != &o) {
        delete[] p_;
        p_ = o.p_;
        o.p_ = nullptr;
    }
    return *this;
}

std::size_t AttrList::size() const { return static_cast<std::size_t>(std::distance(begin(), end())); }

AttrList::Entry AttrList::operator[](std::size_t i) const {
    auto it = begin();
    std::advance(it, static_cast<std::ptrdiff_t>(i));
    return *it;
}

std::optional<std::string_view> AttrList::get(std::string_view name) const {
    for (Entry e : *this)
        if (e.name == name) return e.value;
    return std::nullopt;
}

void AttrList::push_back(std::string_view name, std::string_view value) {
    std::string s = packed();
    s.append(name).push_back('\0');
    s.append(value).push_back('\0');
    assign(s);
}

void AttrList::set(std::string_view name, std::string_view value) {
    std::string s;
    bool found = false;
    for (Entry e : *this) {
        bool here = e.name == name && !found;
        found |= here;
        s.append(e.name).push_back('\0');
        s.append(here ? value : e.value).push_back('\0');
    }
    if (found) {
        assign(s);
        return;
    }
    push_back(name, value);
}

void AttrList::erase(std::string_view name) {
    std::string s;
    for (Entry e : *this) {
        if (e.name == name) continue;
        s.append(e.name).push_back('\0');
        s.append(e.value).push_back('\0');
    }
    assign(s);
}

bool AttrList::operator==(const AttrList& o) const { return bytes() == o.bytes() && (bytes() == 0 || std::memcmp(data(), o.data(), bytes()) == 0); }

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
    p.text.marks.shrink_to_fit();
    p.heading.marks.shrink_to_fit();
    p.text.text.shrink_to_fit();  // built by appending: up to twice its length otherwise
    p.heading.text.shrink_to_fit();
    for (auto& c : p.children) shrink_to_fit(c);
}

std::vector<TableRow> table_rows(const RichText& rt) {
    // Every word of the table stands in a cell, or the text is no grid of cells.
    std::vector<bool> in_cell(rt.text.size(), false);
    for (const Markup& m : rt.marks)
        if (m.tag == "td" || m.tag == "th")
            for (std::size_t i = m.begin; i < m.end && i < in_cell.size(); ++i) in_cell[i] = true;
    for (const Markup& m : rt.marks)
        if (m.tag == "table")
            for (std::size_t i = m.begin; i < m.end && i < in_cell.size(); ++i)
                if (!in_cell[i] && !std::isspace(static_cast<unsigned char>(rt.text[i]))) return {};
    std::vector<TableRow> rows;
    std::uint32_t row_end = 0;
    for (const Markup& m : rt.marks) {
        if (m.tag == "tr") {
            rows.emplace_back();
            row_end = m.end;
        } else if (m.tag == "td" || m.tag == "th") {
            // A cell outside any row (the Code's "<th>TABLE II</th>" above its rows) is a row of its
            // own; an empty cell at its row's very end ("<td/></tr>") is the row's.
            bool inside = m.begin < row_end || (m.begin == m.end && m.begin == row_end);
            if (rows.empty() || !inside) {
                rows.emplace_back();
                row_end = m.end;
            }
            TableCell c;
            std::size_t b = std::min<std::size_t>(m.begin, rt.text.size()), e = std::min<std::size_t>(m.end, rt.text.size());
            c.text = collapse_ws(rt.text.substr(b, e - b));
            c.header = m.tag == "th";
            for (const Attr& a : m.attrs)
                if (a.name == "colspan" && !a.value.empty() && a.value.size() < 4 &&
                    std::all_of(a.value.begin(), a.value.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
                    c.colspan = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::stoul(a.value)));
            rows.back().push_back(std::move(c));
        }
    }
    std::erase_if(rows, [](const TableRow& r) { return r.empty(); });  // a row of no cells holds no words
    return rows;
}

bool shows_as_table(const RichText& rt) { return rt.only_table() && !table_rows(rt).empty(); }

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
