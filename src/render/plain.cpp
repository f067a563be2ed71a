// The terminal text format and the JSON change list: no document tree, no HTML.
#include <string_view>

#include "render/doc.hpp"
#include "render/json.hpp"
#include "render/parts.hpp"
#include "render/render.hpp"

namespace amend {

namespace {

using render::JsonWriter;
using ChangeType = ProvisionChange::Type;

std::string marked(const std::vector<WordOp>& os) {
    std::string s;
    for (const auto& op : os) {
        if (op.type == WordOp::Type::Equal) s += op.text;
        else if (op.type == WordOp::Type::Delete) s += "[-" + op.text + "-]";
        else s += "{+" + op.text + "+}";
    }
    return s;
}

std::string field(const std::string& o, const std::string& n, const std::vector<WordOp>& os) {
    if (!os.empty()) return marked(os);
    if (o == n) return n;
    std::string s;
    if (!o.empty()) s += "[-" + o + "-]";
    if (!n.empty()) s += "{+" + n + "+}";
    return s;
}

// One provision in the plain-text layout: three spaces per level, designation, three spaces, text.
std::string text_line(const ProvisionChange& c) {
    const Provision& p = c.new_p ? *c.new_p : *c.old_p;
    bool whole = c.type == ChangeType::Inserted || c.type == ChangeType::Deleted;
    const Provision& o = whole ? p : *c.old_p;
    const Provision& n = whole ? p : *c.new_p;
    std::string body;
    bool numbered = is_numbered(p.kind);
    if (numbered) body += field(o.designation, n.designation, {});
    if (!o.heading.empty() || !n.heading.empty())
        body += " " + field(o.heading.text, n.heading.text, whole ? std::vector<WordOp>{} : c.heading_ops);
    // A table: a line per row below, "| cell | cell |", each cell marked (a row added or struck, all its cells).
    auto tbl = table_change(c);
    if (!tbl && (!o.text.empty() || !n.text.empty())) {
        if (p.kind == Kind::Section) body += "\n   ";
        else if (numbered) body += "   ";
        body += field(o.text.text, n.text.text, whole ? std::vector<WordOp>{} : c.text_ops);
    }
    if (!body.empty() && c.type == ChangeType::Inserted) body = "{+" + body + "+}";
    if (!body.empty() && c.type == ChangeType::Deleted) body = "[-" + body + "-]";
    if (c.type == ChangeType::Moved) body += "   (moved from " + c.old_citation + ")";
    const std::string indent(static_cast<std::size_t>(c.depth) * 3, ' ');
    std::string out = body.empty() ? std::string() : indent + body + "\n";
    if (tbl)
        for (const RowDiff& r : *tbl) {
            out += indent + (body.empty() ? "|" : "   |");
            for (const CellDiff& cell : r.cells) out += " " + marked(cell.ops) + " |";
            out += "\n";
        }
    return out;
}

void ops_json(JsonWriter& w, std::string_view name, const std::vector<WordOp>& os) {
    w.key(name).begin_array();
    for (const auto& op : os) {
        const char* t = op.type == WordOp::Type::Equal ? "equal" : op.type == WordOp::Type::Delete ? "delete" : "insert";
        w.begin_object().member("op", t).member("text", op.text).end_object();
    }
    w.end_array();
}

}  // namespace

namespace render {

std::string json_head(const DiffStats& st) {
    JsonWriter w;
    w.begin_object();
    w.key("stats").begin_object();
    w.member("provisions_changed", st.provisions_changed);
    w.member("words_struck", st.words_struck);
    w.member("words_inserted", st.words_inserted);
    w.end_object();
    w.key("sections").begin_array();  // left open: the parts and json_tail follow
    return w.take();
}

std::string json_part(const SectionDiff& s, const DiffStats& st) {
    JsonWriter w(2, 2);  // an element of the list json_head opened
    w.begin_object();
    w.member("section", s.number);
    w.member("old_section", s.old_s ? std::string_view(s.old_s->designation) : std::string_view());
    w.member("new_section", s.new_s ? std::string_view(s.new_s->designation) : std::string_view());
    w.member("words_struck", st.words_struck);
    w.member("words_inserted", st.words_inserted);
    w.key("changes").begin_array();
    for (const auto& c : s.changes) {
        if (c.type == ChangeType::Unchanged) continue;
        const Provision& p = c.new_p ? *c.new_p : *c.old_p;
        w.begin_object();
        w.member("type", change_type_name(c.type));
        w.member("kind", kind_name(p.kind));
        w.member("anchor", c.anchor);
        if (c.old_p) {
            w.member("old_citation", c.old_citation);
            w.member("old_eid", c.old_eid);
            w.member("old_designation", c.old_p->designation);
        }
        if (c.new_p) {
            w.member("new_citation", c.new_citation);
            w.member("new_eid", c.new_eid);
            w.member("new_designation", c.new_p->designation);
        }
        if (c.type == ChangeType::Deleted) w.member("old_text", c.old_p->text.text);
        if (c.type == ChangeType::Inserted) w.member("new_text", c.new_p->text.text);
        if (!c.heading_ops.empty()) ops_json(w, "heading_ops", c.heading_ops);
        if (!c.text_ops.empty()) ops_json(w, "text_ops", c.text_ops);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.take();
}

// The close of the list and the object json_head opened.
std::string json_tail(bool any_section) { return any_section ? "\n  ]\n}\n" : "]\n}\n"; }

std::string text_part(const SectionDiff& s, const RenderOptions& o) {
    std::string out;
    auto vis = shown(s, o.show_unchanged);
    for (std::size_t k = 0; k < s.changes.size(); ++k) {
        if (vis[k]) out += text_line(s.changes[k]);
        else if (vis[k - 1]) out += std::string(static_cast<std::size_t>(s.changes[k].depth) * 3, ' ') + "...\n";
    }
    return out;
}

}  // namespace render

}  // namespace amend
