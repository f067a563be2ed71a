#pragma once

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace amend {

// A command used wrongly (an unknown citation given to --at, an output path that is an input).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct ShowOptions {
    std::vector<std::string> paths;
    std::string at;
    std::string format = "outline";
};

int run_show(const ShowOptions& o, std::ostream& out);

}  // namespace amend
