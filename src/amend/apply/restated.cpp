// Restated text: a restatement sets the words of provisions it shows.
#include <algorithm>

#include "amend/apply/jobs.hpp"
#include "model/tree.hpp"

namespace amend::applying {

std::string Restated::normal(const std::string& s) { return collapse_ws(fold(s).s); }

void Restated::set_unnumbered(const Op& op) {
    std::vector<Provision*> chain;
    for (const auto& t : op.targets) {
        chain.push_back(jobs.locate.resolve_target(op, t));
        if (!chain.back()) return;
    }
    UnnumberedAt u = find_unnumbered(chain, [&](const std::string& s) { return normal(s) == normal(op.find); });
    if (!u.holder) {
        fail(op, "no unnumbered paragraph of " + jobs.locate.cite_of(chain.back()) + " or after it reads \"" + op.find + "\"", "amend.restatement");
        return;
    }
    if (op.find == op.replace) return;  // checked, unchanged
    if (!u.own_text && op.replace.empty()) {
        (void)take_child(*u.holder, u.child);
        note(op, "struck a paragraph of " + jobs.locate.cite_of(u.holder), u.holder);
        return;
    }
    edit_text(u.own_text ? u.holder->text : u.holder->children[u.child].text, op.find, op.replace);
    note(op, "restated " + jobs.locate.cite_of(u.holder), u.holder);
}

namespace {

bool holds_table(const RichText& rt) {
    return std::any_of(rt.marks.begin(), rt.marks.end(), [](const Markup& m) { return m.tag == "table"; });
}

}  // namespace

void Restated::replace_table(const Op& op) {
    // The table, and at most the quotation's closing marks after it (".\".", the law's markup).
    std::size_t tables_quoted = 0;
    const Provision* quoted = nullptr;
    std::string beside;  // the first words quoted that are no table
    // A block's first words: its own, or its first part's (a block of units only).
    auto first_words = [](const Provision& b) {
        for (const Provision* p = &b;; p = &p->children.front()) {
            std::string w = collapse_ws(p->designation.empty() ? p->text.text : p->designation + " " + p->text.text);
            if (!w.empty() || p->children.empty()) return w.empty() ? std::string("(a quoted unit)") : w;
        }
    };
    for (const auto& b : op.blocks) {
        if (holds_table(b.text)) ++tables_quoted, quoted = &b;
        else if (beside.empty() && (b.text.text.find_first_not_of(" \n\t.\"\xE2\x80\x9D") != std::string::npos || !b.children.empty()))
            beside = first_words(b);
    }
    if (tables_quoted != 1 || !beside.empty()) {
        if (std::size_t cut = beside.rfind(' ', 60); beside.size() > 60 && cut != std::string::npos) beside = beside.substr(0, cut) + " ...";
        fail(op, "expected one tabular array quoted and nothing beside it, found " + std::to_string(tables_quoted) + " tabular array(s)" +
                     (beside.empty() ? std::string() : " and the words \"" + beside + "\""),
             "amend.table");
        return;
    }
    Provision* target = jobs.locate.resolve_target(op, op.targets.at(0));
    if (!target) return;
    // The unit's tables: its own text, or a text block of it (not of its parts).
    std::vector<RichText*> tables;
    if (holds_table(target->text)) tables.push_back(&target->text);
    for (auto& c : target->children)
        if (c.kind == Kind::Text && holds_table(c.text)) tables.push_back(&c.text);
    const int n = op.table_ordinal;
    if (n == 0 && tables.size() != 1) {
        fail(op, "expected one tabular array in " + jobs.locate.cite_of(target) + ", found " + std::to_string(tables.size()) +
                     ": which is struck is not said", "amend.table");
        return;
    }
    if (tables.empty() || (n > 0 && static_cast<std::size_t>(n) > tables.size())) {
        fail(op, "expected " + table_name(n) + " in " + jobs.locate.cite_of(target) + ", which holds " + std::to_string(tables.size()) +
                     " tabular array(s)", "amend.table");
        return;
    }
    RichText* table = tables[n > 0 ? static_cast<std::size_t>(n - 1) : n < 0 ? tables.size() - 1 : 0];
    const RichText& with = quoted->text;
    const std::string whose = table_name(n) + " of " + jobs.locate.cite_of(target);
    if (!table->only_table()) {
        fail(op, "expected " + whose + " to stand in a text of its own, but words or another table stand beside it there: "
                     "replacing the text would strike them", "amend.table");
        return;
    }
    if (normal(table->text) == normal(with.text) && table->marks == with.marks) {
        rep.warnings.push_back(at(op, whose +
                                          " already reads as the one quoted; nothing changed (applied already?)",
                                  "amend.applied-already", Severity::Warning));
        return;
    }
    // Only the table's own words: the lead-in beside it, or another table, may change too.
    if (std::string other = jobs.ledger.changed_text(*table, op); !other.empty()) {
        fail(op, "this instruction and the one at " + other + " both change " + whose, "amend.conflict");
        return;
    }
    *table = with;
    jobs.ledger.record(*table, 0, static_cast<std::uint32_t>(table->text.size()), op);
    note(op, "replaced " + whose, target);
}

void Restated::edit_text(RichText& rt, const std::string& find, const std::string& replace) {
    if (rt.text != find) return rich_replace(rt, 0, rt.text.size(), replace);
    std::size_t pre = 0;
    while (pre < find.size() && pre < replace.size() && find[pre] == replace[pre]) ++pre;
    std::size_t suf = 0;
    while (suf < find.size() - pre && suf < replace.size() - pre && find[find.size() - 1 - suf] == replace[replace.size() - 1 - suf])
        ++suf;
    rich_replace(rt, pre, find.size() - suf, replace.substr(pre, replace.size() - suf - pre));
}

void Restated::set_text(const Op& op) {
    if (op.find_kind == "unnumbered paragraph") return set_unnumbered(op);
    if (op.find_kind == "tabular array") return replace_table(op);
    const TargetRef& t = op.targets.at(0);
    Provision* target = jobs.locate.resolve_target(op, t);
    if (!target) return;
    bool line = op.find_kind == "section line";
    RichText& rt = t.part == TargetRef::Part::Heading ? target->heading : target->text;
    std::string current = rt.text;
    std::string find = op.find, replace = op.replace;
    if (line) {
        // "2-173-042 Heading.": the number must match; the rest is the heading.
        std::string num = target->designation;
        auto strip = [&](const std::string& l, std::string& out) {
            if (normal(l).rfind(num, 0) != 0) return false;
            out = l.substr(l.find(num) + num.size());
            out.erase(0, out.find_first_not_of(' '));
            return true;
        };
        if (!strip(find, find) || !strip(replace, replace)) {
            fail(op, "the restated section line \"" + op.find + "\" does not begin with the section number " + num, "amend.restatement");
            return;
        }
    }
    if (normal(current) != normal(find)) {
        fail(op, "the restatement of " + jobs.locate.cite_of(target) + (line ? " (its heading)" : "") +
                     " does not match the current text: current \"" + current + "\", restated \"" + find + "\"",
             "amend.restatement");
        return;
    }
    if (find == replace) return;  // checked, unchanged
    edit_text(rt, find, replace);
    note(op, "restated " + jobs.locate.cite_of(target), target);
}

}  // namespace amend::applying
