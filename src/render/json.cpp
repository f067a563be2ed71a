// The JSON writer's strings (json.hpp): escaped as nlohmann's dump() escapes them (the library
// amend's JSON used to be written with, and the tests read it with), UTF-8 checked in the same pass
// and refused with nlohmann's message for the same string.
#include "render/json.hpp"

namespace amend::render {

namespace {

const char kHex[] = "0123456789ABCDEF";

std::string hex_byte(unsigned char b) { return {'0', 'x', kHex[b >> 4], kHex[b & 0xF]}; }

[[noreturn]] void refuse(std::size_t at, unsigned char b) {
    throw JsonError("[json.exception.type_error.316] invalid UTF-8 byte at index " + std::to_string(at) + ": " +
                    hex_byte(b));
}

[[noreturn]] void incomplete(unsigned char last) {
    throw JsonError("[json.exception.type_error.316] incomplete UTF-8 string; last byte: " + hex_byte(last));
}

// The end of the well-formed UTF-8 sequence (Unicode table 3-7) that starts with the byte at i, a
// byte of 0x80 or more; else the refusal at the first byte that cannot be part of it, as
// nlohmann's decoder refuses it.
std::size_t sequence_end(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the range of the byte after the first
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        refuse(i, c);
    }
    for (std::size_t k = 1; k < len; ++k) {
        if (i + k >= s.size()) incomplete(static_cast<unsigned char>(s.back()));
        auto b = static_cast<unsigned char>(s[i + k]);
        if (b < lo || b > hi) refuse(i + k, b);
        lo = 0x80;
        hi = 0xBF;
    }
    return i + len;
}

}  // namespace

void JsonWriter::quoted(std::string_view s) {
    buf_ += '"';
    const char* d = s.data();
    std::size_t run = 0;  // start of the bytes not yet copied
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(d[i]);
        if (c >= 0x80) {
            i = sequence_end(s, i);
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        buf_.append(d + run, i - run);
        switch (c) {
            case '"': buf_ += "\\\""; break;
            case '\\': buf_ += "\\\\"; break;
            case '\b': buf_ += "\\b"; break;
            case '\f': buf_ += "\\f"; break;
            case '\n': buf_ += "\\n"; break;
            case '\r': buf_ += "\\r"; break;
            case '\t': buf_ += "\\t"; break;
            default: {
                static const char lower[] = "0123456789abcdef";
                buf_ += "\\u00";
                buf_ += lower[c >> 4];
                buf_ += lower[c & 0xF];
            }
        }
        run = ++i;
    }
    buf_.append(d + run, s.size() - run);
    buf_ += '"';
}

}  // namespace amend::render
