// Applying operations to a code, as one transaction: every failure is collected, and the caller
// keeps the tree only when there is none.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "amend/ops.hpp"
#include "model/diagnostic.hpp"
#include "model/code_index.hpp"
#include "model/designation.hpp"
#include "model/provision.hpp"

namespace amend {

struct AppliedOp {
    std::string file;     // the instruction's file and line
    int line = 0;
    std::string sentence;
    std::string what;     // "struck "X" and inserted "Y" in 2-173-042(a)"
    std::string kind;     // op_name
};

struct ApplyReport {
    std::vector<AppliedOp> applied;
    std::vector<Diagnostic> failures;     // non-empty: nothing may be written
    std::vector<Diagnostic> warnings;     // each at its instruction (severity warning)
    std::vector<Diagnostic> skipped;      // instructions naming sections not in the code given (notes)
    std::vector<Diagnostic> dangling;     // cross-references left pointing at struck provisions (warnings)
    SectionNumbers changed_sections;      // in the code's order
    std::string title;                    // the amendment document's title
    bool ok() const { return failures.empty(); }
};

// Whose codifier's conventions apply besides the law's words: D.C.'s (law references as Code
// cites, editorial brackets, placeholders for repealed units: src/amend/dc/) or none. The pipeline
// chooses: the option's, else the one the code given declares (pipeline/documents.cpp); never the
// file format. Unset here, no jurisdiction's.
enum class Jurisdiction : std::uint8_t { General, DC };

struct ApplySettings {
    bool strict = false;
    std::optional<Jurisdiction> jurisdiction;
    std::string default_section;  // a D.C. instruction file's target, for law-numbered sections
    const CodeIndex* code_index = nullptr;  // the D.C. Code's index; null: the one built in
};

// Applies `ops` to `doc` in order, in place. On failure the tree may be half-changed: apply to a
// copy. Each section an instruction edits is copied as it was before its first edit: `before_out`,
// when given, receives those copies, in the code's order, as the sections of a document with the
// code's files (every section the report names as changed that the code held is there).
ApplyReport apply_ops(Document& doc, const std::vector<Op>& ops, const ApplySettings& opt, Document* before_out = nullptr);

// The outcome of an amendment document: the amended code, the changed sections as they were, and
// the report. One whole code is held, not two: the sections left alone are not copied.
struct ApplyResult {
    Document amended;
    Document before;                 // the changed sections as they stood (sections_of gives them in code order)
    std::size_t code_sections = 0;   // how many sections the code given held
    ApplyReport report;
};
// Interprets `amendments` and applies them to `code` (moved in: pass a copy to keep yours).
ApplyResult apply_document(Document code, const AmendmentDoc& amendments, const ApplySettings& opt);

}  // namespace amend
