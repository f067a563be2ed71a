// amend diff OLD NEW: compare two versions of a code; exit 0 when equal, 1 when they differ.
#include <chrono>
#include <cstdio>

#include "cli/commands.hpp"
#include "diff/diff.hpp"
#include "parse/load.hpp"
#include "render/render.hpp"

namespace amend {

int run_diff(const DiffOptions& o, std::ostream& out) {
    using clock = std::chrono::steady_clock;
    auto secs = [](clock::time_point a, clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
    auto t0 = clock::now();
    Document old_doc = load_code({o.old_path});
    Document new_doc = load_code({o.new_path});
    auto t1 = clock::now();
    DiffTimings dt;
    ChangeSet cs = diff_trees(old_doc.root, new_doc.root, o.timings ? &dt : nullptr);
    auto t2 = clock::now();
    RenderOptions ro;
    ro.title = "Changes from " + o.old_path + " to " + o.new_path;
    ro.show_unchanged = o.full;
    if (o.format == "md") out << render_redline_md(cs, ro);
    else if (o.format == "html") out << render_redline_html(cs, ro);
    else if (o.format == "side-by-side") out << render_side_by_side_html(cs, ro);
    else if (o.format == "json") write_json(cs, out);
    else if (o.format == "text") out << render_text(cs, ro);
    else throw UsageError("diff: unknown format " + o.format);
    out.flush();
    auto t3 = clock::now();
    if (o.timings) {
        // The word diff runs inside the alignment walk: its own clock is subtracted from the walk's.
        double diff_total = secs(t1, t2);
        double align = diff_total - dt.word_diff_seconds;
        std::fprintf(stderr, "timings: read %.3f s, align %.3f s, word diff %.3f s, render %.3f s, total %.3f s\n",
                     secs(t0, t1), align, dt.word_diff_seconds, secs(t2, t3), secs(t0, t3));
    }
    return cs.empty() ? 0 : 1;
}

}  // namespace amend
