#include "cli/commands.hpp"

namespace amend {

int run_apply(const ApplyOptions&, std::ostream&, std::ostream&) {
    throw UsageError("apply: not built yet");
}

}  // namespace amend
