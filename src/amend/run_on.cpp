#include "amend/run_on.hpp"

#include "model/designation.hpp"
#include "parse/dc_law.hpp"
#include "parse/regex.hpp"

namespace amend {

namespace {

// Designated paragraphs below the sentence, not in an <include>, as the quoted units they are.
bool as_units(const std::vector<InstructionItem>& items, std::vector<Provision>& out) {
    for (const InstructionItem& c : items) {
        if (c.designation.empty() || !c.blocks.empty() || amends_words(c.text)) return false;
        Provision p;
        p.kind = Kind::Subsection;
        p.xml_tag = "para";
        p.designation = c.designation;
        p.text.text = c.text;
        if (!as_units(c.children, p.children)) return false;
        out.push_back(std::move(p));
    }
    return true;
}

// The last unit in reading order that has words.
Provision* last_with_text(std::vector<Provision>& units) {
    for (auto u = units.rbegin(); u != units.rend(); ++u) {
        if (Provision* in = last_with_text(u->children)) return in;
        if (!u->text.text.empty()) return &*u;
    }
    return nullptr;
}

}  // namespace

std::optional<RunOnQuote> quote_runs_into_units(const InstructionItem& it, const std::string& raw, std::size_t open) {
    if (open >= raw.size()) return std::nullopt;
    std::string head = raw.substr(0, open), quoted = raw.substr(open + 1);
    if (raw[open] != '"' && raw.compare(open, 3, "\xE2\x80\x9C") == 0) quoted = raw.substr(open + 3);
    else if (raw[open] != '"') return std::nullopt;
    static const rx::Regex inserting(R"(\b(?:inserting|insert)\s+(?:in\s+)?(?:the\s+)?(?:phrase|words?|sentence|language)\s+$)", rx::icase);
    if (!rx::search(head, inserting) || quoted.find('"') != std::string::npos || quoted.find("\xE2\x80\x9D") != std::string::npos)
        return std::nullopt;
    static const rx::Regex opens_units(R"(:\s*$)");
    if (!rx::search(quoted, opens_units)) return std::nullopt;  // the words introduce the units
    RunOnQuote r;
    if (!it.blocks.empty()) {
        if (!it.children.empty()) return std::nullopt;
        r.units = it.blocks;
    } else if (it.children.empty() || !as_units(it.children, r.units)) {
        return std::nullopt;
    }
    for (const Provision& u : r.units)
        if (u.designation.empty()) return std::nullopt;
    Provision* last = last_with_text(r.units);
    if (!last) return std::nullopt;
    static const rx::Regex tail(R"(^(.*?\S)\s*((?:"|\xE2\x80\x9D)?\s*in\s+its\s+place\s*\.?)\s*$)", rx::icase);
    rx::Match m;
    const std::string words = last->text.text;
    if (!rx::match(words, m, tail)) return std::nullopt;
    r.last_words = m[2].str();  // "in its place.", the closing mark left where the law has one
    r.last_words.erase(0, r.last_words.find_first_not_of(" \"\xE2\x80\x9D"));
    last->text.text = m[1].str();
    std::string phrase = quoted;
    while (!phrase.empty() && phrase.back() == ' ') phrase.pop_back();
    r.sentence = head + "\"" + phrase + "\" in its place.";
    return r;
}

bool read_run_on(const InstructionItem& it, const RunOnQuote& run_on, ReadResult& res,
             const std::function<void(const InstructionItem&)>& walk) {
    InstructionItem closed = it;
    closed.text = run_on.sentence;
    closed.blocks.clear();
    closed.children.clear();
    std::size_t ops = res.ops.size(), errors = res.errors.size(), warnings = res.warnings.size();
    walk(closed);
    if (res.errors.size() == errors && (res.ops.size() != ops + 1 || res.ops.back().type != OpType::Replace)) {
        res.ops.resize(ops);
        res.warnings.resize(warnings);
        return false;
    }
    if (res.errors.size() != errors) return true;  // the sentence's own errors stand
    Op add = res.ops.back();
    add.type = OpType::Add;
    add.find.clear();
    add.replace.clear();
    add.find_kind.clear();
    add.each = false;
    add.expect_count = add.occurrence = 0;
    add.blocks = run_on.units;
    add.after = std::string();  // right after the unit's text, before any unit of its own
    add.anchor = res.ops.back().replace;  // which that text must end with, once the words are inserted
    std::string names;
    for (const Provision& u : run_on.units) {
        add.new_designations.push_back(clean_num(u.designation));
        names += (names.empty() ? "" : ", ") + u.designation;
    }
    res.ops.push_back(add);
    res.warnings.push_back(Diagnostic{it.file, it.line, it.col,
                                      "read the quotation of the words inserted as closed before " + run_on.units.front().designation +
                                          ", which it runs into: the words inserted are \"" +
                                          res.ops[res.ops.size() - 2].replace + "\", and " + names +
                                          " are added after them; \"" + run_on.last_words + "\" at the end of " +
                                          run_on.units.back().designation + " is the drafter's",
                                      "amend.typo", "", Severity::Warning});
    return true;
}

}  // namespace amend
