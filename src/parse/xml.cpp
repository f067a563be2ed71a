#include "parse/xml.hpp"

#include <algorithm>

namespace amend {

namespace {

unsigned int flags_of(const XmlOptions& o) {
    switch (o.blanks) {
        case XmlOptions::Blanks::Keep: return pugi::parse_default | pugi::parse_ws_pcdata;
        case XmlOptions::Blanks::KeepIfOnlyChild: return pugi::parse_default | pugi::parse_ws_pcdata_single;
        case XmlOptions::Blanks::Drop: break;
    }
    return pugi::parse_default;
}

pugi::xml_encoding encoding_of(const XmlOptions& o) {
    return o.encoding == XmlOptions::Encoding::Utf8 ? pugi::encoding_utf8 : pugi::encoding_auto;
}

pugi::xml_parse_result parse(pugi::xml_document& x, const std::string& bytes, const XmlOptions& o) {
    return x.load_buffer(bytes.data(), bytes.size(), flags_of(o), encoding_of(o));
}

// Collects what pugixml writes into a string.
struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

}  // namespace

void load_xml(pugi::xml_document& x, const std::string& bytes, const XmlOptions& o, const XmlErrors& e) {
    pugi::xml_parse_result r = parse(x, bytes, o);
    if (r) return;
    std::string what = e.what.empty() ? std::string("malformed XML: ") + r.description() : e.what;
    if (!e.lines) throw InputError(Diagnostic{e.path, 0, 0, what, e.code, ""});
    auto [line, col] = e.lines->locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, r.offset)));
    throw InputError(Diagnostic{e.path, line, col, what, e.code, e.lines->line_text(line)});
}

void load_xml(pugi::xml_document& x, const std::string& bytes, const std::string& path, const LineIndex& lines) {
    require_utf8(bytes, path);
    load_xml(x, bytes, XmlOptions{.blanks = XmlOptions::Blanks::Keep}, XmlErrors{path, "xml.syntax", &lines, ""});
}

bool try_load_xml(pugi::xml_document& x, const std::string& bytes, const XmlOptions& o) {
    return static_cast<bool>(parse(x, bytes, o));
}

std::string xml_document_text(const pugi::xml_document& d) {
    StringWriter w;
    d.save(w, "", pugi::format_raw, pugi::encoding_utf8);
    return std::move(w.out);
}

std::string xml_node_text(const pugi::xml_node& n) {
    StringWriter w;
    n.print(w, "", pugi::format_raw, pugi::encoding_utf8);
    return std::move(w.out);
}

}  // namespace amend
