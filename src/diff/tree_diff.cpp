// Tree diff (DESIGN §5): align sections by number, then each provision's children by identity,
// content and similarity; only then word-diff the aligned pairs.
#include <algorithm>
#include <chrono>
#include <map>
#include <unordered_map>

#include "diff/diff.hpp"
#include "model/citation.hpp"
#include "model/parallel.hpp"

namespace amend {

bool SectionDiff::changed() const {
    return std::any_of(changes.begin(), changes.end(),
                       [](const ProvisionChange& c) { return c.type != ProvisionChange::Type::Unchanged; });
}

bool ChangeSet::empty() const {
    return std::none_of(sections.begin(), sections.end(), [](const SectionDiff& s) { return s.changed(); });
}

const char* change_type_name(ProvisionChange::Type t) {
    switch (t) {
        case ProvisionChange::Type::Unchanged: return "unchanged";
        case ProvisionChange::Type::Inserted: return "inserted";
        case ProvisionChange::Type::Deleted: return "deleted";
        case ProvisionChange::Type::Modified: return "modified";
        case ProvisionChange::Type::Redesignated: return "redesignated";
        case ProvisionChange::Type::Moved: return "moved";
    }
    return "?";
}

namespace {

// Two subtrees that say the same thing in the same order: their alignment is the identity and no
// word is compared (most sections of a code are untouched between versions).
bool same_tree(const Provision& a, const Provision& b) {
    if (a.kind != b.kind || a.designation != b.designation || a.heading.text != b.heading.text ||
        a.text.text != b.text.text || a.children.size() != b.children.size())
        return false;
    for (std::size_t i = 0; i < a.children.size(); ++i)
        if (!same_tree(a.children[i], b.children[i])) return false;
    return true;
}

// What alignment compares of a subtree: everything a provision says below its own designation
// (heading, text, and each child's designation and content), as a hash and a length, and its words
// as a sorted bag of word hashes. Computed once per provision, bottom up, when first needed: a
// section's subtrees are never flattened into strings, and each word is hashed once.
class Contents {
public:
    bool same(const Provision& a, const Provision& b) {
        const Info& x = info(a);
        const Info& y = info(b);
        return x.hash == y.hash && x.length == y.length && equal(a, b);
    }
    std::size_t length(const Provision& p) { return info(p).length; }

    // A floor under similarity(a, b), from the parts both say alike (heading, text, children in
    // the same places with the same designation and content) and word counts only: the multiset
    // intersection holds at least those words. Enough to know that two provisions are alike
    // without bagging their words.
    double similarity_floor(const Provision& a, const Provision& b) {
        std::size_t shared = 0;
        if (a.heading.text == b.heading.text) shared += count_words(a.heading.text);
        if (a.text.text == b.text.text) shared += count_words(a.text.text);
        for (std::size_t k = 0; k < a.children.size() && k < b.children.size(); ++k) {
            const Provision &x = a.children[k], &y = b.children[k];
            if (x.designation != y.designation) continue;
            shared += count_words(x.designation);
            if (same(x, y)) shared += words(x);
        }
        std::size_t total = words(a) + words(b);
        return total == 0 ? 1.0 : 2.0 * static_cast<double>(shared) / static_cast<double>(total);
    }

    // 0..1: how much two subtrees share, by words (Dice coefficient over word multisets).
    double similarity(const Provision& a, const Provision& b) {
        const auto& x = bag(a);
        const auto& y = bag(b);
        std::size_t i = 0, j = 0, common = 0;
        while (i < x.size() && j < y.size()) {
            if (x[i] < y[j]) ++i;
            else if (y[j] < x[i]) ++j;
            else ++common, ++i, ++j;
        }
        if (x.size() + y.size() == 0) return 1.0;
        return 2.0 * static_cast<double>(common) / static_cast<double>(x.size() + y.size());
    }

private:
    struct Info {
        std::uint64_t hash = 0;
        std::size_t length = 0;
        std::size_t words = 0;  // counted when first needed
        bool counted = false, bagged = false;
        std::vector<std::uint64_t> bag;
    };
    std::unordered_map<const Provision*, Info> infos_;

