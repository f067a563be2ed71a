// The transaction: every instruction in order, each section kept as it stood before its first
// edit, then the cross-reference check (references.cpp).
#include "amend/apply/jobs.hpp"
#include "model/parallel.hpp"
#include "model/tree.hpp"

namespace amend::applying {

void Transaction::run(const std::vector<Op>& ops) {
    // One number, one section: two editions of a section in the code given would each be
    // amended and written, and the outputs would contradict each other.
    std::unordered_map<std::string, const Provision*> seen;
    auto place = [&](const Provision& p) {
        std::string f = p.span.file < doc.files.size() ? doc.files[p.span.file].path : "";
        return f + ":" + std::to_string(p.span.line);
    };
    for (Provision* s : sections_of(doc.root)) {
        original_order.emplace(s->designation, original_order.size());
        jobs.locate.given(*s);
        auto [it, fresh] = seen.emplace(s->designation, s);
        if (!fresh)
            rep.failures.push_back(Diagnostic{s->span.file < doc.files.size() ? doc.files[s->span.file].path : "",
                                              static_cast<int>(s->span.line), static_cast<int>(std::max(1u, s->span.col)),
                                              "expected one section " + s->designation + " in the code given, found a second: " +
                                                  place(*it->second) + " and here",
                                              "amend.duplicate-section", ""});
    }
    if (!rep.ok()) return;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const Op& op = ops[i];
        try {
            run_one(ops, i);
        } catch (const rx::Runaway& e) {
            // Boost.Regex gave up on a phrase search: the instruction fails at its line.
            fail(op, std::string("the text is too complex to search for this instruction's words (") + e.what() + ")",
                 "amend.regex");
        } catch (const TreeError& e) {
            // An edit would put a provision where it cannot stand: amend's own slip, refused.
            fail(op, std::string("amend would build a tree that cannot be: ") + e.what(), "amend.internal");
        }
    }
}

// Applies ops[i] (and, for a redesignation, the ones that follow it in the same file, moving i).
void Transaction::run_one(const std::vector<Op>& ops, std::size_t& i) {
    const Op& op = ops[i];
    if (op.type == OpType::Redesignate) {
        std::vector<const Op*> run{&op};
        while (i + 1 < ops.size() && ops[i + 1].type == OpType::Redesignate && ops[i + 1].file == op.file) run.push_back(&ops[++i]);
        std::erase_if(run, [&](const Op* r) { return jobs.conventions.standing_already(*r); });
        if (!run.empty()) jobs.designations.redesignate(run);
        return;
    }
    if (op.type != OpType::Context && jobs.conventions.standing_already(op)) return;
    bool uncodified = !op.targets.empty() && std::all_of(op.targets.begin(), op.targets.end(), [](const TargetRef& t) { return t.uncodified; });
    if (uncodified && jobs.conventions.through_annotations(op)) return;
    switch (op.type) {
        case OpType::Context: break;
        case OpType::Replace:
        case OpType::Strike:
        case OpType::InsertBefore:
        case OpType::InsertAfter: jobs.phrase.phrase_op(op); break;
        case OpType::InsertAtEnd: jobs.phrase.insert_at_end(op); break;
        case OpType::StrikeUnit: jobs.units.repeal(op, true); break;
        case OpType::Repeal: jobs.units.repeal(op, false); break;
        case OpType::Add: jobs.units.add(op); break;
        case OpType::Restate: jobs.units.restate(op); break;
        case OpType::Redesignate: break;  // above
        case OpType::Designate: jobs.designations.designate(op); break;
        case OpType::SetText: jobs.restated.set_text(op); break;
    }
}

void Transaction::keep_before(const Provision& sec) {
    if (original_order.count(sec.designation) && !before_edit.count(sec.designation)) before_edit.emplace(sec.designation, sec);
}

Document Transaction::before_document(std::vector<Diagnostic>& missing) const {
    Document d;
    d.files = doc.files;
    std::vector<std::pair<std::size_t, const Provision*>> order;
    for (const auto& [num, p] : before_edit) order.emplace_back(original_order.at(num), &p);
    std::sort(order.begin(), order.end());
    d.root.children.reserve(order.size());
    for (const auto& [at, p] : order) append_child(d.root, *p);
    for (const auto& num : rep.changed_sections)
        if (original_order.count(num) && !before_edit.count(num))
            missing.push_back(Diagnostic{"", 0, 0,
                                         "internal: section " + num + " was changed without its text before the change being kept; nothing is written",
                                         "amend.internal", ""});
    return d;
}

}  // namespace amend::applying

namespace amend {

ApplyReport apply_ops(Document& doc, const std::vector<Op>& ops, const ApplySettings& opt, Document* before_out) {
    applying::Context cx{doc, opt, {}};
    applying::Jobs jobs(cx);
    jobs.transaction.run(ops);
    applying::Ledger::forget(doc.root);
    if (!cx.rep.ok()) return cx.rep;
    std::vector<Diagnostic> missing;
    Document before = jobs.transaction.before_document(missing);
    if (!missing.empty()) {
        cx.rep.failures = std::move(missing);
        return cx.rep;
    }
    applying::check_references(before, doc, cx.rep);
    if (before_out) *before_out = std::move(before);
    return cx.rep;
}

ApplyResult apply_document(Document code, const AmendmentDoc& ad, const ApplySettings& opt) {
    ReadResult rr = interpret(ad);
    ApplyResult r;
    r.code_sections = sections_of(code.root).size();
    r.amended = std::move(code);
    ApplySettings o = opt;
    if (o.default_section.empty()) o.default_section = ad.default_section;
    if (!rr.errors.empty()) {
        r.report.failures = rr.errors;
        r.report.title = ad.title;
        return r;
    }
    r.report = apply_ops(r.amended, rr.ops, o, &r.before);
    r.report.title = ad.title;
    // The words the reader assumed (a typo read where only one reading is possible) come first.
    r.report.warnings.insert(r.report.warnings.begin(), rr.warnings.begin(), rr.warnings.end());
    return r;
}

}  // namespace amend
