// amend's exit codes, in one table: what each job's outcome and each kind of error exits with.
#pragma once

#include "pipeline/jobs.hpp"

namespace amend::cli {

enum ExitCode : int {
    kOk = 0,           // done; diff: no differences
    kDifferences = 1,  // diff: the two versions differ
    kBadInput = 2,     // bad input or usage, or an instruction that failed (nothing written)
    kInternal = 3,     // a bug in amend
};

inline int exit_code(Outcome o) {
    switch (o) {
        case Outcome::ok: return kOk;
        case Outcome::differences: return kDifferences;
        case Outcome::refused: return kBadInput;
    }
    return kInternal;
}

}  // namespace amend::cli
