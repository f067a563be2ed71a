// Diff and every renderer: two codes from one input, split on "\n%%%%\n" (each D.C. XML when it
// starts with '<', else the plain-text layout).
#include "diff/diff.hpp"
#include "fuzz_common.hpp"
#include "model/diagnostic.hpp"
#include "render/render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto [a, b] = fuzz::split2(data, size);
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
