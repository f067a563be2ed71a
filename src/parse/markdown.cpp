#include "parse/markdown.hpp"
#include "parse/amendment_doc.hpp"

#include <cmark.h>

#include <memory>

#include "model/diagnostic.hpp"

#include "model/text.hpp"

namespace amend {

namespace {

struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};


struct Reader {
    const std::string& path;
    std::vector<std::string> lines;

    // The literal source of a paragraph: its first line from its start column, the rest trimmed.
    std::string source_of(cmark_node* n) {
        int sl = cmark_node_get_start_line(n), el = cmark_node_get_end_line(n);
        int sc = cmark_node_get_start_column(n);
        std::string out;
        for (int l = sl; l <= el && l >= 1 && static_cast<std::size_t>(l) <= lines.size(); ++l) {
            std::string line = lines[static_cast<std::size_t>(l - 1)];
            if (l == sl) line = line.substr(std::min(line.size(), static_cast<std::size_t>(std::max(0, sc - 1))));
            line = trim_blanks(line);
            if (line.empty()) continue;
            if (!out.empty()) out += " ";
            out += line;
        }
        return out;
    }

    // The lines of a block quote with their "> " markers removed.
    InstructionItem::Quote quote_of(cmark_node* n) {
        InstructionItem::Quote q;
        int sl = cmark_node_get_start_line(n), el = cmark_node_get_end_line(n);
        q.line = sl;
        std::string& out = q.text;
        for (int l = sl; l <= el && static_cast<std::size_t>(l) <= lines.size(); ++l) {
            std::string line = lines[static_cast<std::size_t>(l - 1)];
            std::size_t gt = line.find('>');
            std::size_t margin = 0;
            if (gt != std::string::npos && line.find_first_not_of(' ') == gt) {
                margin = gt + 1;
                if (margin < line.size() && line[margin] == ' ') ++margin;
                line = line.substr(margin);
            }
            q.margins.push_back(static_cast<int>(margin));
            out += line + "\n";
        }
        return q;
    }

    InstructionItem item_of(cmark_node* item) {
        InstructionItem it;
        it.file = path;
        it.line = cmark_node_get_start_line(item);
        it.col = cmark_node_get_start_column(item);
        for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
            switch (cmark_node_get_type(c)) {
                case CMARK_NODE_PARAGRAPH: {
                    std::string s = source_of(c);
                    if (it.text.empty()) {
                        it.text_line = cmark_node_get_start_line(c);
                        it.text_col = cmark_node_get_start_column(c);
                        it.text_source_line = lines.at(static_cast<std::size_t>(it.text_line - 1));
                    }
                    if (!it.text.empty()) it.text += " ";
                    it.text += s;
                    break;
                }
                case CMARK_NODE_BLOCK_QUOTE: {
                    it.quotes.push_back(quote_of(c));
                    it.blocks_are_text_layout = true;
                    break;
                }
                case CMARK_NODE_LIST:
                    for (cmark_node* sub = cmark_node_first_child(c); sub; sub = cmark_node_next(sub))
                        it.children.push_back(item_of(sub));
                    break;
                default: {
                    throw InputError(Diagnostic{path, cmark_node_get_start_line(c), cmark_node_get_start_column(c),
                                                "expected a sentence, a block quote of new text, or a list of sub-items in an instruction",
                                                "amend.markdown", lines.at(static_cast<std::size_t>(cmark_node_get_start_line(c) - 1))});
                }
            }
        }
        if (it.text.empty())
            throw InputError(Diagnostic{path, it.line, it.col, "expected an instruction sentence", "amend.markdown",
                                        lines.at(static_cast<std::size_t>(it.line - 1))});
        return it;
    }
};

}  // namespace

AmendmentDoc read_markdown_amendment(const std::string& input, const std::string& path) {
    require_utf8(input, path);
    // A byte-order mark is no part of the title (cmark would keep it in the first line).
    const std::string bytes = input.compare(0, 3, "\xEF\xBB\xBF") == 0 ? input.substr(3) : input;
    AmendmentDoc doc;
    doc.file = path;
    Reader r{path, {}};
    {
        // Lines end as cmark ends them: "\n", "\r\n", or a lone "\r".
        std::size_t i = 0;
        while (i <= bytes.size()) {
            std::size_t e = bytes.find_first_of("\r\n", i);
            if (e == std::string::npos) e = bytes.size();
            r.lines.push_back(bytes.substr(i, e - i));
            if (e + 1 < bytes.size() && bytes[e] == '\r' && bytes[e + 1] == '\n') ++e;
            i = e + 1;
        }
    }
    std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parse_document(bytes.data(), bytes.size(), CMARK_OPT_DEFAULT));
    bool seen_list = false;
    for (cmark_node* c = cmark_node_first_child(root.get()); c; c = cmark_node_next(c)) {
        auto type = cmark_node_get_type(c);
        int line = cmark_node_get_start_line(c);
        if (type == CMARK_NODE_HEADING) {
            std::string h = r.source_of(c);
            std::size_t k = h.find_first_not_of('#');
            h = trim_blanks(k == std::string::npos ? std::string() : h.substr(k));
            if (doc.title.empty() && cmark_node_get_heading_level(c) == 1) doc.title = h;
            continue;
        }
        if (type == CMARK_NODE_PARAGRAPH) {
            // An ordinance: "SECTION 1. Section ... is hereby amended ..., as follows:" then block quotes.
            std::string text = r.source_of(c);
            std::size_t dot = 0;
            if (ordinance_section_clause(text, dot)) {
                doc.items.push_back(ordinance_section_item(text, dot, path, line, cmark_node_get_start_column(c)));
                seen_list = true;
                continue;
            }
            if (seen_list && after_ordinance_section(doc)) {
                doc.meta.emplace_back("note", text);
                continue;
            }
        }
        if (type == CMARK_NODE_BLOCK_QUOTE && after_ordinance_section(doc)) {
            doc.items.back().quotes.push_back(r.quote_of(c));
            doc.items.back().blocks_are_text_layout = true;
            continue;
        }
        if (type == CMARK_NODE_PARAGRAPH && !seen_list) {
            // key: value lines (metadata), or recitals.
            int sl = cmark_node_get_start_line(c), el = cmark_node_get_end_line(c);
            bool all_meta = true;
            std::vector<std::pair<std::string, std::string>> kv;
            for (int l = sl; l <= el && all_meta; ++l) {
                auto m = metadata_line(r.lines.at(static_cast<std::size_t>(l - 1)));
                if (m) kv.push_back(std::move(*m));
                else all_meta = false;
            }
            if (all_meta) for (auto& p : kv) doc.meta.push_back(p);
            else doc.meta.emplace_back("recital", r.source_of(c));
            continue;
        }
        if (type == CMARK_NODE_LIST) {
            seen_list = true;
            for (cmark_node* item = cmark_node_first_child(c); item; item = cmark_node_next(item))
                doc.items.push_back(r.item_of(item));
            continue;
        }
        if (type == CMARK_NODE_THEMATIC_BREAK) continue;
        throw InputError(Diagnostic{path, line, cmark_node_get_start_column(c),
                                    "expected a numbered list of instructions (\"1. Section ... is amended ...\")",
                                    "amend.markdown", r.lines.at(static_cast<std::size_t>(line - 1))});
    }
    if (doc.items.empty())
        throw InputError(Diagnostic{path, 1, 1, "expected at least one instruction (a numbered list item)", "amend.markdown", ""});
    return doc;
}

}  // namespace amend
