// The drafting language's tokens: quoted text (masked «n» by the reader), designations "(a)",
// numbers, words and punctuation, each with its byte column in the sentence.
#pragma once

#include <string>
#include <vector>

namespace amend::language {

struct Token {
    enum class Kind { Quote, Designation, Number, Word, Punct } kind = Kind::Word;
    std::string text;   // a word as written; a designation's inner text; a quote's index
    std::size_t at = 0;  // byte offset in the sentence
    bool is(const char* w) const;  // a word, compared without case
};

// Splits a sentence in which quoted phrases are masked as «n».
std::vector<Token> lex(const std::string& s);

}  // namespace amend::language
