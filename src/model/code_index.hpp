// A code's table of contents and its sections' sources: the codifier's own index. It tells which
// Code section a law's section became ("section 3 of D.C. Law 5-46" is § 50-2002) and which unit
// of the Code holds a whole law ("the Freedom of Information Act of 1976" is subchapter II of
// Chapter 5 of Title 2), so that text a law inserts can be written the way the codifier writes it.
//
// Stored as tab-separated lines, in the Code's order:
//   U <tab> prefix <tab> num <tab> parent unit (0-based line among the U lines, or -1)
//   S <tab> section number <tab> unit <tab> enacting law ("D.C. Law 5-46") <tab> its sections ("3,4")
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace amend {

struct CodeUnit {
    std::string prefix;  // "Title", "Chapter", "Subchapter", "Part", "Unit", ...
    std::string num;     // "2", "5", "II"
    int parent = -1;
    std::uint32_t first = 0, last = 0;  // its sections: positions [first, last) in CodeIndex::sections
};

struct CodeIndexSection {
    std::string number;                     // "50-2002"
    int unit = -1;                          // the innermost unit holding it
    std::string law;                        // the law that enacted it: "D.C. Law 5-46", "Pub. L. 90-614"
    std::vector<std::string> law_sections;  // that law's sections it holds: "3", "4"
};

class CodeIndex {
public:
    std::vector<CodeUnit> units;
    std::vector<CodeIndexSection> sections;

    // Builds the lookups and each unit's range; call after filling `units` and `sections`.
    void finish();
    bool empty() const { return sections.empty(); }

    std::string to_tsv() const;
    // Throws InputError ("NAME:LINE:COL: error: ...") on a malformed line.
    static CodeIndex from_tsv(std::string_view tsv, const std::string& name);
    // The D.C. Code's index, built into the program (corpus/dc/code-index.tsv).
    static const CodeIndex& dc();

    const CodeIndexSection* find(std::string_view section) const;
    // The Code section that holds section `law_section` ("3", "1028f") of `law`; empty when no
    // section or more than one does.
    std::string code_section_of(std::string_view law, std::string_view law_section) const;

    // The unit that holds the law whose first section is `first_section` ("§ 2-531 et seq."): of
    // the units opening with that section, those nine tenths of whose sections the same law
    // enacted, the largest (or, for a part of the law such as its "Title I", the smallest). -1
    // when no unit qualifies.
    int unit_of_law_at(std::string_view first_section, bool part_of_law) const;
    // The largest unit holding `section` nine tenths of whose sections its enacting law enacted,
    // all of them numbered in the hundred `block` of the law's numbering when block >= 0 ("this
    // title" of a law numbered 501, 502, ...: block 5). -1 when none.
    int unit_of_law_around(std::string_view section, int block = -1) const;

    // How the Code names unit `u` from inside `section`: "this subchapter" when it holds the
    // section, "Chapter 2 of this title", "subchapter I of Chapter 5 of Title 2".
    std::string name_from(int u, std::string_view section) const;

private:
    std::unordered_map<std::string, std::uint32_t> by_number_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_law_section_;  // "law\tsection"
    double share_of_law(int u, const std::string& law, int block) const;
};

// The hundred of a law's section number ("501" → 5, "1028f" → 10, "3" → 0); -1 when it does not
// start with a number.
int law_block(std::string_view law_section);

}  // namespace amend