    static std::uint64_t mix(std::uint64_t h, std::string_view s) {
        for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        return (h ^ 0xFFu) * 1099511628211ull;  // a separator no byte of text gives
    }

    static bool equal(const Provision& a, const Provision& b) {
        if (a.heading.text != b.heading.text || a.text.text != b.text.text || a.children.size() != b.children.size())
            return false;
        for (std::size_t i = 0; i < a.children.size(); ++i)
            if (a.children[i].designation != b.children[i].designation || !equal(a.children[i], b.children[i]))
                return false;
        return true;
    }

    Info& info(const Provision& p) {
        auto it = infos_.find(&p);
        if (it != infos_.end()) return it->second;
        Info in;
        in.hash = mix(mix(1469598103934665603ull, p.heading.text), p.text.text);
        in.length = p.heading.text.size() + 1 + p.text.text.size();
        for (const auto& c : p.children) {
            const Info& ci = info(c);
            in.hash = mix(in.hash, c.designation) * 31 + ci.hash;
            in.length += 2 + c.designation.size() + ci.length;
        }
        return infos_.emplace(&p, std::move(in)).first->second;
    }

    std::size_t words(const Provision& p) {
        Info& in = info(p);
        if (in.counted) return in.words;
        std::size_t n = count_words(p.heading.text) + count_words(p.text.text);
        for (const auto& c : p.children) n += count_words(c.designation) + words(c);
        in.words = n;
        in.counted = true;
        return n;
    }

    const std::vector<std::uint64_t>& bag(const Provision& p) {
        Info& in = info(p);  // a node of the map: it stays where it is while others are added
        if (in.bagged) return in.bag;
        // Two different words share a hash with a chance of about one in 10^12 within a
        // section, which at worst moves a similarity by one word.
        std::vector<std::uint64_t> b;
        word_hashes(p.heading.text, b);
        word_hashes(p.text.text, b);
        for (const auto& c : p.children) {
            word_hashes(c.designation, b);
            const auto& cb = bag(c);
            b.insert(b.end(), cb.begin(), cb.end());
        }
        std::sort(b.begin(), b.end());
        in.bag = std::move(b);
        in.bagged = true;
        return in.bag;
    }
};

// Identity within a parent: numbered provisions by kind and designation, definitions by term;
// unnumbered ones ("" here) by position and similarity.
std::string key_of(const Provision& p) {
    if (p.kind == Kind::Definition) return "def:" + p.designation;
    if (is_numbered(p.kind) && !p.designation.empty()) return std::string(kind_name(p.kind)) + ":" + p.designation;
    return "";
}

// One side of the walk: the chain of addressable provisions down to here, and the anchors.
struct Side {
    std::vector<Citation> chain;          // of each addressable provision down to here
    std::vector<std::string> cites, eids;  // the same as text, and their eIds
    std::string anchor;
    std::vector<std::string> saved_anchor;
    std::vector<bool> pushed;
};

class Differ {
public:
    Differ(SectionDiff& out, DiffTimings* timings, bool name_unchanged)
        : out_(out), timings_(timings), name_unchanged_(name_unchanged) {}

    void pair(const Provision& o, const Provision& n, Side& so, Side& sn, std::size_t ord_o, std::size_t ord_n,
              int depth, bool moved, bool same = false) {
        if (same && !name_unchanged_ && !moved) return unnamed(o, n, depth);
        ProvisionChange c;
        c.old_p = &o;
        c.new_p = &n;
        c.depth = depth;
        enter(o, so, ord_o, c.old_citation, c.old_eid);
        enter(n, sn, ord_n, c.new_citation, c.new_eid);
        c.anchor = sn.anchor;
        c.designation_changed = o.designation != n.designation;
        if (o.heading.text != n.heading.text) c.heading_ops = timed_word_diff(o.heading.text, n.heading.text);
        if (o.text.text != n.text.text) c.text_ops = timed_word_diff(o.text.text, n.text.text);
        bool words = !c.heading_ops.empty() || !c.text_ops.empty();
        using ChangeType = ProvisionChange::Type;
        c.type = moved ? ChangeType::Moved : c.designation_changed ? ChangeType::Redesignated : words ? ChangeType::Modified : ChangeType::Unchanged;
        out_.changes.push_back(std::move(c));
        if (same) same_children(o, n, so, sn, depth + 1);
        else children(o, n, so, sn, depth + 1);
        leave(so);
        leave(sn);
    }

