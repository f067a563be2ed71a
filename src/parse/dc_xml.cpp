#include "parse/dc_xml.hpp"

#include <algorithm>

#include "model/diagnostic.hpp"
#include "parse/dc_xml_node.hpp"
#include "parse/xml.hpp"

namespace amend {

namespace {

void plain_text(const pugi::xml_node& n, std::string& out) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
        else if (c.type() == pugi::node_element) {
            std::size_t before = out.size();
            plain_text(c, out);
            std::string_view name = c.name();
            if ((name == "td" || name == "th" || name == "tr" || name == "p" || name == "br") &&
                out.size() > before && out.back() != ' ')
                out += ' ';
        }
    }
}

bool is_whitespace(const char* s) {
    for (; *s; ++s)
        if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r') return false;
    return true;
}

}  // namespace

void append_rich(const pugi::xml_node& n, RichText& rt) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        switch (c.type()) {
            case pugi::node_pcdata:
            case pugi::node_cdata:
                rt.text += c.value();
                break;
            case pugi::node_element: {
                Markup m;
                m.tag = c.name();
                for (auto a : c.attributes()) m.attrs.push_back(Attr{a.name(), a.value()});
                m.begin = static_cast<std::uint32_t>(rt.text.size());
                std::size_t at = rt.marks.size();
                rt.marks.push_back(m);
                append_rich(c, rt);
                rt.marks[at].end = static_cast<std::uint32_t>(rt.text.size());
                break;
            }
            default:
                break;  // comments and processing instructions inside text are not law
        }
    }
}

namespace {

// Whether the header elements stood in the order the writer uses when none is kept: a part of
// "pnrht" in that order, no child among them.
bool in_canonical_order(const std::string& order) {
    std::size_t at = 0;
    for (char k : order) {
        std::size_t i = std::string_view("pnrht").find(k, at);
        if (i == std::string_view::npos) return false;
        at = i + 1;
    }
    return true;
}

}  // namespace

Provision provision_from_xml(const pugi::xml_node& n, int depth, std::uint32_t file_index,
                             const LineIndex* lines, std::ptrdiff_t base_offset) {
    Provision p;
    std::string_view tag = n.name();
    p.xml_tag = std::string(tag);
    for (auto a : n.attributes()) p.xml_attrs.push_back(a.name(), a.value());
    if (lines && n.offset_debug() >= 0) {
        auto [line, col] = lines->locate(static_cast<std::size_t>(n.offset_debug() + base_offset));
        p.span = SourceSpan{file_index, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(col)};
    } else {
        p.span.file = file_index;
    }
    if (tag == "section") p.kind = Kind::Section;
    else if (tag == "container") p.kind = Kind::Chapter;
    else p.kind = kind_for_depth(depth);
    bool seen_body = false, seen_para = false;
    std::string order;  // of the header elements, as read (XmlLayout::head_order)
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata && is_whitespace(c.value())) continue;
        if (c.type() == pugi::node_comment || c.type() == pugi::node_pi) continue;
        std::string_view cn = c.name();
        if (c.type() != pugi::node_element) {
            // Stray text between blocks: keep it as an unnumbered text block.
            Provision t;
            t.kind = Kind::Text;
            t.xml_tag = "#text";
            t.text.text = c.value();
            t.span.file = file_index;
            p.children.push_back(std::move(t));
            seen_body = true;
            continue;
        }
        if (cn == "num" && p.designation.empty() && !seen_body) {
            p.designation = c.text().get();
            order += 'n';
        } else if (cn == "prefix" && p.xl->prefix.empty() && !seen_body) {
            p.xl.mut().prefix = c.text().get();
            order += 'p';
        } else if (cn == "reason" && p.xl->reason.empty() && !seen_body) {
            p.xl.mut().reason = c.text().get();
            order += 'r';
        } else if (cn == "heading" && p.heading.empty() && !seen_para) {
            append_rich(c, p.heading);
            for (auto a : c.attributes()) p.xl.mut().heading_attrs.push_back(a.name(), a.value());
            order += 'h';
        } else if (cn == "text" && !seen_body && p.text.empty()) {
            append_rich(c, p.text);
            order += 't';
            seen_body = true;
        } else if (cn == "text" || cn == "aftertext") {
            Provision t;
            t.kind = Kind::Text;
            t.xml_tag = std::string(cn);
            for (auto a : c.attributes()) t.xml_attrs.push_back(a.name(), a.value());
            append_rich(c, t.text);
            t.span.file = file_index;
            if (p.heading.empty() && !seen_para) order += 'c';
            p.children.push_back(std::move(t));
            seen_body = true;
        } else if (cn == "para" || cn == "section" || cn == "container") {
            p.children.push_back(provision_from_xml(c, depth + 1, file_index, lines, base_offset));
            seen_body = true;
            seen_para = true;
        } else if (cn == "annotations" || cn == "annotation") {
            Provision a;
            a.kind = Kind::History;
            a.xml_tag = std::string(cn);
            for (auto at : c.attributes()) a.xml_attrs.push_back(at.name(), at.value());
            a.span.file = file_index;
            if (cn == "annotation") {
                append_rich(c, a.text);
            } else {
                for (pugi::xml_node an = c.first_child(); an; an = an.next_sibling()) {
                    if (an.type() != pugi::node_element) continue;
                    Provision one;
                    one.kind = Kind::History;
                    one.xml_tag = an.name();
                    for (auto at : an.attributes()) one.xml_attrs.push_back(at.name(), at.value());
                    if (one.xml_tag == "annotation") append_rich(an, one.text);
                    else {
                        one.xl.mut().raw = xml_node_text(an);
                        plain_text(an, one.text.text);
                    }
                    one.span.file = file_index;
                    a.children.push_back(std::move(one));
                }
            }
            p.children.push_back(std::move(a));
            seen_body = true;
        } else {
            Provision b;
            b.kind = Kind::Block;
            b.xml_tag = std::string(cn);
            b.xl.mut().raw = xml_node_text(c);
            plain_text(c, b.text.text);
            b.span.file = file_index;
            // A block before the <num> (<codify:marginalia/>, <codify:insert>) does not start
            // the body; it is written back before the header.
            if (order.find('n') != std::string::npos && (order.find('h') != std::string::npos || !p.text.empty()))
                seen_body = true;
            if (p.heading.empty() && !seen_para) order += 'c';
            p.children.push_back(std::move(b));
        }
    }
    // The writer's own order (prefix, num, reason, heading, text) is kept as none at all.
    if (!in_canonical_order(order)) p.xl.mut().head_order = std::move(order);
    return p;
}

