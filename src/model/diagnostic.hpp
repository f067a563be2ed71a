// Diagnostics: the one error type for bad input. Library code never prints; it throws InputError
// carrying one or more diagnostics, and the command-line layer formats them.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace amend {

// How much a diagnostic weighs: an error stops the job (nothing is written); a warning is a
// change made otherwise than quoted, or not made (applied already); a note says what was left
// alone (a section not in the code given).
enum class Severity : unsigned char { Error, Warning, Note };
const char* severity_name(Severity s);  // "error", "warning", "note"

struct Diagnostic {
    std::string file;       // as given by the user; empty when it is not a place in a file
    int line = 0;           // 1-based; 0 when not known
    int col = 0;            // 1-based, in bytes
    std::string message;    // "expected a designation after "(b)""
    std::string code;       // "parse.designation"; may be empty
    std::string source_line;  // the offending line, for the caret display; may be empty
    Severity severity = Severity::Error;
};

// Every code a diagnostic carries, with what it says, in one table (diagnostic.cpp); a test holds
// the table against the codes the sources give.
struct DiagnosticCode {
    const char* code;     // "amend.phrase"
    const char* meaning;  // "a phrase the instruction quotes is not in its target"
};
const std::vector<DiagnosticCode>& diagnostic_codes();

// "file:line:col: error: message [code]" (no trailing newline; "warning" or "note" by severity;
// with no file, "warning: message [code]").
std::string format_headline(const Diagnostic& d);
// The headline, then the source line and a caret under the column, each ending in '\n'.
std::string format_full(const Diagnostic& d);

class InputError : public std::runtime_error {
public:
    explicit InputError(Diagnostic d);
    explicit InputError(std::vector<Diagnostic> ds);
    const std::vector<Diagnostic>& diagnostics() const { return diags_; }

private:
    std::vector<Diagnostic> diags_;
};

// Maps byte offsets to 1-based line and column numbers.
class LineIndex {
public:
    explicit LineIndex(const std::string& text);
    std::pair<int, int> locate(std::size_t offset) const;
    std::string line_text(int line) const;

private:
    const std::string* text_;
    std::vector<std::size_t> starts_;
};

// Checks that `bytes` is valid UTF-8; throws InputError naming the byte offset of the first bad byte.
void require_utf8(const std::string& bytes, const std::string& file);

}  // namespace amend