    void one_side(const Provision& p, Side& s, std::size_t ord, int depth, bool inserted) {
        ProvisionChange c;
        c.depth = depth;
        c.type = inserted ? ProvisionChange::Type::Inserted : ProvisionChange::Type::Deleted;
        if (inserted) {
            c.new_p = &p;
            enter(p, s, ord, c.new_citation, c.new_eid);
            c.anchor = s.anchor;
        } else {
            c.old_p = &p;
            enter(p, s, ord, c.old_citation, c.old_eid);
            c.anchor = anchor_removed(s.anchor);
        }
        out_.changes.push_back(std::move(c));
        std::map<Kind, std::size_t> ords;
        for (const auto& ch : p.children) one_side(ch, s, ++ords[ch.kind], depth + 1, inserted);
        leave(s);
    }

private:
    SectionDiff& out_;
    DiffTimings* timings_;
    bool name_unchanged_;
    Contents contents_;

    // Two identical subtrees, when unchanged provisions go unnamed: each pair with its depth only.
    void unnamed(const Provision& o, const Provision& n, int depth) {
        ProvisionChange c;
        c.old_p = &o;
        c.new_p = &n;
        c.depth = depth;
        out_.changes.push_back(std::move(c));
        for (std::size_t i = 0; i < o.children.size(); ++i) unnamed(o.children[i], n.children[i], depth + 1);
    }

    std::vector<WordOp> timed_word_diff(const std::string& a, const std::string& b) {
        if (!timings_) return word_diff(a, b);
        auto t0 = std::chrono::steady_clock::now();
        auto r = word_diff(a, b);
        timings_->word_diff_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return r;
    }

    static void enter(const Provision& p, Side& s, std::size_t ord, std::string& citation, std::string& eid) {
        std::string parent_anchor = s.anchor;
        s.saved_anchor.push_back(parent_anchor);
        bool addressable = is_addressable(p);
        s.pushed.push_back(addressable);
        if (addressable) {
            s.chain.push_back(citation_below(s.chain.empty() ? Citation{} : s.chain.back(), p));
            const Citation& c = s.chain.back();
            citation = c.str();
            eid = eid_below(s.eids.empty() ? std::string() : s.eids.back(), p);
            s.cites.push_back(citation);
            s.eids.push_back(eid);
            s.anchor = anchor_of(c);
        } else {
            // Not addressable: cited by its parent; the eId names its kind and place.
            citation = s.cites.empty() ? "" : s.cites.back();
            eid = eid_unnumbered(s.eids.empty() ? "" : s.eids.back(), p.kind, ord);
            s.anchor = anchor_unnumbered(parent_anchor, p.kind, ord);
        }
    }

    static void leave(Side& s) {
        if (s.pushed.back()) {
            s.chain.pop_back();
            s.cites.pop_back();
            s.eids.pop_back();
        }
        s.pushed.pop_back();
        s.anchor = s.saved_anchor.back();
        s.saved_anchor.pop_back();
    }

    void children(const Provision& o, const Provision& n, Side& so, Side& sn, int depth);

