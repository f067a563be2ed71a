// The American Legal Publishing plain-text layout (Municipal Code of Chicago and others):
// "NUMBER Heading." on its own line; each level indented three more spaces; a designation, three
// spaces, then the text; several designations may open one line; a history note closes a section.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/provision.hpp"

namespace amend {

// Reads one file's bytes into `doc` (sections appended to doc.root). `path` names the file in
// diagnostics. Throws InputError on bad input; `doc` is then unchanged.
void read_text(const std::string& bytes, const std::string& path, Document& doc);

// Writes the sections that came from file `file_index` (or all, when -1) in the plain-text
// layout. For a text input this is byte for byte what was read; other inputs get the canonical
// layout.
std::string write_text(const Document& doc, int file_index = -1);

// A text-layout file cut before each section heading line, so that its sections can be read one
// by one (and in parallel). The blank lines before a heading go with its section; chunk 0 holds
// what precedes the first section (nothing, or chapter lines).
struct TextChunk {
    std::size_t begin = 0, end = 0;  // bytes [begin, end) of the file
    int first_line = 1;
    std::string number;  // the section's number; empty for chunk 0
};
struct TextFile {
    FileFacts facts;
    std::vector<TextChunk> chunks;
    // A line may open a chapter or article: read_text puts the sections after it inside it (and
    // the file's last blank lines at its end), which chunks do not.
    bool has_containers = false;
};
// Throws InputError as read_text does for invalid UTF-8 or an empty file; the chunks' own errors
// come from read_text_chunk.
TextFile split_text(const std::string& bytes, const std::string& path);

// The top-level provisions of one chunk (its section first, then any chapter line that follows),
// exactly as read_text reads them in the whole file, except that a section after a chapter line is
// not put inside the chapter. Throws InputError with the file's own line numbers: the first error
// of the whole file is the first error of the first chunk that has one.
// `file_index` is the file's place in its Document (SourceSpan::file).
std::vector<Provision> read_text_chunk(const std::string& bytes, const TextFile& file, std::size_t chunk,
                                       const std::string& path, std::uint32_t file_index = 0);

// read_text on every core, section by section, for a file of many sections: the same Document
// and the same first error.
void read_text_parallel(const std::string& bytes, const std::string& path, Document& doc);

// Reads quoted new text in the plain-text layout (an amendment's block quote): either whole
// sections ("2-173-045 Heading." first), or provisions whose indentation is relative to the least
// indented line. `first_line` is the line of `text` in `path`, for diagnostics.
std::vector<Provision> read_text_fragment(const std::string& text, const std::string& path, int first_line);

// Text on one line: every run of white space that holds a line break becomes one space, and white
// space at the ends goes (text read from XML may run over several lines). Text without a line
// break is returned as it is.
std::string one_line(const std::string& s);

// Writes one provision subtree (a section, or a provision inside one at `depth`) in the layout.
std::string write_text_provision(const Provision& p, int depth, const std::string& eol = "\n");

}  // namespace amend
