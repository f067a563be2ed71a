// What each instruction will do, in the codifier's terms: the operation, its target written as
// the D.C. codifier writes it ("§4-251.03|(a)|(3)|(B)", "§50-205|heading", "25" for a title), the
// words struck and inserted, and how many places. Used by `amend explain`. A unit renumbered
// ("Paragraph (8C) is redesignated as paragraph (8D)") is written as the codifier writes it: its
// number struck and inserted, at the unit under its new number; "the existing text is designated
// as subsection (a)" is a redesignate with the new number.
#pragma once

#include <string>
#include <vector>

#include "amend/ops.hpp"

namespace amend {

struct Explained {
    std::string op;        // find-replace | insert | replace | repeal | redesignate
    std::string path;      // the codifier's path; "" when the target is in no code or not known
    std::string find, replace;
    std::string count;     // "1", "2", "all"; "" when not a phrase edit
    std::string position;  // "first" | "last" | ""
    int occurrence = 0;    // "the second time it appears": 2 (the place counted in reading order)
    std::string num;       // redesignate: the new designation, "(3)"
    std::string file;
    int line = 0;
    std::string text;      // for people: "strike "; or" and insert ";" in § 4-251.03(a)(3)(B), once"
};

// The operations of a reading in order, one entry per unit where an operation names several;
// "as follows" context operations do nothing and are left out.
std::vector<Explained> explain(const ReadResult& r);

// "§4-251.03|(a)|(3)" for a target; "" for one in no code (a law's own section, an uncodified
// law) or a container whose Code number is not known.
std::string codifier_path(const TargetRef& t);

}  // namespace amend
