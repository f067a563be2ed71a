#include "amend/refusals.hpp"

#include "model/designation.hpp"
#include "parse/regex.hpp"

namespace amend::refusals {

namespace {

Diagnostic at(const Op& op, std::string message, const char* code) {
    return Diagnostic{op.file, op.line, op.col, std::move(message), code, "", Severity::Error};
}

}  // namespace

std::optional<Diagnostic> other_section(const Op& op, const TargetRef* c) {
    if (!c || c->section.empty() || c->container_only || c->uncodified || c->section_is_law_number || !c->et_seq.empty()) return std::nullopt;
    for (const auto& t : op.targets) {
        // (A law's own section with its Code cite, "Section 505 (D.C. Official Code § 4-205.05)",
        // is a section of the Act the enclosing item names, whatever that item's cite says.)
        if (t.relative || t.container_only || t.uncodified || t.section_is_law_number || !t.law_section.empty() || t.section.empty() ||
            t.section == c->section)
            continue;
        return at(op,
                  "the instruction names section " + t.section + " inside the amendment of section " + c->section +
                      ": an item under \"... is amended as follows:\" amends that section; name " + t.section + " in an instruction of its own",
                  "amend.target");
    }
    return std::nullopt;
}

std::optional<Diagnostic> changes_nothing(const Op& op) {
    if (op.type == OpType::Replace && !op.find.empty() && op.find == op.replace)
        return at(op, "the instruction inserts the words it strikes (\"" + op.find + "\"): it changes nothing", "amend.instruction");
    bool same_number = op.type == OpType::Redesignate && op.targets.size() == op.new_designations.size() && !op.targets.empty();
    for (std::size_t k = 0; same_number && k < op.targets.size(); ++k) {
        const TargetRef& t = op.targets[k];
        int depth = k < op.new_depths.size() ? op.new_depths[k] : 0;  // a unit moved a level is changed
        same_number = !t.path.empty() && clean_num(t.path.back()) == clean_num(op.new_designations[k]) && (depth == 0 || depth == t.kind_depth);
    }
    if (same_number) return at(op, "the instruction redesignates (" + op.targets[0].path.back() + ") as itself: it changes nothing", "amend.instruction");
    return std::nullopt;
}

std::optional<Diagnostic> not_one_sentence(const Op& op) {
    bool sentence = (op.type == OpType::Restate && !op.targets.empty() && op.targets[0].sentence != 0) ||
                    (op.find_kind == "sentence" && op.replace.empty() && op.type != OpType::Strike);
    if (!sentence) return std::nullopt;
    std::size_t texts = 0;
    for (const auto& b : op.blocks) texts += !b.text.empty() || !b.children.empty();
    if (texts <= 1) return std::nullopt;
    return at(op,
              "expected one paragraph of new words for the sentence, found " + std::to_string(texts) +
                  " quoted: a sentence is not restated as paragraphs",
              "amend.block");
}

std::optional<Diagnostic> part_as_unit(const Op& op) {
    if (op.type != OpType::Repeal && op.type != OpType::StrikeUnit) return std::nullopt;
    for (const TargetRef& t : op.targets)
        if (t.part != TargetRef::Part::Whole || t.sentence != 0)
            return at(op, "expected a unit repealed or struck whole; " + t.describe() + " is part of one: strike its words (\"by striking ...\") instead",
                      "amend.instruction");
    return std::nullopt;
}

std::optional<std::string> unread_why(const std::string& sentence) {
    static const rx::Regex later(R"(\s(?:is|are|shall\s+be)\s+(?:hereby\s+)?repealed\s+((?:on|upon|as\s+of|effective)\s+.+?)\.?$)", rx::icase);
    rx::Match m;
    if (rx::search(sentence, m, later))
        return "cannot apply \"" + sentence + "\": a repeal " + m[1].str() +
               " takes effect then, not with the law; expected \"is repealed\" (or \"shall be repealed upon the effective date of this act\")";
    return std::nullopt;
}

}  // namespace amend::refusals
