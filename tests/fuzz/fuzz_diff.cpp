// Diff and every renderer: two codes from one input, split on "\n%%%%\n" (each D.C. XML when it
// starts with '<', else the plain-text layout). Two text codes that `amend diff` would take section
// by section (no chapter lines, a section each at least) must give there, in every format, with
// and without unchanged provisions, the bytes, the exit code and the first error of the whole
// trees (else abort).
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "pipeline/diff_stream.hpp"
#include "diff/diff.hpp"
#include "fuzz_common.hpp"
#include "model/diagnostic.hpp"
#include "render/render.hpp"

namespace {

[[noreturn]] void differs(const std::string& what, const std::string& whole, const std::string& sections) {
    std::fprintf(stderr, "amend diff section by section differs from the whole trees: %s\nwhole:    %s\nsections: %s\n",
                 what.c_str(), whole.c_str(), sections.c_str());
    std::abort();
}

void check_sections(const std::string& a, const std::string& b) {
    if ((!a.empty() && a[0] == '<') || (!b.empty() && b[0] == '<')) return;
    amend::TextSide o{"old.txt", a, {}}, n{"new.txt", b, {}};
    try {
        o.file = amend::split_text(a, o.path);
        n.file = amend::split_text(b, n.path);
    } catch (const amend::InputError&) {
        return;  // run_diff reports these before cutting (tests/test_diff_stream_edges.cpp)
    }
    if (o.file.has_containers || n.file.has_containers || o.file.chunks.size() < 2 || n.file.chunks.size() < 2) return;
    amend::Document old_doc, new_doc;
    std::string whole_error;
    try {
        amend::read_text(a, o.path, old_doc);
        amend::read_text(b, n.path, new_doc);
    } catch (const amend::InputError& e) {
        whole_error = amend::format_full(e.diagnostics().at(0));
    }
    amend::ChangeSet cs;
    if (whole_error.empty()) cs = amend::diff_trees(old_doc.root, new_doc.root);
    using Page = amend::PageFormat;
    for (Page f : {Page::Md, Page::Html, Page::SideBySide, Page::Text, Page::Json}) {
        for (bool full : {false, true}) {
            amend::RenderOptions ro;
            ro.title = "Changes from old.txt to new.txt";
            ro.show_unchanged = full;
            std::ostringstream out;
            std::string error;
            int rc = -1;
            try {
                rc = amend::diff_text_sides(o, n, f, ro, out) ? 1 : 0;
            } catch (const amend::InputError& e) {
                error = amend::format_full(e.diagnostics().at(0));
            }
            if (error != whole_error) differs("first error", whole_error, error);
            if (!error.empty()) return;
            std::string page = amend::render_page(f, cs, ro);
            std::string label = "format " + std::to_string(static_cast<int>(f)) + (full ? " --full" : "");
            if (rc != (cs.empty() ? 0 : 1)) differs("exit code, " + label, cs.empty() ? "0" : "1", std::to_string(rc));
            if (out.str() != page) {
                std::string got = out.str();
                std::size_t i = 0;
                while (i < got.size() && i < page.size() && got[i] == page[i]) ++i;
                std::size_t from = i > 40 ? i - 40 : 0;
                differs("output, " + label + ", at byte " + std::to_string(i), page.substr(from, 120), got.substr(from, 120));
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto [a, b] = fuzz::split2(data, size);
    check_sections(a, b);
    amend::Document old_doc, new_doc;
    try {
        fuzz::read_code(a, "old", old_doc);
        fuzz::read_code(b, "new", new_doc);
    } catch (const amend::InputError&) {
        return 0;
    }
    amend::ChangeSet cs = amend::diff_trees(old_doc.root, new_doc.root);
    (void)amend::stats_of(cs);
    for (bool all : {false, true}) {
        amend::RenderOptions o;
        o.show_unchanged = all;
        (void)amend::render_redline_md(cs, o);
        (void)amend::render_redline_html(cs, o);
        (void)amend::render_side_by_side_md(cs, o);
        (void)amend::render_side_by_side_html(cs, o);
        (void)amend::render_text(cs, o);
    }
    (void)amend::render_consolidated_md(cs);
    (void)amend::render_consolidated_html(cs);
    (void)amend::render_json(cs);
    (void)amend::render_site(cs, amend::SiteInfo{});
    return 0;
}
