// The report: failures and notes, each at its instruction.
#include "amend/apply/applier.hpp"

namespace amend::applying {

std::string Applier::loc(const Op& op) { return op.file + ":" + std::to_string(op.line); }

void Applier::fail(const Op& op, const std::string& msg, const std::string& code) {
    rep.failures.push_back(Diagnostic{op.file, op.line, op.col, msg, code, ""});
}

void Applier::note(const Op& op, const std::string& what, Provision* target) {
    rep.applied.push_back(AppliedOp{loc(op), op.sentence, what, op_name(op.type)});
    ProvisionPath chain = addressable(ancestry(target));
    if (!chain.empty()) rep.changed_sections.insert(chain.front()->designation);
}

}  // namespace amend::applying
