#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <vector>

#include "pipeline/jobs.hpp"
#include "pipeline/output_set.hpp"
#include "model/diagnostic.hpp"
#include "parse/dc_index.hpp"
#include "pipeline/inputs.hpp"

namespace amend {

namespace fs = std::filesystem;

CodeIndex build_dc_index(const std::string& dir) {
    fs::path root(dir);
    for (const char* below : {"us/dc/council/code", "code"})
        if (!fs::exists(root / "titles") && fs::exists(root / below / "titles")) root /= below;
    if (!fs::is_directory(root / "titles"))
        throw InputError(Diagnostic{dir, 0, 0, "expected a D.C. Code folder holding titles/<T>/index.xml", "index.folder", {}});
    std::vector<fs::path> titles;
    for (const auto& e : fs::directory_iterator(root / "titles"))
        if (fs::exists(e.path() / "index.xml")) titles.push_back(e.path() / "index.xml");
    // Title order 1, 2, ..., 28A, ...: the index is the same bytes on every machine.
    std::sort(titles.begin(), titles.end(), [](const fs::path& a, const fs::path& b) {
        std::string x = a.parent_path().filename().string(), y = b.parent_path().filename().string();
        long nx = std::strtol(x.c_str(), nullptr, 10), ny = std::strtol(y.c_str(), nullptr, 10);
        return nx != ny ? nx < ny : x < y;
    });
    CodeIndex ix;
    for (const auto& t : titles) add_dc_title_index(ix, read_file(t.string()), t.string());
    ix.finish();
    return ix;
}

Outcome run_index(const IndexOptions& o, std::ostream& out) {
    if (!o.out_file.empty()) refuse_output_over_inputs(o.out_file, {o.code_dir}, {});
    write_or_print(o.out_file, build_dc_index(o.code_dir).to_tsv(), out);
    return Outcome::ok;
}

}  // namespace amend
