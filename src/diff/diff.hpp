// Structure-aware diff (DESIGN §5): align two provision trees provision by provision, then diff
// words inside each aligned pair. The result is plain data; this module never formats.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/provision.hpp"

namespace amend {

// One run of a word diff. `text` is the exact bytes of the run, taken from the old text for
// Equal and Delete and from the new text for Insert.
struct WordOp {
    enum class Type : std::uint8_t { Equal, Delete, Insert };
    Type type = Type::Equal;
    std::string text;
    bool operator==(const WordOp&) const = default;
};

// Word-diffs two strings: tokens are words, numbers with their separators ("$35,000,000",
// "2-173-042"), single punctuation marks and white-space runs; offsets into the originals keep
// every byte. Adjacent runs of one type are merged, deletions come before insertions, and short
// equal runs between changes are absorbed (semantic cleanup) so that a lawyer reads whole phrases.
std::vector<WordOp> word_diff(const std::string& old_text, const std::string& new_text);

struct ProvisionChange {
    enum class Type : std::uint8_t { Unchanged, Inserted, Deleted, Modified, Redesignated, Moved };
    Type type = Type::Unchanged;
    const Provision* old_p = nullptr;  // null for Inserted
    const Provision* new_p = nullptr;  // null for Deleted
    std::string old_citation, new_citation;  // "2-173-042(c)(4)"; empty where there is no side
    std::string old_eid, new_eid;
    int depth = 0;                     // 0 for a section
    bool designation_changed = false;
    std::vector<WordOp> heading_ops;   // empty when the heading is unchanged
    std::vector<WordOp> text_ops;      // empty when the text is unchanged
};

// The changes of one section, in reading order (new order, with deletions at their old place).
struct SectionDiff {
    std::string number;
    const Provision* old_s = nullptr;
    const Provision* new_s = nullptr;
    std::vector<ProvisionChange> changes;
    bool changed() const;
};

struct ChangeSet {
    std::vector<SectionDiff> sections;
    bool empty() const;
};

// Aligns the sections of two trees by number, then each section's provisions.
ChangeSet diff_trees(const Provision& old_root, const Provision& new_root);

}  // namespace amend
