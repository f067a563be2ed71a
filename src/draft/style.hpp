// A jurisdiction's amending style as data (DESIGN §2, draft): the wording of every clause, the marks
// for deleted and inserted text, the elision line and how much context a restatement keeps. A new
// jurisdiction is a new table, not new code.
#pragma once

#include <map>
#include <string>

namespace amend::draft {

// How deleted or inserted words are marked. `tag` ("del" or "ins") is the inline element of the
// Markdown and HTML outputs (struck through or underscored); `before`/`after` are literal text set
// around the tagged words in those outputs (Philadelphia's brackets); `text_before`/`text_after`
// mark the words in plain text, where there is no striking or underscoring.
struct Marks {
    std::string tag;
    std::string before, after;
    std::string text_before, text_after;
};

struct Style {
    std::string name;                 // "chicago"
    std::string code_name;            // "Municipal Code of Chicago"
    std::string enacting_clause;      // "BE IT ORDAINED BY ..."
    // Recitals: "WHEREAS, " + text + "; and" for each one but the last, which ends "; now, therefore,".
    std::string whereas_prefix, whereas_join, whereas_last;
    // Clause templates. {n} the ordinance's section number, {code} the code's name, {section} the
    // code section ("2-173-042"), {chapter} its chapter ("2-173"), {title} its title ("2").
    std::string section_label;        // "SECTION {n}."
    std::string amend_clause;         // a section restated with its changes marked
    std::string add_clause;           // a new section
    std::string repeal_clause;        // a section repealed
    std::string effective_clause;     // the closing section
    std::string section_line_prefix;  // before a restated section's number ("§ " in Philadelphia)
    std::string elision;              // one paragraph per run of omitted provisions
    std::string explanation;          // a closing footnote on the marks; empty for none
    Marks deleted, inserted;
    // Context kept around a changed provision besides the section's heading line: its ancestors, and
    // (from this depth on: 2 = paragraphs, 0 = never) its siblings.
    bool keep_ancestors = true;
    int keep_siblings_from_depth = 0;
};

const Style& chicago_style();
const Style& philadelphia_style();
// The style named `name`, or null.
const Style* find_style(const std::string& name);

// Replaces each {key} of `templ` by vars[key]; an unknown key is left as written.
std::string fill(const std::string& templ, const std::map<std::string, std::string>& vars);

}  // namespace amend::draft
