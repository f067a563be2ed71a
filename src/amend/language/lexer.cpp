#include "amend/language/lexer.hpp"

#include <cctype>
#include <cstring>

namespace amend::language {

bool Token::is(const char* w) const {
    if (kind != Kind::Word || text.size() != std::strlen(w)) return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(w[i]))) return false;
    return true;
}

std::vector<Token> lex(const std::string& s) {
    static const std::string open = "\xC2\xAB", close = "\xC2\xBB";
    std::vector<Token> out;
    std::size_t i = 0;
    auto alnum = [&](std::size_t k) { return k < s.size() && (std::isalnum(static_cast<unsigned char>(s[k])) || (s[k] & 0x80)); };
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isspace(c)) {
            ++i;
            continue;
        }
        Token t;
        t.at = i;
        if (s.compare(i, open.size(), open) == 0 && s.find(close, i) != std::string::npos) {
            std::size_t e = s.find(close, i);
            t.kind = Token::Kind::Quote;
            t.text = s.substr(i + open.size(), e - i - open.size());
            i = e + close.size();
        } else if (s.compare(i, open.size(), open) == 0) {
            // A quotation mark never closed (the reader's masks come in pairs; an input can hold a
            // lone one): a mark of its own, never a search from the end of the text.
            t.kind = Token::Kind::Punct;
            t.text = open;
            i += open.size();
        } else if (c == '(') {
            std::size_t e = s.find(')', i);
            if (e != std::string::npos && e - i <= 13 && s.find_first_of(" (", i + 1) > e) {
                t.kind = Token::Kind::Designation;
                t.text = s.substr(i + 1, e - i - 1);
                i = e + 1;
            } else {
                t.kind = Token::Kind::Punct;
                t.text = "(";
                ++i;
            }
        } else if (std::isdigit(c)) {
            std::size_t e = i;
            while (alnum(e) || (e < s.size() && (s[e] == '.' || s[e] == '-' || s[e] == ',') && alnum(e + 1))) ++e;
            t.kind = Token::Kind::Number;
            t.text = s.substr(i, e - i);
            i = e;
        } else if (alnum(i)) {
            std::size_t e = i;
            while (alnum(e) || (e < s.size() && (s[e] == '-' || s[e] == '\'') && alnum(e + 1))) ++e;
            t.kind = Token::Kind::Word;
            t.text = s.substr(i, e - i);
            i = e;
        } else {
            t.kind = Token::Kind::Punct;
            t.text = s.substr(i, 1);
            ++i;
        }
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace amend::language
