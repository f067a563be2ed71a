// Typos of the operative words read where only one reading is possible.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace amend::language {

// Corrects `s` (quotes masked «n») in place; returns each correction made, as (the words as
// written, the words as read), for the warning that names them.
std::vector<std::pair<std::string, std::string>> correct_typos(std::string& s);

}  // namespace amend::language
