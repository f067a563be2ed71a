#include "parse/load.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "model/diagnostic.hpp"
#include "parse/dc_xml.hpp"
#include "parse/text_layout.hpp"

namespace amend {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw InputError(Diagnostic{path, 0, 0, "expected a file, found a folder", "io.read", ""});
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(Diagnostic{path, 0, 0, std::string("cannot read: ") + std::strerror(errno), "io.read", ""});
    std::string s;
    in.seekg(0, std::ios::end);
    auto size = in.tellg();
    if (size > 0) {
        s.resize(static_cast<std::size_t>(size));
        in.seekg(0);
        in.read(s.data(), size);
    }
    return s;
}

static bool has_ext(const std::string& p, const char* ext) {
    std::size_t n = std::strlen(ext);
    return p.size() >= n && p.compare(p.size() - n, n, ext) == 0;
}

std::vector<std::string> list_inputs(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw InputError(Diagnostic{path, 0, 0, "no such file or folder", "io.read", ""});
    if (!fs::is_directory(path, ec)) return {path};
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (!it->is_regular_file(ec)) continue;
        std::string p = it->path().string();
        std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        if (has_ext(p, ".xml") || has_ext(p, ".txt")) {
            if (name == "index.xml") continue;
            files.push_back(p);
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

Document load_code(const std::vector<std::string>& paths) {
    Document doc;
    std::vector<Diagnostic> errors;
    for (const auto& p : paths) {
        for (const auto& f : list_inputs(p)) {
            std::string bytes = read_file(f);
            try {
                if (has_ext(f, ".xml")) read_dc_xml(bytes, f, doc);
                else read_text(bytes, f, doc);
            } catch (const InputError& e) {
                for (const auto& d : e.diagnostics()) errors.push_back(d);
                if (errors.size() >= 20) throw InputError(errors);
            }
        }
    }
    if (!errors.empty()) throw InputError(errors);
    return doc;
}

}  // namespace amend
