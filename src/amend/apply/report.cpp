// The report: failures and notes, each at its instruction.
#include "amend/apply/jobs.hpp"

namespace amend::applying {

AppliedOp Job::applied_op(const Op& op, std::string what) {
    return AppliedOp{op.file, op.line, op.sentence, std::move(what), op_name(op.type)};
}

void Job::fail(const Op& op, const std::string& msg, const std::string& code) {
    rep.failures.push_back(at(op, msg, code, Severity::Error));
}

Diagnostic Job::at(const Op& op, const std::string& msg, const std::string& code, Severity severity) {
    return Diagnostic{op.file, op.line, op.col, msg, code, "", severity};
}

void Job::note(const Op& op, const std::string& what, Provision* target) {
    rep.applied.push_back(applied_op(op, what));
    ProvisionPath chain = Locator::addressable(jobs.locate.ancestry(target));
    if (!chain.empty()) rep.changed_sections.insert(chain.front()->designation);
}

}  // namespace amend::applying
