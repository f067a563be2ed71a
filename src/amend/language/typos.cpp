// Typos of the operative words that enacted laws contain, each read where only one reading is
// possible ("as follow:", "is amended by to read as follows:", "it its place"). Only the
// drafter's words are touched: quoted text is masked («n») before this runs.
#include "amend/language/typos.hpp"

#include <algorithm>

#include "parse/regex.hpp"

namespace amend::language {

std::vector<std::pair<std::string, std::string>> correct_typos(std::string& s) {
    using regex = rx::Regex;
    const auto icase = regex::perl | regex::icase;
    struct Typo {
        regex re;
        const char* fmt;
    };
    static const std::vector<Typo> typos = [&] {
        std::vector<Typo> v;
        auto add = [&](const char* re, const char* fmt) { v.push_back({regex(re, icase), fmt}); };
        add(R"(\bas\s+follow(?:ed)?\b)", "as follows");
        add(R"(\bto\s+reads\s+as\b)", "to read as");
        add(R"(\bto\s+read\s+follows\b)", "to read as follows");
        add(R"(\b(is|are)\s+amended\s+follows\b)", "$1 amended as follows");
        add(R"(\bas\s+follows\s+as\s+follows\b)", "as follows");
        add(R"(\bamended\s+by\s+to\s+read\b)", "amended to read");
        add(R"(\bamended\s+to\s+by\b)", "amended by");
        add(R"(\bamended\s+to\s+add\b)", "amended by adding");
        add(R"(\bamended\s+to\s+insert\b)", "amended by inserting");
        add(R"(\b(is|are)\s+amended\s+is\s+amended\b)", "$1 amended");
        add(R"(\b(is|are)\s+by\s+(striking|adding|inserting)\b)", "$1 amended by $2");
        add(R"(\b(is|are)\s+(?:mended|amending|amendment)\b)", "$1 amended");
        add(R"(\bamended\s+my\s+(striking|adding|inserting)\b)", "amended by $1");
        add(R"(\b(is|are)\s+amended\s+(striking|adding|inserting)\b)", "$1 amended by $2");
        // "inserting in the phrase "X" in its place": the "in" has no place to go but the phrase's.
        add(R"(\b(inserting|insert)\s+in\s+the\s+(phrase|words?)\s+(«\d+»\s+in\s+its\s+place)$)", "$1 the $2 $3");
        add(R"(\bsemincolon\b)", "semicolon");
        add(R"(\bphrased(\s+«))", "phrase$1");
        add(R"(\b(inserting|insert|striking|strike)\s+the\s+phrase,\s+(«\d+»))", "$1 the phrase $2");
        add(R"(\bis\s+added\s+to\s+read$)", "is added to read as follows");
        add(R"(^((?:an?\s+)?new\s+\S+\s+(?:\([^()\s]+\))+)\s+to\s+read\b)", "$1 is added to read");
        // "A new subparagraph (C) is amended to read as follows:": a new unit is added.
        add(R"(^((?:an?\s+)?new\s+\S+\s+(?:\([^()\s]+\))+)\s+is\s+amended\s+to\s+read\b)", "$1 is added to read");
        add(R"(^((?:sub-?)*(?:section|paragraph|clause)s?\s+(?:\([^()\s]+\))+)\s+by\s+(striking|adding|inserting)\b)", "$1 is amended by $2");
        add(R"(^((?:sub-?)*(?:section|paragraph|clause)s?\s+[^,]*?\S)\s+amended\s+(as\s+follows|by|to\s+read)\b)", "$1 is amended $2");
        add(R"((\bstriking\s+(?:the\s+)?(?:\w+\s+)?«\d+»)\s+(inserting)\b)", "$1 and $2");
        add(R"(\bit\s+its\s+place\b)", "in its place");
        // "inserting a semicolon its place" (after a quote, "inserting "as defined in" its place"
        // has two readings: the "in" may be the drafter's or the quote's, and is refused)
        add(R"(\b(semicolon|semi-colon|period|comma|colon|em dash|em-dash|dash)\s+its\s+place$)", "$1 in its place");
        add(R"(\b(inserting|insert)\s+(.*)\s+in\s+place$)", "$1 $2 in its place");
        add(R"(\bin\s+its\s+place\s*\.?\s*"$)", "in its place");
        add(R"((«\d+»)\s+and\s+the\s+end$)", "$1 at the end");
        add(R"(\b(D\.\s*C)\s+(Official\s+Code)\b)", "$1. $2");
        add(R"(\b(Official\s+Code)\s+(\d+[A-Za-z]?-\d[0-9A-Za-z.:\-]*[0-9A-Za-z]))", "$1 § $2");
        add(R"(^((?:the\s+)?paragraph)\s+(\d{1,2})((?:\([^()\s]+\))*)(?=\s))", "$1 ($2)$3");
        // "Subparagraph (B(i))": a designation inside another's parentheses, for "(B)(i)".
        add(R"(^((?:the\s+)?(?:sub-?)*(?:section|paragraph|clause)s?\s+)\(([0-9A-Za-z]{1,4})\(([0-9A-Za-z]{1,6})\)\)(?=\s))", "$1($2)($3)");
        add(R"(^((?:the\s+)?subsection)\s+([a-z])((?:\([^()\s]+\))*)(?=\s))", "$1 ($2)$3");
        return v;
    }();
    std::vector<std::pair<std::string, std::string>> assumed;
    for (const auto& t : typos) {
        rx::Match mm;
        if (!rx::search(s, mm, t.re)) continue;
        // "Subsection (b) amended as follows": only when no "is amended" stands anywhere.
        static const regex verb(R"(\b(?:is|are|in)\b)", icase);
        if (t.fmt == std::string("$1 is amended $2") && rx::search(mm[1].first, mm[1].second, verb)) continue;
        std::string now = mm.format(t.fmt);
        assumed.emplace_back(mm[0].str(), now);
        s = std::string(mm.prefix()) + now + std::string(mm.suffix());
    }
    return assumed;
}

std::optional<std::pair<std::string, std::string>> close_mismatched_quote(std::string& raw) {
    std::size_t straight = static_cast<std::size_t>(std::count(raw.begin(), raw.end(), '"'));
    if (straight % 2 == 0) return std::nullopt;
    // A quotation opened with '"' that ends with an apostrophe right before the drafter's next
    // words: "triennial' and insert", "biennial' in its place".
    static const rx::Regex closed_by_apostrophe(
        R"("([^"]*?[^\s"'])'(?=\s+(?:and\s+(?:insert|inserting|strike|striking|add|adding)|in\s+its\s+place|both\s+times|each\s+place|wherever)\b))",
        rx::Regex::perl | rx::Regex::icase);
    auto hits = rx::all(raw, closed_by_apostrophe);
    if (hits.size() != 1) return std::nullopt;
    const rx::Match& m = hits[0];
    // "the owners'" may be a plural possessive whose quotation goes on; "the 'Board'" holds a
    // quotation of its own: two readings, none taken.
    std::string words = m[1].str();
    if (words.back() == 's' || words.back() == 'S' || words.find('\'') != std::string::npos) return std::nullopt;
    std::string was = m[0].str(), now = "\"" + words + "\"";
    std::size_t at = static_cast<std::size_t>(m[0].first - raw.cbegin());
    raw.replace(at, was.size(), now);
    return std::make_pair(was, now);
}

std::optional<std::pair<std::string, std::string>> close_before_place(std::string& raw) {
    // The quotation that opens last: a straight '"' left unpaired, or a curly one not closed.
    std::size_t open = std::string::npos;
    std::string close_mark;
    if (std::count(raw.begin(), raw.end(), '"') % 2 == 1) {
        open = raw.rfind('"');
        close_mark = "\"";
    } else {
        std::size_t curly = raw.rfind("\xE2\x80\x9C");
        if (curly != std::string::npos && raw.find("\xE2\x80\x9D", curly) == std::string::npos) {
            open = curly + 2;
            close_mark = "\xE2\x80\x9D";
        }
    }
    if (open == std::string::npos) return std::nullopt;
    std::string head = raw.substr(0, open + 1), quoted = raw.substr(open + 1);
    static const rx::Regex tail(R"(^([^"\xE2]*?\S)(\s+in\s+its\s+place\s*\.?\s*)$)", rx::Regex::perl | rx::Regex::icase);
    static const rx::Regex inserting(R"(\b(?:insert|inserting|substitute|substituting)\s+(?:the\s+)?(?:\w+\s+)?["\xE2]$)",
                                     rx::Regex::perl | rx::Regex::icase);
    rx::Match m;
    if (!rx::match(quoted, m, tail) || !rx::search(head, inserting)) return std::nullopt;
    std::string was = quoted, now = m[1].str() + close_mark + m[2].str();
    raw = head + now;
    return std::make_pair(was, now);
}

}  // namespace amend::language