    // The children of two identical subtrees, paired one to one, as children() would pair them.
    void same_children(const Provision& o, const Provision& n, Side& so, Side& sn, int depth) {
        std::map<Kind, std::size_t> ords;
        for (std::size_t i = 0; i < o.children.size(); ++i) {
            std::size_t ord = ++ords[o.children[i].kind];
            pair(o.children[i], n.children[i], so, sn, ord, ord, depth, false, true);
        }
    }
};

struct Match {
    std::size_t o, n;
};

// Pairs the children of an aligned pair. Four passes, each only over what is still unmatched:
// 1. same content (designation aside): the same provision, perhaps redesignated or moved;
// 2. same identity (designation or term, or i-th unnumbered paragraph of its kind), unless the other
//    side holds a clearly better partner by content;
// 3. best similarity, at least one half of the words shared: redesignated or moved with changes.
std::vector<Match> align(const std::vector<Provision>& os, const std::vector<Provision>& ns, Contents& contents) {
    std::vector<std::string> ko, kn;
    for (const auto& p : os) ko.push_back(key_of(p));
    for (const auto& p : ns) kn.push_back(key_of(p));
    // Unnumbered provisions are known by kind and ordinal.
    auto ordinal_keys = [](const std::vector<Provision>& ps, std::vector<std::string>& keys) {
        std::map<Kind, int> count;
        for (std::size_t i = 0; i < ps.size(); ++i)
            if (keys[i].empty()) keys[i] = std::string("#") + kind_name(ps[i].kind) + ":" + std::to_string(++count[ps[i].kind]);
    };
    ordinal_keys(os, ko);
    ordinal_keys(ns, kn);

    std::vector<long> mo(os.size(), -1), mn(ns.size(), -1);
    auto link = [&](std::size_t i, std::size_t j) {
        mo[i] = static_cast<long>(j);
        mn[j] = static_cast<long>(i);
    };
    auto compatible = [&](std::size_t i, std::size_t j) {
        bool di = os[i].kind == Kind::Definition, dj = ns[j].kind == Kind::Definition;
        return di == dj && is_numbered(os[i].kind) == is_numbered(ns[j].kind);
    };
    // 1. identical content: prefer the same key, then the first in order.
    for (std::size_t i = 0; i < os.size(); ++i)
        for (std::size_t j = 0; j < ns.size(); ++j)
            if (mn[j] < 0 && ko[i] == kn[j] && contents.same(os[i], ns[j])) {
                link(i, j);
                break;
            }
    for (std::size_t i = 0; i < os.size(); ++i) {
        if (mo[i] >= 0 || contents.length(os[i]) < 4) continue;
        for (std::size_t j = 0; j < ns.size(); ++j)
            if (mn[j] < 0 && compatible(i, j) && contents.same(os[i], ns[j])) {
                link(i, j);
                break;
            }
    }
    // Similarities of what is left, computed once.
    std::map<std::pair<std::size_t, std::size_t>, double> sim;
    auto sim_of = [&](std::size_t i, std::size_t j) {
        auto k = std::make_pair(i, j);
        auto it = sim.find(k);
        if (it != sim.end()) return it->second;
        return sim[k] = contents.similarity(os[i], ns[j]);
    };
    // 2. same key.
    for (std::size_t i = 0; i < os.size(); ++i) {
        if (mo[i] >= 0) continue;
        for (std::size_t j = 0; j < ns.size(); ++j) {
            if (mn[j] >= 0 || ko[i] != kn[j]) continue;
            // The similarity matters only when another unmatched partner could be better.
            bool rival = false;
            for (std::size_t j2 = 0; j2 < ns.size() && !rival; ++j2)
                rival = j2 != j && mn[j2] < 0 && compatible(i, j2);
            for (std::size_t i2 = 0; i2 < os.size() && !rival; ++i2)
                rival = i2 != i && mo[i2] < 0 && compatible(i2, j);
            if (!rival) {
                link(i, j);
                break;
            }
            // Alike enough (the floor is reached without bagging words): no rival can be better.
            if (contents.similarity_floor(os[i], ns[j]) >= 0.5) {
                link(i, j);
                break;
            }
            double s = sim_of(i, j);
            bool better = false;
            if (s < 0.5) {
                for (std::size_t j2 = 0; j2 < ns.size() && !better; ++j2)
                    if (j2 != j && mn[j2] < 0 && compatible(i, j2) && sim_of(i, j2) >= 0.5 && sim_of(i, j2) > s + 0.2)
                        better = true;
                for (std::size_t i2 = 0; i2 < os.size() && !better; ++i2)
                    if (i2 != i && mo[i2] < 0 && compatible(i2, j) && sim_of(i2, j) >= 0.5 && sim_of(i2, j) > s + 0.2)
                        better = true;
            }
            if (!better) link(i, j);
            break;
        }
    }
    // 3. best similarity first.
    struct Cand {
        double s;
        std::size_t i, j;
    };
    std::vector<Cand> cands;
    for (std::size_t i = 0; i < os.size(); ++i) {
        if (mo[i] >= 0) continue;
        for (std::size_t j = 0; j < ns.size(); ++j) {
            if (mn[j] >= 0 || !compatible(i, j)) continue;
            double s = sim_of(i, j);
            if (s >= 0.5) cands.push_back({s, i, j});
        }
    }
    std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.s > b.s; });
    for (const auto& c : cands)
        if (mo[c.i] < 0 && mn[c.j] < 0) link(c.i, c.j);

