// Applying operations to a code, as one transaction: every failure is collected, and the caller
// keeps the tree only when there is none.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "amend/ops.hpp"
#include "model/diagnostic.hpp"
#include "model/code_index.hpp"
#include "model/provision.hpp"

namespace amend {

struct AppliedOp {
    std::string where;    // "file:line"
    std::string sentence;
    std::string what;     // "struck "X" and inserted "Y" in 2-173-042(a)"
    std::string kind;     // op_name
};

struct ApplyReport {
    std::vector<AppliedOp> applied;
    std::vector<Diagnostic> failures;     // non-empty: nothing may be written
    std::vector<std::string> warnings;
    std::vector<std::string> skipped;     // instructions naming sections not in the code given
    std::vector<std::string> dangling;    // cross-references left pointing at struck provisions
    std::set<std::string> changed_sections;
    std::string title;                    // the amendment document's title
    bool ok() const { return failures.empty(); }
};

struct ApplyOptions2 {
    bool strict = false;
    std::string default_section;  // a D.C. instruction file's target, for law-numbered sections
    const CodeIndex* code_index = nullptr;  // the D.C. Code's index; null: the one built in
};

// Applies `ops` to `doc` in order. On failure the tree may be half-changed: apply to a copy.
// `before` is the tree as it was (for the cross-reference check); a copy is taken when null.
ApplyReport apply_ops(Document& doc, const std::vector<Op>& ops, const ApplyOptions2& opt, const Document* before = nullptr);

// Interprets and applies an amendment document to a copy of `code`; returns the new tree and the report.
struct ApplyResult {
    Document amended;
    ApplyReport report;
};
ApplyResult apply_document(const Document& code, const AmendmentDoc& amendments, const ApplyOptions2& opt);

}  // namespace amend
