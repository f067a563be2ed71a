// Word diff (DESIGN §5): tokens keep offsets into the originals, dtl compares token ids, and a
// semantic cleanup merges tiny equal runs between changes so that whole phrases are marked.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "diff/diff.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <dtl/dtl.hpp>
#pragma GCC diagnostic pop

namespace amend {

namespace {

bool is_ascii_alnum(unsigned char c) {
    return static_cast<unsigned char>((c | 0x20) - 'a') < 26 || static_cast<unsigned char>(c - '0') < 10;
}
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Length of the UTF-8 sequence starting at s[i] (1 for ASCII or a stray byte) and its code point.
std::size_t utf8_at(const std::string& s, std::size_t i, char32_t& cp) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + n > s.size()) n = 1;
    if (n == 1) {
        cp = c;
        return 1;
    }
    cp = c & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        if ((b >> 6) != 0x2) {
            cp = c;
            return 1;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    return n;
}

// Letters of any script are word characters; Latin-1 symbols (§, ¶, «), general punctuation
// (curly quotes, dashes, …) and no-break spaces are punctuation marks of their own.
bool is_word_cp(char32_t cp) {
    if (cp < 0x80) return is_ascii_alnum(static_cast<unsigned char>(cp));
    if (cp >= 0xA0 && cp <= 0xBF) return false;
    if (cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0x2000 && cp <= 0x206F) return false;
    if (cp >= 0x3000 && cp <= 0x303F) return false;
    return true;
}

bool is_apostrophe_at(const std::string& s, std::size_t i, std::size_t& len) {
    if (s[i] == '\'') {
        len = 1;
        return true;
    }
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
        len = 3;
        return true;
    }
    return false;
}

bool word_char_at(const std::string& s, std::size_t i, std::size_t& len) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        len = 1;
        return is_ascii_alnum(c);
    }
    char32_t cp = 0;
    len = utf8_at(s, i, cp);
    return is_word_cp(cp);
}

}  // namespace

namespace {

// The tokenizer, calling emit(token) for each token in order (no vector: counting and hashing
// words need none).
template <class Emit>
void scan_tokens(const std::string& s, Emit emit) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        Token t;
        t.begin = i;
        std::size_t len = 0;
        if (is_space(c)) {
            t.kind = Token::Kind::Space;
            while (i < s.size() && is_space(static_cast<unsigned char>(s[i]))) ++i;
        } else if (is_digit(c) || (c == '$' && i + 1 < s.size() && is_digit(static_cast<unsigned char>(s[i + 1])))) {
            // A number keeps its separators when a digit follows them: $2,000.00, 2-173-042, 42-3505.05.
            t.kind = Token::Kind::Number;
            ++i;
            while (i < s.size()) {
                auto d = static_cast<unsigned char>(s[i]);
                if (is_ascii_alnum(d)) ++i;
                else if ((d == ',' || d == '.' || d == '-' || d == '/' || d == ':') && i + 1 < s.size() &&
                         is_digit(static_cast<unsigned char>(s[i + 1])))
                    i += 2;
                else break;
            }
        } else if (word_char_at(s, i, len)) {
            // A word; an apostrophe between letters stays inside it (agency’s, don't).
            t.kind = Token::Kind::Word;
            i += len;
            while (i < s.size()) {
                std::size_t al = 0, wl = 0;
                auto d = static_cast<unsigned char>(s[i]);
                if (is_ascii_alnum(d)) ++i;  // the common case, without decoding
                else if (d < 0x80 && d != '\'') break;
                else if (word_char_at(s, i, wl)) i += wl;
                else if (is_apostrophe_at(s, i, al) && i + al < s.size() && word_char_at(s, i + al, wl)) i += al + wl;
                else break;
            }
        } else {
            t.kind = Token::Kind::Punct;
            char32_t cp = 0;
            i += utf8_at(s, i, cp);
        }
        t.end = i;
        emit(t);
    }
}

}  // namespace

