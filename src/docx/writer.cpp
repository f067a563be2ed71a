// Writing a Package as WordprocessingML parts with pugixml, then zipping them (zip.hpp).
#include <algorithm>
#include <cctype>

#include "docx/docx.hpp"
#include "docx/zip.hpp"
#include "parse/xml.hpp"

namespace amend::docx {

namespace {

const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

pugi::xml_document new_part() {
    pugi::xml_document d;
    auto decl = d.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";
    return d;
}

// Text as Word holds it: control characters (no XML may hold them) become spaces; a tab stays a tab.
std::string clean(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        auto u = static_cast<unsigned char>(ch);
        out += (u < 0x20 && ch != '\t') || u == 0x7f ? ' ' : ch;
    }
    return out;
}

class Writer {
public:
    explicit Writer(const WriteOptions& o) : o_(o) {}

    std::string document(const Package& pkg) {
        auto d = new_part();
        auto doc = d.append_child("w:document");
        doc.append_attribute("xmlns:w") = kW;
        doc.append_attribute("xmlns:r") = kR;
        auto body = doc.append_child("w:body");
        for (std::size_t i = 0; i < pkg.body.size(); ++i) {
            const Paragraph& p = pkg.body[i];
            // Two tables in a row would be one in Word: an empty paragraph keeps them apart.
            if (!p.table.empty() && i > 0 && !pkg.body[i - 1].table.empty()) body.append_child("w:p");
            p.table.empty() ? paragraph(body, p) : table(body, p);
        }
        // A table never ends the body: Word wants a paragraph after it.
        if (!pkg.body.empty() && !pkg.body.back().table.empty()) body.append_child("w:p");
        auto sect = body.append_child("w:sectPr");
        auto hr = sect.append_child("w:headerReference");
        hr.append_attribute("w:type") = "default";
        hr.append_attribute("r:id") = "rIdHeader";
        auto fr = sect.append_child("w:footerReference");
        fr.append_attribute("w:type") = "default";
        fr.append_attribute("r:id") = "rIdFooter";
        auto sz = sect.append_child("w:pgSz");  // US Letter, in twentieths of a point
        sz.append_attribute("w:w") = "12240";
        sz.append_attribute("w:h") = "15840";
        auto mar = sect.append_child("w:pgMar");
        for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) mar.append_attribute(side) = "1440";
        mar.append_attribute("w:header") = "720";
        mar.append_attribute("w:footer") = "720";
        mar.append_attribute("w:gutter") = "0";
        return xml_document_text(d);
    }

    // The header names the document; the footer numbers the pages ("Page 3 of 7").
    std::string header_or_footer(bool header, const std::string& text) {
        auto d = new_part();
        auto root = d.append_child(header ? "w:hdr" : "w:ftr");
        root.append_attribute("xmlns:w") = kW;
        auto p = root.append_child("w:p");
        auto ppr = p.append_child("w:pPr");
        ppr.append_child("w:pStyle").append_attribute("w:val") = header ? "Header" : "Footer";
        ppr.append_child("w:jc").append_attribute("w:val") = header ? "left" : "center";
        if (header) {
            plain_run(p, text);
            return xml_document_text(d);
        }
        plain_run(p, "Page ");
        field(p, "PAGE", "1");
        plain_run(p, " of ");
        field(p, "NUMPAGES", "1");
        return xml_document_text(d);
    }

private:
    const WriteOptions& o_;
    int next_id_ = 1;

    void change_attrs(pugi::xml_node n) {
        n.append_attribute("w:id") = next_id_++;
        n.append_attribute("w:author") = o_.author.c_str();
        if (!o_.date.empty()) n.append_attribute("w:date") = o_.date.c_str();
    }

    static void text_into(pugi::xml_node r, const char* tag, const std::string& s) {
        std::string t = clean(s);
        std::size_t i = 0;
        while (i < t.size()) {  // tabs are w:tab elements between text pieces
            std::size_t e = t.find('\t', i);
            if (e == std::string::npos) e = t.size();
            if (e > i) {
                auto n = r.append_child(tag);
                n.append_attribute("xml:space") = "preserve";
                n.text().set(t.substr(i, e - i).c_str());
            }
            if (e < t.size()) r.append_child("w:tab");
            i = e + 1;
        }
    }

