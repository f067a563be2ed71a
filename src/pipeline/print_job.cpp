// PDF: amend's HTML page printed by headless Chromium. The page and the PDF pass through a
// temporary folder, removed after; the browser runs in its own process group, ended whole if it
// hangs. What the page and the command are, and the PDF's fixed dates, are the print module's.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>
#include <vector>

#include "pipeline/export.hpp"
#include "print/pdf.hpp"

extern char** environ;

namespace amend {

namespace fs = std::filesystem;

namespace {

// Runs argv, its output thrown away, waiting at most `limit`; true when it exited 0.
bool run(const std::vector<std::string>& args, std::chrono::seconds limit) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);  // its own group, so that a hang can be ended whole
    posix_spawnattr_setpgroup(&at, 0);
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, argv[0], &fa, &at, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    if (rc != 0) return false;
    auto until = std::chrono::steady_clock::now() + limit;
    int status = 0;
    for (;;) {
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid) break;
        if (w < 0) return false;
        if (std::chrono::steady_clock::now() > until) {
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

std::string html_to_pdf(const std::string& html, const std::string& header) {
    const char* env = std::getenv("AMEND_CHROMIUM");
    std::string chromium = env && *env ? env : "chromium";
    std::string tmpl = (fs::temp_directory_path() / "amend-pdf-XXXXXX").string();
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    if (!mkdtemp(name.data())) throw std::runtime_error("pdf: cannot make a temporary folder");
    fs::path dir = name.data();
    struct Cleanup {
        fs::path d;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(d, ec);
        }
    } cleanup{dir};
    fs::path page = dir / "page.html", out = dir / "page.pdf";
    {
        std::ofstream f(page, std::ios::binary);
        f << print::with_print_rules(html, header);
        if (!f) throw std::runtime_error("pdf: cannot write " + page.string());
    }
    auto args = print::chromium_print_command(chromium, page.string(), out.string(), (dir / "profile").string());
    // A browser that fails to start (it happens on a loaded machine) is tried twice more.
    bool printed = false;
    for (int attempt = 0; attempt < 3 && !printed; ++attempt) printed = run(args, std::chrono::seconds(120)) && fs::exists(out);
    if (!printed) throw std::runtime_error("pdf: " + chromium + " did not print the page (is Chromium installed?)");
    std::ifstream f(out, std::ios::binary);
    std::string pdf((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    if (pdf.compare(0, 5, "%PDF-") != 0) throw std::runtime_error("pdf: " + chromium + " wrote no PDF");
    return print::with_fixed_dates(std::move(pdf));
}

}  // namespace amend