std::vector<Token> tokenize(const std::string& s) {
    std::vector<Token> out;
    scan_tokens(s, [&](const Token& t) { out.push_back(t); });
    return out;
}

std::size_t count_words(const std::string& s) {
    std::size_t n = 0;
    scan_tokens(s, [&](const Token& t) { n += t.kind != Token::Kind::Space; });
    return n;
}

void word_hashes(const std::string& s, std::vector<std::uint64_t>& out) {
    scan_tokens(s, [&](const Token& t) {
        if (t.kind == Token::Kind::Space) return;
        std::uint64_t h = 1469598103934665603ull;  // FNV-1a
        for (std::size_t k = t.begin; k < t.end; ++k) h = (h ^ static_cast<unsigned char>(s[k])) * 1099511628211ull;
        out.push_back(h);
    });
}

namespace {

// A run of the edit script: an equal stretch, or a change (deleted text, then inserted text).
struct Run {
    bool equal = true;
    std::string del, ins;  // for an equal run, `del` holds the (shared) text
};

void push(std::vector<Run>& runs, bool equal, const std::string& del, const std::string& ins) {
    if (!runs.empty() && runs.back().equal == equal) {
        runs.back().del += del;
        runs.back().ins += ins;
        return;
    }
    runs.push_back(Run{equal, del, ins});
}

// diff-match-patch's cleanupSemantic, by bytes: an equal run between two changes, no longer than
// the larger side of the change before it and of the change after it, is folded into one change.
// A run of white space alone, or a single word with its spaces, is always folded.
void cleanup_semantic(std::vector<Run>& runs) {
    bool changed = true;
    while (changed) {
        changed = false;
        for (std::size_t k = 1; k + 1 < runs.size(); ++k) {
            if (!runs[k].equal || runs[k - 1].equal || runs[k + 1].equal) continue;
            const Run& a = runs[k - 1];
            const Run& b = runs[k + 1];
            std::size_t eq = runs[k].del.size();
            bool tiny = count_words(runs[k].del) <= 1;
            bool small = eq <= std::max(a.del.size(), a.ins.size()) && eq <= std::max(b.del.size(), b.ins.size());
            if (!tiny && !small) continue;
            Run merged{false, a.del + runs[k].del + b.del, a.ins + runs[k].del + b.ins};
            runs[k - 1] = std::move(merged);
            runs.erase(runs.begin() + static_cast<std::ptrdiff_t>(k), runs.begin() + static_cast<std::ptrdiff_t>(k + 2));
            changed = true;
            break;
        }
    }
}

// After merging, a change may begin or end with the same tokens on both sides ("... in " and
// "... in "): those go back to the equal runs around it, as diff-match-patch's cleanupMerge does.
void factor_common(std::vector<Run>& runs) {
    std::vector<Run> out;
    for (auto& r : runs) {
        if (r.equal || r.del.empty() || r.ins.empty()) {
            push(out, r.equal, r.del, r.ins);
            continue;
        }
        auto td = tokenize(r.del), ti = tokenize(r.ins);
        auto same = [&](const Token& a, const Token& b) {
            return r.del.compare(a.begin, a.end - a.begin, r.ins, b.begin, b.end - b.begin) == 0;
        };
        std::size_t pre = 0;
        while (pre < td.size() && pre < ti.size() && same(td[pre], ti[pre])) ++pre;
        std::size_t suf = 0;
        while (suf + pre < td.size() && suf + pre < ti.size() && same(td[td.size() - 1 - suf], ti[ti.size() - 1 - suf]))
            ++suf;
        std::size_t db = pre ? td[pre - 1].end : 0, ib = pre ? ti[pre - 1].end : 0;
        std::size_t de = suf ? td[td.size() - suf].begin : r.del.size(), ie = suf ? ti[ti.size() - suf].begin : r.ins.size();
        if (db) push(out, true, r.del.substr(0, db), "");
        push(out, false, r.del.substr(db, de - db), r.ins.substr(ib, ie - ib));
        if (de < r.del.size()) push(out, true, r.del.substr(de), "");
    }
    runs = std::move(out);
}

}  // namespace

