// A plain main() for a fuzz target built without libFuzzer (g++): runs every file of the folders
// (or files) given on the command line, printing each name first so that a crash names its input.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        std::error_code ec;
        if (fs::is_directory(argv[i], ec)) {
            for (const auto& e : fs::recursive_directory_iterator(argv[i]))
                if (e.is_regular_file() && e.path().filename().string()[0] != '.') files.push_back(e.path().string());
        } else if (fs::exists(argv[i], ec)) {
            files.push_back(argv[i]);
        }
    }
    std::sort(files.begin(), files.end());
    std::size_t known = 0;
    for (const auto& f : files) {
        std::fprintf(stderr, "replay %s\n", f.c_str());
        std::ifstream in(f, std::ios::binary);
        std::ostringstream os;
        os << in.rdbuf();
        std::string bytes = os.str();
        // A regression named known-*: a bug reported to the module that owns it and not fixed yet.
        // An exception from it is reported, not fatal; once it passes, the file should be renamed.
        if (fs::path(f).filename().string().rfind("known-", 0) == 0) {
            try {
                LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
                std::fprintf(stderr, "  known bug no longer reproduces: rename %s without \"known-\"\n", f.c_str());
            } catch (const std::exception& e) {
                std::fprintf(stderr, "  known bug still present: %s\n", e.what());
                ++known;
            }
            continue;
        }
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::printf("%zu input(s) replayed, %zu known bug(s) still present\n", files.size(), known);
    return 0;
}
