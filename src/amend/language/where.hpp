// Where an action applies within its unit, and how many times: the words after a quoted phrase
// ("each place it appears", "both times it appears", "the second time it appears", "at the end",
// "in its place", "in the section heading"). One rule, used by every action; every word must be
// read, or the first one that could not be is returned.
#pragma once

#include <optional>
#include <string>

namespace amend::language {

struct Where {
    bool in_place = false;   // "in its place", "in lieu thereof"
    bool each = false;       // each place / wherever / both times
    int expect_count = 0;    // 2 for "both times"
    int occurrence = 0;      // "the second time it appears": 2; "the last time": -1
    bool at_end = false;     // "at the end", "at the end thereof"
    bool in_heading = false; // "in the section heading"
    bool in_leadin = false;  // "in the lead-in language": the unit's own words before its parts
    bool in_table = false;   // "in the tabular array": the words of the unit's table
    int table_ordinal = 0;   // "in the second tabular array": 2; "in the last tabular array": -1
    int sentence = 0;        // "in the second sentence": 2; "in the last sentence": -1
    std::string unit;        // "in subsection (a)(1)", "from paragraph (2)": that unit of the one amended
};

struct Unread {
    std::size_t at = 0;      // byte offset in the words given
    std::string words;       // the words from there on
    std::string expected;    // what could have stood there
};

// Reads `words` (quotes masked «n») into `w`; returns what could not be read, if anything.
std::optional<Unread> read_where(const std::string& words, Where& w);

// 1 for "first", ..., 10 for "tenth", -1 for "last"; 0 for any other word.
int ordinal_value(const std::string& word);

// "first" for 1, ..., "tenth" for 10, "last" for -1.
std::string ordinal_word(int n);

}  // namespace amend::language
