#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <filesystem>

#include "support.hpp"

// doctest's main, then the process's scratch folder goes when every test passed (a failure keeps
// it to look at).
int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    int rc = context.run();
    if (rc == 0 && !context.shouldExit()) {
        std::error_code ec;
        std::filesystem::remove_all(std::string(AMEND_BUILD_DIR) + "/scratch/" + std::to_string(::getpid()), ec);
    }
    return rc;
}
