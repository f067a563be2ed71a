#include "cli/output.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <unistd.h>

#include "cli/commands.hpp"

namespace amend {

namespace fs = std::filesystem;

void OutputSet::write(const std::string& dir) const {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw UsageError("cannot create the output folder " + dir + ": " + ec.message());
    // A site is thousands of small files in a few hundred folders: each folder is created once, and
    // each file written with one open, write and close (no stream buffer).
    fs::path made;  // the last folder created or found
    const std::string suffix = ".tmp-" + std::to_string(::getpid());
    for (const auto& [rel, bytes] : files_) {
        fs::path target = fs::path(dir) / rel;
        fs::path parent = target.parent_path();
        if (parent != made) {
            fs::create_directories(parent, ec);
            if (ec) throw UsageError("cannot create " + parent.string() + ": " + ec.message());
            made = parent;
        }
        fs::path tmp = target;
        tmp += suffix;
        int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (fd < 0) throw UsageError("cannot write " + tmp.string() + ": " + std::strerror(errno));
        const char* p = bytes.data();
        std::size_t left = bytes.size();
        bool ok = true;
        while (left > 0) {
            ssize_t n = ::write(fd, p, left);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                ok = false;
                break;
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        int err = errno;
        ::close(fd);
        if (!ok) {
            fs::remove(tmp, ec);
            throw UsageError("cannot write " + target.string() + ": " + std::strerror(err));
        }
        fs::rename(tmp, target, ec);
        if (ec) {
            fs::remove(tmp, ec);
            throw UsageError("cannot write " + target.string() + ": " + ec.message());
        }
    }
}

void refuse_output_over_inputs(const std::string& out_dir, const std::vector<std::string>& inputs,
                               const std::string& amendments) {
    std::error_code ec;
    fs::path out = fs::weakly_canonical(fs::absolute(out_dir), ec);
    std::vector<std::string> all = inputs;
    all.push_back(amendments);
    for (const auto& in : all) {
        fs::path p = fs::weakly_canonical(fs::absolute(in), ec);
        auto inside = [](const fs::path& a, const fs::path& b) {  // a inside (or equal to) b
            auto ai = a.begin(), bi = b.begin();
            for (; bi != b.end(); ++ai, ++bi)
                if (ai == a.end() || *ai != *bi) return false;
            return true;
        };
        if (inside(out, p) || inside(p, out))
            throw UsageError("the output folder " + out_dir + " overlaps the input " + in + "; choose another folder");
    }
}

}  // namespace amend
