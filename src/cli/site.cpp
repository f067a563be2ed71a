#include "cli/output.hpp"

#include <utility>
#include "diff/diff.hpp"
#include "render/render.hpp"

namespace amend {

void add_site(OutputSet& files, const Document& before, const Document& after, const ApplyReport& report) {
    ChangeSet cs = diff_trees(before.root, after.root);
    SiteInfo info;
    info.title = report.title.empty() ? "Amendments" : report.title;
    for (const auto& w : report.warnings) info.warnings.push_back(w);
    for (const auto& w : report.dangling) info.warnings.push_back(w);
    for (const auto& w : report.skipped) info.warnings.push_back(w);
    for (auto& [path, bytes] : render_site(cs, info)) files.add(std::move(path), std::move(bytes));
}

}  // namespace amend
