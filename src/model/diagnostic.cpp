#include "model/diagnostic.hpp"

#include <cstdint>
#include <cstring>

#include <algorithm>

namespace amend {

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

const std::vector<DiagnosticCode>& diagnostic_codes() {
    static const std::vector<DiagnosticCode> table = {
        {"amend.ambiguous", "a phrase or target that matches more than one place the instruction could mean"},
        {"amend.applied-already", "the words an instruction inserts already stand where it puts them: nothing changed (warning)"},
        {"amend.applicability", "a whole law's provision that holds back when its changes apply (funds, a later date), which the text written does not (warning)"},
        {"amend.apply", "an instruction that cannot be applied as read"},
        {"amend.block", "the quoted text an instruction needs is missing or not of the kind it names"},
        {"amend.carried", "an instruction on a law in no code carried into the Code section whose history says that law wrote the words (note)"},
        {"amend.codified", "words a law inserts written as the D.C. codifier writes them (warning)"},
        {"amend.codify-bill", "a bill cited as passed, which the D.C. codifier writes as the Code section or D.C. Law it became"},
        {"amend.codify-date", "a date the D.C. codifier writes that the law does not give"},
        {"amend.codify-unit", "the law's own unit (\"this subtitle\") in words it inserts, which the D.C. codifier writes as the Code unit it became"},
        {"amend.conflict", "two instructions change the same words"},
        {"amend.count", "a phrase found another number of times than the instruction says"},
        {"amend.dangling", "a citation left pointing at what the amendment struck, repealed or redesignated (warning)"},
        {"amend.designation", "the quoted text's designation or section number is not the instruction's"},
        {"amend.duplicate-section", "one section number twice in the code given"},
        {"amend.exists", "a provision the instruction adds stands already (warning, or an error where it would be overwritten)"},
        {"amend.heading-left", "words an edit of every place changed in a section's text stand in its heading too, left as they are (warning)"},
        {"amend.instruction", "a sentence of drafting language not read to its last word"},
        {"amend.internal", "amend's own slip, found before anything is written"},
        {"amend.law-text", "an instruction on a law's own text that the code does not hold"},
        {"amend.markdown", "an amendment document that is not in the expected Markdown form"},
        {"amend.markup", "a slip of a D.C. law's markup read one way (warning): a heading that is an amending sentence"},
        {"amend.not-funded", "a section holding a Not Funded placeholder whose text the law does not give"},
        {"amend.no-ordinance", "no ordinance drafted, since instructions were skipped as naming sections not in the code given (warning)"},
        {"amend.not-given", "a section the instruction names is not in the code given (note)"},
        {"amend.permanent", "temporary or emergency text made permanent: restated (warning)"},
        {"amend.place", "the place the instruction states for a new unit is not where number order puts it, or is not there"},
        {"amend.phrase", "a phrase the instruction quotes is not in its target"},
        {"amend.punctuation", "words added after a closing mark of punctuation that begin with one: before the mark or after it is not said"},
        {"amend.quotation", "inserted words whose quotation marks would not balance"},
        {"amend.redesignate", "a redesignation that cannot be made as read"},
        {"amend.renumbered", "a law's own section renumbered, whose Code number is the codifier's: nothing changed (note)"},
        {"amend.regex", "a sentence or text too complex for a pattern to read or search (Boost.Regex gave up)"},
        {"amend.restate", "a restatement whose quoted text does not fit its target"},
        {"amend.restatement", "a restated section's unmarked words differ from the code"},
        {"amend.table", "a tabular array to replace that is not one: none or several in the unit, or none quoted"},
        {"amend.scope", "a change throughout a title, chapter or code that does not say wherever it appears"},
        {"amend.sentence", "a sentence of a unit that cannot be told or is not there"},
        {"amend.target", "a target that is not in the code given, or not where the instruction says"},
        {"amend.title", "a section named in another title than its own, read in its own (warning)"},
        {"amend.typo", "operative words read past a typo where only one reading is possible (warning)"},
        {"amend.uncodified", "an instruction on a law that no code holds (note)"},
        {"docx.body", "a Word file with no document body"},
        {"docx.external", "a Word file that refers to content outside it"},
        {"docx.macro", "a Word file with macros"},
        {"docx.marks", "struck or underscored text that cannot be read as a deletion or an insertion"},
        {"docx.package", "a Word file whose package parts are missing or wrong"},
        {"docx.structure", "a Word amendment whose paragraphs are not in the order of an amendment document"},
        {"docx.symbol", "a Word symbol that is no character"},
        {"docx.xml", "malformed XML inside a Word file"},
        {"docx.zip", "a Word file that is not a readable zip"},
        {"index.folder", "a D.C. Code folder whose table of contents cannot be read"},
        {"index.line", "a line of a Code index file that cannot be read"},
        {"input.utf8", "invalid UTF-8"},
        {"io.empty-folder", "a folder given as a code that holds no code file (.txt or .xml)"},
        {"io.line-too-long", "a line over 16 MiB"},
        {"io.read", "a file that cannot be read"},
        {"io.too-large", "a file over 256 MiB"},
        {"parse.designation", "a provision line whose designation cannot be read"},
        {"parse.empty", "a code file with no section"},
        {"parse.eol", "mixed line ends"},
        {"parse.indent", "indentation that is not the layout's"},
        {"parse.quote", "an unclosed quotation"},
        {"parse.regex", "a line too complex to scan"},
        {"parse.section", "a section heading line expected"},
        {"provenance.completeness", "a provenance sidecar's completeness not one of the known words"},
        {"provenance.key", "an unknown key in a provenance sidecar"},
        {"provenance.line", "a provenance sidecar line that is not key: value"},
        {"provenance.missing", "a provenance sidecar without a required key"},
        {"provenance.repeated", "a key given twice in a provenance sidecar"},
        {"xml.empty", "an XML file with no content"},
        {"xml.num", "a D.C. section with no <num>"},
        {"xml.root", "an XML file whose root element is not the one expected (a D.C. section, an instruction, a law)"},
        {"xml.syntax", "malformed XML"},
    };
    return table;
}

std::string format_headline(const Diagnostic& d) {
    std::string s = d.file;
    if (d.line > 0) {
        s += ":" + std::to_string(d.line);
        if (d.col > 0) s += ":" + std::to_string(d.col);
    }
    if (!s.empty()) s += ": ";
    s += std::string(severity_name(d.severity)) + ": " + d.message;
    if (!d.code.empty()) s += " [" + d.code + "]";
    return s;
}

std::string format_full(const Diagnostic& d) {
    std::string s = format_headline(d) + "\n";
    if (!d.source_line.empty()) {
        s += "  " + d.source_line + "\n";
        if (d.col > 0) s += "  " + std::string(static_cast<std::size_t>(d.col - 1), ' ') + "^\n";
    }
    return s;
}

static std::string join_headlines(const std::vector<Diagnostic>& ds) {
    std::string s;
    for (const auto& d : ds) {
        if (!s.empty()) s += "\n";
        s += format_headline(d);
    }
    return s;
}

InputError::InputError(Diagnostic d) : InputError(std::vector<Diagnostic>{std::move(d)}) {}
InputError::InputError(std::vector<Diagnostic> ds)
    : std::runtime_error(join_headlines(ds)), diags_(std::move(ds)) {}

LineIndex::LineIndex(const std::string& text) : text_(&text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts_.push_back(i + 1);
}

std::pair<int, int> LineIndex::locate(std::size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
    std::size_t col = offset - starts_[line - 1] + 1;
    return {static_cast<int>(line), static_cast<int>(col)};
}

std::string LineIndex::line_text(int line) const {
    if (line < 1 || static_cast<std::size_t>(line) > starts_.size()) return {};
    std::size_t b = starts_[static_cast<std::size_t>(line - 1)];
    std::size_t e = text_->find('\n', b);
    if (e == std::string::npos) e = text_->size();
    if (e > b && (*text_)[e - 1] == '\r') --e;
    return text_->substr(b, e - b);
}

void require_utf8(const std::string& s, const std::string& file) {
    std::size_t i = 0, n = s.size();
    while (i < n) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        unsigned min = 0;
        if (c < 0x80) {
            // ASCII runs eight bytes at a time.
            ++i;
            while (i + 8 <= n) {
                std::uint64_t w;
                std::memcpy(&w, s.data() + i, 8);
                if (w & 0x8080808080808080ull) break;
                i += 8;
            }
            continue;
        }
        if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
        bool ok = len != 0 && i + len <= n;
        unsigned cp = ok ? (c & (0x7Fu >> len)) : 0;
        for (std::size_t k = 1; ok && k < len; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) ok = false;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
        if (!ok) {
            LineIndex idx(s);
            auto [line, col] = idx.locate(i);
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", c);
            throw InputError(Diagnostic{file, line, col,
                                        "invalid UTF-8 (byte " + std::string(hex) + " at offset " +
                                            std::to_string(i) + ")",
                                        "input.utf8", ""});
        }
        i += len;
    }
}

}  // namespace amend