    static void plain_run(pugi::xml_node p, const std::string& s) { text_into(p.append_child("w:r"), "w:t", s); }

    static void field(pugi::xml_node p, const char* instr, const char* shown) {
        auto f = p.append_child("w:fldSimple");
        f.append_attribute("w:instr") = (std::string(" ") + instr + " ").c_str();
        plain_run(f, shown);
    }

    void run(pugi::xml_node p, const Run& r) {
        pugi::xml_node parent = p;
        bool tracked = o_.tracked && r.mark != Mark::None;
        if (tracked) {
            parent = p.append_child(r.mark == Mark::Deleted ? "w:del" : "w:ins");
            change_attrs(parent);
        }
        auto rn = parent.append_child("w:r");
        bool strike = !o_.tracked && r.mark == Mark::Deleted, under = !o_.tracked && r.mark == Mark::Inserted;
        if (r.bold || r.italic || strike || under) {
            auto rpr = rn.append_child("w:rPr");
            if (r.bold) rpr.append_child("w:b");
            if (r.italic) rpr.append_child("w:i");
            if (strike) rpr.append_child("w:strike");
            if (under) rpr.append_child("w:u").append_attribute("w:val") = "single";
        }
        text_into(rn, tracked && r.mark == Mark::Deleted ? "w:delText" : "w:t", r.text);
    }

    // A table with thin borders, as wide as the text less its indent; its columns of equal width.
    void table(pugi::xml_node body, const Paragraph& p) {
        // A cell spans at most as many columns as the widest row has cells (a span the law's
        // markup gives past that would only narrow every column).
        std::size_t widest = 1;
        for (const Row& r : p.table) widest = std::max(widest, r.cells.size());
        auto span_of = [&](const Cell& c) { return std::clamp(c.span, 1, static_cast<int>(widest)); };
        std::size_t cols = 1;
        for (const Row& r : p.table) {
            std::size_t n = 0;
            for (const Cell& c : r.cells) n += static_cast<std::size_t>(span_of(c));
            cols = std::max(cols, n);
        }
        const int indent = 720 * p.level, width = std::max(1440, 9360 - indent);
        const int col = width / static_cast<int>(cols);
        auto tbl = body.append_child("w:tbl");
        auto tpr = tbl.append_child("w:tblPr");
        auto tw = tpr.append_child("w:tblW");
        tw.append_attribute("w:w") = width;
        tw.append_attribute("w:type") = "dxa";
        if (indent > 0) {
            auto ind = tpr.append_child("w:tblInd");
            ind.append_attribute("w:w") = indent;
            ind.append_attribute("w:type") = "dxa";
        }
        auto borders = tpr.append_child("w:tblBorders");
        for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
            auto b = borders.append_child(side);
            b.append_attribute("w:val") = "single";
            b.append_attribute("w:sz") = "4";
            b.append_attribute("w:space") = "0";
            b.append_attribute("w:color") = "auto";
        }
        auto grid = tbl.append_child("w:tblGrid");
        for (std::size_t i = 0; i < cols; ++i) grid.append_child("w:gridCol").append_attribute("w:w") = col;
        for (const Row& r : p.table) {
            if (r.cells.empty()) continue;  // a row of no cells is no row Word reads
            auto tr = tbl.append_child("w:tr");
            if (o_.tracked && r.whole != Mark::None) change_attrs(tr.append_child("w:trPr").append_child(r.whole == Mark::Deleted ? "w:del" : "w:ins"));
            for (const Cell& c : r.cells) {
                auto tc = tr.append_child("w:tc");
                auto tcpr = tc.append_child("w:tcPr");
                auto w = tcpr.append_child("w:tcW");
                w.append_attribute("w:w") = col * span_of(c);
                w.append_attribute("w:type") = "dxa";
                if (span_of(c) > 1) tcpr.append_child("w:gridSpan").append_attribute("w:val") = span_of(c);
                auto pn = tc.append_child("w:p");  // a cell holds at least one paragraph
                auto ppr = pn.append_child("w:pPr");
                auto sp = ppr.append_child("w:spacing");
                sp.append_attribute("w:after") = "0";
                for (const auto& run_of : c.runs) run(pn, run_of);
            }
        }
    }

    void paragraph(pugi::xml_node body, const Paragraph& p) {
        auto pn = body.append_child("w:p");
        auto ppr = pn.append_child("w:pPr");
        const char* style = nullptr;
        switch (p.style) {
            case Paragraph::WordStyle::Title: style = "Title"; break;
            case Paragraph::WordStyle::Heading: style = "Heading1"; break;
            case Paragraph::WordStyle::Quote: style = "Quote"; break;
            case Paragraph::WordStyle::Centered: style = "Centered"; break;
            case Paragraph::WordStyle::Normal: break;
        }
        if (style) ppr.append_child("w:pStyle").append_attribute("w:val") = style;
        int base = p.style == Paragraph::WordStyle::Quote ? 720 : 0;
        if (p.level > 0 || p.first_line) {
            auto ind = ppr.append_child("w:ind");
            ind.append_attribute("w:left") = base + 720 * p.level;
            if (p.first_line) ind.append_attribute("w:firstLine") = 720;
        }
        if (o_.tracked && p.whole != Mark::None) {
            auto mark = ppr.append_child("w:rPr").append_child(p.whole == Mark::Deleted ? "w:del" : "w:ins");
            change_attrs(mark);
        }
        for (const auto& r : p.runs) run(pn, r);
    }
};

