#include "amend/explain.hpp"

#include "amend/language/where.hpp"

namespace amend {

std::string codifier_path(const TargetRef& t) {
    if (t.uncodified || t.section_is_law_number) return "";
    if (t.container_only || t.section.empty()) {
        // A title: its sections are known by the prefix "25-".
        const std::string& p = t.scope_prefix;
        if (!t.scope_known || p.size() < 2 || p.back() != '-' || p.find('-') != p.size() - 1) return "";
        return p.substr(0, p.size() - 1);
    }
    std::string s = "\xC2\xA7" + t.section;
    for (const auto& d : t.path) s += "|(" + d + ")";
    if (t.part == TargetRef::Part::Heading) s += "|heading";
    return s;
}

namespace {

// The sections quoted text holds, however deep, numbered as the Code's ("16-2934", "28:9-601").
void code_sections_in(const std::vector<Provision>& blocks, std::vector<std::string>& out) {
    for (const auto& b : blocks) {
        if (b.kind == Kind::Section) {
            if (b.designation.find_first_of("-:") != std::string::npos) out.push_back(b.designation);
        } else if (b.kind < Kind::Section) {
            code_sections_in(b.children, out);
        }
    }
}

// "§4-251.03|(a)|(3)" → "§ 4-251.03(a)(3)"; a title "25" → "Title 25".
std::string for_people(const std::string& path, const TargetRef& t) {
    if (path.empty()) return t.describe();
    if (path.rfind("\xC2\xA7", 0) != 0) return "Title " + path;
    std::string s = "\xC2\xA7 ";
    bool heading = false;
    std::size_t i = 2;
    while (i <= path.size()) {
        std::size_t e = path.find('|', i);
        if (e == std::string::npos) e = path.size();
        std::string part = path.substr(i, e - i);
        if (part == "heading") heading = true;
        else s += part;
        i = e + 1;
    }
    // A definition is named by its term: the codifier's path stops at the section that holds it.
    if (!t.term.empty()) s = "the definition of \"" + t.term + "\" in " + s;
    if (heading) return "the heading of " + s;
    if (t.part == TargetRef::Part::Text) s = "the lead-in text of " + s;
    return t.sentence ? sentence_name(t.sentence) + " of " + s : s;
}

bool opens_with_punctuation(const std::string& s) {
    return !s.empty() && (s[0] == ',' || s[0] == '.' || s[0] == ';' || s[0] == ':' || s[0] == ')');
}

std::string joined(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty() || opens_with_punctuation(b) || a.back() == ' ' || a.back() == '(') return a + b;
    return a + " " + b;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

void count_of(const Op& op, Explained& e) {
    if (op.each) e.count = op.expect_count ? std::to_string(op.expect_count) : "all";
    else e.count = "1";
    if (op.occurrence == 1) e.position = "first";
    else if (op.occurrence == -1 || op.at_end) e.position = "last";
    else if (op.occurrence > 1) e.occurrence = op.occurrence;
}

std::string places(const Explained& e, const Op& op) {
    if (e.count == "all") return "each place";
    if (op.occurrence > 1 && op.occurrence <= 10) return "the " + language::ordinal_word(op.occurrence) + " time it appears";
    if (op.occurrence > 10) return "the " + std::to_string(op.occurrence) + "th time it appears";
    if (e.position == "last") return op.at_end ? "at the end" : "the last time it appears";
    if (e.position == "first") return "the first time it appears";
    return e.count == "1" ? "once" : e.count + " times";
}

}  // namespace

std::vector<Explained> explain(const ReadResult& r) {
    std::vector<Explained> out;
    for (const auto& op : r.ops) {
        if (op.type == OpType::Context) continue;
        Explained base;
        base.file = op.file;
        base.line = op.line;
        std::vector<TargetRef> targets = op.targets;
        if (targets.empty()) targets.push_back(TargetRef{});
        for (std::size_t k = 0; k < targets.size(); ++k) {
            const TargetRef& t = targets[k];
            Explained e = base;
            e.path = codifier_path(t);
            std::string where = for_people(e.path, t);
            if (op.in_table || op.find_kind == "tabular array") where = table_name(op.table_ordinal) + " of " + where;
            if (!t.et_seq.empty()) where += " et seq. (the Act the Code holds from there)";
            switch (op.type) {
                case OpType::Replace:
                case OpType::Strike:
                case OpType::InsertBefore:
                case OpType::InsertAfter:
                case OpType::InsertAtEnd:
                case OpType::SetText: {
                    e.op = "find-replace";
                    if (op.in_heading && e.path.rfind("\xC2\xA7", 0) == 0 && e.path.find("|heading") == std::string::npos) {
                        e.path += "|heading";
                        where = for_people(e.path, t);
                    }
                    count_of(op, e);
                    std::string verb;
                    if (op.type == OpType::Replace || op.type == OpType::SetText) {
                        e.find = op.find;
                        e.replace = op.replace;
                        verb = "strike " + quoted(e.find) + " and insert " + quoted(e.replace);
                    } else if (op.type == OpType::Strike) {
                        e.find = op.find;
                        verb = "strike " + quoted(e.find);
                    } else if (op.type == OpType::InsertBefore) {
                        e.find = op.anchor;
                        e.replace = joined(op.replace, op.anchor);
                        verb = "insert " + quoted(op.replace) + " before " + quoted(op.anchor);
                    } else if (op.type == OpType::InsertAfter) {
                        e.find = op.anchor;
                        e.replace = joined(op.anchor, op.replace);
                        verb = "insert " + quoted(op.replace) + " after " + quoted(op.anchor);
                    } else {
                        e.replace = op.replace;
                        e.position = "last";
                        e.count = "1";
                        verb = "add " + quoted(op.replace) + " at the end";
                    }
                    if (op.find_kind == "tabular array") {
                        // The table's words are the code's, known only when applied.
                        e.find.clear();
                        for (const auto& b : op.blocks)
                            if (!b.text.marks.empty() && e.replace.empty()) e.replace = b.text.text;
                        e.count = "1";
                        e.text = "replace " + where + " with the one quoted";
                        // Restated, the codifier reads it as the unit restated; struck and inserted, as its words changed.
                        if (op.table_restated) e.op = "replace", e.find.clear(), e.replace.clear(), e.count.clear();
                        out.push_back(e);
                        break;
                    }
                    if (op.find_kind == "sentence") {
                        // A whole sentence: its words are the code's, known only when applied.
                        e.find.clear();
                        if (op.type == OpType::InsertBefore || op.type == OpType::InsertAfter) e.replace = op.replace;
                        std::string whose = where;  // "the last sentence of § 2-1-010(a)"
                        if (op.type == OpType::Strike) verb = "strike " + whose;
                        else if (op.type == OpType::Replace) verb = "strike " + whose + " and insert " + quoted(op.replace);
                        else verb = "insert " + quoted(op.replace) + (op.type == OpType::InsertBefore ? " before " : " after ") + whose;
                        e.text = verb;
                    } else {
                        e.text = verb + " in " + where + ", " + places(e, op);
                    }
                    out.push_back(e);
                    break;
                }
                case OpType::StrikeUnit:
                case OpType::Repeal:
                    e.op = "repeal";
                    e.text = (op.type == OpType::Repeal ? "repeal " : "strike ") + where;
                    out.push_back(e);
                    break;
                case OpType::Restate:
                    e.op = "replace";
                    e.text = "restate " + where + " (" + std::to_string(op.blocks.size()) + " new provision" +
                             (op.blocks.size() == 1 ? ")" : "s)");
                    out.push_back(e);
                    break;
                case OpType::Designate: {
                    e.op = "redesignate";
                    std::string n = k < op.new_designations.size() ? op.new_designations[k] : "";
                    e.num = n.empty() ? "" : "(" + n + ")";
                    e.text = "designate the existing text of " + where + " as " + e.num;
                    out.push_back(e);
                    break;
                }
                case OpType::Redesignate: {
                    // The codifier's convention: a unit renumbered is its number struck and
                    // inserted ("(8C)" -> "(8D)"), at the unit under its new number.
                    std::string n = k < op.new_designations.size() ? op.new_designations[k] : "";
                    int depth = k < op.new_depths.size() ? op.new_depths[k] : 0;
                    e.op = "find-replace";
                    e.count = "1";
                    e.text = "redesignate " + where + (op.add_kind_word == "section" ? " as section " + n : op.add_kind_word == "container" ? " as " + n : " as (" + n + ")");
                    if (!t.path.empty() && !n.empty()) {
                        TargetRef u = t;
                        e.find = "(" + u.path.back() + ")";
                        e.replace = "(" + n + ")";
                        if (depth > 0 && static_cast<std::size_t>(depth) <= u.path.size()) u.path.resize(static_cast<std::size_t>(depth));
                        u.path.back() = n;
                        e.path = codifier_path(u);
                    } else {
                        e.path = "";
                    }
                    out.push_back(e);
                    break;
                }
                case OpType::Add: {
                    e.op = "insert";
                    if (is_container_kind(op.add_kind_word)) {
                        // A new subtitle, chapter, ...: the unit (where the Code puts it is the
                        // codifier's), then each section it holds that the law numbers as the Code's.
                        for (const auto& nd : op.new_designations) {
                            Explained a = e;
                            a.path = "";
                            a.text = "add " + op.add_kind_word + " " + nd + (t.section.empty() ? std::string("") : " to " + where);
                            out.push_back(a);
                        }
                        std::vector<std::string> numbers;
                        code_sections_in(op.blocks, numbers);
                        for (const auto& n : numbers) {
                            Explained a = e;
                            a.path = t.uncodified ? "" : "\xC2\xA7" + n;
                            a.text = "add section " + n + " (in the new " + op.add_kind_word + ")";
                            out.push_back(a);
                        }
                        break;
                    }
                    bool section = op.add_kind_word.rfind("section", 0) == 0;
                    int depth = unit_depth(op.add_kind_word);
                    if (op.new_designations.empty()) {
                        e.path = "";
                        e.text = "add new " + (op.add_kind_word.empty() ? std::string("text") : op.add_kind_word) + " to " + where;
                        out.push_back(e);
                        break;
                    }
                    for (const auto& nd : op.new_designations) {
                        Explained a = e;
                        std::string parent = a.path;
                        if (section) a.path = nd.find('-') != std::string::npos && !t.uncodified ? "\xC2\xA7" + nd : "";
                        else if (!parent.empty() && parent.rfind("\xC2\xA7", 0) == 0 && t.term.empty()) {
                            TargetRef u = t;
                            if (op.into_parent && !u.path.empty()) u.path.pop_back();
                            if (depth > 0 && u.path.size() >= static_cast<std::size_t>(depth))
                                u.path.resize(static_cast<std::size_t>(depth - 1));
                            u.path.push_back(nd);
                            u.part = TargetRef::Part::Whole;
                            a.path = codifier_path(u);
                        } else {
                            a.path = "";
                        }
                        a.text = "add " + (op.add_kind_word.empty() ? std::string("") : op.add_kind_word + " ") +
                                 (section ? nd : "(" + nd + ")") + (a.path.empty() ? " to " + where : " as " + for_people(a.path, t));
                        out.push_back(a);
                    }
                    break;
                }
                case OpType::Context: break;
            }
        }
    }
    return out;
}

}  // namespace amend
