#include "print/pdf.hpp"

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

extern char** environ;

namespace amend::print {

namespace fs = std::filesystem;

namespace {

// A CSS string literal: quotes, backslashes and anything that could end the <style> escaped.
std::string css_string(const std::string& s) {
    std::string out = "\"";
    for (char ch : s) {
        auto u = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\' || ch == '<' || ch == '>' || ch == '&' || u < 0x20 || u == 0x7f) {
            const char* hex = "0123456789abcdef";
            out += '\\';
            if (u >= 16) out += hex[u >> 4];
            out += hex[u & 15];
            out += ' ';
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

// Runs argv, waiting at most `limit`; true when it exited 0.
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

// Chromium dates its PDFs by the clock ("/CreationDate (D:20261202...)"); the dates are set to
// 1980-01-01 in place, keeping every byte offset the PDF's cross-reference table holds.
void fix_dates(std::string& pdf) {
    for (const char* key : {"/CreationDate (D:", "/ModDate (D:"}) {
        std::string k = key;
        for (std::size_t at = pdf.find(k); at != std::string::npos; at = pdf.find(k, at + 1)) {
            std::size_t b = at + k.size(), e = pdf.find(')', b);
            if (e == std::string::npos) break;
            // Skia writes "YYYYMMDDHHmmSS+00'00'"; any other form is left as it is.
            const std::string fixed = "19800101000000+00'00'";
            if (e - b == fixed.size()) pdf.replace(b, fixed.size(), fixed);
        }
    }
}

}  // namespace

std::string with_print_rules(const std::string& html, const std::string& header) {
    std::string rules = "<style media=\"print\">\n@page{size:letter;margin:0.9in 0.85in 0.9in 0.85in;"
                        "@top-left{content:" + css_string(header) + ";font:9pt Georgia,serif;color:#333}"
                        "@bottom-center{content:\"Page \" counter(page) \" of \" counter(pages);font:9pt Georgia,serif}}\n"
                        "</style>\n";
    std::size_t at = html.find("</head>");
    if (at == std::string::npos) return rules + html;
    return html.substr(0, at) + rules + html.substr(at);
}

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
        f << with_print_rules(html, header);
        if (!f) throw std::runtime_error("pdf: cannot write " + page.string());
    }
    std::vector<std::string> args = {chromium,
                                     "--headless",
                                     "--no-sandbox",
                                     "--disable-gpu",
                                     "--no-first-run",
                                     "--disable-background-networking",
                                     "--user-data-dir=" + (dir / "profile").string(),
                                     "--no-pdf-header-footer",
                                     "--print-to-pdf=" + out.string(),
                                     "file://" + page.string()};
    // A browser that fails to start (it happens on a loaded machine) is tried twice more.
    bool printed = false;
    for (int attempt = 0; attempt < 3 && !printed; ++attempt) printed = run(args, std::chrono::seconds(120)) && fs::exists(out);
    if (!printed)
        throw std::runtime_error("pdf: " + chromium + " did not print the page (is Chromium installed?)");
    std::ifstream f(out, std::ios::binary);
    std::string pdf((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    if (pdf.compare(0, 5, "%PDF-") != 0) throw std::runtime_error("pdf: " + chromium + " wrote no PDF");
    fix_dates(pdf);
    return pdf;
}

}  // namespace amend::print
