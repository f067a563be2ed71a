#include "pipeline/inputs.hpp"

#include <algorithm>
#include <exception>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "model/diagnostic.hpp"
#include "model/parallel.hpp"
#include "parse/markdown.hpp"
#include "docx/reader.hpp"
#include "parse/dc_instruction.hpp"
#include "parse/dc_law.hpp"
#include "parse/dc_xml.hpp"
#include "parse/text_layout.hpp"

namespace amend {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw InputError(Diagnostic{path, 0, 0, "expected a file, found a folder", "io.read", ""});
    // A regular file's size is known before reading: refuse a huge one at once. Anything else
    // (a pipe, a device) is checked as it is read.
    if (fs::is_regular_file(path, ec)) {
        auto size = fs::file_size(path, ec);
        if (!ec && size > kMaxFileBytes)
            throw InputError(Diagnostic{path, 0, 0,
                                        "file of " + std::to_string(size) + " bytes is larger than the limit of " +
                                            std::to_string(kMaxFileBytes) + " bytes (256 MiB)",
                                        "io.too-large", ""});
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(Diagnostic{path, 0, 0, std::string("cannot read: ") + std::strerror(errno), "io.read", ""});
    std::string s;
    // A regular file is read into a buffer of its own size (no regrowth: a whole code is read
    // without holding it twice); a pipe grows by chunks.
    if (fs::is_regular_file(path, ec)) {
        auto size = fs::file_size(path, ec);
        if (!ec) s.reserve(static_cast<std::size_t>(size) + 1);
    }
    std::size_t line = 1, line_start = 0;  // the current line and the offset where it starts
    constexpr std::size_t kChunk = std::size_t{1} << 20;
    while (in) {
        std::size_t at = s.size();
        std::size_t want = s.capacity() > at ? std::min(kChunk, s.capacity() - at) : kChunk;
        s.resize(at + want);
        in.read(s.data() + at, static_cast<std::streamsize>(want));
        s.resize(at + static_cast<std::size_t>(in.gcount()));
        if (in.bad())
            throw InputError(Diagnostic{path, 0, 0, std::string("cannot read: ") + std::strerror(errno), "io.read", ""});
        for (const char* p = s.data() + at; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(s.data() + s.size() - p))));) {
            ++line;
            line_start = static_cast<std::size_t>(p - s.data()) + 1;
            ++p;
        }
        if (s.size() - line_start > kMaxLineBytes)
            throw InputError(Diagnostic{path, static_cast<int>(line), static_cast<int>(kMaxLineBytes + 1),
                                        "line longer than the limit of " + std::to_string(kMaxLineBytes) +
                                            " bytes (16 MiB); is this a text or XML file?",
                                        "io.line-too-long", ""});
        if (s.size() > kMaxFileBytes)
            throw InputError(Diagnostic{path, 0, 0,
                                        "file larger than the limit of " + std::to_string(kMaxFileBytes) +
                                            " bytes (256 MiB)",
                                        "io.too-large", ""});
    }
    if (s.capacity() - s.size() > kChunk) s.shrink_to_fit();
    return s;
}

AmendmentDoc read_amendment_file(const std::string& path) {
    std::string bytes = read_file(path);
    // Word: read into the same items (docx/reader.hpp).
    if (docx::is_zip(bytes) || (path.size() >= 5 && path.compare(path.size() - 5, 5, ".docx") == 0) ||
        (path.size() >= 5 && path.compare(path.size() - 5, 5, ".docm") == 0))
        return docx::read_docx_amendment(bytes, path);
    if (path.size() >= 4 && path.compare(path.size() - 4, 4, ".xml") == 0)
        return is_dc_law(bytes) ? read_dc_law(bytes, path) : read_dc_instruction(bytes, path);
    return read_markdown_amendment(bytes, path);
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
    // A folder with no code in it is a wrong path, never a code of no sections: applying to it
    // would skip every instruction as "not in the code given" and still succeed.
    if (files.empty())
        throw InputError(Diagnostic{path, 0, 0, "expected code files (.txt or .xml) in this folder; it holds none", "io.empty-folder", ""});
    return files;
}

namespace {

void shift_files(Provision& p, std::uint32_t by) {
    p.span.file += by;
    for (auto& c : p.children) shift_files(c, by);
}

}  // namespace

Document load_code(const std::vector<std::string>& paths) {
    std::vector<std::string> files;
    for (const auto& p : paths)
        for (auto& f : list_inputs(p)) files.push_back(std::move(f));
    // Each file on its own (a D.C. Code folder is thousands of one-section files), on every core;
    // then joined in order, with the errors of the files in order as reading them one by one
    // gives them (it stops once 20 are found).
    std::vector<Document> docs(files.size());
    std::vector<std::vector<Diagnostic>> errs(files.size());
    std::vector<std::exception_ptr> unreadable(files.size());  // a file that cannot be read stops all
    parallel_for(files.size(), [&](std::size_t i) {
        const std::string& f = files[i];
        std::string bytes;
        try {
            bytes = read_file(f);
        } catch (const InputError&) {
            unreadable[i] = std::current_exception();
            return;
        }
        try {
            if (has_ext(f, ".xml")) read_dc_xml(bytes, f, docs[i]);
            else read_text_parallel(bytes, f, docs[i]);
            for (auto& top : docs[i].root.children) shrink_to_fit(top);
        } catch (const InputError& e) {
            errs[i] = e.diagnostics();
        }
    });
    Document doc;
    std::vector<Diagnostic> errors;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (unreadable[i]) std::rethrow_exception(unreadable[i]);
        if (!errs[i].empty()) {
            errors.insert(errors.end(), errs[i].begin(), errs[i].end());
            if (errors.size() >= 20) throw InputError(errors);
            continue;
        }
        if (!errors.empty()) continue;
        auto base = static_cast<std::uint32_t>(doc.files.size());
        for (auto& fact : docs[i].files) doc.files.push_back(std::move(fact));
        for (auto& top : docs[i].root.children) {
            if (base) shift_files(top, base);
            doc.root.children.push_back(std::move(top));
        }
    }
    if (!errors.empty()) throw InputError(errors);
    doc.root.children.shrink_to_fit();
    return doc;
}

}  // namespace amend
