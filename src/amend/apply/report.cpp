// The report: failures and notes, each at its instruction.
#include "amend/apply/jobs.hpp"

namespace amend::applying {

std::string Job::loc(const Op& op) { return op.file + ":" + std::to_string(op.line); }

void Job::fail(const Op& op, const std::string& msg, const std::string& code) {
    rep.failures.push_back(at(op, msg, code, Severity::Error));
}

Diagnostic Job::at(const Op& op, const std::string& msg, const std::string& code, Severity severity) {
    return Diagnostic{op.file, op.line, op.col, msg, code, "", severity};
}

void Job::note(const Op& op, const std::string& what, Provision* target) {
    rep.applied.push_back(AppliedOp{loc(op), op.sentence, what, op_name(op.type)});
    ProvisionPath chain = Locator::addressable(jobs.locate.ancestry(target));
    if (!chain.empty()) rep.changed_sections.insert(chain.front()->designation);
}

}  // namespace amend::applying
