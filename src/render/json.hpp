// amend's one JSON writer: streamed into a string, no tree built. It writes byte for byte what the
// JSON library's dump(N) gives for the same values in the same order (json.cpp names it): N spaces
// per level, "key": value, one member or element per line, empty containers as {} and [], UTF-8
// kept, control characters escaped (\n, \t, ... else \u00XX). A string that is not UTF-8 is
// refused as that library refuses it.
//
//   JsonWriter w;                          // or JsonWriter w(1) for dump(1)
//   w.begin_object();
//   w.member("op", "insert").member("line", 12);
//   w.key("applied").begin_array().value("a").value("b").end_array();
//   w.end_object();
//   out << w.str() << "\n";
//
// The writer places the commas, line breaks and indents; the caller only says what comes next.
#pragma once

#include <charconv>
#include <concepts>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace amend::render {

// A string that is not UTF-8, with the library's message ("[json.exception.type_error.316] invalid
// UTF-8 byte at index 4: 0x28", "... incomplete UTF-8 string; last byte: 0xE2").
class JsonError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class JsonWriter {
public:
    // `indent` spaces per level. `level` is the depth of the outermost value, for a part of a larger
    // document (the diff's sections): that value is indented by it, and what it holds deeper.
    explicit JsonWriter(int indent = 2, int level = 0) : indent_(static_cast<std::size_t>(indent)), level_(static_cast<std::size_t>(level)) {
        open_.reserve(16);
    }

    // A container as the next value: the outermost one, an element of the array open, or the
    // value of the member whose key() came last.
    JsonWriter& begin_object() { return open('{', true); }
    JsonWriter& begin_array() { return open('[', false); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& end_array() { return close(']'); }

    // In an open object: the key of the next member; its value is the next value written.
    JsonWriter& key(std::string_view k) {
        separate();
        quoted(k);
        buf_ += ": ";
        key_ = true;
        return *this;
    }

    JsonWriter& value(std::string_view s) {
        separate();
        quoted(s);
        return *this;
    }
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b) {
        separate();
        buf_ += b ? "true" : "false";
        return *this;
    }
    template <std::integral T>
        requires(!std::same_as<T, bool>)
    JsonWriter& value(T n) {
        separate();
        char digits[24];
        auto r = std::to_chars(digits, digits + sizeof digits, n);
        buf_.append(digits, r.ptr);
        return *this;
    }
    JsonWriter& null() {
        separate();
        buf_ += "null";
        return *this;
    }

    // key(k) and then value(v).
    template <class T>
    JsonWriter& member(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }

    // What has been written so far (containers still open stay open: a head of a document whose
    // rest another writer gives).
    const std::string& str() const { return buf_; }
    std::string take() { return std::move(buf_); }

private:
    struct Open {
        bool object;
        std::size_t count;  // members or elements written so far
    };
    std::string buf_;
    std::vector<Open> open_;
    std::size_t indent_, level_;
    bool key_ = false;  // a key was written, its value not yet

    void indent(std::size_t depth) { buf_.append(depth * indent_, ' '); }

    // What comes before the next value or key: nothing after a key; the comma of the one before
    // it, the line break and the indent in a container; the indent of the outermost value.
    void separate() {
        if (key_) {
            key_ = false;
            return;
        }
        if (open_.empty()) {
            indent(level_);
            return;
        }
        buf_ += open_.back().count++ ? ",\n" : "\n";
        indent(level_ + open_.size());
    }

    JsonWriter& open(char c, bool object) {
        separate();
        buf_ += c;
        open_.push_back({object, 0});
        return *this;
    }

    JsonWriter& close(char c) {
        bool any = open_.back().count != 0;
        open_.pop_back();
        if (any) {
            buf_ += '\n';
            indent(level_ + open_.size());
        }
        buf_ += c;
        return *this;
    }

    // The string quoted and escaped; JsonError when it is not UTF-8.
    void quoted(std::string_view s);
};

}  // namespace amend::render