    std::vector<Match> out;
    for (std::size_t i = 0; i < os.size(); ++i)
        if (mo[i] >= 0) out.push_back({i, static_cast<std::size_t>(mo[i])});
    return out;
}

// The matches (sorted by old index) that keep their order: a longest increasing subsequence of new
// indices. The others are moves.
std::vector<bool> in_order(const std::vector<Match>& ms) {
    std::size_t n = ms.size();
    std::vector<std::size_t> len(n, 1), prev(n, n);
    std::size_t best = n;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < i; ++k)
            if (ms[k].n < ms[i].n && len[k] + 1 > len[i]) len[i] = len[k] + 1, prev[i] = k;
        if (best == n || len[i] > len[best]) best = i;
    }
    std::vector<bool> keep(n, false);
    for (std::size_t i = best; i < n; i = prev[i]) keep[i] = true;
    return keep;
}

void Differ::children(const Provision& o, const Provision& n, Side& so, Side& sn, int depth) {
    const auto& os = o.children;
    const auto& ns = n.children;
    auto ms = align(os, ns, contents_);
    auto keep = in_order(ms);
    std::vector<long> old_of(ns.size(), -1);
    std::vector<bool> moved(ns.size(), false), old_matched(os.size(), false);
    for (std::size_t k = 0; k < ms.size(); ++k) {
        old_of[ms[k].n] = static_cast<long>(ms[k].o);
        moved[ms[k].n] = !keep[k];
        old_matched[ms[k].o] = true;
    }
    // Ordinals of unnumbered children, per kind, on each side.
    auto ordinals = [](const std::vector<Provision>& ps) {
        std::vector<std::size_t> r(ps.size());
        std::map<Kind, std::size_t> count;
        for (std::size_t i = 0; i < ps.size(); ++i) r[i] = ++count[ps[i].kind];
        return r;
    };
    auto ord_o = ordinals(os), ord_n = ordinals(ns);
    // New order; a deleted (or moved-away) old child is shown where it stood, before the next
    // in-order match that followed it.
    std::size_t next_old = 0;
    auto flush_deleted = [&](std::size_t upto) {
        for (; next_old < upto; ++next_old)
            if (!old_matched[next_old]) one_side(os[next_old], so, ord_o[next_old], depth, false);
    };
    for (std::size_t j = 0; j < ns.size(); ++j) {
        if (old_of[j] >= 0 && !moved[j]) {
            auto i = static_cast<std::size_t>(old_of[j]);
            flush_deleted(i);
            next_old = std::max(next_old, i + 1);
            // Identical subtrees pair child by child, as alignment would pair them.
            pair(os[i], ns[j], so, sn, ord_o[i], ord_n[j], depth, false,
                 contents_.same(os[i], ns[j]) && same_tree(os[i], ns[j]));
        } else if (old_of[j] >= 0) {
            auto i = static_cast<std::size_t>(old_of[j]);
            pair(os[i], ns[j], so, sn, ord_o[i], ord_n[j], depth, true);
        } else {
            one_side(ns[j], sn, ord_n[j], depth, true);
        }
    }
    flush_deleted(os.size());
}

}  // namespace

