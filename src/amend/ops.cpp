// The vocabulary of operations (ops.hpp): their names, and the unit words drafters use.
#include "amend/language/where.hpp"
#include "amend/ops.hpp"
#include "model/text.hpp"

namespace amend {

const char* op_name(OpType t) {
    switch (t) {
        case OpType::Context: return "context";
        case OpType::Replace: return "strike and insert";
        case OpType::Strike: return "strike";
        case OpType::InsertBefore: return "insert before";
        case OpType::InsertAfter: return "insert after";
        case OpType::InsertAtEnd: return "insert at the end";
        case OpType::StrikeUnit: return "strike provision";
        case OpType::Repeal: return "repeal";
        case OpType::Add: return "add";
        case OpType::Restate: return "amend to read";
        case OpType::Redesignate: return "redesignate";
        case OpType::Designate: return "designate existing text";
        case OpType::SetText: return "restate";
    }
    return "?";
}

std::string sentence_name(int n) { return "the " + language::ordinal_word(n) + " sentence"; }

std::string table_name(int n) { return n == 0 ? "the tabular array" : "the " + language::ordinal_word(n) + " tabular array"; }

std::string TargetRef::describe() const {
    // A phrase wherever it appears in a title or chapter: its sections, by the number they share.
    std::string s = !section.empty()              ? section
                    : container_only && scope_known ? (scope_prefix.empty() ? std::string("the code given") : "the sections " + scope_prefix + "*")
                                                    : std::string("(no section)");
    for (const auto& d : path) s += "(" + d + ")";
    if (!term.empty()) s = "the definition of \"" + term + "\" in " + s;
    if (part == Part::Heading) s = "the heading of " + s;
    if (part == Part::Text) s = "the lead-in text of " + s;
    if (sentence) s = sentence_name(sentence) + " of " + s;
    return s;
}

bool is_container_kind(const std::string& w) {
    return w == "title" || w == "subtitle" || w == "chapter" || w == "subchapter" || w == "part" || w == "division" || w == "article";
}

int unit_depth(std::string k) {
    k = ascii_lower(std::move(k));
    while (!k.empty() && k.back() == 's' && k != "subsections" && k.size() > 4 && k != "clauses") k.pop_back();
    if (k == "subsections" ) k = "subsection";
    if (k == "clauses") k = "clause";
    std::string flat;
    for (char c : k)
        if (c != '-') flat += c;
    if (flat == "subsection") return 1;
    if (flat == "paragraph") return 2;
    if (flat == "subparagraph") return 3;
    if (flat == "subsubparagraph" || flat == "clause") return 4;
    if (flat == "subsubsubparagraph" || flat == "subclause") return 5;
    if (flat == "item") return 6;
    return 0;
}

}  // namespace amend
