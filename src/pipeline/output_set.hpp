// Writing outputs safely: everything is prepared in memory first. A new output folder is written
// whole beside its place and renamed into it (a reader sees all of it or none; an error leaves
// nothing); into an existing folder each file is written to a temporary file beside it and
// renamed into place, so a reader never sees a half-written file.
#pragma once

#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "amend/apply.hpp"
#include "diff/diff.hpp"
#include "render/render.hpp"
#include "model/provision.hpp"

namespace amend {

class OutputSet {
public:
    void add(std::string relative_path, std::string bytes) { files_.emplace_back(std::move(relative_path), std::move(bytes)); }
    std::size_t size() const { return files_.size(); }
    // Writes every file under `dir` (created if needed). Throws UsageError on an I/O failure.
    void write(const std::string& dir) const;
    // The same, with `dir/manifest.txt` listing what was written (one relative path a line); when
    // `dir` holds the manifest of an earlier run, the files it lists that this run did not write
    // are removed afterwards, and the folders that leaves empty. Nothing else is ever removed:
    // a listed path that is absolute or has a ".." is ignored.
    void write_with_manifest(const std::string& dir);

private:
    std::vector<std::pair<std::string, std::string>> files_;
};

// Writes `bytes` to standard output when `file` is empty, else to `file` (temporary file, then rename).
void write_or_print(const std::string& file, std::string bytes, std::ostream& out);

// Refuses an output folder that is an input, holds one, or lies inside an input folder.
void refuse_output_over_inputs(const std::string& out_dir, const std::vector<std::string>& inputs,
                               const std::string& amendments);

// diff_trees over the sections the report names as changed (the site shows only those): the
// result's "before" copies against the amended code.
ChangeSet diff_changed(const ApplyResult& r);

// What the site says about its inputs beyond the report: the proposal's own lines, each section's
// base text (provenance sidecars), and the other documents of the site the index links.
struct SiteInputs {
    Proposal proposal;
    std::vector<std::pair<std::string, BaseText>> base;
    std::vector<std::pair<std::string, std::string>> documents;  // (relative path, link text)
    // The amendment document, when it is one an ordinance can be drafted from: the site then holds
    // ordinance.html and ordinance.md in Chicago's form (what `amend draft` writes), linked first.
    const AmendmentDoc* ordinance_of = nullptr;
    // The index links ordinance.docx, which the caller writes beside the site (pipeline/export.hpp).
    bool ordinance_docx = false;
};

// Adds the static site (index, redlines, side-by-side, consolidated pages) and `changes.json` (the
// `amend diff --format json` change list of the same changes) to the output set.
void add_site(OutputSet& files, const ApplyResult& r, const SiteInputs& in);

}  // namespace amend
