#include "cli/commands.hpp"

namespace amend {

int run_draft(const DraftOptions&, std::ostream&, std::ostream&) {
    throw UsageError("draft: not built yet");
}

}  // namespace amend
