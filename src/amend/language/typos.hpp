// Typos of the operative words read where only one reading is possible.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace amend::language {

// Corrects `s` (quotes masked «n») in place; returns each correction made, as (the words as
// written, the words as read), for the warning that names them.
std::vector<std::pair<std::string, std::string>> correct_typos(std::string& s);

// A quotation opened with '"' and closed with an apostrophe before the drafter's next words
// ("striking the word "triennial' and inserting"), in a sentence whose straight double quotes do
// not pair: read as closed there when that is the one such place. Corrects `raw` (quotes not
// masked) and returns (the words as written, the words as read); nothing when not so.
std::optional<std::pair<std::string, std::string>> close_mismatched_quote(std::string& raw);

// The quotation of the words inserted left open up to the drafter's last words ("and insert the
// phrase "subsection (d) in its place."): read as closed before "in its place", the one reading
// with a single mark missing. Corrects `raw` (quotes not masked) and returns (the words as
// written, the words as read); nothing when not so.
std::optional<std::pair<std::string, std::string>> close_before_place(std::string& raw);

}  // namespace amend::language
