// WordprocessingML (DESIGN §11): a document as plain paragraphs of runs, written as a .docx, with
// deletions and insertions either as Word's tracked changes (w:del/w:ins, so that Accept All and
// Reject All give the two versions) or as struck-through and underscored formatting (as a Clerk
// receives an ordinance). Pure: bytes out, no file I/O, no clock.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace amend::docx {

enum class Mark : std::uint8_t { None, Deleted, Inserted };

struct Run {
    std::string text;
    Mark mark = Mark::None;
    bool bold = false;
    bool italic = false;
};

// A cell of a table: its runs, and how many grid columns it spans.
struct Cell {
    std::vector<Run> runs;
    int span = 1;
};
// A row of a table: added or removed whole (its row tracked too, so that Accept All or Reject All
// leaves no empty row), or neither.
struct Row {
    Mark whole = Mark::None;
    std::vector<Cell> cells;
};

// A block of the body: a paragraph, or (when `table` holds rows) a table, indented by `level`.
struct Paragraph {
    // The Word paragraph style it is written with (styles.xml).
    enum class WordStyle : std::uint8_t { Normal, Title, Heading, Quote, Centered };
    WordStyle style = WordStyle::Normal;
    int level = 0;           // indentation, a half inch per level
    bool first_line = false; // indent the first line (recitals, clauses)
    // A paragraph added or removed whole: its paragraph mark is tracked too, so that Accept All
    // (or Reject All) leaves no empty line.
    Mark whole = Mark::None;
    std::vector<Run> runs;
    std::vector<Row> table;  // not empty: the block is this table (style, whole and runs unused)
};

// Appends a run, merging it into the last one when they look the same.
void append(Paragraph& p, Run r);

struct Package {
    std::string title;   // the document's title (docProps/core.xml)
    std::string header;  // the running header on every page; the footer numbers the pages
    std::vector<Paragraph> body;
};

struct WriteOptions {
    bool tracked = true;           // false: Deleted struck through, Inserted underscored
    std::string author = "amend";  // w:author of every tracked change
    std::string date;              // w:date, ISO 8601 ("2016-01-01T00:00:00Z"); empty: none
};

// The .docx bytes: US Letter, one-inch margins, Times New Roman 12 pt.
std::string write_docx(const Package& pkg, const WriteOptions& o);

// A date for w:date from "2016", "2016-05" or "2016-05-18" (or a full "...T..Z"); empty when the
// text is none of these.
std::string iso_date(const std::string& text);

}  // namespace amend::docx
