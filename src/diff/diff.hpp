// Structure-aware diff (DESIGN §5): align two provision trees provision by provision, then diff
// words inside each aligned pair. The result is plain data; this module never formats.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

// The tokens word_diff compares, as (begin, end) byte offsets into `text`; they tile it exactly.
struct Token {
    enum class Kind : std::uint8_t { Space, Word, Number, Punct };
    Kind kind = Kind::Word;
    std::size_t begin = 0, end = 0;
};
std::vector<Token> tokenize(const std::string& text);
// The words of a text (its tokens that are not white space): how many, and their 64-bit hashes
// (FNV-1a) in order, appended to `out`.
std::size_t count_words(const std::string& text);
void word_hashes(const std::string& text, std::vector<std::uint64_t>& out);

struct ProvisionChange {
    enum class Type : std::uint8_t { Unchanged, Inserted, Deleted, Modified, Redesignated, Moved };
    Type type = Type::Unchanged;
    const Provision* old_p = nullptr;  // null for Inserted
    const Provision* new_p = nullptr;  // null for Deleted
    std::string old_citation, new_citation;  // "2-173-042(c)(4)"; empty where there is no side
    std::string old_eid, new_eid;
    // A stable anchor for the provision, from its citation: "2-173-042(c)(4)", "2-57-010:Coercion";
    // a history note or unnumbered paragraph gets its parent's anchor plus "-text-2". Taken from
    // the new side, or from the old side (prefixed "was-") for a deleted provision.
    std::string anchor;
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

// Where the time of diff_trees goes, for `amend diff --timings`: the word diffs run inside the
// alignment walk, so their time is measured on its own.
struct DiffTimings {
    double word_diff_seconds = 0;
};

// Aligns the sections of two trees by number, then each section's provisions. When each tree holds
// exactly one section and their numbers differ (a definition restated in another chapter), the two
// are compared as one section whose number changed. The ChangeSet points into both trees: they must
// outlive it.
ChangeSet diff_trees(const Provision& old_root, const Provision& new_root, DiffTimings* timings = nullptr);

// The sections diff_trees compares, in its order: pairs of indexes into the old and the new
// section numbers (-1 where a side has none). Numbers pair in order of the new side (the k-th old
// section of a number with its k-th new one); an old section without a partner is shown where it
// stood.
struct SectionPair {
    long old_index = -1, new_index = -1;
};
// `lone_pair`: two lists of one section each pair whatever their numbers (diff_trees' rule for
// two codes of one section each); false for lists that are part of larger codes.
std::vector<SectionPair> pair_sections(const std::vector<std::string_view>& old_numbers,
                                       const std::vector<std::string_view>& new_numbers, bool lone_pair = true);
// diff_trees over two lists of sections (say, only those an amendment changed), paired by
// pair_sections(`lone_pair`).
ChangeSet diff_sections(const std::vector<const Provision*>& old_sections,
                        const std::vector<const Provision*>& new_sections, bool lone_pair,
                        DiffTimings* timings = nullptr);
// One section's changes (either side may be null): what diff_trees gives for a pair. With
// `name_unchanged` false, the provisions of identical subtrees get no citation, eId or anchor
// (only their depth): enough for pages that show only changes and their ancestors.
SectionDiff diff_section(const Provision* old_s, const Provision* new_s, DiffTimings* timings = nullptr,
                         bool name_unchanged = true);

// A cell-by-cell diff of two texts that are tables (RichText::only_table; either may hold none,
// for a table inserted or struck whole). Rows are aligned by their words (the longest common run
// of equal rows); between two aligned rows, the rows left on each side pair in order where they
// hold as many cells, and each pair's cells are word-diffed; the rest are struck or inserted whole.
struct CellDiff {
    std::vector<WordOp> ops;  // one Equal, Delete or Insert op for a cell of an equal, struck or inserted row
    std::uint32_t old_colspan = 1, new_colspan = 1;
    bool header = false;
};
struct RowDiff {
    enum class Type : std::uint8_t { Equal, Modified, Inserted, Deleted };
    Type type = Type::Equal;
    std::vector<CellDiff> cells;
};
std::vector<RowDiff> diff_tables(const RichText& old_table, const RichText& new_table);
// The table diff of a change whose text is a table (shows_as_table) on each side it has: added or
// struck whole with its provision, or compared cell by cell; none where a side's text is no table.
std::optional<std::vector<RowDiff>> table_change(const ProvisionChange& c);

// Totals over a change set: words (non-space tokens) struck and inserted, provisions changed.
struct DiffStats {
    std::size_t words_struck = 0, words_inserted = 0, provisions_changed = 0;
};
DiffStats stats_of(const SectionDiff& s);
DiffStats stats_of(const ChangeSet& cs);
const char* change_type_name(ProvisionChange::Type t);  // "unchanged", "inserted", ...

}  // namespace amend
