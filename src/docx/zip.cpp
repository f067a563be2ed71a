#include "docx/zip.hpp"

#include <zip.h>

#include <memory>

#include "model/diagnostic.hpp"

namespace amend::docx {

namespace {

[[noreturn]] void fail(const std::string& file, const std::string& what) {
    throw InputError(Diagnostic{file, 0, 0, what, "docx.zip", ""});
}

struct ArchiveCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

bool unsafe_name(const std::string& name) {
    if (name.empty() || name[0] == '/' || name[0] == '\\' || name.find('\0') != std::string::npos) return true;
    if (name.size() > 1 && name[1] == ':') return true;  // "C:..."
    std::size_t i = 0;
    while (i <= name.size()) {
        std::size_t e = name.find_first_of("/\\", i);
        if (e == std::string::npos) e = name.size();
        if (name.compare(i, e - i, "..") == 0 && e - i == 2) return true;
        i = e + 1;
    }
    return false;
}

}  // namespace

std::string write_zip(const Entries& entries) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    if (!src) throw std::runtime_error("zip: cannot create a buffer");
    zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    if (!za) {
        zip_source_free(src);
        throw std::runtime_error("zip: cannot open a buffer");
    }
    zip_source_keep(src);  // read back after zip_close
    auto failed = [&](const char* what) {
        std::string msg = std::string("zip: ") + what + ": " + zip_strerror(za);
        zip_discard(za);
        zip_source_free(src);
        throw std::runtime_error(msg);
    };
    for (const auto& [name, bytes] : entries) {
        zip_source_t* s = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
        if (!s) failed("source");
        zip_int64_t idx = zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(s);
            failed("add");
        }
        auto i = static_cast<zip_uint64_t>(idx);
        // 1980-01-01 00:00: DOS date (year-1980)<<9 | month<<5 | day, time 0. Never the clock.
        if (zip_file_set_dostime(za, i, 0, (1 << 5) | 1, 0) < 0) failed("time");
        if (zip_set_file_compression(za, i, ZIP_CM_DEFLATE, 9) < 0) failed("compression");
    }
    if (zip_close(za) < 0) failed("close");
    std::string out;
    if (zip_source_open(src) < 0) {
        zip_source_free(src);
        throw std::runtime_error("zip: cannot read the buffer back");
    }
    char buf[1 << 16];
    for (;;) {
        zip_int64_t n = zip_source_read(src, buf, sizeof buf);
        if (n < 0) {
            zip_source_close(src);
            zip_source_free(src);
            throw std::runtime_error("zip: cannot read the buffer back");
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    zip_source_close(src);
    zip_source_free(src);
    return out;
}

Entries read_zip(const std::string& bytes, const std::string& file, const ZipLimits& limits) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (!src) fail(file, "cannot read the file as a zip package");
    std::unique_ptr<zip_t, ArchiveCloser> za(zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err));
    if (!za) {
        zip_source_free(src);
        std::string why = zip_error_strerror(&err);
        zip_error_fini(&err);
        fail(file, "not a readable .docx: the zip package is corrupt or truncated (" + why + ")");
    }
    zip_int64_t n = zip_get_num_entries(za.get(), 0);
    if (n < 0 || static_cast<std::size_t>(n) > limits.max_entries)
        fail(file, "the zip package holds " + std::to_string(n) + " entries, more than the " +
                       std::to_string(limits.max_entries) + " allowed");
    Entries out;
    std::size_t total = 0;
    std::string buf(1 << 16, '\0');
    for (zip_int64_t k = 0; k < n; ++k) {
        auto i = static_cast<zip_uint64_t>(k);
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(za.get(), i, 0, &st) < 0 || !(st.valid & ZIP_STAT_NAME))
            fail(file, "the zip package is corrupt (entry " + std::to_string(k) + " cannot be read)");
        std::string name = st.name;
        if (unsafe_name(name)) fail(file, "the zip package has an entry named \"" + name + "\", outside the package");
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            fail(file, "the zip package's entry \"" + name + "\" is encrypted");
        if (!name.empty() && name.back() == '/') continue;  // a folder
        std::unique_ptr<zip_file_t, FileCloser> f(zip_fopen_index(za.get(), i, 0));
        if (!f) fail(file, "the zip package's entry \"" + name + "\" cannot be unpacked (" + zip_strerror(za.get()) + ")");
        std::string data;
        // The sizes the package declares are not trusted: unpack, and stop at the limit.
        for (;;) {
            zip_int64_t got = zip_fread(f.get(), buf.data(), buf.size());
            if (got < 0)
                fail(file, "the zip package's entry \"" + name + "\" is corrupt (" + zip_file_strerror(f.get()) + ")");
            if (got == 0) break;
            auto g = static_cast<std::size_t>(got);
            total += g;
            if (data.size() + g > limits.max_entry_bytes)
                fail(file, "the zip package's entry \"" + name + "\" unpacks to more than " +
                               std::to_string(limits.max_entry_bytes >> 20) + " MiB (a zip bomb?)");
            if (total > limits.max_total_bytes)
                fail(file, "the zip package unpacks to more than " + std::to_string(limits.max_total_bytes >> 20) +
                               " MiB (a zip bomb?)");
            data.append(buf.data(), g);
        }
        out.emplace_back(std::move(name), std::move(data));
    }
    return out;
}

}  // namespace amend::docx
