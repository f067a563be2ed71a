// Test helpers: paths to the real corpus, running the amend binary.
#pragma once

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace test {

inline std::string source(const std::string& rel) { return std::string(AMEND_SOURCE_DIR) + "/" + rel; }
inline std::string shared(const std::string& rel) { return std::string(AMEND_SHARED_DIR) + "/" + rel; }

// How many times `what` stands in `s` (overlapping counted).
inline std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

inline void spit(const std::string& path, const std::string& bytes) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

struct Run {
    int rc = -1;
    std::string out, err;
};

// Runs the amend binary with `args` (a shell-quoted string), capturing stdout and stderr.
inline Run amend(const std::string& args) {
    static int n = 0;
    std::string base = std::string(AMEND_BUILD_DIR) + "/test-run-" + std::to_string(::getpid()) + "-" + std::to_string(n++);
    std::string cmd = std::string(AMEND_BINARY) + " " + args + " >" + base + ".out 2>" + base + ".err </dev/null";
    int status = std::system(cmd.c_str());
    Run r;
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(base + ".out");
    r.err = slurp(base + ".err");
    std::filesystem::remove(base + ".out");
    std::filesystem::remove(base + ".err");
    return r;
}

// An archive of ../shared/corpus ("corpus/dc-code.tar.xz") extracted once into the build tree under
// `into`; a marker file written last says the extraction is whole. Returns the folder.
inline std::string extracted(const std::string& archive, const std::string& into) {
    std::string d = std::string(AMEND_BUILD_DIR) + "/" + into;
    if (!std::filesystem::exists(d + "/.complete")) {
        std::filesystem::remove_all(d);
        std::filesystem::create_directories(d);
        std::string cmd = "tar -xJf '" + shared(archive) + "' -C '" + d + "'";
        if (std::system(cmd.c_str()) != 0) return "";
        spit(d + "/.complete", "");
    }
    return d;
}

// The D.C. dev cases (corpus/dc-cases-dev.tar.xz) extracted under `into` (each test process that
// runs them at the same time as another has a folder of its own): the cases' folder, and the case
// names in byte order.
struct DcCases {
    std::string dir;
    std::vector<std::string> ids;
};
inline DcCases dc_cases(const std::string& into) {
    DcCases c;
    std::string root = extracted("corpus/dc-cases-dev.tar.xz", into);
    if (root.empty()) return c;
    c.dir = root + "/dc-cases-dev";
    for (const auto& e : std::filesystem::directory_iterator(c.dir))
        if (e.is_directory()) c.ids.push_back(e.path().filename().string());
    std::sort(c.ids.begin(), c.ids.end());
    return c;
}

// A scratch folder under the build tree, emptied first; one tree per test process, since ctest
// runs several at once.
inline std::string scratch(const std::string& name) {
    std::string p = std::string(AMEND_BUILD_DIR) + "/scratch/" + std::to_string(::getpid()) + "/" + name;
    std::filesystem::remove_all(p);
    std::filesystem::create_directories(p);
    return p;
}

// Headless Chromium (Debian's package), or "" when it is not installed.
inline std::string chromium() {
    for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
        if (std::filesystem::exists(p)) return p;
    return "";
}

// Runs headless Chromium on `args` (e.g. "--dump-dom file://..."), its standard output to `out`,
// with a fresh profile. A browser that fails to start (it happens on a loaded machine) is tried
// twice more, and so is one that printed no page for --dump-dom (seen on a loaded machine); what
// the page holds is checked by the caller, never retried into a pass.
inline int run_chromium(const std::string& args, const std::string& out) {
    int rc = -1;
    auto dumped = [&] {  // --dump-dom printed a whole page
        return args.find("--dump-dom") == std::string::npos || slurp(out).find("</html>") != std::string::npos;
    };
    for (int attempt = 0; attempt < 3 && (rc != 0 || !dumped()); ++attempt) {
        std::string profile = scratch("chromium-profile");
        std::string cmd = chromium() +
                          " --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
                          " --disable-component-update --disable-sync --user-data-dir=" + profile + " " + args + " >" + out +
                          " 2>/dev/null </dev/null";
        rc = std::system(cmd.c_str());
    }
    return rc;
}

}  // namespace test
