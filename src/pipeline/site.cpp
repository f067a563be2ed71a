#include "pipeline/output_set.hpp"

#include <set>
#include <utility>
#include "diff/diff.hpp"
#include "render/render.hpp"

namespace amend {

namespace {

// diff_trees over the sections the report names (the site shows only changed sections): a whole
// code's untouched sections are not walked.
ChangeSet diff_changed(const Document& before, const Document& after, const std::set<std::string>& changed) {
    auto olds = sections_of(before.root), news = sections_of(after.root);
    if (olds.size() == 1 && news.size() == 1) return diff_trees(before.root, after.root);
    auto keep = [&](std::vector<const Provision*> ss) {
        std::erase_if(ss, [&](const Provision* s) { return !changed.count(s->designation); });
        return ss;
    };
    olds = keep(std::move(olds));
    news = keep(std::move(news));
    return diff_sections(olds, news, false);
}

}  // namespace

void add_site(OutputSet& files, const Document& before, const Document& after, const ApplyReport& report) {
    ChangeSet cs = diff_changed(before, after, report.changed_sections);
    SiteInfo info;
    info.title = report.title.empty() ? "Amendments" : report.title;
    for (const auto& w : report.warnings) info.warnings.push_back(w);
    for (const auto& w : report.dangling) info.warnings.push_back(w);
    for (const auto& w : report.skipped) info.warnings.push_back(w);
    for (auto& [path, bytes] : render_site(cs, info)) files.add(std::move(path), std::move(bytes));
}

}  // namespace amend