void read_dc_xml(const std::string& bytes, const std::string& path, Document& doc) {
    require_utf8(bytes, path);
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InputError(Diagnostic{path, 1, 1, "expected an XML <section> element, found an empty file", "xml.empty", ""});
    pugi::xml_document x;
    LineIndex lines(bytes);
    load_xml(x, bytes, path, lines);
    pugi::xml_node root = x.document_element();
    if (std::string_view(root.name()) != "section") {
        auto [line, col] = lines.locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, root.offset_debug() - 1)));
        throw InputError(Diagnostic{path, line, col,
                                    std::string("expected a <section> root element, found <") + root.name() + ">",
                                    "xml.root", lines.line_text(line)});
    }
    FileFacts facts;
    facts.path = path;
    facts.format = FileFacts::Format::DcXml;
    auto fi = static_cast<std::uint32_t>(doc.files.size());
    Provision s = provision_from_xml(root, 0, fi, &lines, 0);
    if (s.designation.empty())
        throw InputError(Diagnostic{path, static_cast<int>(s.span.line), static_cast<int>(s.span.col),
                                    "expected a <num> in the <section>", "xml.num", lines.line_text(static_cast<int>(s.span.line))});
    require_section_number(s.designation, path, static_cast<int>(s.span.line), static_cast<int>(s.span.col),
                           lines.line_text(static_cast<int>(s.span.line)));
    doc.files.push_back(facts);
    doc.root.children.push_back(std::move(s));
}

void require_section_number(const std::string& num, const std::string& path, int line, int col,
                            const std::string& source_line) {
    bool control = std::any_of(num.begin(), num.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
    if (num == "." || num == ".." || num.find_first_of("/\\") != std::string::npos || control)
        throw InputError(Diagnostic{path, line, col,
                                    "expected a section number such as 42-3505.05 in <num>, found \"" + num +
                                        "\" (a section number may not hold '/', '\\' or control characters, nor be \".\" or \"..\")",
                                    "xml.num", source_line});
}

std::string xml_escape(std::string_view s, bool attribute) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"':
                if (attribute) out += "&quot;";
                else out += c;
                break;
            default: out += c;
        }
    }
    return out;
}

