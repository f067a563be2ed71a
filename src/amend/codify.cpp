#include "amend/codify.hpp"

#include <boost/regex.hpp>

namespace amend {

std::string dc_codify(const std::string& s) {
    if (s.find("Official Code") == std::string::npos) return s;
    static const boost::regex cite(
        R"(\bsection ([0-9][0-9A-Za-z]*(?:\([^()\s]+\))*) of (?:the )?[^,;()]*?(?:Act|Code|Law|Resolution)(?: of \d{4})?, (?:effective|approved) [A-Z][a-z]+\.? \d{1,2}, \d{4} \([^;()]*; D\.C\. Official Code §\s*([0-9][^()\s]*(?:\([^()\s]+\))*)\))");
    return boost::regex_replace(s, cite, "§ $2");
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

}  // namespace amend
