// The plain-text reader: read, then write back (a text input must come back byte for byte, the
// README's promise: a difference aborts) and write as XML. Then the section-by-section reader
// (split_text + read_text_chunk over every chunk, in order, as read_text_parallel and `amend diff`
// use them) must give what read_text gives: the same provisions and the same first error (else
// abort), whenever the file has no chapter lines.
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "fuzz_common.hpp"
#include "model/diagnostic.hpp"

namespace {

// What a reader gave: the top-level provisions, or the first diagnostic.
struct Outcome {
    std::vector<amend::Provision> tops;
    std::optional<amend::Diagnostic> error;
};

[[noreturn]] void differs(const std::string& what, const std::string& whole, const std::string& chunked) {
    std::fprintf(stderr, "section-by-section reading differs from read_text: %s\nwhole:   %s\nchunked: %s\n",
                 what.c_str(), whole.c_str(), chunked.c_str());
    std::abort();
}

std::string headline(const std::optional<amend::Diagnostic>& d) {
    return d ? amend::format_headline(*d) : std::string("no error");
}

// Every provision of both trees, field by field, with its place in the file.
void compare(const amend::Provision& a, const amend::Provision& b, const std::string& where) {
    auto same = a.kind == b.kind && a.designation == b.designation && a.heading.text == b.heading.text &&
                a.text.text == b.text.text && a.span.file == b.span.file && a.span.line == b.span.line &&
                a.span.col == b.span.col && a.tl->blanks_before == b.tl->blanks_before && a.tl->gap == b.tl->gap &&
                a.tl->heading_sep == b.tl->heading_sep && a.tl->child_on_same_line == b.tl->child_on_same_line &&
                a.xml_tag == b.xml_tag && a.xl->prefix == b.xl->prefix && a.children.size() == b.children.size();
    auto show = [](const amend::Provision& p) {
        return std::string(amend::kind_name(p.kind)) + " \"" + p.designation + "\" at " + std::to_string(p.span.line) +
               ":" + std::to_string(p.span.col) + ", " + std::to_string(p.children.size()) + " children";
    };
    if (!same) differs("provision " + where, show(a), show(b));
    for (std::size_t i = 0; i < a.children.size(); ++i)
        compare(a.children[i], b.children[i], where + "/" + std::to_string(i));
}

void check_chunks(const std::string& bytes) {
    const std::string path = "fuzz.txt";
    Outcome whole, chunked;
    try {
        amend::Document doc;
        amend::read_text(bytes, path, doc);
        whole.tops = std::move(doc.root.children);
    } catch (const amend::InputError& e) {
        whole.error = e.diagnostics().at(0);
    }
    amend::TextFile f;
    try {
        f = amend::split_text(bytes, path);
    } catch (const amend::InputError& e) {
        chunked.error = e.diagnostics().at(0);
    }
    if (!chunked.error) {
        if (f.has_containers) return;  // read whole: chunks do not put sections in chapters
        // The chunks tile the file (after a byte order mark); chunk 0 holds no section.
        std::size_t at = f.facts.bom ? 3 : 0;
        for (std::size_t c = 0; c < f.chunks.size(); ++c) {
            if (f.chunks[c].begin != at || f.chunks[c].end < at || (c > 0) == f.chunks[c].number.empty())
                differs("chunk " + std::to_string(c) + " does not tile the file", "", "");
            at = f.chunks[c].end;
        }
        if (at != bytes.size()) differs("the chunks end before the file", "", "");
        for (std::size_t c = 0; c < f.chunks.size() && !chunked.error; ++c) {
            try {
                auto part = amend::read_text_chunk(bytes, f, c, path, 0);
                for (auto& p : part) chunked.tops.push_back(std::move(p));
            } catch (const amend::InputError& e) {
                chunked.error = e.diagnostics().at(0);  // the first chunk's error is the file's
            }
        }
    }
    const auto& we = whole.error;
    const auto& ce = chunked.error;
    if (we.has_value() != ce.has_value() ||
        (we && (we->file != ce->file || we->line != ce->line || we->col != ce->col || we->message != ce->message ||
                we->code != ce->code || we->source_line != ce->source_line)))
        differs("first error", headline(we), headline(ce));
    if (we) return;
    if (whole.tops.size() != chunked.tops.size())
        differs("number of top-level provisions", std::to_string(whole.tops.size()), std::to_string(chunked.tops.size()));
    for (std::size_t i = 0; i < whole.tops.size(); ++i) {
        std::string a = amend::write_text_provision(whole.tops[i], 0), b = amend::write_text_provision(chunked.tops[i], 0);
        if (a != b) differs("written provision " + std::to_string(i), a.substr(0, 200), b.substr(0, 200));
        compare(whole.tops[i], chunked.tops[i], std::to_string(i));
        if (whole.tops[i].designation != f.chunks[i + 1].number)
            differs("chunk number", whole.tops[i].designation, f.chunks[i + 1].number);
    }
    if (f.chunks.size() != whole.tops.size() + 1)
        differs("number of chunks", std::to_string(whole.tops.size() + 1), std::to_string(f.chunks.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    check_chunks(bytes);
    amend::Document doc;
    try {
        amend::read_text(bytes, "fuzz.txt", doc);
    } catch (const amend::InputError&) {
        return 0;
    }
    std::string back = amend::write_text(doc, 0);
    if (back != bytes) {
        std::size_t i = 0;
        while (i < bytes.size() && i < back.size() && bytes[i] == back[i]) ++i;
        std::fprintf(stderr, "round trip differs at byte %zu: %zu bytes read, %zu written\nread:    %s\nwritten: %s\n", i,
                     bytes.size(), back.size(), bytes.substr(i > 20 ? i - 20 : 0, 60).c_str(),
                     back.substr(i > 20 ? i - 20 : 0, 60).c_str());
        std::abort();
    }
    for (const auto* s : amend::sections_of(doc.root)) (void)amend::write_dc_xml(*s);
    try {
        (void)amend::read_text_fragment(bytes, "fuzz.md", 1);
    } catch (const amend::InputError&) {
    }
    return 0;
}
