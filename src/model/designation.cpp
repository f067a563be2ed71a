#include "model/designation.hpp"
#include "model/text.hpp"

#include <cctype>

namespace amend {

const char* style_name(NumberStyle s) {
    switch (s) {
        case NumberStyle::LowerAlpha: return "lower-alpha";
        case NumberStyle::Arabic: return "arabic";
        case NumberStyle::UpperAlpha: return "upper-alpha";
        case NumberStyle::LowerRoman: return "lower-roman";
        case NumberStyle::UpperRoman: return "upper-roman";
        case NumberStyle::Other: return "other";
    }
    return "other";
}

const Ladder& Ladder::chicago_dc() {
    static const Ladder l{{NumberStyle::LowerAlpha, NumberStyle::Arabic, NumberStyle::UpperAlpha, NumberStyle::LowerRoman,
                           NumberStyle::UpperRoman}};
    return l;
}

std::optional<NumberStyle> Ladder::at_depth(int depth) const {
    if (depth < 1 || static_cast<std::size_t>(depth) > levels.size()) return std::nullopt;
    return levels[static_cast<std::size_t>(depth - 1)];
}

std::string clean_num(std::string_view d) {
    auto is_punct = [](char c) { return c == '(' || c == ')' || c == '.' || c == ' ' || c == '[' || c == ']' || c == '\xc2' || c == '\xa7'; };
    std::size_t b = 0, e = d.size();
    while (b < e && is_punct(d[b])) ++b;
    while (e > b && (d[e - 1] == ')' || d[e - 1] == '.' || d[e - 1] == ' ' || d[e - 1] == ']')) --e;
    return std::string(d.substr(b, e - b));
}

int roman_value(std::string_view s) {
    if (s.empty()) return 0;
    auto val = [](char c) {
        switch (std::tolower(static_cast<unsigned char>(c))) {
            case 'i': return 1;
            case 'v': return 5;
            case 'x': return 10;
            case 'l': return 50;
            case 'c': return 100;
            default: return 0;
        }
    };
    bool lower = std::islower(static_cast<unsigned char>(s[0])) != 0;
    int total = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((std::islower(static_cast<unsigned char>(s[i])) != 0) != lower) return 0;
        int v = val(s[i]);
        if (v == 0) return 0;
        int next = i + 1 < s.size() ? val(s[i + 1]) : 0;
        total += v < next ? -v : v;
    }
    if (total <= 0 || total > 399) return 0;
    // Only canonical spellings count ("iiii" or "vx" is not a numeral).
    static const char* ones[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
    static const char* tens[] = {"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"};
    static const char* hundreds[] = {"", "c", "cc", "ccc"};
    std::string canon = std::string(hundreds[total / 100]) + tens[(total / 10) % 10] + ones[total % 10];
    return canon == ascii_lower(std::string(s)) ? total : 0;
}

int alpha_value(std::string_view s) {
    // a..z, then aa..zz (doubled letters), as codes use them.
    if (s.empty() || s.size() > 3) return 0;
    for (char c : s)
        if (!std::isalpha(static_cast<unsigned char>(c)) || std::tolower(static_cast<unsigned char>(c)) != std::tolower(static_cast<unsigned char>(s[0])))
            return 0;
    int base = std::tolower(static_cast<unsigned char>(s[0])) - 'a' + 1;
    return base + 26 * static_cast<int>(s.size() - 1);
}

// Splits "a-1" / "1A" / "aa" into the base that carries the sequence value.
static std::string_view base_of(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[0]))) {
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        return s.substr(0, i);
    }
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(0, i);
}

static bool all_lower(std::string_view s) {
    for (char c : s)
        if (!std::islower(static_cast<unsigned char>(c))) return false;
    return !s.empty();
}
static bool all_upper(std::string_view s) {
    for (char c : s)
        if (!std::isupper(static_cast<unsigned char>(c))) return false;
    return !s.empty();
}

static int value_in(std::string_view base, NumberStyle st) {
    switch (st) {
        case NumberStyle::LowerAlpha:
        case NumberStyle::UpperAlpha: return alpha_value(base);
        case NumberStyle::LowerRoman:
        case NumberStyle::UpperRoman: return roman_value(base);
        case NumberStyle::Arabic: {
            int v = 0;
            for (char c : base) v = v * 10 + (c - '0');
            return v;
        }
        default: return 0;
    }
}

