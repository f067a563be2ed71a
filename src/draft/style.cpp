#include "draft/style.hpp"

namespace amend::draft {

const Style& chicago_style() {
    static const Style s = [] {
        Style t;
        t.name = "chicago";
        t.code_name = "Municipal Code of Chicago";
        t.enacting_clause = "BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF CHICAGO:";
        t.whereas_prefix = "WHEREAS, ";
        t.whereas_join = "; and";
        t.whereas_last = "; now, therefore,";
        t.section_label = "SECTION {n}.";
        t.amend_clause = "Section {section} of the {code} is hereby amended by deleting the language struck through "
                         "and by inserting the language underscored, as follows:";
        t.add_clause = "Chapter {chapter} of the {code} is hereby amended by adding a new Section {section}, as follows:";
        t.repeal_clause = "Section {section} of the {code} is hereby repealed in its entirety.";
        t.effective_clause = "This ordinance shall take effect upon its passage and publication.";
        t.elision = "(Omitted text is unaffected by this ordinance)";
        t.deleted = {"del", "", "", "[-", "-]"};
        t.inserted = {"ins", "", "", "{+", "+}"};
        t.keep_siblings_from_depth = 2;  // a changed paragraph is restated with its whole subsection
        return t;
    }();
    return s;
}

const Style& philadelphia_style() {
    static const Style s = [] {
        Style t;
        t.name = "philadelphia";
        t.code_name = "The Philadelphia Code";
        t.enacting_clause = "THE COUNCIL OF THE CITY OF PHILADELPHIA HEREBY ORDAINS:";
        t.whereas_prefix = "WHEREAS, ";
        t.whereas_join = "; and";
        t.whereas_last = "; now, therefore,";
        t.section_label = "Section {n}.";
        t.amend_clause = "Title {title} of {code} is hereby amended to read as follows:";
        t.add_clause = "Title {title} of {code} is hereby amended by adding a new Section {section}, to read as follows:";
        t.repeal_clause = "Section {section} of {code} is hereby repealed.";
        t.effective_clause = "This Ordinance shall become effective immediately.";
        t.section_line_prefix = "§ ";
        t.elision = "* * *";
        t.explanation = "Explanation: Matter that is in brackets is deleted; matter underscored is new.";
        t.deleted = {"del", "[", "]", "[", "]"};     // Philadelphia Code § 1-105: brackets (and struck)
        t.inserted = {"ins", "", "", "_", "_"};      // underscored
        t.keep_siblings_from_depth = 0;              // only the changed provision and its ancestors
        return t;
    }();
    return s;
}

const Style* find_style(const std::string& name) {
    if (name == "chicago") return &chicago_style();
    if (name == "philadelphia") return &philadelphia_style();
    return nullptr;
}

std::string fill(const std::string& templ, const std::map<std::string, std::string>& vars) {
    std::string out;
    std::size_t i = 0;
    while (i < templ.size()) {
        if (templ[i] == '{') {
            std::size_t close = templ.find('}', i);
            if (close != std::string::npos) {
                auto it = vars.find(templ.substr(i + 1, close - i - 1));
                if (it != vars.end()) {
                    out += it->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += templ[i++];
    }
    return out;
}

}  // namespace amend::draft
