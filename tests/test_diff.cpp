// The structure-aware diff: tokens, word operations, alignment of provisions.
#include <doctest/doctest.h>

#include "diff/diff.hpp"
#include "pipeline/inputs.hpp"
#include "support.hpp"

using amend::WordOp;

namespace {

std::string replay(const std::vector<WordOp>& ops, WordOp::Type skip) {
    std::string s;
    for (const auto& op : ops)
        if (op.type != skip) s += op.text;
    return s;
}

// "=same -old +new" notation for short expectations.
std::string notation(const std::vector<WordOp>& ops) {
    std::string s;
    for (const auto& op : ops) {
        s += op.type == WordOp::Type::Equal ? "[=" : op.type == WordOp::Type::Delete ? "[-" : "[+";
        s += op.text + "]";
    }
    return s;
}

std::vector<std::string> token_texts(const std::string& s) {
    std::vector<std::string> out;
    for (const auto& t : amend::tokenize(s)) out.push_back(s.substr(t.begin, t.end - t.begin));
    return out;
}

}  // namespace

TEST_CASE("diff: tokens keep numbers whole and make each punctuation mark a token") {
    CHECK(token_texts("fine of $2,000.00; see 2-173-042(c).") ==
          std::vector<std::string>{"fine", " ", "of", " ", "$2,000.00", ";", " ", "see", " ", "2-173-042", "(", "c", ")", "."});
    CHECK(token_texts("35,000 persons\xE2\x80\x94the agency\xE2\x80\x99s \xC2\xA7 42-3505.05") ==
          std::vector<std::string>{"35,000", " ", "persons", "\xE2\x80\x94", "the", " ", "agency\xE2\x80\x99s", " ",
                                   "\xC2\xA7", " ", "42-3505.05"});
    CHECK(token_texts("\xE2\x80\x9C" "Coercion\xE2\x80\x9D  means") ==
          std::vector<std::string>{"\xE2\x80\x9C", "Coercion", "\xE2\x80\x9D", "  ", "means"});
}

TEST_CASE("diff: word operations") {
    CHECK(notation(amend::word_diff("a fine of $2,000.00 for each", "a fine of $500.00 for each")) ==
          "[=a fine of ][-$2,000.00][+$500.00][= for each]");
    CHECK(notation(amend::word_diff("has an outstanding criminal warrant; or", "has an outstanding criminal warrant.")) ==
          "[=has an outstanding criminal warrant][-; or][+.]");
    // Two changes one word apart read as one phrase.
    CHECK(notation(amend::word_diff("shall be reported to the Clerk within ten days", "shall be sent to a Mayor within ten days")) ==
          "[=shall be ][-reported to the Clerk][+sent to a Mayor][= within ten days]");
    CHECK(notation(amend::word_diff("same", "same")) == "[=same]");
    CHECK(amend::word_diff("", "").empty());
    CHECK(notation(amend::word_diff("", "new words")) == "[+new words]");
    CHECK(notation(amend::word_diff("old words", "")) == "[-old words]");
}

TEST_CASE("diff: word operations replay both texts byte for byte") {
    const char* pairs[][2] = {
        {"Except for such reasonable time as is necessary to conduct the investigation specified in subsection (c) of this section, no agency or agent shall:",
         "No agency or agent shall:"},
        {"\xE2\x80\x9C" "Coercion\xE2\x80\x9D means the use of express or implied threats", "\"Coercion\" means the use of improper or unlawful force"},
        {"  leading and trailing  ", "leading\tand trailing"},
        {"\xC2\xA7 1-2-3 \xE2\x80\x93 x", "\xC2\xA7 1-2-4 \xE2\x80\x93 x"},
    };
    for (const auto& p : pairs) {
        auto ops = amend::word_diff(p[0], p[1]);
        CHECK(replay(ops, WordOp::Type::Insert) == p[0]);
        CHECK(replay(ops, WordOp::Type::Delete) == p[1]);
        for (std::size_t i = 1; i < ops.size(); ++i) CHECK(ops[i].type != ops[i - 1].type);
    }
}