std::vector<SectionPair> pair_sections(const std::vector<std::string_view>& olds,
                                       const std::vector<std::string_view>& news, bool lone_pair) {
    // A number that stands several times (a code that holds two versions of a section) pairs
    // its k-th old with its k-th new.
    std::map<std::string_view, std::vector<std::size_t>> old_index;
    for (std::size_t i = olds.size(); i-- > 0;) old_index[olds[i]].push_back(i);
    std::vector<long> old_of(news.size(), -1);
    std::vector<bool> old_matched(olds.size(), false);
    for (std::size_t j = 0; j < news.size(); ++j) {
        auto it = old_index.find(news[j]);
        if (it != old_index.end() && !it->second.empty()) {
            old_of[j] = static_cast<long>(it->second.back());
            old_matched[it->second.back()] = true;
            it->second.pop_back();
        }
    }
    if (lone_pair && olds.size() == 1 && news.size() == 1 && old_of[0] < 0) {
        old_of[0] = 0;
        old_matched[0] = true;
    }
    std::vector<SectionPair> out;
    std::size_t next_old = 0;
    for (std::size_t j = 0; j < news.size(); ++j) {
        if (old_of[j] >= 0) {
            auto i = static_cast<std::size_t>(old_of[j]);
            for (; next_old < i; ++next_old)
                if (!old_matched[next_old]) out.push_back({static_cast<long>(next_old), -1});
            next_old = std::max(next_old, i + 1);
            out.push_back({old_of[j], static_cast<long>(j)});
        } else {
            out.push_back({-1, static_cast<long>(j)});
        }
    }
    for (; next_old < olds.size(); ++next_old)
        if (!old_matched[next_old]) out.push_back({static_cast<long>(next_old), -1});
    return out;
}

SectionDiff diff_section(const Provision* o, const Provision* n, DiffTimings* timings, bool name_unchanged) {
    SectionDiff sd;
    sd.number = n ? n->designation : o->designation;
    sd.old_s = o;
    sd.new_s = n;
    Differ d(sd, timings, name_unchanged);
    Side so, sn;
    if (o && n) d.pair(*o, *n, so, sn, 1, 1, 0, false, same_tree(*o, *n));
    else if (n) d.one_side(*n, sn, 1, 0, true);
    else d.one_side(*o, so, 1, 0, false);
    return sd;
}

ChangeSet diff_sections(const std::vector<const Provision*>& olds, const std::vector<const Provision*>& news,
                        bool lone_pair, DiffTimings* timings) {
    auto numbers = [](const std::vector<const Provision*>& ss) {
        std::vector<std::string_view> r;
        r.reserve(ss.size());
        for (const auto* s : ss) r.push_back(s->designation);
        return r;
    };
    // The sections on every core; the word diffs' clocks are kept per section and summed.
    auto pairs = pair_sections(numbers(olds), numbers(news), lone_pair);
    ChangeSet cs;
    cs.sections.resize(pairs.size());
    std::vector<DiffTimings> times(timings ? pairs.size() : 0);
    parallel_for(pairs.size(), [&](std::size_t k) {
        const auto& p = pairs[k];
        cs.sections[k] = diff_section(p.old_index >= 0 ? olds[static_cast<std::size_t>(p.old_index)] : nullptr,
                                      p.new_index >= 0 ? news[static_cast<std::size_t>(p.new_index)] : nullptr,
                                      timings ? &times[k] : nullptr);
    });
    for (const auto& t : times) timings->word_diff_seconds += t.word_diff_seconds;
    return cs;
}

ChangeSet diff_trees(const Provision& old_root, const Provision& new_root, DiffTimings* timings) {
    return diff_sections(sections_of(old_root), sections_of(new_root), true, timings);
}

DiffStats stats_of(const SectionDiff& s) {
    DiffStats st;
    for (const auto& c : s.changes) {
        using ChangeType = ProvisionChange::Type;
        if (c.type == ChangeType::Unchanged) continue;
        ++st.provisions_changed;
        if (c.type == ChangeType::Deleted) st.words_struck += count_words(c.old_p->heading.text) + count_words(c.old_p->text.text);
        if (c.type == ChangeType::Inserted) st.words_inserted += count_words(c.new_p->heading.text) + count_words(c.new_p->text.text);
        for (const auto* ops : {&c.heading_ops, &c.text_ops})
            for (const auto& op : *ops) {
                if (op.type == WordOp::Type::Delete) st.words_struck += count_words(op.text);
                if (op.type == WordOp::Type::Insert) st.words_inserted += count_words(op.text);
            }
    }
    return st;
}

DiffStats stats_of(const ChangeSet& cs) {
    DiffStats st;
    for (const auto& s : cs.sections) {
        auto x = stats_of(s);
        st.words_struck += x.words_struck;
        st.words_inserted += x.words_inserted;
        st.provisions_changed += x.provisions_changed;
    }
    return st;
}

}  // namespace amend
