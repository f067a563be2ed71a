#pragma once

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/code_index.hpp"

namespace amend {

// "amend 0.1": what generated the outputs, as `amend --version` says it.
inline constexpr const char* kGenerator = "amend 0.1";

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
    // Word and PDF (cli/export.hpp): the file to write, and the tracked changes' author and date.
    std::string out_file;
    std::string author = "amend";
    std::string date;
    // The side-by-side columns and the title; empty: from OLD's provenance sidecar when it has one
    // ("Text as of ..."), else "Old version" / "New version". Pages name no local path.
    std::string old_label, new_label;
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
    std::string jurisdiction;  // dc | general: whose conventions; empty: as the code declares (documents.hpp)
    bool whole_code = false;  // also write the whole amended code (whole-code.txt; XML: whole-code/)
};

// Writes the site and the files around it (apply_job.cpp). Into a folder that holds the manifest of
// an earlier run (`manifest.txt`, one path a line), the files that run wrote and this one does not
// are removed afterwards (and folders left empty by that); nothing else is ever removed.
Outcome run_apply(const ApplyOptions& o, std::ostream& out, std::ostream& err);

struct CompareOptions {
    std::vector<std::string> code;
    std::vector<std::string> amendments;  // two or more proposals, each applied to the same base
    std::string out_dir;
    bool strict = false;
    std::string jurisdiction;  // as ApplyOptions::jurisdiction
};

// Applies each proposal to the same code and writes the comparison site (render.hpp's
// render_compare_site) with its manifest. Outcome::refused, nothing written, when an instruction
// of any proposal fails.
Outcome run_compare(const CompareOptions& o, std::ostream& out, std::ostream& err);

struct DraftOptions {
    std::vector<std::string> code;
    std::string amendments;
    std::string style = "chicago";  // chicago | philadelphia
    std::string format = "md";      // md | html | text | docx | pdf
    std::string out_file;           // empty: standard output
    // Word (cli/export.hpp): tracked changes instead of struck and underscored formatting, and
    // their author and date (default: the amendment's date: line).
    bool tracked = false;
    std::string author = "amend";
    std::string date;
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
