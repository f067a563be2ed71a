#include "pipeline/output_set.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <unistd.h>

#include "pipeline/jobs.hpp"
#include "model/parallel.hpp"

namespace amend {

namespace fs = std::filesystem;

namespace {

// Writes `bytes` to `path` with one open, write and close (no stream buffer); false with errno set
// when it cannot.
bool write_bytes(const fs::path& path, const std::string& bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) return false;
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
    if (::close(fd) != 0 && ok) return false;
    errno = err;
    return ok;
}

}  // namespace

void OutputSet::write(const std::string& dir) const {
    std::error_code ec;
    const std::string suffix = ".tmp-" + std::to_string(::getpid());
    // A site is thousands of small files in a few hundred folders: each folder is created once.
    auto write_all = [&](const fs::path& root, bool each_by_rename) {
        // Folders first, each once, in order; then the files.
        fs::path made;  // the last folder created or found
        for (const auto& f : files_) {
            fs::path parent = (root / f.first).parent_path();
            if (parent == made) continue;
            fs::create_directories(parent, ec);
            if (ec) throw UsageError("cannot create " + parent.string() + ": " + ec.message());
            made = parent;
        }
        auto one = [&](std::size_t k) {
            const auto& [rel, bytes] = files_[k];
            std::error_code fec;
            fs::path target = root / rel;
            fs::path tmp = target;
            if (each_by_rename) tmp += suffix;
            if (!write_bytes(tmp, bytes)) {
                int err = errno;
                fs::remove(tmp, fec);
                throw UsageError("cannot write " + target.string() + ": " + std::strerror(err));
            }
            if (!each_by_rename) return;
            fs::rename(tmp, target, fec);
            if (fec) {
                fs::remove(tmp, fec);
                throw UsageError("cannot write " + target.string() + ": " + fec.message());
            }
        };
        // A staging folder on every core (an error discards it whole); an existing folder in
        // order, so that an error stops the replacing at a known file.
        if (each_by_rename)
            for (std::size_t k = 0; k < files_.size(); ++k) one(k);
        else
            parallel_for(files_.size(), one);
    };
    fs::path out = fs::path(dir);
    if (!fs::exists(out, ec)) {
        // A new folder: everything is written into a folder beside it, which is then renamed into
        // place at once; on any error nothing of it is left.
        fs::path parent = fs::absolute(out, ec).parent_path();
        fs::create_directories(parent, ec);
        if (ec) throw UsageError("cannot create the output folder " + dir + ": " + ec.message());
        fs::path staging = fs::absolute(out, ec);
        staging += suffix;
        fs::remove_all(staging, ec);
        fs::create_directory(staging, ec);
        if (ec) throw UsageError("cannot create the output folder " + dir + ": " + ec.message());
        try {
            write_all(staging, false);
        } catch (...) {
            fs::remove_all(staging, ec);
            throw;
        }
        fs::rename(staging, out, ec);
        if (!ec) return;
        fs::remove_all(staging, ec);
        throw UsageError("cannot create the output folder " + dir + ": " + ec.message());
    }
    // An existing folder: each file is written beside its place and renamed into it.
    fs::create_directories(dir, ec);
    if (ec) throw UsageError("cannot create the output folder " + dir + ": " + ec.message());
    write_all(out, true);
}

void write_or_print(const std::string& file, std::string bytes, std::ostream& out) {
    if (file.empty()) {
        out << bytes;
        return;
    }
    fs::path target(file);
    OutputSet files;
    files.add(target.filename().string(), std::move(bytes));
    files.write(target.has_parent_path() ? target.parent_path().string() : ".");
}

void refuse_output_over_inputs(const std::string& out_dir, const std::vector<std::string>& inputs,
                               const std::string& amendments) {
    std::error_code ec;
    fs::path out = fs::weakly_canonical(fs::absolute(out_dir), ec);
    std::vector<std::string> all = inputs;
    all.push_back(amendments);
    for (const auto& in : all) {
        if (in.empty()) continue;
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
