// Amendment documents as read, before interpretation: a tree of instruction items, each with its
// sentence(s) in the drafter's words, the quoted new text (as provisions), and sub-items.
// Both readers (Markdown amendment files and D.C. law instruction XML) produce this.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/provision.hpp"

namespace amend {

struct InstructionItem {
    std::string text;                 // the drafting sentence(s), literal
    std::string designation;          // the item's own number, "(1)", "(A)"; not a target
    std::string law_unit;             // the unit of its law this item is, as the D.C. Code's annotations
                                      // cite it ("§3072|(a)|(1)"); empty where the law does not say
    std::string file;
    int line = 0, col = 0;
    int text_line = 0, text_col = 0;  // where `text` starts in `file` (0: not known)
    std::string text_source_line;     // that line of `file`, for a caret under a word of the sentence
    std::vector<Provision> blocks;    // quoted new text already read (D.C. <include>), in order
    struct Quote {
        int line = 0;                 // first line of the quoted text in `file`
        std::string text;             // a Markdown block quote's lines, "> " removed, verbatim
        std::vector<int> margins;     // per line of `text`: the bytes removed before it ("> ")
        std::vector<int> lines;       // per line of `text`: its line in `file`, when not line + index
                                      // (a .docx: the paragraph's number; blank lines between have 0)
    };
    std::vector<Quote> quotes;        // read when the sentence says what they are
    std::vector<Provision> law_text;  // a D.C. law provision itself, for when the law's text becomes the Code's
    bool blocks_are_text_layout = false;  // blocks came from plain-text layout (depth relative)
    std::vector<InstructionItem> children;
};

// A provision of a whole law that amends nothing (a short title, findings, applicability, the
// fiscal impact statement, the effective date, or the law's own new sections): listed, not read.
struct LawProvision {
    std::string designation;          // "Sec. 7", "(a)"
    std::string heading;              // "Fiscal impact statement."
    std::string file;
    int line = 0, col = 0;
};

struct AmendmentDoc {
    std::string file;
    std::string title;
    std::vector<std::pair<std::string, std::string>> meta;  // key: value lines, in order
    std::vector<InstructionItem> items;
    std::string default_section;      // a D.C. instruction file's target="§42-3505.05", if any
    bool enacted = false;             // a law as enacted (a D.C. law or instruction file), not a proposal:
                                      // there is no ordinance to draft from it
    std::vector<LawProvision> not_amending;  // a whole law's provisions that amend nothing
    std::vector<Diagnostic> warnings;        // what the reader assumed of the document's markup
};

}  // namespace amend
