#include "render/doc.hpp"

#include <cmark.h>
#include <cctype>
#include <cstdlib>

namespace amend::render {

// The one place where a Node and the library's node meet. A Node keeps the pointer as void* (the
// round trip through static_cast is exact) so that its header needs no name of the library.
struct NodeAccess {
    static Node wrap(cmark_node* n) { return Node(n); }
    static cmark_node* raw(Node n) { return static_cast<cmark_node*>(n.p_); }
};

namespace {

cmark_node* raw(Node n) { return NodeAccess::raw(n); }

Node add(Node parent, cmark_node_type t) {
    cmark_node* n = cmark_node_new(t);
    cmark_node_append_child(raw(parent), n);
    return NodeAccess::wrap(n);
}

std::string take(char* s) {
    std::string out = s ? s : "";
    std::free(s);
    return out;
}

Node custom(Node parent, cmark_node_type t, const std::string& open, const std::string& close) {
    Node n = add(parent, t);
    cmark_node_set_on_enter(raw(n), open.c_str());
    cmark_node_set_on_exit(raw(n), close.c_str());
    return n;
}

}  // namespace

Doc::Doc() : root_(NodeAccess::wrap(cmark_node_new(CMARK_NODE_DOCUMENT))) {}
Doc::~Doc() { cmark_node_free(raw(root_)); }

std::string Doc::markdown() const { return take(cmark_render_commonmark(raw(root_), CMARK_OPT_UNSAFE, 0)); }
std::string Doc::html() const { return take(cmark_render_html(raw(root_), CMARK_OPT_UNSAFE)); }

Node heading(Node parent, int level) {
    Node n = add(parent, CMARK_NODE_HEADING);
    cmark_node_set_heading_level(raw(n), level);
    return n;
}
Node paragraph(Node parent) { return add(parent, CMARK_NODE_PARAGRAPH); }
Node emph(Node parent) { return add(parent, CMARK_NODE_EMPH); }
Node strong(Node parent) { return add(parent, CMARK_NODE_STRONG); }

Node link(Node parent, const std::string& url) {
    Node n = add(parent, CMARK_NODE_LINK);
    cmark_node_set_url(raw(n), url.c_str());
    return n;
}

Node list(Node parent) {
    Node n = add(parent, CMARK_NODE_LIST);
    cmark_node_set_list_type(raw(n), CMARK_BULLET_LIST);
    cmark_node_set_list_tight(raw(n), 1);
    return n;
}

Node item(Node l) { return add(l, CMARK_NODE_ITEM); }

Node block_quote(Node parent) { return add(parent, CMARK_NODE_BLOCK_QUOTE); }

// Text with the law's "~" and "++" written as character references: CommonMark escapes neither
// (it has no strikethrough), but the Markdown most readers and amend's own restatement reader
// take "~~...~~" and "++...++" for marks, and the law's characters would read as struck or
// inserted. The references read as the characters in every renderer and in HTML.
static void plain_text(Node parent, const std::string& piece) {
    std::size_t from = 0;
    for (std::size_t i = 0; i < piece.size(); ++i) {
        bool tilde = piece[i] == '~';
        bool plus = piece[i] == '+' && ((i + 1 < piece.size() && piece[i + 1] == '+') || (i > 0 && piece[i - 1] == '+'));
        if (!tilde && !plus) continue;
        if (i > from) cmark_node_set_literal(raw(add(parent, CMARK_NODE_TEXT)), piece.substr(from, i - from).c_str());
        custom(parent, CMARK_NODE_CUSTOM_INLINE, tilde ? "&#126;" : "&#43;", "");
        from = i + 1;
    }
    if (from < piece.size()) cmark_node_set_literal(raw(add(parent, CMARK_NODE_TEXT)), piece.substr(from).c_str());
}

void text(Node parent, const std::string& s) {
    if (s.empty()) return;
    // A line break inside a provision's text stays a break, not Markdown syntax.
    std::size_t start = 0;
    while (true) {
        std::size_t nl = s.find('\n', start);
        std::string piece = s.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (!piece.empty()) plain_text(parent, piece);
        if (nl == std::string::npos) break;
        add(parent, CMARK_NODE_LINEBREAK);
        start = nl + 1;
    }
}

std::string escape_html(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

Node div(Node parent, const std::string& cls, const std::string& id) {
    std::string open = "<div class=\"" + escape_html(cls) + "\"";
    if (!id.empty()) open += " id=\"" + escape_html(id) + "\"";
    open += ">";
    return custom(parent, CMARK_NODE_CUSTOM_BLOCK, open, "</div>");
}

Node del(Node parent) { return custom(parent, CMARK_NODE_CUSTOM_INLINE, "<del>", "</del>"); }
Node ins(Node parent) { return custom(parent, CMARK_NODE_CUSTOM_INLINE, "<ins>", "</ins>"); }
Node span(Node parent, const std::string& cls) {
    return custom(parent, CMARK_NODE_CUSTOM_INLINE, "<span class=\"" + escape_html(cls) + "\">", "</span>");
}

namespace {

bool punctuation_only(const std::string& s) {
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || std::isalnum(c)) return false;
    }
    return true;
}

}  // namespace

