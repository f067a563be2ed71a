#include "amend/language/forms.hpp"

#include "parse/regex.hpp"

namespace amend::language {

namespace {

// A unit word, or its plural, as these forms name the units they move.
const std::string UNITS = R"((?:the\s+|existing\s+)*(?:(?:(?:sub-?)*(?:section|paragraph|clause)s?|items?|subclauses?)\s.*?|text|language|lead-in\s+language))";

}  // namespace

std::string plain_form(const std::string& s) {
    rx::Match m;
    static const rx::Regex imperative(R"(^(?:re)?designate|^renumber)", rx::icase);
    static const rx::Regex redesignate("^(?:(?:re)?designate|renumber)\\s+(" + UNITS + R"()\s+as\s+(.*?)(?:\s*,?\s*respectively)?$)", rx::icase);
    if (rx::search(s, m, imperative) && rx::match(s, m, redesignate)) return m[1].str() + " is redesignated as " + m[2].str();
    static const rx::Regex by_redesignating(
        R"(^(.*?)\s+(?:is|are)\s+(?:hereby\s+)?amended\s+by\s+(?:redesignating|renumbering)\s+()" + UNITS + R"()\s+as\s+(.*?)(?:\s*,?\s*respectively)?$)",
        rx::icase);
    if (rx::match(s, m, by_redesignating)) return m[2].str() + " of " + m[1].str() + " is redesignated as " + m[3].str();
    static const rx::Regex renumbered(R"(^(.*?\s(?:is|are)\s+(?:hereby\s+)?)renumbered(\s*,?\s*(?:respectively\s*,?\s*)?as\s.*)$)", rx::icase);
    if (rx::match(s, m, renumbered)) return m[1].str() + "redesignated" + m[2].str();
    // Only a unit of the one amended in both places: never a section, nor words of another kind.
    static const rx::Regex in_units(
        R"(^in\s+((?:(?:sub-?)*(?:section|paragraph|clause)|item|subclause)\s+\([^()\s]+\)(?:\([^()\s]+\))*),\s+((?:(?:sub-?)*(?:section|paragraph|clause)s?|items?)\s+\((?:(?!\bof\b|\bsection\s+\d)[^,])*?)\s+((?:is|are|shall\s+be)\s.*)$)",
        rx::icase);
    if (rx::match(s, m, in_units)) return m[2].str() + " of " + m[1].str() + " " + m[3].str();
    return s;
}

}  // namespace amend::language
