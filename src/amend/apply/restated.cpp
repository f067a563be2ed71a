// Restated text: a restatement sets the words of provisions it shows.
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
