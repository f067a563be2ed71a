#include "amend/codify.hpp"

#include <boost/regex.hpp>

namespace amend {

std::string dc_codify(const std::string& in) {
    // "section 16-1501" (a Code number already) is written "§ 16-1501".
    static const boost::regex code_number(R"(\bsection (\d+[A-Za-z]?-\d+[0-9A-Za-z.:\-]*[0-9A-Za-z](?:\([^()\s]+\))*))");
    std::string s = in.find("section ") == std::string::npos ? in : boost::regex_replace(in, code_number, "§ $1");
    if (s.find("Official Code") == std::string::npos) return s;
    static const boost::regex cite(
        R"(\bsection ([0-9][0-9A-Za-z]*(?:\([^()\s]+\))*) of (?:the )?[^,;()]*?(?:Act|Code|Law|Resolution)(?: of \d{4})?, (?:effective|approved) [A-Z][a-z]+\.? \d{1,2}, \d{4} \([^;()]*; D\.C\. Official Code §\s*([0-9][^()\s]*(?:\([^()\s]+\))*)\))");
    s = boost::regex_replace(s, cite, "§ $2");
    // "section 7 (D.C. Official Code § 4-681.06)" → "§ 4-681.06".
    static const boost::regex own(R"(\bsection [0-9][0-9A-Za-z]*(?:\([^()\s]+\))* \(D\.C\. Official Code §\s*([0-9][^()\s]*(?:\([^()\s]+\))*)\))");
    s = boost::regex_replace(s, own, "§ $1");
    return s;
}

void dc_codify(Provision& p) {
    for (RichText* rt : {&p.text, &p.heading}) {
        std::string t = dc_codify(rt->text);
        if (t == rt->text) continue;
        rt->text = std::move(t);
        rt->marks.clear();  // the law's own <cite>s went with the words they marked
    }
    for (auto& c : p.children) dc_codify(c);
}

namespace {

std::string law_units(const std::string& s) {
    static const boost::regex unit(R"(\bthis (act|title|subtitle)\b)");
    return boost::regex_replace(s, unit, [](const boost::smatch& m) {
        return m[1] == "subtitle" ? std::string("this subchapter") : std::string("this chapter");
    });
}

void units_below(Provision& p) {
    for (RichText* rt : {&p.text, &p.heading}) {
        std::string t = law_units(rt->text);
        if (t.size() != rt->text.size() || t != rt->text) {
            rt->text = std::move(t);
            rt->marks.clear();
        }
    }
    for (auto& c : p.children) units_below(c);
}

}  // namespace

void dc_codify_law_section(Provision& section) {
    dc_codify(section);
    units_below(section);
}

}  // namespace amend