std::pair<int, std::string> sequence_key(std::string_view d) {
    std::string_view base = base_of(d);
    std::string rest(d.substr(base.size()));
    if (base.empty()) return {0, std::string(d)};
    if (std::isdigit(static_cast<unsigned char>(base[0]))) return {value_in(base, NumberStyle::Arabic), rest};
    int r = base.size() > 1 ? roman_value(base) : 0;
    return {r ? r : alpha_value(base), rest};
}

std::string next_designation(std::string_view d, bool roman) {
    if (d.empty()) return {};
    if (std::isdigit(static_cast<unsigned char>(d[0]))) return std::to_string(value_in(base_of(d), NumberStyle::Arabic) + 1);
    if (int r = roman_value(d); r && (d.size() > 1 || roman) && r < 399) {
        static const char* ones[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
        static const char* tens[] = {"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"};
        static const char* hundreds[] = {"", "c", "cc", "ccc"};
        int n = r + 1;
        std::string s = std::string(hundreds[n / 100]) + tens[(n / 10) % 10] + ones[n % 10];
        if (std::isupper(static_cast<unsigned char>(d[0])))
            for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return s;
    }
    if (d.size() == 1 && std::isalpha(static_cast<unsigned char>(d[0])) && d[0] != 'z' && d[0] != 'Z')
        return std::string(1, static_cast<char>(d[0] + 1));
    return {};
}

bool follows(std::string_view prev, std::string_view next, NumberStyle style) {
    std::string_view pb = base_of(prev), nb = base_of(next);
    int pv = value_in(pb, style), nv = value_in(nb, style);
    if (pv == 0 || nv == 0) return false;
    return nv == pv + 1 || (nv == pv && next.size() > nb.size());
}

NumberStyle classify(std::string_view inner, int depth, const Ladder& ladder,
               std::optional<std::string_view> prev) {
    std::string_view base = base_of(inner);
    if (base.empty()) return NumberStyle::Other;
    if (std::isdigit(static_cast<unsigned char>(base[0]))) return NumberStyle::Arabic;
    bool lower = all_lower(base), upper = all_upper(base);
    if (!lower && !upper) return NumberStyle::Other;
    NumberStyle alpha = lower ? NumberStyle::LowerAlpha : NumberStyle::UpperAlpha;
    NumberStyle roman = lower ? NumberStyle::LowerRoman : NumberStyle::UpperRoman;
    bool can_alpha = alpha_value(base) != 0;
    bool can_roman = roman_value(base) != 0;
    if (can_alpha && !can_roman) return alpha;
    if (can_roman && !can_alpha) return roman;
    if (!can_alpha && !can_roman) return NumberStyle::Other;
    // Both readings possible ("i", "v", "x", "ii", "I"): sequence first, then the ladder.
    if (prev) {
        std::string_view pb = base_of(*prev);
        bool prev_alpha = alpha_value(pb) != 0, prev_roman = roman_value(pb) != 0;
        if (prev_roman && follows(*prev, inner, roman) && !(prev_alpha && follows(*prev, inner, alpha)))
            return roman;
        if (prev_alpha && follows(*prev, inner, alpha)) return alpha;
        if (prev_roman && follows(*prev, inner, roman)) return roman;
    }
    auto expected = ladder.at_depth(depth);
    if (expected == roman) return roman;
    if (expected == alpha) return alpha;
    // Off the ladder: a first item "(i)" is more often a numeral than the ninth letter.
    return roman;
}

bool section_number_less(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    auto digit = [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t i2 = i, j2 = j;
            while (i2 < a.size() && digit(a[i2])) ++i2;
            while (j2 < b.size() && digit(b[j2])) ++j2;
            std::string x = a.substr(i, i2 - i), y = b.substr(j, j2 - j);
            x.erase(0, std::min(x.find_first_not_of('0'), x.size()));
            y.erase(0, std::min(y.find_first_not_of('0'), y.size()));
            if (x.size() != y.size()) return x.size() < y.size();
            if (x != y) return x < y;
            i = i2;
            j = j2;
            continue;
        }
        if (a[i] != b[j]) return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

std::string title_of_section(const std::string& num) {
    auto p = num.find('-');
    return p == std::string::npos ? num : num.substr(0, p);
}

std::string chapter_of_section(const std::string& num) {
    auto p = num.rfind('-');
    return p == std::string::npos ? num : num.substr(0, p);
}

}  // namespace amend