void deleted(Node parent, const std::string& s) {
    text(punctuation_only(s) ? custom(parent, CMARK_NODE_CUSTOM_INLINE, "<del class=\"punct\">", "</del>") : del(parent), s);
}

void inserted(Node parent, const std::string& s) {
    text(punctuation_only(s) ? custom(parent, CMARK_NODE_CUSTOM_INLINE, "<ins class=\"punct\">", "</ins>") : ins(parent), s);
}

void replaced_by(Node parent) { text(span(parent, "sep"), " \xE2\x86\x92 "); }

void ops(Node parent, const std::vector<WordOp>& os, Sides sides) {
    for (std::size_t k = 0; k < os.size(); ++k) {
        const WordOp& op = os[k];
        switch (op.type) {
            case WordOp::Type::Equal: text(parent, op.text); break;
            case WordOp::Type::Delete:
                if (sides == Sides::New) break;
                deleted(parent, op.text);
                if (sides == Sides::Both && k + 1 < os.size() && os[k + 1].type == WordOp::Type::Insert) replaced_by(parent);
                break;
            case WordOp::Type::Insert:
                if (sides != Sides::Old) inserted(parent, op.text);
                break;
        }
    }
}

void table(Node parent, const std::vector<RowDiff>& rows, Sides sides) {
    // Each cell's words as an inline run: built and escaped as a paragraph is, without its <p>.
    auto inline_html = [&](const std::vector<WordOp>& os) {
        Doc d;
        ops(paragraph(d.root()), os, sides);
        std::string h = d.html();
        if (h.rfind("<p>", 0) == 0) h.erase(0, 3);
        if (std::size_t e = h.rfind("</p>"); e != std::string::npos) h.erase(e);
        return h;
    };
    std::string h = "<table class=\"law\">\n";
    for (const RowDiff& r : rows) {
        if ((sides == Sides::New && r.type == RowDiff::Type::Deleted) || (sides == Sides::Old && r.type == RowDiff::Type::Inserted)) continue;
        const char* cls = r.type == RowDiff::Type::Inserted ? " class=\"inserted\"" : r.type == RowDiff::Type::Deleted ? " class=\"deleted\""
                          : r.type == RowDiff::Type::Modified ? " class=\"modified\"" : "";
        h += std::string("<tr") + cls + ">";
        for (const CellDiff& c : r.cells) {
            const char* tag = c.header ? "th" : "td";
            std::uint32_t span = sides == Sides::Old ? c.old_colspan : c.new_colspan;
            h += std::string("<") + tag + (span > 1 ? " colspan=\"" + std::to_string(span) + "\"" : std::string()) + ">";
            h += inline_html(c.ops) + "</" + tag + ">";
        }
        h += "</tr>\n";
    }
    h += "</table>";
    custom(parent, CMARK_NODE_CUSTOM_BLOCK, h, "");
}

std::vector<bool> shown(const SectionDiff& s, bool show_unchanged) {
    std::vector<bool> out(s.changes.size(), show_unchanged);
    if (show_unchanged) return out;
    for (std::size_t k = 0; k < s.changes.size(); ++k) {
        if (s.changes[k].type == ProvisionChange::Type::Unchanged) continue;
        out[k] = true;
        // Its ancestors give the context: the nearest earlier change at each shallower depth.
        int want = s.changes[k].depth - 1;
        for (std::size_t a = k; a-- > 0 && want >= 0;)
            if (s.changes[a].depth == want) {
                out[a] = true;
                --want;
            }
    }
    if (!s.changes.empty()) out[0] = true;  // the section's own heading
    return out;
}

