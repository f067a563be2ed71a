// Private to src/amend/apply: every job of applying amendments together, each reaching the
// others through `Jobs` (the table in job.hpp says which file holds which).
#pragma once

#include "amend/apply/job.hpp"
#include "amend/dc/codifier.hpp"

namespace amend::applying {

struct Jobs {
    explicit Jobs(Context& cx)
        : transaction(cx, *this), locate(cx, *this), finder(cx, *this), ledger(cx, *this),
          dc(cx, *this), conventions(cx.opt.jurisdiction == Jurisdiction::DC ? static_cast<Conventions&>(dc) : general),
          phrase(cx, *this), units(cx, *this), designations(cx, *this),
          restated(cx, *this) {}
    Transaction transaction;
    Locator locate;
    Finder finder;
    Ledger ledger;
    Codifier dc;
    Conventions general;
    Conventions& conventions;  // dc or general, as the settings say
    PhraseEdits phrase;
    UnitEdits units;
    Designations designations;
    Restated restated;
};

}  // namespace amend::applying
