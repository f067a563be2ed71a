// amend diff OLD NEW: compare two versions of a code; exit 0 when equal, 1 when they differ.
#include "cli/commands.hpp"
#include "diff/diff.hpp"
#include "parse/load.hpp"
#include "render/render.hpp"

namespace amend {

int run_diff(const DiffOptions& o, std::ostream& out) {
    Document old_doc = load_code({o.old_path});
    Document new_doc = load_code({o.new_path});
    ChangeSet cs = diff_trees(old_doc.root, new_doc.root);
    RenderOptions ro;
    ro.title = "Changes from " + o.old_path + " to " + o.new_path;
    if (o.format == "md") out << render_redline_md(cs, ro);
    else if (o.format == "html") out << render_redline_html(cs, ro);
    else if (o.format == "side-by-side") out << render_side_by_side_html(cs, ro);
    else if (o.format == "json") out << render_json(cs);
    else if (o.format == "text") out << render_text(cs, ro);
    else throw UsageError("diff: unknown format " + o.format);
    return cs.empty() ? 0 : 1;
}

}  // namespace amend