static const char* kCss = R"css(
:root{color-scheme:light}
body{margin:0;padding:1rem;font:17px/1.55 Georgia,"Times New Roman",serif;color:#111;background:#fff;overflow-wrap:break-word}
main{max-width:52rem;margin:0 auto}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
p{margin:.35rem 0}
a{color:#1a4f8b}
del{text-decoration:line-through;text-decoration-thickness:2px;color:#8a1c1c;background:#fbeaea}
ins{text-decoration:underline;text-decoration-thickness:2px;color:#0b5a35;background:#e6f4ea}
del.punct,ins.punct{padding:0 .3em;margin:0 .1em;font-weight:bold;border:1px dashed currentColor}
ins.punct{border-style:solid}
.sep{color:#555;white-space:nowrap}
.provenance{font:.9rem/1.45 system-ui,sans-serif;color:#333;border:1px solid #ccc;border-left:4px solid #555;padding:.4rem .7rem;margin:.6rem 0 1rem}
.provenance p{margin:.15rem 0}
.excerpt{font-weight:bold}
.generator{color:#555;font-size:.85rem;margin-top:2rem;border-top:1px solid #ddd;padding-top:.4rem}
.prov{margin:0;position:relative}
.prov.modified::before,.prov.inserted::before,.prov.deleted::before,.prov.moved::before,.prov.redesignated::before{content:"";position:absolute;left:-.65rem;top:.3rem;bottom:.3rem;border-left:3px solid #555}
.prov.deleted::before{border-left-style:dotted}
.row{position:relative;padding-left:.8rem}
.row.modified::before,.row.inserted::before,.row.deleted::before,.row.moved::before,.row.redesignated::before,.row.changed::before{content:"";position:absolute;left:0;top:.3rem;bottom:.3rem;border-left:3px solid #555}
.row.deleted::before{border-left-style:dotted}
.d1{margin-left:1.5rem}.d2{margin-left:3rem}.d3{margin-left:4.5rem}.d4{margin-left:6rem}.d5,.d6,.d7,.d8{margin-left:7.5rem}
.elided p{color:#666;font-style:italic}
table.law{border-collapse:collapse;margin:.4rem 0 .6rem;font-size:.93em;display:block;overflow-x:auto;max-width:100%}
table.law td,table.law th{border:1px solid #bbb;padding:.15rem .45rem;vertical-align:top;text-align:left}
table.law tr.inserted>:first-child{border-left:3px solid #0b5a35}
table.law tr.deleted>:first-child{border-left:3px dotted #8a1c1c}
.note{color:#555;font-style:italic;font-size:.9em}
.legend{color:#444;font-size:.95em}
.sbs main{max-width:80rem}
.row{display:grid;grid-template-columns:1fr 1fr;gap:0 1.5rem;border-top:1px solid #eee}
.row.head{font-weight:bold;border-top:none}
.old,.new{min-width:0}
.cmp main{max-width:110rem}
.row.cols3{grid-template-columns:repeat(3,1fr)}.row.cols4{grid-template-columns:repeat(4,1fr)}.row.cols5{grid-template-columns:repeat(5,1fr)}
.row.changed{background:#fafafa}
.row .d1{margin-left:1rem}.row .d2{margin-left:2rem}.row .d3{margin-left:3rem}.row .d4,.row .d5,.row .d6{margin-left:4rem}
@media (max-width:40rem){
 body{padding:.6rem;font-size:16px}
 .d1{margin-left:.7rem}.d2{margin-left:1.4rem}.d3{margin-left:2.1rem}.d4,.d5,.d6,.d7,.d8{margin-left:2.8rem}
 .row,.row.cols3,.row.cols4,.row.cols5{grid-template-columns:1fr}
 .row .old:not(.empty)::before{content:"Before";display:block;font:bold .75rem sans-serif;color:#8a1c1c;margin-top:.4rem}
 .row .new:not(.empty)::before{content:"After";display:block;font:bold .75rem sans-serif;color:#0b5a35;margin-top:.4rem}
 .row .base:not(.empty)::before{content:"Current law";display:block;font:bold .75rem sans-serif;color:#333;margin-top:.4rem}
 .row .p1:not(.empty)::before{content:"Proposal 1";display:block;font:bold .75rem sans-serif;color:#333;margin-top:.4rem}
 .row .p2:not(.empty)::before{content:"Proposal 2";display:block;font:bold .75rem sans-serif;color:#333;margin-top:.4rem}
 .row .p3:not(.empty)::before{content:"Proposal 3";display:block;font:bold .75rem sans-serif;color:#333;margin-top:.4rem}
 .row.head .base::before,.row.head .p1::before,.row.head .p2::before,.row.head .p3::before{content:none}
 .row .empty{display:none}
 .row.same>.old,.row.same>.elided+.elided{display:none}
 .row.same>.new::before{content:none}
}
@media print{
 body{padding:0;font-size:11pt;color:#000}
 main{max-width:none}
 a{color:#000;text-decoration:none}
 del{color:#000;background:none}
 ins{color:#000;background:none}
 .sep{color:#000}
 .provenance{border-color:#000;color:#000}
 .prov,.row{break-inside:avoid}
 table.law{display:table;overflow:visible;font-size:10pt}
 table.law tr{break-inside:avoid}
 .prov:has(table.law),.row:has(table.law){break-inside:auto}
 h2{break-after:avoid}
 .nav{display:none}
 del+ins,ins+del{margin-left:.3em}
}
)css";

std::string page_open(const std::string& title, const std::string& body_class) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<title>" + escape_html(title) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body";
    if (!body_class.empty()) out += " class=\"" + escape_html(body_class) + "\"";
    out += ">\n<main>\n";
    return out;
}

const char* page_close() { return "</main>\n</body>\n</html>\n"; }

std::string page(const std::string& title, const std::string& body, const std::string& body_class) {
    return page_open(title, body_class) + body + page_close();
}

}  // namespace amend::render