std::vector<WordOp> word_diff(const std::string& old_text, const std::string& new_text) {
    std::vector<WordOp> ops;
    if (old_text == new_text) {
        if (!old_text.empty()) ops.push_back({WordOp::Type::Equal, old_text});
        return ops;
    }
    auto ta = tokenize(old_text);
    auto tb = tokenize(new_text);
    auto text_of = [](const std::string& s, const Token& t) { return s.substr(t.begin, t.end - t.begin); };
    auto same = [&](const Token& x, const Token& y) {
        return old_text.compare(x.begin, x.end - x.begin, new_text, y.begin, y.end - y.begin) == 0;
    };
    // The tokens both ends share are equal runs; only the middle is compared (as diff-match-patch
    // does): most changed provisions differ in a few words.
    std::size_t na = ta.size(), nb = tb.size(), pre = 0, suf = 0;
    while (pre < na && pre < nb && same(ta[pre], tb[pre])) ++pre;
    while (suf + pre < na && suf + pre < nb && same(ta[na - 1 - suf], tb[nb - 1 - suf])) ++suf;
    // Eight shared tokens stay on each side of the middle, so that dtl still chooses where a change
    // that could shift (a word and its space, a repeated mark) stands, as on the whole text.
    pre -= std::min<std::size_t>(pre, 8);
    suf -= std::min<std::size_t>(suf, 8);
    std::vector<Run> runs;
    if (pre) push(runs, true, old_text.substr(0, ta[pre - 1].end), "");
    // Integer ids (dtl compares ints, not strings), keyed by views into the two texts.
    std::unordered_map<std::string_view, int> ids;
    auto id_of = [&](const std::string& s, const Token& t) {
        auto [it, fresh] = ids.emplace(std::string_view(s).substr(t.begin, t.end - t.begin), static_cast<int>(ids.size()));
        (void)fresh;
        return it->second;
    };
    std::vector<int> a, b;
    for (std::size_t k = pre; k + suf < na; ++k) a.push_back(id_of(old_text, ta[k]));
    for (std::size_t k = pre; k + suf < nb; ++k) b.push_back(id_of(new_text, tb[k]));
    if (a.empty() || b.empty()) {
        auto middle = [&](const std::string& s, const std::vector<Token>& ts) {
            return ts.size() == pre + suf ? std::string() : s.substr(ts[pre].begin, ts[ts.size() - 1 - suf].end - ts[pre].begin);
        };
        push(runs, false, middle(old_text, ta), middle(new_text, tb));
    } else {
        dtl::Diff<int, std::vector<int>> d(a, b, true);  // deletions before insertions
        d.compose();
        std::size_t ia = pre, ib = pre;
        // A COMMON element carries the old token: walk both sides by our own counters.
        for (const auto& [elem, info] : d.getSes().getSequence()) {
            (void)elem;
            if (info.type == dtl::SES_COMMON) {
                push(runs, true, text_of(old_text, ta[ia]), "");
                ++ia;
                ++ib;
            } else if (info.type == dtl::SES_DELETE) {
                push(runs, false, text_of(old_text, ta[ia++]), "");
            } else {
                push(runs, false, "", text_of(new_text, tb[ib++]));
            }
        }
    }
    if (suf) push(runs, true, old_text.substr(ta[na - suf].begin), "");
    cleanup_semantic(runs);
    factor_common(runs);
    for (const auto& r : runs) {
        if (r.equal) {
            ops.push_back({WordOp::Type::Equal, r.del});
            continue;
        }
        if (!r.del.empty()) ops.push_back({WordOp::Type::Delete, r.del});
        if (!r.ins.empty()) ops.push_back({WordOp::Type::Insert, r.ins});
    }
    return ops;
}

}  // namespace amend