namespace {

template <class Attrs>
void write_attrs(std::string& out, const Attrs& attrs) {
    for (const auto& a : attrs) {
        out += ' ';
        out += a.name;
        out += "=\"";
        out += xml_escape(a.value, true);
        out += '"';
    }
}

void write_rich(std::string& out, const RichText& rt) {
    // Marks are nested and sorted by begin; emit opening and closing tags at their offsets.
    std::vector<const Markup*> stack;
    std::size_t mi = 0;
    auto close_until = [&](std::size_t pos) {
        while (!stack.empty() && stack.back()->end <= pos) {
            out += "</" + stack.back()->tag + ">";
            stack.pop_back();
        }
    };
    for (std::size_t i = 0; i <= rt.text.size(); ++i) {
        close_until(i);
        while (mi < rt.marks.size() && rt.marks[mi].begin == i) {
            const Markup& m = rt.marks[mi++];
            out += "<" + m.tag;
            write_attrs(out, m.attrs);
            if (m.end == m.begin) {
                out += "/>";
                continue;
            }
            out += ">";
            stack.push_back(&m);
        }
        if (i < rt.text.size()) {
            char c = rt.text[i];
            if (c == '&') out += "&amp;";
            else if (c == '<') out += "&lt;";
            else if (c == '>') out += "&gt;";
            else out += c;
        }
    }
    close_until(rt.text.size());
}

void element(std::string& out, const std::string& ind, const std::string& tag, const AttrList& attrs,
             const RichText& rt) {
    out += ind + "<" + tag;
    write_attrs(out, attrs);
    if (rt.empty() && rt.marks.empty()) {
        out += "/>\n";
        return;
    }
    out += ">";
    write_rich(out, rt);
    out += "</" + tag + ">\n";
}

void write_node(std::string& out, const Provision& p, int level) {
    std::string ind(static_cast<std::size_t>(level) * 2, ' ');
    std::string in2 = ind + "  ";
    if (p.kind == Kind::Block || (p.kind == Kind::History && !p.xl->raw.empty())) {
        out += ind + p.xl->raw + "\n";
        return;
    }
    if (p.kind == Kind::Text || (p.kind == Kind::History && p.xml_tag == "annotation")) {
        if (p.xml_tag == "#text") {
            out += ind + xml_escape(p.text.text) + "\n";
            return;
        }
        element(out, ind, p.xml_tag.empty() ? "text" : p.xml_tag.str(), p.xml_attrs, p.text);
        return;
    }
    if (p.kind == Kind::History && p.xml_tag != "annotations") {
        element(out, ind, "text", {}, p.text);  // a plain-text history note
        return;
    }
    std::string tag = p.xml_tag.empty() ? (p.kind == Kind::Section ? "section" : "para") : p.xml_tag.str();
    out += ind + "<" + tag;
    write_attrs(out, p.xml_attrs);
    out += ">\n";
    std::size_t lead = 0;  // children written among the header elements ('c' in head_order)
    std::string order = p.xl->head_order;
    for (char k : std::string("pnrht"))
        if (order.find(k) == std::string::npos) order += k;
    // The order as read, where it still holds: the Code puts a "*NOTE:" text, or a block, before
    // a heading, but never the text of the provision or one of its paragraphs. Where an amendment
    // has put those in the place of what stood there, the heading comes first.
    auto note_text = [](const RichText& t) {
        std::size_t b = t.text.find_first_not_of(" \t\r\n");
        return b != std::string::npos && t.text.compare(b, 6, "*NOTE:") == 0;
    };
    bool heading_due = !p.heading.empty();
    bool text_due = false;  // the text waits for the heading
    for (char k : order) {
        if (k == 'p' && !p.xl->prefix.empty()) out += in2 + "<prefix>" + xml_escape(p.xl->prefix) + "</prefix>\n";
        // A definition's term lives in its text, not in a <num>.
        if (k == 'n' && !p.designation.empty() && p.kind != Kind::Definition)
            out += in2 + "<num>" + xml_escape(p.designation) + "</num>\n";
        if (k == 'r' && !p.xl->reason.empty()) out += in2 + "<reason>" + xml_escape(p.xl->reason) + "</reason>\n";
        if (k == 'h' && heading_due) {
            element(out, in2, "heading", p.xl->heading_attrs, p.heading);
            heading_due = false;
            if (text_due) element(out, in2, "text", {}, p.text);
            text_due = false;
        }
        if (k == 't' && !p.text.empty()) {
            if (heading_due && !note_text(p.text)) text_due = true;
            else element(out, in2, "text", {}, p.text);
        }
        if (k == 'c' && lead < p.children.size()) {
            const Provision& c = p.children[lead];
            bool header_like = (c.kind == Kind::Text && note_text(c.text)) || c.kind == Kind::Block;
            if (heading_due && !header_like) continue;
            write_node(out, c, level + 1);
            ++lead;
        }
    }
    for (std::size_t i = lead; i < p.children.size(); ++i) write_node(out, p.children[i], level + 1);
    out += ind + "</" + tag + ">\n";
}

}  // namespace

std::string write_dc_xml(const Provision& section) {
    std::string out = "<?xml version='1.0' encoding='utf-8'?>\n";
    write_node(out, section, 0);
    return out;
}

}  // namespace amend
