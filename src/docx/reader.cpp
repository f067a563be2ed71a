#include "docx/reader.hpp"

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "docx/zip.hpp"
#include "model/diagnostic.hpp"
#include "model/text.hpp"
#include "parse/amendment_doc.hpp"
#include "parse/xml.hpp"

namespace amend::docx {

namespace {

[[noreturn]] void fail(const std::string& file, const std::string& what, const char* code, int para = 0) {
    throw InputError(Diagnostic{file, para, para > 0 ? 1 : 0, what, code, ""});
}

bool ends_with(const std::string& s, const std::string& t) {
    return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

std::string lower(const std::string& s) { return ascii_lower(s); }
std::string trim(const std::string& s) { return trim_blanks(s); }

// The local name of an element ("w:p" → "p"): prefixes vary between writers.
std::string local(const pugi::xml_node& n) {
    std::string s = n.name();
    auto c = s.find(':');
    return c == std::string::npos ? s : s.substr(c + 1);
}

pugi::xml_node child(const pugi::xml_node& n, const char* name) {
    for (auto c : n.children())
        if (local(c) == name) return c;
    return {};
}

std::string attr(const pugi::xml_node& n, const char* name) {
    for (auto a : n.attributes()) {
        std::string s = a.name();
        auto c = s.find(':');
        if ((c == std::string::npos ? s : s.substr(c + 1)) == name) return a.value();
    }
    return {};
}

// An on/off property (w:strike, w:vanish): present and not w:val="0|false|off".
std::optional<bool> on_off(const pugi::xml_node& rpr, const char* name) {
    auto n = child(rpr, name);
    if (!n) return std::nullopt;
    std::string v = lower(attr(n, "val"));
    return !(v == "0" || v == "false" || v == "off" || v == "none");
}

struct RunProps {
    std::optional<bool> strike, under, hidden;
};

RunProps props_of(const pugi::xml_node& rpr) {
    RunProps p;
    if (!rpr) return p;
    p.strike = on_off(rpr, "strike");
    if (auto d = on_off(rpr, "dstrike"); d && (!p.strike || !*p.strike)) p.strike = d;
    p.under = on_off(rpr, "u");
    p.hidden = on_off(rpr, "vanish");
    if (auto w = on_off(rpr, "webHidden"); w && *w) p.hidden = w;
    return p;
}

struct StyleDef {
    std::string type, based_on, name;
    RunProps run;
    std::optional<int> ind_left;
    std::optional<std::pair<std::string, int>> num;  // numId, ilvl
    std::optional<int> outline;
};

int to_int(const std::string& s, int fallback = 0) {
    if (s.empty() || s.size() > 9) return fallback;
    bool neg = s[0] == '-';
    int v = 0;
    for (std::size_t i = neg ? 1 : 0; i < s.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return fallback;
        v = v * 10 + (s[i] - '0');
    }
    return neg ? -v : v;
}

std::optional<int> left_indent(const pugi::xml_node& ppr) {
    auto ind = child(ppr, "ind");
    if (!ind) return std::nullopt;
    std::string v = attr(ind, "left");
    if (v.empty()) v = attr(ind, "start");
    if (v.empty()) return std::nullopt;
    return to_int(v);
}

std::optional<std::pair<std::string, int>> num_of(const pugi::xml_node& ppr) {
    auto np = child(ppr, "numPr");
    if (!np) return std::nullopt;
    std::string id = attr(child(np, "numId"), "val");
    if (id.empty()) return std::nullopt;
    return std::make_pair(id, to_int(attr(child(np, "ilvl"), "val")));
}

// Automatic numbering: numbering.xml's levels, and a counter per list as the body is read.
struct Numbering {
    struct Level {
        std::string fmt = "decimal", text;
        int start = 1;
    };
    std::map<std::string, std::map<int, Level>> abstract;
    std::map<std::string, std::string> abstract_of;              // numId → abstractNumId
    std::map<std::string, std::map<int, int>> start_override;    // numId → level → start
    std::map<std::string, std::vector<int>> counters;             // by abstractNumId

    void read(const pugi::xml_node& root) {
        for (auto n : root.children()) {
            if (local(n) == "abstractNum") {
                auto& levels = abstract[attr(n, "abstractNumId")];
                for (auto l : n.children()) {
                    if (local(l) != "lvl") continue;
                    Level lv;
                    if (auto f = child(l, "numFmt")) lv.fmt = attr(f, "val");
                    lv.text = attr(child(l, "lvlText"), "val");
                    if (auto s = child(l, "start")) lv.start = to_int(attr(s, "val"), 1);
                    levels[to_int(attr(l, "ilvl"))] = lv;
                }
            } else if (local(n) == "num") {
                std::string id = attr(n, "numId");
                abstract_of[id] = attr(child(n, "abstractNumId"), "val");
                for (auto o : n.children())
                    if (local(o) == "lvlOverride")
                        if (auto s = child(o, "startOverride"))
                            start_override[id][to_int(attr(o, "ilvl"))] = to_int(attr(s, "val"), 1);
            }
        }
    }

    static std::string format(int v, const std::string& fmt) {
        auto letters = [](int x, char base) {
            std::string s;
            if (x < 1) return std::to_string(x);
            int reps = (x - 1) / 26 + 1;  // Word: a..z, aa..zz, ...
            return s.assign(static_cast<std::size_t>(reps), static_cast<char>(base + (x - 1) % 26));
        };
        auto roman = [](int x, bool upper) {
            if (x < 1 || x > 3999) return std::to_string(x);
            const int vals[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
            const char* syms[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
            std::string s;
            for (int i = 0; i < 13; ++i)
                while (x >= vals[i]) s += syms[i], x -= vals[i];
            if (upper)
                for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            return s;
        };
        if (fmt == "lowerLetter") return letters(v, 'a');
        if (fmt == "upperLetter") return letters(v, 'A');
        if (fmt == "lowerRoman") return roman(v, false);
        if (fmt == "upperRoman") return roman(v, true);
        if (fmt == "bullet" || fmt == "none") return "";
        return std::to_string(v);
    }

    // The label of the next paragraph of list `id` at `level` ("1.", "(a)"); "" for bullets. Sets
    // `fmt` to the level's format.
    std::string next(const std::string& id, int level, std::string& fmt) {
        if (id == "0" || !abstract_of.count(id)) return "";
        std::string a = abstract_of[id];
        auto& levels = abstract[a];
        if (level < 0 || level > 8) return "";
        auto& c = counters[a];
        if (c.size() < 9) c.resize(9, 0);
        auto start = [&](int l) {
            auto o = start_override.find(id);
            if (o != start_override.end() && o->second.count(l)) return o->second.at(l);
            return levels.count(l) ? levels[l].start : 1;
        };
        auto L = static_cast<std::size_t>(level);
        c[L] = c[L] == 0 ? start(level) : c[L] + 1;
        for (std::size_t d = L + 1; d < c.size(); ++d) c[d] = 0;
        const Level& lv = levels[level];
        fmt = lv.fmt;
        if (lv.fmt == "bullet" || lv.fmt == "none") return "";
        std::string out;
        for (std::size_t i = 0; i < lv.text.size(); ++i) {
            if (lv.text[i] == '%' && i + 1 < lv.text.size() && std::isdigit(static_cast<unsigned char>(lv.text[i + 1]))) {
                int k = lv.text[i + 1] - '1';
                if (k >= 0 && k < 9) {
                    int v = c[static_cast<std::size_t>(k)] ? c[static_cast<std::size_t>(k)] : start(k);
                    out += format(v, levels.count(k) ? levels[k].fmt : "decimal");
                }
                ++i;
            } else {
                out += lv.text[i];
            }
        }
        return out;
    }
};

enum class Seg { Equal, Delete, Insert };

struct Para {
    int number = 0;                            // in the body, 1-based
    std::vector<std::pair<Seg, std::string>> segs;
    bool quoted = false;
    int indent = 0;
    std::string label, label_fmt;              // automatic numbering
    int list_level = -1;
    bool title = false;

    bool marked() const {
        for (const auto& s : segs)
            if (s.first != Seg::Equal) return true;
        return false;
    }
    std::string plain() const {
        std::string s;
        for (const auto& g : segs)
            if (g.first != Seg::Delete) s += g.second;
        return s;
    }
    std::string marked_text() const {
        std::string s;
        for (const auto& [t, x] : segs)
            s += t == Seg::Equal ? x : t == Seg::Delete ? "<del>" + x + "</del>" : "<ins>" + x + "</ins>";
        return s;
    }
};

class Reader {
public:
    Reader(const std::string& path, std::map<std::string, std::string>& parts) : path_(path), parts_(parts) {}

    AmendmentDoc read() {
        check_package();
        read_styles();
        if (parts_.count("word/numbering.xml")) {
            pugi::xml_document d;
            if (parse(d, "word/numbering.xml")) numbering_.read(d.document_element());
        }
        pugi::xml_document doc;
        load(doc, main_, "the document part " + main_ + " is not well-formed XML");
        auto body = child(doc.document_element(), "body");
        if (local(doc.document_element()) != "document" || !body)
            fail(path_, "the document has no body (no w:body in " + main_ + ")", "docx.body");
        blocks(body);
        return assemble();
    }

private:
    const std::string& path_;
    std::map<std::string, std::string>& parts_;
    std::string main_ = "word/document.xml";
    std::map<std::string, StyleDef> styles_;
    std::string default_para_style_;
    Numbering numbering_;
    std::vector<Para> paras_;
    int count_ = 0;
    // Field state: a stack of open fields, true while in a field's instruction part.
    std::vector<bool> fields_;

    // A part as Word writes it: UTF-8, a run's text kept when it is only white space.
    static constexpr XmlOptions kPart{.blanks = XmlOptions::Blanks::KeepIfOnlyChild};

    // Parses the part named `part`: false when there is none or it is malformed.
    bool parse(pugi::xml_document& d, const std::string& part) {
        auto it = parts_.find(part);
        if (it == parts_.end()) return false;
        return try_load_xml(d, it->second, kPart);
    }

    // Parses the part named `part`; throws InputError [docx.xml] saying `what` when there is none or
    // it is malformed.
    void load(pugi::xml_document& d, const std::string& part, const std::string& what) {
        auto it = parts_.find(part);
        if (it == parts_.end()) fail(path_, what, "docx.xml");
        load_xml(d, it->second, kPart, XmlErrors{path_, "docx.xml", nullptr, what});
    }

    void check_package() {
        if (!parts_.count("[Content_Types].xml"))
            fail(path_, "not a Word document: the package has no [Content_Types].xml", "docx.package");
        const std::string& ct = parts_["[Content_Types].xml"];
        for (const auto& [name, bytes] : parts_)
            if (ends_with(lower(name), "vbaproject.bin") || ends_with(lower(name), "vbadata.xml"))
                fail(path_, "the document holds macros (" + name + "); amend reads no macros: save it as a plain .docx",
                     "docx.macro");
        if (ct.find("macroEnabled") != std::string::npos)
            fail(path_, "a macro-enabled document (.docm); amend reads no macros: save it as a plain .docx", "docx.macro");
        // The main part, from the package's relationships.
        pugi::xml_document rels;
        if (parse(rels, "_rels/.rels"))
            for (auto r : rels.document_element().children())
                if (ends_with(attr(r, "Type"), "/officeDocument")) {
                    std::string t = attr(r, "Target");
                    while (!t.empty() && t[0] == '/') t.erase(0, 1);
                    main_ = t;
                }
        if (!parts_.count(main_)) fail(path_, "not a Word document: the package has no " + main_, "docx.package");
        // Nothing outside the package is ever fetched; a relationship to one (a remote template,
        // a linked image or object) is refused. Hyperlinks are only text here.
        for (const auto& [name, bytes] : parts_) {
            if (!ends_with(name, ".rels")) continue;
            pugi::xml_document d;
            load_xml(d, bytes, XmlOptions{.encoding = XmlOptions::Encoding::Detect},
                     XmlErrors{path_, "docx.xml", nullptr, "the part " + name + " is not well-formed XML"});
            for (auto r : d.document_element().children()) {
                if (lower(attr(r, "TargetMode")) != "external") continue;
                std::string type = attr(r, "Type");
                if (ends_with(type, "/hyperlink")) continue;
                fail(path_, "the document refers to an outside resource (" + type.substr(type.rfind('/') + 1) + " " +
                                attr(r, "Target") + " in " + name + "); amend fetches nothing: remove it",
                     "docx.external");
            }
        }
    }

    void read_styles() {
        pugi::xml_document d;
        if (!parse(d, "word/styles.xml")) return;
        for (auto s : d.document_element().children()) {
            if (local(s) != "style") continue;
            StyleDef def;
            def.type = attr(s, "type");
            def.based_on = attr(child(s, "basedOn"), "val");
            def.name = lower(attr(child(s, "name"), "val"));
            def.run = props_of(child(s, "rPr"));
            auto ppr = child(s, "pPr");
            def.ind_left = left_indent(ppr);
            def.num = num_of(ppr);
            if (auto o = child(ppr, "outlineLvl")) def.outline = to_int(attr(o, "val"));
            std::string id = attr(s, "styleId");
            if (def.type == "paragraph" && lower(attr(s, "default")) == "1") default_para_style_ = id;
            styles_[id] = def;
        }
    }

    // The first value `get` gives along a style's basedOn chain.
    template <class Get>
    auto chain(const std::string& id, Get get) -> decltype(get(StyleDef{})) {
        std::string cur = id;
        for (int hops = 0; hops < 32 && !cur.empty(); ++hops) {
            auto it = styles_.find(cur);
            if (it == styles_.end()) break;
            if (auto v = get(it->second)) return v;
            cur = it->second.based_on;
        }
        return std::nullopt;
    }

    bool chain_has_name(const std::string& id, const std::vector<std::string>& names) {
        std::string cur = id;
        for (int hops = 0; hops < 32 && !cur.empty(); ++hops) {
            auto it = styles_.find(cur);
            if (it == styles_.end()) break;
            for (const auto& n : names)
                if (it->second.name.find(n) != std::string::npos || lower(cur).find(n) != std::string::npos) return true;
            cur = it->second.based_on;
        }
        return false;
    }

    void blocks(const pugi::xml_node& parent) {
        for (auto n : parent.children()) {
            std::string l = local(n);
            if (l == "p") paragraph(n);
            else if (l == "tbl" || l == "tr" || l == "tc" || l == "sdt" || l == "sdtContent" || l == "customXml")
                blocks(n);
        }
    }

    struct Ctx {
        std::string pstyle;
        Seg tracked = Seg::Equal;
        bool link = false;  // inside a w:hyperlink: its underline is the link's look, not an insertion
    };

    void paragraph(const pugi::xml_node& p) {
        Para para;
        para.number = ++count_;
        auto ppr = child(p, "pPr");
        std::string ps = attr(child(ppr, "pStyle"), "val");
        if (ps.empty()) ps = default_para_style_;
        auto indent = left_indent(ppr);
        if (!indent) indent = chain(ps, [](const StyleDef& s) { return s.ind_left; });
        para.indent = indent.value_or(0);
        para.quoted = chain_has_name(ps, {"quot", "block text", "blocktext"});
        para.title = chain_has_name(ps, {"title"}) ||
                     chain(ps, [](const StyleDef& s) { return s.outline; }).value_or(-1) == 0 ||
                     chain_has_name(ps, {"heading 1", "heading1"});
        auto num = num_of(ppr);
        if (!num) num = chain(ps, [](const StyleDef& s) { return s.num; });
        if (num) {
            para.label = numbering_.next(num->first, num->second, para.label_fmt);
            if (!para.label.empty()) para.list_level = num->second;
        }
        Ctx ctx{ps, Seg::Equal};
        inline_children(p, ctx, para);
        // Indented from the left: quoted law, unless it opens like an instruction ("1. ", "SECTION 1.").
        std::size_t dot = 0;
        std::string opening = trim(para.plain());
        if (!para.quoted && para.indent > 0 && para.label.empty() && !typed_number(opening) &&
            !ordinance_section_clause(opening, dot))
            para.quoted = true;
        paras_.push_back(std::move(para));
    }

    void inline_children(const pugi::xml_node& n, const Ctx& ctx, Para& para) {
        for (auto c : n.children()) {
            std::string l = local(c);
            if (l == "r") run(c, ctx, para);
            else if (l == "ins" || l == "moveTo") inline_children(c, Ctx{ctx.pstyle, Seg::Insert, ctx.link}, para);
            else if (l == "del" || l == "moveFrom") inline_children(c, Ctx{ctx.pstyle, Seg::Delete, ctx.link}, para);
            else if (l == "hyperlink") inline_children(c, Ctx{ctx.pstyle, ctx.tracked, true}, para);
            else if (l == "smartTag" || l == "sdt" || l == "sdtContent" || l == "customXml" ||
                     l == "fldSimple" || l == "bdo" || l == "dir")
                inline_children(c, ctx, para);
        }
    }

    void add(Para& para, Seg t, const std::string& s) {
        if (s.empty()) return;
        if (!para.segs.empty() && para.segs.back().first == t) para.segs.back().second += s;
        else para.segs.emplace_back(t, s);
    }

    void run(const pugi::xml_node& r, const Ctx& ctx, Para& para) {
        auto rpr = child(r, "rPr");
        RunProps direct = props_of(rpr);
        std::string cs = attr(child(rpr, "rStyle"), "val");
        auto from_chain = [&](const std::string& id, auto field) {
            return chain(id, [&](const StyleDef& s) { return s.run.*field; });
        };
        // Toggle properties: a character style and a paragraph style that both set one cancel out;
        // direct formatting decides alone.
        auto toggle = [&](std::optional<bool> RunProps::*field) {
            if (direct.*field) return *(direct.*field);
            bool a = from_chain(cs, field).value_or(false), b = from_chain(ctx.pstyle, field).value_or(false);
            return a != b;
        };
        bool strike = toggle(&RunProps::strike);
        bool hidden = toggle(&RunProps::hidden);
        bool under = direct.under ? *direct.under
                                  : from_chain(cs, &RunProps::under).value_or(from_chain(ctx.pstyle, &RunProps::under).value_or(false));
        // A hyperlink's underline (Word's "Hyperlink", LibreOffice's "Internet Link" style) is its look.
        if (ctx.link || chain_has_name(cs, {"hyperlink", "internet link", "internetlink"})) under = false;
        Seg t = ctx.tracked;
        if (t == Seg::Equal) {
            if (strike && under)
                fail(path_, "text both struck through and underscored: deleted or inserted?", "docx.marks", para.number);
            t = strike ? Seg::Delete : under ? Seg::Insert : Seg::Equal;
        }
        for (auto c : r.children()) {
            std::string l = local(c);
            if (l == "fldChar") {
                std::string k = attr(c, "fldCharType");
                if (k == "begin") fields_.push_back(true);
                else if (k == "separate" && !fields_.empty()) fields_.back() = false;
                else if (k == "end" && !fields_.empty()) fields_.pop_back();
                continue;
            }
            bool in_code = std::find(fields_.begin(), fields_.end(), true) != fields_.end();
            if (in_code || hidden || l == "instrText" || l == "delInstrText") continue;
            if (l == "t" || l == "delText") add(para, t, c.text().get());
            else if (l == "tab" || l == "br" || l == "cr") add(para, t, " ");
            else if (l == "noBreakHyphen") add(para, t, "-");
            else if (l == "sym") add(para, t, symbol(c, para.number));
        }
    }

    // Insert > Symbol: a character by its code; one in a symbol font's private range (Wingdings,
    // Symbol) has no meaning as text, and dropping it could drop a "§".
    std::string symbol(const pugi::xml_node& sym, int para) {
        std::string hex = attr(sym, "char");
        unsigned long cp = 0;
        bool ok = !hex.empty() && hex.size() <= 6 && hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
        if (ok) cp = std::stoul(hex, nullptr, 16);
        if (!ok || cp < 0x20 || (cp >= 0xD800 && cp < 0xE000) || (cp >= 0xF000 && cp < 0xF900) || cp > 0x10FFFF)
            fail(path_, "a symbol (w:sym " + hex + " in font \"" + attr(sym, "font") +
                            "\") that is no character: type it as text",
                 "docx.symbol", para);
        std::string out;
        auto u = static_cast<std::uint32_t>(cp);
        if (u < 0x80) out += static_cast<char>(u);
        else if (u < 0x800) out += static_cast<char>(0xC0 | (u >> 6)), out += static_cast<char>(0x80 | (u & 0x3F));
        else if (u < 0x10000)
            out += static_cast<char>(0xE0 | (u >> 12)), out += static_cast<char>(0x80 | ((u >> 6) & 0x3F)),
                out += static_cast<char>(0x80 | (u & 0x3F));
        else
            out += static_cast<char>(0xF0 | (u >> 18)), out += static_cast<char>(0x80 | ((u >> 12) & 0x3F)),
                out += static_cast<char>(0x80 | ((u >> 6) & 0x3F)), out += static_cast<char>(0x80 | (u & 0x3F));
        return out;
    }

    // ---- the document's structure, as markdown.cpp reads it ----

    // Collapses white space inside the segments (runs keep their own spaces) and drops leading and
    // trailing space; the automatic number goes in front, marked as the paragraph is.
    void tidy(Para& p) {
        std::vector<std::pair<Seg, std::string>> out;
        for (auto& [t, s] : p.segs) {
            std::string x;
            for (char c : s) {
                bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
                char ch = ws ? ' ' : c;
                if (ch == ' ' && ((!x.empty() && x.back() == ' ') ||
                                  (x.empty() && !out.empty() && !out.back().second.empty() && out.back().second.back() == ' ')))
                    continue;
                x += ch;
            }
            if (x.empty()) continue;
            if (!out.empty() && out.back().first == t) out.back().second += x;
            else out.emplace_back(t, x);
        }
        while (!out.empty()) {
            std::string& f = out.front().second;
            f.erase(0, f.find_first_not_of(' '));
            if (!f.empty()) break;
            out.erase(out.begin());
        }
        while (!out.empty()) {
            std::string& b = out.back().second;
            b.erase(b.find_last_not_of(' ') + 1);
            if (!b.empty()) break;
            out.pop_back();
        }
        p.segs = std::move(out);
        if (!p.label.empty() && p.segs.empty() && p.quoted) p.segs = {{Seg::Equal, p.label}};  // "(b)" alone
        else if (!p.label.empty() && p.quoted) {
            Seg t = p.segs.front().first;
            bool all = std::all_of(p.segs.begin(), p.segs.end(), [&](const auto& s) { return s.first == t; });
            p.segs.insert(p.segs.begin(), {all ? t : Seg::Equal, p.label + " "});
            if (all) {  // one mark over the whole paragraph
                std::string whole;
                for (const auto& s : p.segs) whole += s.second;
                p.segs = {{t, whole}};
            }
        }
    }

    // The depth of a quoted provision in the plain-text layout, by its designation.
    static int ladder(const std::string& text, int prev) {
        if (text.size() > 2 && std::isdigit(static_cast<unsigned char>(text[0])) && text.find('-') != std::string::npos &&
            text.find('-') < text.find(' '))
            return 0;  // "2-173-045 Heading."
        if (text.size() < 3 || text[0] != '(') return prev + 1;
        std::size_t close = text.find(')');
        if (close == std::string::npos || close > 8) return prev + 1;
        std::string d = text.substr(1, close - 1);
        if (d.empty()) return prev + 1;
        bool digits = std::all_of(d.begin(), d.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        bool upper = std::all_of(d.begin(), d.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
        bool roman = d.find_first_not_of("ivxl") == std::string::npos;
        if (digits) return 2;
        if (upper) return 3;
        if (roman && prev >= 3 && !(d == "i" && prev < 3)) return 4;
        return 1;
    }

    // A run of quoted paragraphs as a Markdown block quote would give it: restated paragraphs with
    // their marks, a blank line between; or, without marks, the plain-text layout (three spaces
    // per level, three after a designation).
    InstructionItem::Quote quote(const std::vector<const Para*>& ps) {
        InstructionItem::Quote q;
        q.line = ps.front()->number;
        bool marks = std::any_of(ps.begin(), ps.end(), [](const Para* p) { return p->marked(); });
        int prev = 0;
        for (std::size_t i = 0; i < ps.size(); ++i) {
            const Para& p = *ps[i];
            if (marks) {
                if (i > 0) q.text += "\n", q.lines.push_back(0), q.margins.push_back(0);
                q.text += p.marked_text() + "\n";
            } else {
                std::string t = p.plain();
                int level = i == 0 ? (ladder(t, -1) == 0 ? 0 : ladder(t, 0)) : ladder(t, prev);
                prev = level;
                std::string line = std::string(static_cast<std::size_t>(3 * level), ' ');
                // "(b) (1) Unless ..." → "(b)   (1)   Unless ..."
                std::size_t k = 0;
                while (level > 0 && k < t.size() && t[k] == '(') {
                    std::size_t c = t.find(')', k);
                    if (c == std::string::npos || c - k > 8) break;
                    line += t.substr(k, c - k + 1) + "   ";
                    k = t.find_first_not_of(' ', c + 1);
                    if (k == std::string::npos) k = t.size();
                }
                q.text += line + t.substr(k) + "\n";
            }
            q.lines.push_back(p.number);
            q.margins.push_back(0);
        }
        return q;
    }

    // "1. Section ..." typed out: the number's length, else 0.
    static std::size_t typed_number(const std::string& text) {
        std::size_t k = 0;
        while (k < text.size() && k < 4 && std::isdigit(static_cast<unsigned char>(text[k]))) ++k;
        if (k == 0 || k + 1 >= text.size() || (text[k] != '.' && text[k] != ')') || text[k + 1] != ' ') return 0;
        return k + 2;
    }

    AmendmentDoc assemble() {
        AmendmentDoc doc;
        doc.file = path_;
        for (auto& p : paras_) tidy(p);
        // The open items: stack[d] is the last item at list level d.
        std::vector<InstructionItem*> stack;
        bool seen_list = false, in_sections = false;
        auto item_at = [&](const Para& p, int level, std::string text, std::string designation) {
            InstructionItem it;
            it.file = path_;
            it.line = p.number;
            it.col = 1;
            it.text = std::move(text);
            it.designation = std::move(designation);
            auto L = static_cast<std::size_t>(std::max(0, level));
            if (L > stack.size()) L = stack.size();  // a level skipped: under the deepest open item
            stack.resize(L);
            std::vector<InstructionItem>& into = L == 0 ? doc.items : stack.back()->children;
            into.push_back(std::move(it));
            stack.push_back(&into.back());
        };
        for (std::size_t i = 0; i < paras_.size(); ++i) {
            const Para& p = paras_[i];
            if (p.segs.empty()) continue;
            if (p.quoted) {
                std::vector<const Para*> run;
                std::size_t j = i;
                for (; j < paras_.size() && (paras_[j].quoted || paras_[j].segs.empty()); ++j)
                    if (!paras_[j].segs.empty()) run.push_back(&paras_[j]);
                i = j - 1;
                if (stack.empty())
                    fail(path_, "quoted text before any instruction: expected \"1. Section ... is amended ...\" or "
                                "\"SECTION 1. ...\" first",
                         "docx.structure", p.number);
                stack.back()->quotes.push_back(quote(run));
                stack.back()->blocks_are_text_layout = true;
                continue;
            }
            if (p.marked())
                fail(path_, "struck or underscored text outside quoted law: expected it in a quotation (an indented "
                            "paragraph or the Quote style)",
                     "docx.marks", p.number);
            std::string text = collapse_ws(p.plain());
            if (p.title && doc.title.empty() && !seen_list && doc.meta.empty()) {
                doc.title = text;
                continue;
            }
            std::size_t dot = 0;
            if (ordinance_section_clause(text, dot)) {
                stack.clear();
                doc.items.push_back(ordinance_section_item(text, dot, path_, p.number, 1));
                stack.push_back(&doc.items.back());
                seen_list = in_sections = true;
                continue;
            }
            bool numbered = !p.label.empty() && p.label_fmt != "bullet";
            std::size_t typed = numbered ? 0 : typed_number(text);
            if (numbered || typed) {
                int level = numbered ? p.list_level : 0;
                item_at(p, level, typed ? trim(text.substr(typed)) : text, "");
                seen_list = true;
                in_sections = false;
                continue;
            }
            if (in_sections) {
                doc.meta.emplace_back("note", text);
                continue;
            }
            if (seen_list)
                fail(path_, "expected a numbered instruction (\"1. Section ... is amended ...\"), a \"SECTION n.\" "
                            "clause or quoted text",
                     "docx.structure", p.number);
            if (p.title) continue;  // another heading
            if (auto m = metadata_line(text)) doc.meta.push_back(std::move(*m));
            else doc.meta.emplace_back("recital", text);
        }
        if (doc.items.empty())
            fail(path_, "expected at least one instruction (a numbered paragraph, or \"SECTION 1. ...\")", "docx.structure");
        return doc;
    }
};

}  // namespace

bool is_zip(const std::string& bytes) { return bytes.compare(0, 4, "PK\x03\x04") == 0; }

AmendmentDoc read_docx_amendment(const std::string& bytes, const std::string& path) {
    if (!is_zip(bytes)) fail(path, "not a Word document: a .docx is a zip package, and this file is none", "docx.zip");
    std::map<std::string, std::string> parts;
    for (auto& [name, data] : read_zip(bytes, path)) parts[name] = std::move(data);
    Reader r(path, parts);
    return r.read();
}

}  // namespace amend::docx
