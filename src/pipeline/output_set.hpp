// Writing outputs safely: everything is prepared in memory first. A new output folder is written
// whole beside its place and renamed into it (a reader sees all of it or none; an error leaves
// nothing); into an existing folder each file is written to a temporary file beside it and
// renamed into place, so a reader never sees a half-written file.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "amend/apply.hpp"
#include "model/provision.hpp"

namespace amend {

class OutputSet {
public:
    void add(std::string relative_path, std::string bytes) { files_.emplace_back(std::move(relative_path), std::move(bytes)); }
    std::size_t size() const { return files_.size(); }
    // Writes every file under `dir` (created if needed). Throws UsageError on an I/O failure.
    void write(const std::string& dir) const;

private:
    std::vector<std::pair<std::string, std::string>> files_;
};

// Writes `bytes` to standard output when `file` is empty, else to `file` (temporary file, then rename).
void write_or_print(const std::string& file, std::string bytes, std::ostream& out);

// Refuses an output folder that is an input, holds one, or lies inside an input folder.
void refuse_output_over_inputs(const std::string& out_dir, const std::vector<std::string>& inputs,
                               const std::string& amendments);

// Adds the static site (index, redlines, side-by-side, consolidated pages) to the output set.
void add_site(OutputSet& files, const Document& before, const Document& after, const ApplyReport& report);

}  // namespace amend
