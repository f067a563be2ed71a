// The amending ordinance (DESIGN §2, draft): built from a ChangeSet as plain data in a jurisdiction's
// form (a Style), then rendered to CommonMark, a standalone HTML page or plain text. The library never
// touches files.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "diff/diff.hpp"
#include "docx/docx.hpp"
#include "draft/style.hpp"

namespace amend::draft {

// A run of words: unchanged, deleted (struck, or bracketed) or inserted (underscored).
struct Run {
    enum class Kind : std::uint8_t { Plain, Deleted, Inserted };
    Kind kind = Kind::Plain;
    std::string text;
    bool operator==(const Run&) const = default;
};

struct Block {
    enum class Kind : std::uint8_t {
        Title,        // the ordinance's title
        Recital,      // a WHEREAS clause or a free recital paragraph
        Enacting,     // "BE IT ORDAINED ..."
        Clause,       // "SECTION 1. Section ... is hereby amended ..., as follows:" (label + runs)
        Provision,    // one provision of a restated section (quoted): its designation, heading and text
        Elision,      // "(Omitted text is unaffected by this ordinance)" (quoted)
        Explanation,  // a closing footnote on the marks
    };
    Kind kind = Kind::Recital;
    std::string label;   // Clause: "SECTION 1."
    int depth = 0;       // Provision and Elision: 0 for the section's line, 1 for a subsection, ...
    std::vector<Run> runs;
    bool quoted() const { return kind == Kind::Provision || kind == Kind::Elision; }
};

struct Ordinance {
    std::string title;
    std::vector<Block> blocks;
};

// What the amendment document contributes besides its instructions.
struct DraftInput {
    std::string title;
    std::vector<std::pair<std::string, std::string>> meta;  // "whereas" and "recital" entries are used
};

// One SECTION per changed section of `cs`, in code order (numbers compared piece by piece,
// numerically where both are digits): restated with its changes marked and unchanged provisions
// elided (one elision per run), added with all its text inserted, or repealed.
Ordinance build_ordinance(const ChangeSet& cs, const DraftInput& in, const Style& style);

// CommonMark: the restated sections in block quotes, one paragraph per provision, marks as raw
// <del>/<ins> (render with raw HTML allowed).
std::string ordinance_md(const Ordinance& o, const Style& style);
// A standalone page: inline CSS, no script, print styles.
std::string ordinance_html(const Ordinance& o, const Style& style);
// Word (.docx): struck-through and underscored formatting, or with `wo.tracked` tracked changes.
std::string ordinance_docx(const Ordinance& o, const Style& style, const docx::WriteOptions& wo);
// Plain text: the style's textual marks; restated sections indented three spaces per level.
std::string ordinance_text(const Ordinance& o, const Style& style);

}  // namespace amend::draft
