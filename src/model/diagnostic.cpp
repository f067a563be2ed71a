#include "model/diagnostic.hpp"

#include <cstdint>
#include <cstring>

#include <algorithm>

namespace amend {

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

std::string format_headline(const Diagnostic& d) {
    std::string s = d.file;
    if (d.line > 0) {
        s += ":" + std::to_string(d.line);
        if (d.col > 0) s += ":" + std::to_string(d.col);
    }
    if (!s.empty()) s += ": ";
    s += std::string(severity_name(d.severity)) + ": " + d.message;
    if (!d.code.empty()) s += " [" + d.code + "]";
    return s;
}

std::string format_full(const Diagnostic& d) {
    std::string s = format_headline(d) + "\n";
    if (!d.source_line.empty()) {
        s += "  " + d.source_line + "\n";
        if (d.col > 0) s += "  " + std::string(static_cast<std::size_t>(d.col - 1), ' ') + "^\n";
    }
    return s;
}

static std::string join_headlines(const std::vector<Diagnostic>& ds) {
    std::string s;
    for (const auto& d : ds) {
        if (!s.empty()) s += "\n";
        s += format_headline(d);
    }
    return s;
}

InputError::InputError(Diagnostic d) : InputError(std::vector<Diagnostic>{std::move(d)}) {}
InputError::InputError(std::vector<Diagnostic> ds)
    : std::runtime_error(join_headlines(ds)), diags_(std::move(ds)) {}

LineIndex::LineIndex(const std::string& text) : text_(&text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts_.push_back(i + 1);
}

std::pair<int, int> LineIndex::locate(std::size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
    std::size_t col = offset - starts_[line - 1] + 1;
    return {static_cast<int>(line), static_cast<int>(col)};
}

std::string LineIndex::line_text(int line) const {
    if (line < 1 || static_cast<std::size_t>(line) > starts_.size()) return {};
    std::size_t b = starts_[static_cast<std::size_t>(line - 1)];
    std::size_t e = text_->find('\n', b);
    if (e == std::string::npos) e = text_->size();
    if (e > b && (*text_)[e - 1] == '\r') --e;
    return text_->substr(b, e - b);
}

void require_utf8(const std::string& s, const std::string& file) {
    std::size_t i = 0, n = s.size();
    while (i < n) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        unsigned min = 0;
        if (c < 0x80) {
            // ASCII runs eight bytes at a time.
            ++i;
            while (i + 8 <= n) {
                std::uint64_t w;
                std::memcpy(&w, s.data() + i, 8);
                if (w & 0x8080808080808080ull) break;
                i += 8;
            }
            continue;
        }
        if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
        bool ok = len != 0 && i + len <= n;
        unsigned cp = ok ? (c & (0x7Fu >> len)) : 0;
        for (std::size_t k = 1; ok && k < len; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) ok = false;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
        if (!ok) {
            LineIndex idx(s);
            auto [line, col] = idx.locate(i);
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", c);
            throw InputError(Diagnostic{file, line, col,
                                        "invalid UTF-8 (byte " + std::string(hex) + " at offset " +
                                            std::to_string(i) + ")",
                                        "input.utf8", ""});
        }
        i += len;
    }
}

}  // namespace amend
