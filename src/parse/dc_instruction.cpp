#include "parse/dc_instruction.hpp"

#include "model/diagnostic.hpp"
#include "parse/dc_xml_node.hpp"
#include "parse/xml.hpp"

namespace amend {

namespace {

bool is_codify(const pugi::xml_node& n) {
    std::string_view name = n.name();
    return name.substr(0, 7) == "codify:" || name.substr(0, 9) == "codified:";
}

}  // namespace

void strip_codify(pugi::xml_node n) {
    for (pugi::xml_node c = n.first_child(); c;) {
        pugi::xml_node next = c.next_sibling();
        if (c.type() == pugi::node_element && is_codify(c)) n.remove_child(c);
        else if (c.type() == pugi::node_comment) n.remove_child(c);
        else strip_codify(c);
        c = next;
    }
    for (pugi::xml_attribute a = n.first_attribute(); a;) {
        pugi::xml_attribute next = a.next_attribute();
        std::string_view an = a.name();
        if (an.substr(0, 7) == "codify:" || an.substr(0, 9) == "codified:") n.remove_attribute(a);
        a = next;
    }
}

std::string dc_law_unit(const pugi::xml_node& n, const std::string& above) {
    std::string num = n.child("num").text().get();
    std::string_view name = n.name();
    if (name == "section") return num.empty() ? std::string() : "\xC2\xA7" + num;
    if (name == "para") return above.empty() || num.empty() ? above : above + "|" + num;
    return above;
}

namespace {

void all_text(const pugi::xml_node& n, std::string& out) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
        else if (c.type() == pugi::node_element) all_text(c, out);
    }
}

struct Builder {
    const std::string& path;
    const LineIndex& lines;

    InstructionItem item_of(const pugi::xml_node& n, const std::string& above = "") {
        InstructionItem it;
        it.file = path;
        it.law_unit = dc_law_unit(n, above);
        auto [line, col] = lines.locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, n.offset_debug())));
        it.line = line;
        it.col = col;
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view cn = c.name();
            if (cn == "num") it.designation = c.text().get();
            else if (cn == "text") {
                std::string t;
                all_text(c, t);
                if (it.text.empty() && c.first_child()) {
                    auto [tl, tc] = lines.locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, c.first_child().offset_debug())));
                    it.text_line = tl;
                    it.text_col = tc;
                    it.text_source_line = lines.line_text(tl);
                }
                if (!it.text.empty()) it.text += " ";
                it.text += t;
            } else if (cn == "include") {
                for (pugi::xml_node u = c.first_child(); u; u = u.next_sibling()) {
                    if (u.type() != pugi::node_element) continue;
                    std::string_view un = u.name();
                    if (un == "text") {
                        Provision t;
                        t.kind = Kind::Text;
                        t.xml_tag = "text";
                        // A table keeps its rows and cells (the Code writes them as the law does).
                        if (u.find_node([](const pugi::xml_node& k) { return std::string_view(k.name()) == "table"; }))
                            append_rich(u, t.text);
                        else
                            all_text(u, t.text.text);
                        it.blocks.push_back(std::move(t));
                    } else {
                        it.blocks.push_back(provision_from_xml(u, un == "section" ? 0 : 1, 0, nullptr, 0));
                        if (un == "section") {
                            auto [uline, ucol] = lines.locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, u.offset_debug())));
                            require_section_number(it.blocks.back().designation, path, uline, ucol, lines.line_text(uline));
                        }
                    }
                }
            } else if (cn == "aftertext") {
                std::string t;
                all_text(c, t);
                // The closing period of "... to read as follows: <include/>." belongs to the sentence.
                if (t.find_first_not_of(" .\n\t\"") != std::string::npos) {
                    if (!it.text.empty()) it.text += " ";
                    it.text += t;
                }
            } else if (cn == "para" || cn == "section") {
                InstructionItem child = item_of(c, it.law_unit);
                // A paragraph the law leaves undesignated, or numbers with nothing, that holds only
                // the quoted text ("... to read as follows:" then <para><num undesignated="true">(a)
                // </num><include>..., or <para><num/><include>...): the quotation is the sentence's own.
                pugi::xml_node num = c.child("num");
                bool unnumbered = num.attribute("undesignated").as_bool() || (num && !num.first_child());
                if (unnumbered && child.text.empty() && child.children.empty() && !child.blocks.empty()) {
                    for (auto& b : child.blocks) it.blocks.push_back(std::move(b));
                    continue;
                }
                it.children.push_back(std::move(child));
            }
        }
        return it;
    }
};

}  // namespace

InstructionItem dc_instruction_item(const pugi::xml_node& n, const std::string& path, const LineIndex& lines,
                                    const std::string& above) {
    return Builder{path, lines}.item_of(n, above);
}

AmendmentDoc read_dc_instruction(const std::string& bytes, const std::string& path) {
    pugi::xml_document x;
    LineIndex lines(bytes);
    load_xml(x, bytes, path, lines);
    pugi::xml_node root = x.document_element();
    if (std::string_view(root.name()) != "instruction")
        throw InputError(Diagnostic{path, 1, 1, std::string("expected an <instruction> root element, found <") + root.name() + ">",
                                    "xml.root", ""});
    strip_codify(root);
    AmendmentDoc doc;
    doc.enacted = true;
    doc.file = path;
    doc.title = root.attribute("law").value();
    std::string target = root.attribute("target").value();
    if (!target.empty() && target.rfind("\xC2\xA7", 0) == 0) target = target.substr(2);
    doc.default_section = target;
    Builder b{path, lines};
    for (pugi::xml_node part = root.child("part"); part; part = part.next_sibling("part")) {
        // The context lines wrap the provision: each becomes an item holding the next.
        std::vector<InstructionItem> chain;
        std::string unit;  // the law's unit the context lines reach
        if (pugi::xml_node ctx = part.child("context")) {
            for (pugi::xml_node c = ctx.first_child(); c; c = c.next_sibling()) {
                if (c.type() != pugi::node_element) continue;
                InstructionItem it;
                it.file = path;
                auto [line, col] = lines.locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, c.offset_debug())));
                it.line = line;
                it.col = col;
                it.designation = c.child("num").text().get();
                unit = dc_law_unit(c, unit);
                it.law_unit = unit;
                all_text(c.child("text"), it.text);
                chain.push_back(std::move(it));
            }
        }
        for (pugi::xml_node p = part.first_child(); p; p = p.next_sibling()) {
            if (p.type() != pugi::node_element) continue;
            std::string_view pn = p.name();
            if (pn == "context") continue;
            InstructionItem leaf = b.item_of(p, unit);
            if (pn == "section" || pn == "para") leaf.law_text.push_back(provision_from_xml(p, pn == "section" ? 0 : 1, 0, nullptr, 0));
            // Fold the chain: context[0] > context[1] > ... > leaf.
            InstructionItem cur = std::move(leaf);
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
                InstructionItem up = *it;
                up.children.push_back(std::move(cur));
                cur = std::move(up);
            }
            doc.items.push_back(std::move(cur));
        }
    }
    return doc;
}

}  // namespace amend
