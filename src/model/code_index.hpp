// A code's table of contents: its units (title, chapter, subchapter, part, ...) and the section
// each holds. The D.C. codifier cites a unit by where it stands from the citing section: a law's
// <code-cite path="1|11A|II|E">subtitle E of this title</code-cite> is published "part E of this
// subchapter" in § 1-1162.10 and "part E of subchapter II of Chapter 11A of this title" in
// § 1-350.02. The index is what that naming needs.
//
// Stored as tab-separated lines, in the Code's order:
//   U <tab> prefix <tab> num <tab> parent unit (0-based position among the U lines, or -1)
//   S <tab> section number <tab> the innermost unit holding it
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace amend {

struct CodeUnit {
    std::string prefix;  // "Title", "Chapter", "Subchapter", "Part", "Unit", ...
    std::string num;     // "2", "5", "II"
    int parent = -1;
};

class CodeIndex {
public:
    std::vector<CodeUnit> units;
    std::vector<std::pair<std::string, int>> sections;  // section number, innermost unit

    // Builds the lookups; call after filling `units` and `sections`.
    void finish();

    std::string to_tsv() const;
    // Throws InputError ("NAME:LINE:1: error: expected ...") on a malformed line.
    static CodeIndex from_tsv(std::string_view tsv, const std::string& name);
    // The D.C. Code's index, built into the program (corpus/dc/code-index.tsv).
    static const CodeIndex& dc();

    // The unit a path of unit numbers names, title first: "1|11A|II|E"; -1 when none.
    int unit_at(std::string_view path) const;
    // The chapter holding section `section` (its nearest unit named "Chapter"); -1 when the index
    // does not hold the section.
    int chapter_of(std::string_view section) const;

    // How the Code names unit `u` from inside `section`: "this subchapter" when it holds the
    // section, "Chapter 2 of this title", "subchapter I of Chapter 5 of Title 2". Empty for no unit.
    std::string name_from(int u, std::string_view section) const;

private:
    std::unordered_map<std::string, int> section_unit_;  // "50-2002" → its innermost unit
    std::unordered_map<std::string, int> by_path_;       // "1|11A|II|E" → unit
};

}  // namespace amend
