// Rendering an Ordinance: one document tree for CommonMark and HTML (the HTML tree adds class wrappers
// for layout), and plain text written directly.
#include "draft/ordinance.hpp"
#include "render/doc.hpp"

namespace amend::draft {

namespace {

using BlockKind = Block::Kind;

void marked(render::Node p, const Marks& m, const std::string& s) {
    render::text(p, m.before);
    render::Node into = m.tag == "del" ? render::del(p) : m.tag == "ins" ? render::ins(p) : p;
    render::text(into, s);
    render::text(p, m.after);
}

void runs(render::Node p, const std::vector<Run>& rs, const Style& st) {
    for (const auto& r : rs) {
        switch (r.kind) {
            case Run::Kind::Plain: render::text(p, r.text); break;
            case Run::Kind::Deleted: marked(p, st.deleted, r.text); break;
            case Run::Kind::Inserted: marked(p, st.inserted, r.text); break;
        }
    }
}

const char* block_class(BlockKind k) {
    switch (k) {
        case BlockKind::Title: return "title";
        case BlockKind::Recital: return "recital";
        case BlockKind::Enacting: return "enacting";
        case BlockKind::Clause: return "clause";
        case BlockKind::Provision: return "prov";
        case BlockKind::Elision: return "elision";
        case BlockKind::Explanation: return "explanation";
    }
    return "";
}

// The document tree. For HTML each block sits in a <div> naming its kind (and a restated provision's
// depth); the Markdown has plain paragraphs only, so that it reads back as a restatement.
void build(render::Doc& doc, const Ordinance& o, const Style& st, bool html) {
    render::Node quote;
    for (const auto& b : o.blocks) {
        if (!b.quoted()) quote = {};
        else if (!quote) quote = render::block_quote(doc.root());
        render::Node parent = b.quoted() ? quote : doc.root();
        if (html) {
            std::string cls = block_class(b.kind);
            if (b.quoted()) cls += " d" + std::to_string(b.depth);
            parent = render::div(parent, cls);
        }
        if (b.kind == BlockKind::Title) {
            runs(render::heading(parent, 1), b.runs, st);
            continue;
        }
        render::Node p = render::paragraph(parent);
        if (!b.label.empty()) {
            render::text(html ? render::span(p, "label") : p, b.label);
            render::text(p, " ");
        }
        runs(p, b.runs, st);
    }
}

const char* kCss = R"css(
:root{color-scheme:light}
body{margin:0;padding:1.5rem 1rem;font:17px/1.6 "Times New Roman",Times,Georgia,serif;color:#111;background:#fff;overflow-wrap:break-word}
main{max-width:44rem;margin:0 auto}
h1{font-size:1.3rem;text-align:center;margin:.5rem 0 1.5rem}
p{margin:.6rem 0}
.recital p,.clause p{text-indent:2.5rem}
.enacting p{font-weight:bold;margin:1.2rem 0}
.label{font-weight:bold}
blockquote{margin:.6rem 0 1.4rem 1.5rem;padding:0}
blockquote p{margin:.35rem 0}
.d0 p{font-weight:bold}
.d1{padding-left:1.5rem}.d2{padding-left:3rem}.d3{padding-left:4.5rem}.d4{padding-left:6rem}.d5,.d6,.d7,.d8{padding-left:7.5rem}
.elision p{font-style:italic}
del{text-decoration:line-through;text-decoration-thickness:1.5px;color:#8a1c1c}
ins{text-decoration:underline;text-decoration-thickness:1.5px;text-underline-offset:2px;color:#0b5a35}
.explanation{border-top:1px solid #999;margin-top:2rem;font-size:.9em}
@media (max-width:40rem){
 body{padding:.8rem .6rem;font-size:16px}
 blockquote{margin-left:.5rem}
 .recital p,.clause p{text-indent:1.2rem}
 .d1{padding-left:.7rem}.d2{padding-left:1.4rem}.d3{padding-left:2.1rem}.d4,.d5,.d6,.d7,.d8{padding-left:2.8rem}
}
@media print{
 body{padding:0;font-size:12pt;color:#000}
 main{max-width:none}
 del,ins{color:#000}
 .prov,.elision{break-inside:avoid}
 .clause{break-after:avoid}
 del+ins,ins+del{margin-left:.3em}
}
)css";

std::string textual(const std::vector<Run>& rs, const Style& st) {
    std::string out;
    for (const auto& r : rs) {
        if (r.kind == Run::Kind::Plain) out += r.text;
        else if (r.kind == Run::Kind::Deleted) out += st.deleted.text_before + r.text + st.deleted.text_after;
        else out += st.inserted.text_before + r.text + st.inserted.text_after;
    }
    return out;
}

}  // namespace

std::string ordinance_md(const Ordinance& o, const Style& st) {
    render::Doc doc;
    build(doc, o, st, false);
    return doc.markdown();
}

std::string ordinance_html(const Ordinance& o, const Style& st) {
    render::Doc doc;
    build(doc, o, st, true);
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<title>" + render::escape_html(o.title) + "</title>\n<style>" + kCss + "</style>\n</head>\n"
           "<body class=\"" + render::escape_html(st.name) + "\">\n<main class=\"ordinance\">\n" + doc.html() +
           "</main>\n</body>\n</html>\n";
}

std::string ordinance_text(const Ordinance& o, const Style& st) {
    std::string out;
    bool in_quote = false;
    for (const auto& b : o.blocks) {
        if (b.quoted()) {
            out += std::string(static_cast<std::size_t>(3 * (b.depth + 1)), ' ') + textual(b.runs, st) + "\n";
            in_quote = true;
            continue;
        }
        if (in_quote) out += "\n";
        in_quote = false;
        std::string line = textual(b.runs, st);
        if (!b.label.empty()) line = b.label + " " + line;
        out += line + "\n\n";
    }
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

}  // namespace amend::draft
