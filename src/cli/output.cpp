#include "cli/output.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "cli/commands.hpp"

namespace amend {

namespace fs = std::filesystem;

void OutputSet::write(const std::string& dir) const {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw UsageError("cannot create the output folder " + dir + ": " + ec.message());
    for (const auto& [rel, bytes] : files_) {
        fs::path target = fs::path(dir) / rel;
        fs::create_directories(target.parent_path(), ec);
        if (ec) throw UsageError("cannot create " + target.parent_path().string() + ": " + ec.message());
        fs::path tmp = target;
        tmp += ".tmp-" + std::to_string(::getpid());
        {
            std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
            if (!f) throw UsageError("cannot write " + tmp.string() + ": " + std::strerror(errno));
            f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            f.flush();
            if (!f) {
                fs::remove(tmp, ec);
                throw UsageError("cannot write " + target.string() + ": " + std::strerror(errno));
            }
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
