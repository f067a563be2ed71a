// The one adapter to Boost.Regex: every match, search, replacement and scan of amend's patterns
// goes through these functions, which turn Boost's giving up on a runaway match (its stack or
// complexity limits) into rx::Runaway. Whoever reads a line or applies an instruction catches it
// and reports a diagnostic at that place, so a pathological input is an error at its line, never
// an internal error (exit 3). No other file includes <boost/regex.hpp>.
#pragma once

#include <boost/regex.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace amend::rx {

using Regex = boost::regex;
using Match = boost::smatch;
using SubMatch = boost::ssub_match;
using Iter = std::string::const_iterator;

// Flags: Perl syntax, case-insensitive; a match that must start where the search starts.
inline constexpr auto perl = boost::regex::perl;
inline constexpr auto icase = boost::regex::perl | boost::regex::icase;
inline constexpr auto continuous = boost::match_continuous;

// Boost.Regex gave up: the text is too complex for the pattern (what() says which limit).
class Runaway : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

namespace detail {
template <class F>
auto guarded(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const std::runtime_error& e) {  // boost::regex_error, and Boost's "ran out of stack space"
        throw Runaway(e.what());
    }
}
}  // namespace detail

// The whole of `s` (or [b, e)) matches `re`.
inline bool match(const std::string& s, const Regex& re) {
    return detail::guarded([&] { return boost::regex_match(s, re); });
}
inline bool match(const std::string& s, Match& m, const Regex& re) {
    return detail::guarded([&] { return boost::regex_match(s, m, re); });
}
bool match(std::string&&, Match&, const Regex&) = delete;  // the match would point into a temporary
inline bool match(Iter b, Iter e, Match& m, const Regex& re) {
    return detail::guarded([&] { return boost::regex_match(b, e, m, re); });
}

// Some part of `s` (or [b, e)) matches `re`.
inline bool search(const std::string& s, const Regex& re) {
    return detail::guarded([&] { return boost::regex_search(s, re); });
}
inline bool search(const std::string& s, Match& m, const Regex& re,
                   boost::regex_constants::match_flag_type flags = boost::match_default) {
    return detail::guarded([&] { return boost::regex_search(s, m, re, flags); });
}
bool search(std::string&&, Match&, const Regex&) = delete;
inline bool search(Iter b, Iter e, const Regex& re) {
    return detail::guarded([&] { return boost::regex_search(b, e, re); });
}
inline bool search(Iter b, Iter e, Match& m, const Regex& re,
                   boost::regex_constants::match_flag_type flags = boost::match_default) {
    return detail::guarded([&] { return boost::regex_search(b, e, m, re, flags); });
}

// `s` with every match of `re` replaced by `fmt` ($1, $&: Perl format) or by what `f(match)` gives
// (`f` must not throw: a runtime_error from it would be taken for Boost's).
inline std::string replace(const std::string& s, const Regex& re, const std::string& fmt) {
    return detail::guarded([&] { return boost::regex_replace(s, re, fmt); });
}
template <class F>
std::string replace_with(const std::string& s, const Regex& re, F&& f) {
    return detail::guarded([&] { return boost::regex_replace(s, re, std::forward<F>(f)); });
}

// Every match of `re` in [b, e), in order, not overlapping (the string must outlive them).
inline std::vector<Match> all(Iter b, Iter e, const Regex& re) {
    return detail::guarded([&] {
        std::vector<Match> out;
        for (boost::sregex_iterator it(b, e, re), end; it != end; ++it) out.push_back(*it);
        return out;
    });
}
inline std::vector<Match> all(const std::string& s, const Regex& re) { return all(s.begin(), s.end(), re); }
std::vector<Match> all(std::string&&, const Regex&) = delete;

// The pieces of `s` between the matches of `re`.
inline std::vector<std::string> split(const std::string& s, const Regex& re) {
    return detail::guarded([&] {
        std::vector<std::string> out;
        for (boost::sregex_token_iterator it(s.begin(), s.end(), re, -1), end; it != end; ++it) out.push_back(*it);
        return out;
    });
}

}  // namespace amend::rx
