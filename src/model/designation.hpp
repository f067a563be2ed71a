// Designations and the designation ladder: (a) > (1) > (A) > (i) > (I) in Chicago and D.C.
#pragma once

#include <optional>
#include <utility>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace amend {

enum class NumberStyle { LowerAlpha, Arabic, UpperAlpha, LowerRoman, UpperRoman, Other };

const char* style_name(NumberStyle s);

// A jurisdiction's ladder: the style expected at each depth below a section (depth 1 first).
struct Ladder {
    std::vector<NumberStyle> levels;
    static const Ladder& chicago_dc();  // (a) (1) (A) (i) (I)
    std::optional<NumberStyle> at_depth(int depth) const;  // 1-based; nullopt past the end
};

// "(c)" → "c", "(a-1)" → "a-1", "2-173-042" → "2-173-042" (bluebell's clean_num: outer
// punctuation stripped, case kept).
std::string clean_num(std::string_view designation);

// The style of a designation's inner text ("c", "ii", "1A"), decided by position in the ladder
// and by sequence, never in isolation: "(i)" is the letter after "(h)" and the numeral under "(A)".
// prev_sibling is the inner text of the designation just before it at the same level, if any.
NumberStyle classify(std::string_view inner, int depth, const Ladder& ladder,
               std::optional<std::string_view> prev_sibling = std::nullopt);

// Value helpers (1-based): "c" → 3, "aa" → 27, "iv" → 4; 0 when not of that style.
int alpha_value(std::string_view s);
int roman_value(std::string_view s);

// A designation's place in its sequence, for ordering siblings: "c" → (3, ""), "c-1" → (3, "-1"),
// "1A" → (1, "A"), "iv" → (4, "") (roman when longer than one letter), "aa" → (27, "").
std::pair<int, std::string> sequence_key(std::string_view inner);

// The next designation in a simple sequence ("C" → "D", "9" → "10", "iv" → "v"); empty if unknown.
// `roman` reads a one-letter designation ("i", "v", "x") as a numeral.
std::string next_designation(std::string_view inner, bool roman = false);

// True when a designation inner text like "a-1", "1A", "2" continues the sequence after prev
// (equal base and a suffix, or the next value); used to tell sequences apart.
bool follows(std::string_view prev, std::string_view next, NumberStyle style);

// Orders section numbers as a code does, the one order amend puts sections in (an ordinance's
// sections, a comparison's, a section added among its neighbours): runs of digits by value, the
// rest byte by byte, so that "2-57-010" comes before "2-173-042" and "1-301.9" before "1-301.10".
// On the D.C. Code's index it gives the Code's own order of the sections within each unit, but
// where the Code itself is out of step (tests/test_model.cpp names the two places).
bool section_number_less(const std::string& a, const std::string& b);

// section_number_less as a set's order, with numbers that it holds equal ("2-1-10", "2-1-010")
// kept apart byte by byte: a set of section numbers in the code's order.
struct SectionOrder {
    bool operator()(const std::string& a, const std::string& b) const {
        if (section_number_less(a, b)) return true;
        return !section_number_less(b, a) && a < b;
    }
};
using SectionNumbers = std::set<std::string, SectionOrder>;

// The units a section number names by its dashes: the title, before the first ("2" of
// "2-173-042", "47" of "47-2853.197"), and the chapter, before the last ("2-173" of "2-173-042";
// of a D.C. number, with one dash, its title again). A number with no dash is its own title and chapter.
std::string title_of_section(const std::string& num);
std::string chapter_of_section(const std::string& num);

}  // namespace amend
