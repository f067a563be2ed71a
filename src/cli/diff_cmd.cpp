#include "cli/commands.hpp"

namespace amend {

int run_diff(const DiffOptions&, std::ostream&) {
    throw UsageError("diff: not built yet");
}

}  // namespace amend
