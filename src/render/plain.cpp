// The terminal text format and the JSON change list: no document tree, no HTML.
#include <nlohmann/json.hpp>
#include <string_view>

#include "render/doc.hpp"
#include "render/parts.hpp"
#include "render/render.hpp"

namespace amend {

namespace {

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
    if (!o.text.empty() || !n.text.empty()) {
        if (p.kind == Kind::Section) body += "\n   ";
        else if (numbered) body += "   ";
        body += field(o.text.text, n.text.text, whole ? std::vector<WordOp>{} : c.text_ops);
    }
    if (c.type == ChangeType::Inserted) body = "{+" + body + "+}";
    if (c.type == ChangeType::Deleted) body = "[-" + body + "-]";
    if (c.type == ChangeType::Moved) body += "   (moved from " + c.old_citation + ")";
    return std::string(static_cast<std::size_t>(c.depth) * 3, ' ') + body + "\n";
}

// JSON written directly, byte for byte what nlohmann's dump(2) gives for the same tree (2-space
// indent, "key": value, UTF-8 kept, control characters escaped), without building the tree.
class JsonWriter {
public:
    std::string& buf() { return buf_; }

    void indent(int level) { buf_.append(static_cast<std::size_t>(level) * 2, ' '); }
    // "key": (with the indent before it)
    void key(int level, std::string_view k) {
        indent(level);
        buf_ += '"';
        buf_ += k;  // keys are ASCII literals
        buf_ += "\": ";
    }
    void str(std::string_view s) {
        if (!valid_utf8(s)) {
            // nlohmann refuses invalid UTF-8 with its own exception: let it.
            buf_ += nlohmann::ordered_json(std::string(s)).dump();
            return;
        }
        buf_ += '"';
        std::size_t run = 0;  // start of the bytes not yet copied
        for (std::size_t i = 0; i < s.size(); ++i) {
            auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            buf_.append(s.data() + run, i - run);
            run = i + 1;
            switch (c) {
                case '"': buf_ += "\\\""; break;
                case '\\': buf_ += "\\\\"; break;
                case '\b': buf_ += "\\b"; break;
                case '\f': buf_ += "\\f"; break;
                case '\n': buf_ += "\\n"; break;
                case '\r': buf_ += "\\r"; break;
                case '\t': buf_ += "\\t"; break;
                default: {
                    static const char hex[] = "0123456789abcdef";
                    buf_ += "\\u00";
                    buf_ += hex[c >> 4];
                    buf_ += hex[c & 0xF];
                }
            }
        }
        buf_.append(s.data() + run, s.size() - run);
        buf_ += '"';
    }
    void num(std::size_t n) { buf_ += std::to_string(n); }
    // A member "key": value, and the comma and line break of a member that is not the last.
    void member(int level, std::string_view k, std::size_t n) {
        key(level, k);
        num(n);
        buf_ += ",\n";
    }
    void member(int level, std::string_view k, std::string_view v) {
        key(level, k);
        str(v);
        buf_ += ",\n";
    }

private:
    std::string buf_;

    // Well-formed UTF-8 (Unicode table 3-7), as nlohmann's decoder accepts it.
    static bool valid_utf8(std::string_view s) {
        std::size_t i = 0, n = s.size();
        while (i < n) {
            auto c = static_cast<unsigned char>(s[i]);
            if (c < 0x80) {
                ++i;
                continue;
            }
            auto at = [&](std::size_t k) { return k < n ? static_cast<unsigned char>(s[k]) : 0u; };
            auto cont = [](unsigned b) { return b >= 0x80 && b <= 0xBF; };
            if (c >= 0xC2 && c <= 0xDF) {
                if (!cont(at(i + 1))) return false;
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                unsigned b1 = at(i + 1);
                unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
                if (b1 < lo || b1 > hi || !cont(at(i + 2))) return false;
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                unsigned b1 = at(i + 1);
                unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
                if (b1 < lo || b1 > hi || !cont(at(i + 2)) || !cont(at(i + 3))) return false;
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }
};

void ops_json(JsonWriter& w, int level, std::string_view name, const std::vector<WordOp>& os) {
    std::string& b = w.buf();
    b += ",\n";
    w.key(level, name);
    b += "[\n";
    for (std::size_t k = 0; k < os.size(); ++k) {
        const auto& op = os[k];
        const char* t = op.type == WordOp::Type::Equal ? "equal" : op.type == WordOp::Type::Delete ? "delete" : "insert";
        if (k) b += ",\n";
        w.indent(level + 1);
        b += "{\n";
        w.key(level + 2, "op");
        b += '"';
        b += t;
        b += "\",\n";
        w.key(level + 2, "text");
        w.str(op.text);
        b += '\n';
        w.indent(level + 1);
        b += '}';
    }
    b += '\n';
    w.indent(level);
    b += ']';
}

}  // namespace

namespace render {

std::string json_head(const DiffStats& st) {
    JsonWriter w;
    std::string& b = w.buf();
    b += "{\n";
    w.key(1, "stats");
    b += "{\n";
    w.member(2, "provisions_changed", st.provisions_changed);
    w.member(2, "words_struck", st.words_struck);
    w.key(2, "words_inserted");
    w.num(st.words_inserted);
    b += "\n  },\n";
    w.key(1, "sections");
    b += '[';
    return std::move(b);
}

std::string json_part(const SectionDiff& s, const DiffStats& st) {
    JsonWriter w;
    std::string& b = w.buf();
    w.indent(2);
    b += "{\n";
    w.member(3, "section", s.number);
    w.member(3, "old_section", s.old_s ? std::string_view(s.old_s->designation) : std::string_view());
    w.member(3, "new_section", s.new_s ? std::string_view(s.new_s->designation) : std::string_view());
    w.member(3, "words_struck", st.words_struck);
    w.member(3, "words_inserted", st.words_inserted);
    w.key(3, "changes");
    b += '[';
    bool any_change = false;
    for (const auto& c : s.changes) {
        if (c.type == ChangeType::Unchanged) continue;
        const Provision& p = c.new_p ? *c.new_p : *c.old_p;
        b += any_change ? ",\n" : "\n";
        any_change = true;
        w.indent(4);
        b += "{\n";
        auto field = [&](std::string_view k, std::string_view v) {
            b += ",\n";
            w.key(5, k);
            w.str(v);
        };
        w.key(5, "type");
        w.str(change_type_name(c.type));
        field("kind", kind_name(p.kind));
        field("anchor", c.anchor);
        if (c.old_p) {
            field("old_citation", c.old_citation);
            field("old_eid", c.old_eid);
            field("old_designation", c.old_p->designation);
        }
        if (c.new_p) {
            field("new_citation", c.new_citation);
            field("new_eid", c.new_eid);
            field("new_designation", c.new_p->designation);
        }
        if (c.type == ChangeType::Deleted) field("old_text", c.old_p->text.text);
        if (c.type == ChangeType::Inserted) field("new_text", c.new_p->text.text);
        if (!c.heading_ops.empty()) ops_json(w, 5, "heading_ops", c.heading_ops);
        if (!c.text_ops.empty()) ops_json(w, 5, "text_ops", c.text_ops);
        b += '\n';
        w.indent(4);
        b += '}';
    }
    b += any_change ? "\n" : "";
    if (any_change) w.indent(3);
    b += "]\n";
    w.indent(2);
    b += '}';
    return std::move(b);
}

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
