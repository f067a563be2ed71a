// The terminal text format and the JSON change list: no document tree, no HTML.
#include <nlohmann/json.hpp>

#include "render/doc.hpp"
#include "render/render.hpp"

namespace amend {

namespace {

using T = ProvisionChange::Type;

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
    bool whole = c.type == T::Inserted || c.type == T::Deleted;
    const Provision& o = whole ? p : *c.old_p;
    const Provision& n = whole ? p : *c.new_p;
    std::string body;
    bool numbered = is_numbered(p.kind);
    if (numbered) body += field(o.designation, n.designation, {});
    if (!o.heading.empty() || !n.heading.empty())
        body += " " + field(o.heading.text, n.heading.text, whole ? std::vector<WordOp>{} : c.heading_ops);
    if (!o.text.empty() || !n.text.empty()) {
        if (p.kind == Kind::Section) body += "\n   ";
        else if (numbered) body += "   ";
        body += field(o.text.text, n.text.text, whole ? std::vector<WordOp>{} : c.text_ops);
    }
    if (c.type == T::Inserted) body = "{+" + body + "+}";
    if (c.type == T::Deleted) body = "[-" + body + "-]";
    if (c.type == T::Moved) body += "   (moved from " + c.old_citation + ")";
    return std::string(static_cast<std::size_t>(c.depth) * 3, ' ') + body + "\n";
}

nlohmann::ordered_json ops_json(const std::vector<WordOp>& os) {
    auto a = nlohmann::ordered_json::array();
    for (const auto& op : os) {
        const char* t = op.type == WordOp::Type::Equal ? "equal" : op.type == WordOp::Type::Delete ? "delete" : "insert";
        a.push_back({{"op", t}, {"text", op.text}});
    }
    return a;
}

}  // namespace

std::string render_text(const ChangeSet& cs, const RenderOptions& o) {
    std::string out;
    for (const auto& s : cs.sections) {
        if (!o.show_unchanged && !s.changed()) continue;
        if (!out.empty()) out += "\n";
        auto vis = render::shown(s, o.show_unchanged);
        for (std::size_t k = 0; k < s.changes.size(); ++k) {
            if (vis[k]) out += text_line(s.changes[k]);
            else if (vis[k - 1]) out += std::string(static_cast<std::size_t>(s.changes[k].depth) * 3, ' ') + "...\n";
        }
    }
    return out;
}

std::string render_json(const ChangeSet& cs) {
    nlohmann::ordered_json j;
    auto st = stats_of(cs);
    j["stats"] = {{"provisions_changed", st.provisions_changed},
                  {"words_struck", st.words_struck},
                  {"words_inserted", st.words_inserted}};
    auto secs = nlohmann::ordered_json::array();
    for (const auto& s : cs.sections) {
        if (!s.changed()) continue;
        auto changes = nlohmann::ordered_json::array();
        for (const auto& c : s.changes) {
            if (c.type == T::Unchanged) continue;
            const Provision& p = c.new_p ? *c.new_p : *c.old_p;
            nlohmann::ordered_json x;
            x["type"] = change_type_name(c.type);
            x["kind"] = kind_name(p.kind);
            x["anchor"] = c.anchor;
            if (c.old_p) {
                x["old_citation"] = c.old_citation;
                x["old_eid"] = c.old_eid;
                x["old_designation"] = c.old_p->designation;
            }
            if (c.new_p) {
                x["new_citation"] = c.new_citation;
                x["new_eid"] = c.new_eid;
                x["new_designation"] = c.new_p->designation;
            }
            if (c.type == T::Deleted) x["old_text"] = c.old_p->text.text;
            if (c.type == T::Inserted) x["new_text"] = c.new_p->text.text;
            if (!c.heading_ops.empty()) x["heading_ops"] = ops_json(c.heading_ops);
            if (!c.text_ops.empty()) x["text_ops"] = ops_json(c.text_ops);
            changes.push_back(std::move(x));
        }
        auto ss = stats_of(s);
        secs.push_back({{"section", s.number},
                        {"old_section", s.old_s ? s.old_s->designation : ""},
                        {"new_section", s.new_s ? s.new_s->designation : ""},
                        {"words_struck", ss.words_struck},
                        {"words_inserted", ss.words_inserted},
                        {"changes", std::move(changes)}});
    }
    j["sections"] = std::move(secs);
    return j.dump(2) + "\n";
}

}  // namespace amend
