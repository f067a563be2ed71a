#include <ostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "parse/dc_index.hpp"

namespace amend {

int run_index(const IndexOptions& o, std::ostream& out) {
    if (!o.out_file.empty()) refuse_output_over_inputs(o.out_file, {o.code_dir}, {});
    write_or_print(o.out_file, build_dc_index(o.code_dir).to_tsv(), out);
    return 0;
}

}  // namespace amend
