#pragma once

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/code_index.hpp"

namespace amend {

// What a job found. The command line turns it into an exit code (src/cli/exit_codes.hpp); bad
// input and usage errors are thrown (InputError, UsageError).
enum class Outcome {
    ok,           // done; for diff: the two codes are equal
    differences,  // diff: the two codes differ
    refused,      // an instruction failed: nothing was written
};

// A command used wrongly (an unknown citation given to --at, an output path that is an input).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct ShowOptions {
    std::vector<std::string> paths;
    std::string at;
    std::string format = "outline";
};

Outcome run_show(const ShowOptions& o, std::ostream& out);

struct DiffOptions {
    std::string old_path, new_path;
    std::string format = "md";  // md | html | side-by-side | text | json
    bool timings = false;       // print the stage split (read, align, word diff, render) to stderr
    bool full = false;          // show unchanged provisions whole instead of eliding them
};

// Outcome::ok when the two codes are equal, Outcome::differences when they differ.
Outcome run_diff(const DiffOptions& o, std::ostream& out);

struct ApplyOptions {
    std::vector<std::string> code;
    std::string amendments;
    std::string out_dir;   // empty for `amend check`
    bool strict = false;
    bool timings = false;  // print the stage split (read, apply, site, write) to stderr
    std::string code_index;  // a D.C. Code index file; empty: the one built into the program
};

Outcome run_apply(const ApplyOptions& o, std::ostream& out, std::ostream& err);

struct DraftOptions {
    std::vector<std::string> code;
    std::string amendments;
    std::string style = "chicago";  // chicago | philadelphia
    std::string format = "md";      // md | html | text
    std::string out_file;           // empty: standard output
};

Outcome run_draft(const DraftOptions& o, std::ostream& out, std::ostream& err);

struct IndexOptions {
    std::string code_dir;  // the D.C. Code's XML tree (us/dc/council/code or a folder above it)
    std::string out_file;  // empty: standard output
};

// The D.C. Code's index from its XML tree: `dir` holds titles/<T>/index.xml (us/dc/council/code, or
// a folder above it). Throws InputError for malformed XML or a folder without titles.
CodeIndex build_dc_index(const std::string& dir);

// Writes the Code's index (model/code_index.hpp) as tab-separated lines.
Outcome run_index(const IndexOptions& o, std::ostream& out);

struct ExplainOptions {
    std::vector<std::string> amendments;  // Markdown, D.C. instruction XML or whole D.C. law files
    std::vector<std::string> code;        // optional: check the targets against this code
    std::string format = "text";          // text | json
};

// Prints what each instruction will do, in reading order. Exit 0 when every instruction was read,
// 2 when any was not (the errors on `err`; what was read is still printed).
Outcome run_explain(const ExplainOptions& o, std::ostream& out, std::ostream& err);

}  // namespace amend