const char* kStyles = R"xml(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="360"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720" w:right="360"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Centered"><w:name w:val="Centered"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style></w:styles>)xml";

const char* kSettings = R"xml(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>)xml";

const char* kContentTypes = R"xml(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>)xml";

const char* kRootRels = R"xml(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>)xml";

const char* kDocumentRels = R"xml(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>)xml";

std::string core(const Package& pkg, const WriteOptions& o) {
    auto d = new_part();
    auto cp = d.append_child("cp:coreProperties");
    cp.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    cp.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    cp.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
    cp.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    cp.append_child("dc:title").text().set(clean(pkg.title).c_str());
    cp.append_child("dc:creator").text().set(clean(o.author).c_str());
    if (!o.date.empty()) {
        auto c = cp.append_child("dcterms:created");
        c.append_attribute("xsi:type") = "dcterms:W3CDTF";
        c.text().set(o.date.c_str());
    }
    return xml_document_text(d);
}

bool digits(const std::string& s, std::size_t at, std::size_t n) {
    if (at + n > s.size()) return false;
    for (std::size_t i = at; i < at + n; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

}  // namespace

void append(Paragraph& p, Run r) {
    if (r.text.empty()) return;
    if (!p.runs.empty()) {
        Run& b = p.runs.back();
        if (b.mark == r.mark && b.bold == r.bold && b.italic == r.italic) {
            b.text += r.text;
            return;
        }
    }
    p.runs.push_back(std::move(r));
}

std::string iso_date(const std::string& t) {
    if (t.size() == 4 && digits(t, 0, 4)) return t + "-01-01T00:00:00Z";
    if (t.size() == 7 && digits(t, 0, 4) && t[4] == '-' && digits(t, 5, 2)) return t + "-01T00:00:00Z";
    if (t.size() == 10 && digits(t, 0, 4) && t[4] == '-' && digits(t, 5, 2) && t[7] == '-' && digits(t, 8, 2))
        return t + "T00:00:00Z";
    if (t.size() == 20 && !iso_date(t.substr(0, 10)).empty() && t[10] == 'T' && t[13] == ':' && t[16] == ':' &&
        t[19] == 'Z' && digits(t, 11, 2) && digits(t, 14, 2) && digits(t, 17, 2))
        return t;
    return "";
}

std::string write_docx(const Package& pkg, const WriteOptions& o) {
    Writer w(o);
    Entries e;
    e.emplace_back("[Content_Types].xml", kContentTypes);
    e.emplace_back("_rels/.rels", kRootRels);
    e.emplace_back("word/_rels/document.xml.rels", kDocumentRels);
    e.emplace_back("word/document.xml", w.document(pkg));
    e.emplace_back("word/styles.xml", kStyles);
    e.emplace_back("word/settings.xml", kSettings);
    e.emplace_back("word/header1.xml", w.header_or_footer(true, pkg.header));
    e.emplace_back("word/footer1.xml", w.header_or_footer(false, ""));
    e.emplace_back("docProps/core.xml", core(pkg, o));
    return write_zip(e);
}

}  // namespace amend::docx
