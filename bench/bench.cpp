// The benchmark of issue 6: amend diff against git's word diff and wdiff on the whole D.C. Code,
// and amend apply of generated instructions. It prepares its own inputs in a work folder, runs the
// tools alternately, and prints the tables (median of N runs, wall time and peak RSS of the child).
//
//   amend_bench [--work DIR] [--runs N] [--apply-runs N] [--fresh] [--no-apply] [--sizes 16,8,4,2,1]
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "diff/diff.hpp"
#include "model/citation.hpp"
#include "model/diagnostic.hpp"
#include "pipeline/inputs.hpp"
#include "parse/text_layout.hpp"

extern char** environ;

namespace fs = std::filesystem;
using namespace amend;

namespace {

// ---------------------------------------------------------------- files and processes

void write_file(const fs::path& p, const std::string& s) {
    fs::create_directories(p.parent_path());
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f.write(s.data(), static_cast<std::streamsize>(s.size()));
    if (!f) throw std::runtime_error("cannot write " + p.string());
}

int sh(const std::string& cmd) { return std::system(cmd.c_str()); }

struct Measure {
    double wall = 0;      // seconds
    double rss_mb = 0;    // peak resident set of the child, MiB
    int status = -1;      // exit status
};

// Runs argv with stdout and stderr sent to files; wall time and the child's peak RSS (wait4).
Measure run(const std::vector<std::string>& argv, const std::string& out, const std::string& err) {
    std::vector<char*> a;
    for (const auto& s : argv) a.push_back(const_cast<char*>(s.c_str()));
    a.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    auto t0 = std::chrono::steady_clock::now();
    if (posix_spawnp(&pid, a[0], &fa, nullptr, a.data(), environ) != 0)
        throw std::runtime_error("cannot run " + argv[0]);
    posix_spawn_file_actions_destroy(&fa);
    int status = 0;
    struct rusage ru {};
    wait4(pid, &status, 0, &ru);
    Measure m;
    m.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    m.rss_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
    m.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return m;
}

// The children are started by a launcher forked before the benchmark grows: on Linux a child's peak
// RSS survives execve and starts from the memory of the process that spawned it, so spawning from
// this (large) process would charge its size to git and wdiff.
struct Launcher {
    int to = -1, from = -1;
    pid_t pid = 0;
} launcher;

void read_all(int fd, void* p, std::size_t n) {
    auto* c = static_cast<char*>(p);
    while (n > 0) {
        ssize_t k = ::read(fd, c, n);
        if (k <= 0) std::_Exit(0);
        c += k;
        n -= static_cast<std::size_t>(k);
    }
}
void write_all(int fd, const void* p, std::size_t n) {
    const auto* c = static_cast<const char*>(p);
    while (n > 0) {
        ssize_t k = ::write(fd, c, n);
        if (k <= 0) throw std::runtime_error("launcher pipe closed");
        c += k;
        n -= static_cast<std::size_t>(k);
    }
}

void start_launcher() {
    int a[2], b[2];
    if (pipe(a) != 0 || pipe(b) != 0) throw std::runtime_error("pipe");
    pid_t p = fork();
    if (p == 0) {
        close(a[1]);
        close(b[0]);
        for (;;) {
            std::uint32_t len = 0;
            read_all(a[0], &len, sizeof len);
            std::string req(len, '\0');
            read_all(a[0], req.data(), len);
            std::vector<std::string> parts;
            std::size_t i = 0;
            while (i < req.size()) {
                std::size_t e = req.find('\0', i);
                parts.push_back(req.substr(i, e - i));
                i = e + 1;
            }
            std::vector<std::string> argv(parts.begin() + 2, parts.end());
            Measure m = run(argv, parts[0], parts[1]);
            write_all(b[1], &m, sizeof m);
        }
    }
    close(a[0]);
    close(b[1]);
    launcher = {a[1], b[0], p};
}

// Runs a command through the launcher.
Measure measure(const std::vector<std::string>& argv, const std::string& out, const std::string& err) {
    std::string req = out + '\0' + err + '\0';
    for (const auto& x : argv) req += x + '\0';
    auto len = static_cast<std::uint32_t>(req.size());
    write_all(launcher.to, &len, sizeof len);
    write_all(launcher.to, req.data(), req.size());
    Measure m;
    read_all(launcher.from, &m, sizeof m);
    return m;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string fmt(const char* f, double x) {
    char b[64];
    std::snprintf(b, sizeof b, f, x);
    return b;
}

// ---------------------------------------------------------------- preparing the code

// The D.C. XML keeps line breaks inside some texts (tables, forms); the text layout is one line per
// provision, so they become spaces. Nothing else is changed.
void flatten(Provision& p) {
    for (auto* s : {&p.heading.text, &p.text.text})
        for (auto& c : *s)
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    for (auto& c : p.children) flatten(c);
}

// The sections of the whole code in the text layout, in order, each written on its own.
// The D.C. Code's XML, extracted once into work/xml; its titles folder.
fs::path extract_code(const fs::path& work) {
    fs::path xml = work / "xml";
    if (!fs::exists(xml / "us")) {
        fs::create_directories(xml);
        std::string tar = std::string(AMEND_SHARED_DIR) + "/corpus/dc-code.tar.xz";
        if (sh("tar -xJf '" + tar + "' -C '" + xml.string() + "'") != 0) throw std::runtime_error("tar failed: " + tar);
    }
    return xml / "us/dc/council/code/titles";
}

std::vector<std::string> prepare_sections(const fs::path& work) {
    fs::path titles = extract_code(work);
    std::vector<std::string> dirs;
    for (const auto& e : fs::directory_iterator(titles))
        if (e.is_directory()) dirs.push_back(e.path().string());
    // Title order as a lawyer counts: 1, 2, ..., 9, 10, ..., 28A after 28.
    std::sort(dirs.begin(), dirs.end(), [](const std::string& x, const std::string& y) {
        auto key = [](const std::string& p) {
            std::string n = fs::path(p).filename().string();
            return std::make_pair(std::atoi(n.c_str()), n);
        };
        return key(x) < key(y);
    });
    std::vector<std::string> out;
    std::size_t bad = 0;
    for (const auto& d : dirs) {
        Document doc = load_code({d});
        for (auto* s : sections_of(doc.root)) {
            Provision copy = *s;
            flatten(copy);
            std::string t = write_text_provision(copy, 0);
            // Keep only sections the text reader takes back (a few D.C. texts start a line with spaces).
            try {
                Document check;
                read_text(t, "check", check);
            } catch (const InputError&) {
                ++bad;
                continue;
            }
            out.push_back(std::move(t));
        }
    }
    std::cerr << "prepare: " << out.size() << " sections, " << bad << " left out (not readable back)\n";
    return out;
}

// ---------------------------------------------------------------- the edit generator

struct Gen {
    std::mt19937_64 rng{20240606};
    std::vector<std::string> vocab;

    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }
    std::string words(std::size_t lo, std::size_t hi) {
        std::size_t n = lo + pick(hi - lo + 1);
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += (i ? " " : "") + vocab[pick(vocab.size())];
        return s;
    }
    std::string sentence() {
        std::string s = words(6, 18);
        s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
        return s + ".";
    }
};

bool editable(const Provision& p) { return p.kind != Kind::History && p.kind != Kind::Block && p.kind != Kind::Code; }

void texts_of(Provision& p, std::vector<Provision*>& out) {
    if (editable(p) && !p.text.text.empty()) out.push_back(&p);
    for (auto& c : p.children) texts_of(c, out);
}

// Simple designations: "(12)", "(c)", "(C)" (no roman numerals, no "(9A)").
bool simple(const std::string& d, char& style, int& value) {
    if (d.size() < 3 || d.front() != '(' || d.back() != ')') return false;
    std::string in = d.substr(1, d.size() - 2);
    if (std::all_of(in.begin(), in.end(), [](char c) { return c >= '0' && c <= '9'; }) && in.size() <= 3) {
        style = '1';
        value = std::atoi(in.c_str());
        return true;
    }
    if (in.size() == 1 && in[0] >= 'a' && in[0] <= 'z' && in[0] != 'i' && in[0] != 'v' && in[0] != 'x') {
        style = 'a';
        value = in[0] - 'a' + 1;
        return true;
    }
    if (in.size() == 1 && in[0] >= 'A' && in[0] <= 'Z' && in[0] != 'I' && in[0] != 'V' && in[0] != 'X') {
        style = 'A';
        value = in[0] - 'A' + 1;
        return true;
    }
    return false;
}
std::string designation(char style, int v) {
    if (style == '1') return "(" + std::to_string(v) + ")";
    return std::string("(") + static_cast<char>((style == 'a' ? 'a' : 'A') + v - 1) + ")";
}

// A parent whose numbered children run (1), (2), ... or (a), (b), ... without a gap: their indices.
bool simple_list(const Provision& p, std::vector<std::size_t>& idx, char& style) {
    idx.clear();
    if (p.tl->child_on_same_line) return false;
    int expect = 1;
    for (std::size_t i = 0; i < p.children.size(); ++i) {
        const auto& c = p.children[i];
        if (!is_numbered(c.kind)) continue;
        char st = 0;
        int v = 0;
        if (!simple(c.designation, st, v) || v != expect || (expect > 1 && st != style)) return false;
        if (c.tl->child_on_same_line) return false;
        style = st;
        ++expect;
        idx.push_back(i);
    }
    if (style == 'a' && idx.size() >= 8) return false;  // would reach (i)
    if (style == 'A' && idx.size() >= 8) return false;
    return idx.size() >= 2;
}

void lists_of(Provision& p, std::vector<Provision*>& out) {
    std::vector<std::size_t> idx;
    char st = 0;
    if (simple_list(p, idx, st)) out.push_back(&p);
    for (auto& c : p.children) lists_of(c, out);
}

// One realistic edit inside section `s`; returns its kind's name.
const char* edit(Gen& g, Provision& s) {
    std::vector<Provision*> texts;
    texts_of(s, texts);
    std::vector<Provision*> lists;
    lists_of(s, lists);
    std::size_t k = g.pick(100);
    if (k < 10) {  // "; or" -> "."
        std::vector<Provision*> ors;
        for (auto* p : texts)
            if (p->text.text.size() > 4 && p->text.text.compare(p->text.text.size() - 4, 4, "; or") == 0) ors.push_back(p);
        if (!ors.empty()) {
            auto* p = ors[g.pick(ors.size())];
            p->text.text.replace(p->text.text.size() - 4, 4, ".");
            return "; or";
        }
        k = 10;
    }
    if (k >= 70 && k < 82 && !lists.empty()) {  // strike a paragraph, redesignate the rest
        Provision* p = lists[g.pick(lists.size())];
        std::vector<std::size_t> idx;
        char st = 0;
        simple_list(*p, idx, st);
        std::size_t which = g.pick(idx.size());
        int v = static_cast<int>(which) + 1;
        for (std::size_t j = which + 1; j < idx.size(); ++j) p->children[idx[j]].designation = designation(st, v++);
        if (which == 0) p->children[idx[1]].tl.mut().blanks_before = p->children[idx[0]].tl->blanks_before;
        p->children.erase(p->children.begin() + static_cast<std::ptrdiff_t>(idx[which]));
        return "strike+redesignate";
    }
    if (k >= 82 && !lists.empty()) {  // insert a paragraph at the end, or a definition
        bool def = k >= 92;
        std::vector<Provision*> cands;
        if (def)
            for (auto* p : lists)
                for (const auto& c : p->children)
                    if (c.text.text.find(" means ") != std::string::npos) {
                        cands.push_back(p);
                        break;
                    }
        if (cands.empty()) cands = lists, def = false;
        Provision* p = cands[g.pick(cands.size())];
        std::vector<std::size_t> idx;
        char st = 0;
        simple_list(*p, idx, st);
        const Provision& last = p->children[idx.back()];
        Provision n;
        n.kind = last.kind;
        n.designation = designation(st, static_cast<int>(idx.size()) + 1);
        n.tl.mut().gap = last.tl->gap;
        std::string term = g.words(1, 2);
        term[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(term[0])));
        n.text.text = def ? "The term \xE2\x80\x9C" + term + "\xE2\x80\x9D means " + g.words(5, 15) + "." : g.sentence();
        p->children.insert(p->children.begin() + static_cast<std::ptrdiff_t>(idx.back() + 1), std::move(n));
        return def ? "definition added" : "paragraph inserted";
    }
    if (texts.empty()) return nullptr;
    Provision* p = texts[g.pick(texts.size())];
    auto toks = tokenize(p->text.text);
    std::vector<std::size_t> w;
    for (std::size_t i = 0; i < toks.size(); ++i)
        if (toks[i].kind == Token::Kind::Word) w.push_back(i);
    if (w.size() < 3) return nullptr;
    std::string& t = p->text.text;
    if (k < 45) {  // a phrase replaced
        std::size_t a = 1 + g.pick(w.size() - 1), len = 1 + g.pick(3);
        std::size_t b = std::min(w.size() - 1, a + len - 1);
        std::size_t from = toks[w[a]].begin, to = toks[w[b]].end;
        t.replace(from, to - from, g.words(1, 3));
        return "phrase replaced";
    }
    // a word struck, with the space before it
    std::size_t a = 1 + g.pick(w.size() - 1);
    std::size_t ti = w[a];
    std::size_t from = ti > 0 && toks[ti - 1].kind == Token::Kind::Space ? toks[ti - 1].begin : toks[ti].begin;
    t.erase(from, toks[ti].end - from);
    return "word struck";
}

struct Corpus {
    std::vector<std::string> old_secs, new_secs;
    std::map<std::string, std::size_t> edits;
};

Corpus make_corpus(const std::vector<std::string>& secs) {
    Corpus c;
    c.old_secs = secs;
    Gen g;
    std::size_t total = 0;
    std::vector<std::size_t> cum;
    for (const auto& s : secs) cum.push_back(total += s.size());
    // Vocabulary: words of four letters or more from every 50th section.
    std::set<std::string> seen;
    for (std::size_t i = 0; i < secs.size(); i += 50)
        for (const auto& t : tokenize(secs[i]))
            if (t.kind == Token::Kind::Word && t.end - t.begin >= 4 &&
                std::all_of(secs[i].begin() + static_cast<std::ptrdiff_t>(t.begin),
                            secs[i].begin() + static_cast<std::ptrdiff_t>(t.end),
                            [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) != 0; }) &&
                seen.insert(secs[i].substr(t.begin, t.end - t.begin)).second)
                g.vocab.push_back(secs[i].substr(t.begin, t.end - t.begin));
    // One edit per 2 KB, at a random byte: sections are hit in proportion to their size.
    std::map<std::size_t, std::vector<int>> hits;
    std::size_t n = total / 2048;
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t at = g.pick(total);
        std::size_t si = static_cast<std::size_t>(std::upper_bound(cum.begin(), cum.end(), at) - cum.begin());
        hits[si].push_back(0);
    }
    c.new_secs = secs;
    for (auto& [si, list] : hits) {
        Document d;
        read_text(secs[si], "s", d);
        Provision& s = d.root.children.at(0);
        for (std::size_t e = 0; e < list.size(); ++e)
            if (const char* kind = edit(g, s)) ++c.edits[kind];
        std::string t = write_text_provision(s, 0);
        Document check;
        read_text(t, "edited", check);  // must stay readable
        c.new_secs[si] = std::move(t);
    }
    return c;
}

// ---------------------------------------------------------------- churn and the replay check

// Bytes git's porcelain word diff marks deleted or inserted.
std::size_t git_churn(const std::string& path) {
    std::ifstream f(path);
    std::string line;
    std::size_t n = 0;
    bool in_hunk = false;
    while (std::getline(f, line)) {
        if (line.rfind("@@", 0) == 0) {
            in_hunk = true;
            continue;
        }
        if (!in_hunk || line.empty()) continue;
        if (line[0] == '-' || line[0] == '+') n += line.size() - 1;
    }
    return n;
}

std::string side(const nlohmann::json& ops, bool new_side) {
    std::string s;
    for (const auto& op : ops) {
        std::string t = op["op"];
        if (t == "equal" || (t == "insert") == new_side) s += op["text"].get<std::string>();
    }
    return s;
}

std::size_t amend_churn(const nlohmann::json& j) {
    std::size_t n = 0;
    for (const auto& s : j["sections"])
        for (const auto& c : s["changes"]) {
            if (c.contains("old_text")) n += c["old_text"].get<std::string>().size();
            if (c.contains("new_text")) n += c["new_text"].get<std::string>().size();
            for (const char* f : {"heading_ops", "text_ops"})
                if (c.contains(f))
                    for (const auto& op : c[f])
                        if (op["op"] != "equal") n += op["text"].get<std::string>().size();
            if (c.contains("old_designation") && c.contains("new_designation") &&
                c["old_designation"] != c["new_designation"])
                n += c["old_designation"].get<std::string>().size() + c["new_designation"].get<std::string>().size();
        }
    return n;
}

// Every provision by eId, as the diff names them (unnumbered ones by kind and ordinal). The law
// itself repeats some designations (16-1103 has two paragraphs (1)), so an eId may name several.
using EidMap = std::map<std::string, std::vector<const Provision*>>;

void index_eids(const Provision& p, ProvisionPath& chain, std::size_t ord, EidMap& out) {
    std::string eid;
    bool addr = is_addressable(p);
    if (addr) {
        chain.push_back(&p);
        eid = eid_of(chain);
    } else {
        eid = (chain.empty() ? "" : eid_of(chain)) + "__" + kind_name(p.kind) + "_" + std::to_string(ord);
    }
    out[eid].push_back(&p);
    std::map<Kind, std::size_t> ords;
    for (const auto& c : p.children) index_eids(c, chain, ++ords[c.kind], out);
    if (addr) chain.pop_back();
}

EidMap eids_of(const Document& d) {
    EidMap m;
    for (const auto* s : sections_of(d.root)) {
        ProvisionPath chain;
        index_eids(*s, chain, 1, m);
    }
    return m;
}

// Replays amend's JSON change list on the old code and compares with the new one, provision by
// provision (eId, heading, text). Returns the number of mismatches (0: the change list is exact).
std::size_t replay(const std::string& old_path, const std::string& new_path, const std::string& json_path,
                   std::string& why, std::size_t& whole_sections) {
    Document od = load_code({old_path}), nd = load_code({new_path});
    auto om = eids_of(od), nm = eids_of(nd);
    std::ifstream f(json_path);
    nlohmann::json j = nlohmann::json::parse(f);
    using Content = std::pair<std::string, std::string>;  // heading, text
    std::map<std::string, std::vector<Content>> result;
    std::set<const Provision*> consumed;
    std::vector<std::pair<std::string, std::string>> renames;  // old eId prefix -> new eId prefix
    std::size_t bad = 0;
    auto fail = [&](const std::string& w) {
        if (bad++ == 0) why = w;
    };
    // The old provision a change names: the first one not yet replayed whose text the change's old
    // side reproduces (an eId names one provision unless the law repeats a designation).
    auto take = [&](const std::string& oe, const std::string* old_heading, const std::string* old_text) -> const Provision* {
        auto it = om.find(oe);
        if (it == om.end()) return nullptr;
        for (const auto* p : it->second)
            if (!consumed.count(p) && (!old_text || p->text.text == *old_text) &&
                (!old_heading || p->heading.text == *old_heading)) {
                consumed.insert(p);
                return p;
            }
        return nullptr;
    };
    for (const auto& s : j["sections"])
        for (const auto& c : s["changes"]) {
            std::string type = c["type"];
            std::string oe = c.value("old_eid", ""), ne = c.value("new_eid", "");
            if (type == "deleted") {
                std::string t = c.value("old_text", "");
                if (!take(oe, nullptr, &t)) fail("deleted " + oe);
                continue;
            }
            if (type == "inserted") {
                result[ne].push_back({"", c.value("new_text", "")});
                continue;
            }
            std::string oh, ot;
            bool has_h = c.contains("heading_ops"), has_t = c.contains("text_ops");
            if (has_h) oh = side(c["heading_ops"], false);
            if (has_t) ot = side(c["text_ops"], false);
            const Provision* p = take(oe, has_h ? &oh : nullptr, has_t ? &ot : nullptr);
            if (!p) {
                fail("no old provision " + oe + " with the change's old side");
                continue;
            }
            Content x{p->heading.text, p->text.text};
            if (has_h) x.first = side(c["heading_ops"], true);
            if (has_t) x.second = side(c["text_ops"], true);
            result[ne].push_back(x);
            if (oe != ne) renames.emplace_back(oe + "__", ne + "__");
        }
    // Provisions the list does not name are unchanged; below a redesignated or moved one they follow it.
    std::sort(renames.begin(), renames.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& [eid, ps] : om)
        for (const auto* p : ps) {
            if (consumed.count(p)) continue;
            std::string e = eid;
            for (const auto& [from, to] : renames)
                if (e.rfind(from, 0) == 0) {
                    e = to + e.substr(from.size());
                    break;
                }
            result[e].push_back({p->heading.text, p->text.text});
        }
    // Where the law repeats a designation (7-1121 restates a compact whose articles each have a
    // (b)), an eId names several provisions and a rename by eId cannot say which one's children
    // follow it: such a section is compared whole (every heading and text, wherever it stands).
    auto section_of = [](const std::string& eid) { return eid.substr(0, eid.find("__")); };
    std::set<std::string> repeated;
    for (const auto* m : {&om, &nm})
        for (const auto& [eid, ps] : *m)
            if (ps.size() > 1) repeated.insert(section_of(eid));
    std::map<std::string, std::pair<std::vector<Content>, std::vector<Content>>> whole;  // section -> (got, want)
    for (const auto& [eid, ps] : nm) {
        std::vector<Content> want;
        for (const auto* p : ps) want.push_back({p->heading.text, p->text.text});
        auto it = result.find(eid);
        if (repeated.count(section_of(eid))) {
            auto& w = whole[section_of(eid)];
            w.second.insert(w.second.end(), want.begin(), want.end());
            continue;
        }
        if (it == result.end()) {
            fail("missing " + eid);
            continue;
        }
        auto got = it->second;
        std::sort(want.begin(), want.end());
        std::sort(got.begin(), got.end());
        if (got != want) fail("differs " + eid);
    }
    for (const auto& [eid, c] : result) {
        if (repeated.count(section_of(eid))) {
            auto& w = whole[section_of(eid)];
            w.first.insert(w.first.end(), c.begin(), c.end());
            continue;
        }
        if (!nm.count(eid)) fail("extra " + eid);
    }
    for (auto& [sec, w] : whole) {
        std::sort(w.first.begin(), w.first.end());
        std::sort(w.second.begin(), w.second.end());
        if (w.first != w.second) fail("differs " + sec + " (compared whole)");
    }
    whole_sections = repeated.size();
    return bad;
}

// ---------------------------------------------------------------- apply instructions

std::string cite_of(const ProvisionPath& chain) { return citation_of(chain).str(); }

bool plain_words(const std::string& s) {
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ')) return false;
    return true;
}

std::size_t count_of(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
}

// Leaf provisions whose every ancestor is numbered: citable as "S(a)(1)".
void leaves(const Provision& p, ProvisionPath& chain, std::vector<ProvisionPath>& out) {
    if (!is_numbered(p.kind)) return;
    chain.push_back(&p);
    if (!p.text.text.empty()) out.push_back(chain);
    for (const auto& c : p.children) leaves(c, chain, out);
    chain.pop_back();
}

const char* unit_name(int depth) { return depth == 1 ? "subsection" : depth == 2 ? "paragraph" : "subparagraph"; }

struct Instructions {
    std::vector<std::string> items;            // Markdown list items (without the number)
    std::map<std::string, std::size_t> kinds;
};

Instructions make_instructions(const std::vector<std::string>& secs, std::size_t want) {
    Instructions out;
    Gen g;
    g.rng.seed(66);
    for (std::size_t i = 0; i < secs.size(); i += 50)
        for (const auto& t : tokenize(secs[i]))
            if (t.kind == Token::Kind::Word && t.end - t.begin >= 5 && plain_words(secs[i].substr(t.begin, t.end - t.begin)))
                g.vocab.push_back(secs[i].substr(t.begin, t.end - t.begin));
    std::vector<std::size_t> order(secs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), g.rng);
    for (std::size_t si : order) {
        if (out.items.size() >= want) break;
        Document d;
        read_text(secs[si], "s", d);
        const Provision& s = d.root.children.at(0);
        if (s.is_repealed() || s.children.empty()) continue;
        std::string whole = secs[si];
        std::vector<ProvisionPath> ls;
        ProvisionPath chain{&s};
        for (const auto& c : s.children) leaves(c, chain, ls);
        std::size_t k = g.pick(100);
        if (k < 15) {  // strike a unit at depth 1 or 2
            std::vector<ProvisionPath> units;
            for (const auto& l : ls)
                if (l.size() <= 3) units.push_back(l);
            if (units.empty()) continue;
            ProvisionPath u = units[g.pick(units.size())];
            int depth = static_cast<int>(u.size()) - 1;
            ProvisionPath parent(u.begin(), u.end() - 1);
            out.items.push_back("Section " + cite_of(parent) + " is amended by striking " + unit_name(depth) + " " +
                                u.back()->designation + ".");
            ++out.kinds["strike a provision"];
            continue;
        }
        if (k < 25) {  // a new paragraph at the end of a simple list
            std::vector<std::size_t> idx;
            char st = 0;
            Provision copy = s;
            if (!simple_list(copy, idx, st)) continue;
            std::string des = designation(st, static_cast<int>(idx.size()) + 1);
            out.items.push_back("Section " + s.designation + " is amended by adding a new subsection " + des +
                                " to read as follows:\n\n@> " + des + "   " + g.sentence());
            ++out.kinds["add a provision"];
            continue;
        }
        if (k < 32) {  // a heading
            out.items.push_back("The section heading of section " + s.designation + " is amended to read as follows:\n\n@> " +
                                g.sentence());
            ++out.kinds["amend a heading"];
            continue;
        }
        if (ls.empty()) continue;
        const ProvisionPath& l = ls[g.pick(ls.size())];
        const std::string& t = l.back()->text.text;
        auto toks = tokenize(t);
        std::vector<std::size_t> w;
        for (std::size_t i = 0; i < toks.size(); ++i)
            if (toks[i].kind == Token::Kind::Word) w.push_back(i);
        if (w.size() < 6) continue;
        std::size_t a = g.pick(w.size() - 3), len = 1 + g.pick(3);
        std::string phrase = t.substr(toks[w[a]].begin, toks[w[a + len - 1]].end - toks[w[a]].begin);
        if (!plain_words(phrase) || count_of(whole, phrase) != 1) continue;
        bool space_after = toks[w[a + len - 1]].end < t.size() && t[toks[w[a + len - 1]].end] == ' ';
        std::string cite = cite_of(l);
        if (k < 70) {
            out.items.push_back("In Section " + cite + ", strike \"" + phrase + "\" and insert \"" + g.words(1, 3) + "\".");
            ++out.kinds["strike and insert"];
        } else if (k < 85 && space_after) {
            out.items.push_back("In Section " + cite + ", strike \"" + phrase + " \".");
            ++out.kinds["strike a phrase"];
        } else if (k >= 85) {
            out.items.push_back("Section " + cite + " is amended by inserting \"" + g.words(1, 2) + " \" before \"" +
                                phrase + "\".");
            ++out.kinds["insert before"];
        }
    }
    return out;
}

std::string amendment_doc(const std::string& title, const std::vector<std::string>& items,
                          std::vector<int>* lines = nullptr) {
    std::string s = "# " + title + "\n\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (lines) lines->push_back(static_cast<int>(std::count(s.begin(), s.end(), '\n')) + 1);
        std::string num = std::to_string(i + 1) + ". ";
        std::string item = items[i];
        // A block quote inside the item stands at the item's content column.
        for (std::size_t p = item.find("\n\n@> "); p != std::string::npos; p = item.find("\n\n@> ", p))
            item.replace(p + 2, 1, std::string(num.size(), ' '));
        s += num + item + "\n\n";
    }
    return s;
}

}  // namespace

// One instruction for the whole Code read as XML: in the first section of title 1 with a word of
// six letters or more that its texts hold once, that word struck and another inserted.
std::string one_provision_amendment(const fs::path& titles) {
    Document doc = load_code({(titles / "1").string()});
    for (const Provision* s : sections_of(doc.root)) {
        std::string all;
        std::function<void(const Provision&)> gather = [&](const Provision& p) {
            all += " " + p.heading.text + " " + p.text.text + " ";
            for (const auto& c : p.children) gather(c);
        };
        gather(*s);
        std::istringstream words(all);
        std::string w;
        while (words >> w) {
            if (w.size() < 6 || !std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
                continue;
            if (count_of(all, " " + w + " ") != 1 || count_of(all, w) != 1) continue;
            return "# Benchmark: one provision\n\n1. Section " + s->designation + " is amended by striking \"" + w +
                   "\" and inserting \"" + w + " (amended)\".\n";
        }
    }
    throw std::runtime_error("no section of title 1 has a word to strike once");
}

// `amend apply` of one provision to the whole Code as XML, and `amend show --format outline` of
// the same files, alternating: time and peak RSS against the section files' bytes.
void xml_apply_table(const fs::path& work, const std::string& amend_bin, int runs) {
    fs::path titles = extract_code(work);
    std::uintmax_t bytes = 0;
    std::size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(titles))
        if (e.is_regular_file() && e.path().extension() == ".xml" && e.path().parent_path().filename() == "sections") {
            bytes += e.file_size();
            ++files;
        }
    fs::path md = work / "apply-one-xml.md";
    write_file(md, one_provision_amendment(titles));
    std::vector<double> sw, sr, aw, ar;
    int status = 0;
    for (int k = 0; k < runs; ++k) {
        Measure s = measure({amend_bin, "show", titles.string(), "--format", "outline"}, (work / "show-xml.out").string(),
                            (work / "show-xml.err").string());
        sw.push_back(s.wall);
        sr.push_back(s.rss_mb);
        fs::path out = work / ("apply-xml-out-" + std::to_string(k));
        fs::remove_all(out);
        Measure a = measure({amend_bin, "apply", titles.string(), "--amendments", md.string(), "-o", out.string()},
                            (work / "apply-xml.out").string(), (work / "apply-xml.err").string());
        status = a.status;
        aw.push_back(a.wall);
        ar.push_back(a.rss_mb);
        fs::remove_all(out);
    }
    double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
    std::cout << "\n## The whole Code as XML: apply of one provision against show (median of " << runs
              << " runs, alternating)\n\n"
              << "| section files | MB | show s / MB RSS | apply s / MB RSS | apply/show s | apply RSS / inputs | exit |\n"
              << "|---|---|---|---|---|---|---|\n"
              << "| " << files << " | " << fmt("%.1f", mb) << " | " << fmt("%.2f", median(sw)) << " / " << fmt("%.0f", median(sr))
              << " | " << fmt("%.2f", median(aw)) << " / " << fmt("%.0f", median(ar)) << " | "
              << fmt("%.2f", median(aw) / median(sw)) << " | " << fmt("%.2f", median(ar) / mb) << " | " << status << " |\n";
}

// Issue 13: every dev law read by one `amend explain` process (the laws as DCCouncil publishes
// them, the codifier's own reading marks left in: amend reads past them as it reads past any markup).
void reading_table(const fs::path& work, const std::string& amend_bin, int runs) {
    fs::path laws = work / "dc-laws-dev";
    if (!fs::exists(laws / "dc-laws-dev")) {
        fs::create_directories(laws);
        std::string tar = std::string(AMEND_SHARED_DIR) + "/corpus/dc-laws-dev.tar.xz";
        if (sh("tar -xJf '" + tar + "' -C '" + laws.string() + "'") != 0) throw std::runtime_error("tar failed: " + tar);
    }
    std::vector<std::string> argv{amend_bin, "explain"};
    std::uintmax_t bytes = 0;
    for (const auto& e : fs::recursive_directory_iterator(laws / "dc-laws-dev"))
        if (e.is_regular_file() && e.path().extension() == ".xml") {
            argv.push_back(e.path().string());
            bytes += e.file_size();
        }
    std::sort(argv.begin() + 2, argv.end());
    argv.push_back("--format");
    argv.push_back("json");
    std::vector<double> w, r;
    int status = 0;
    for (int k = 0; k < runs; ++k) {
        Measure m = measure(argv, (work / "explain-laws.json").string(), (work / "explain-laws.err").string());
        w.push_back(m.wall);
        r.push_back(m.rss_mb);
        status = m.status;
    }
    std::cout << "\n## Reading: every dev law in one `amend explain` (median of " << runs << " runs)\n\n"
              << "| laws | MB | explain s | MB RSS | exit |\n|---|---|---|---|---|\n"
              << "| " << argv.size() - 4 << " | " << fmt("%.1f", static_cast<double>(bytes) / (1024.0 * 1024.0)) << " | "
              << fmt("%.2f", median(w)) << " | " << fmt("%.0f", median(r)) << " | " << status << " |\n"
              << "\n(exit 2: some instruction of some law is not read; what was read is printed all the same)\n";
}

int main(int argc, char** argv) {
    fs::path work = AMEND_BENCH_WORK;
    int runs = 5, apply_runs = 3;
    bool fresh = false, do_apply = true, do_xml = true, xml_only = false, reading_only = false;
    std::vector<int> sizes = {16, 8, 4, 2, 1};
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--work") work = next();
        else if (a == "--runs") runs = std::atoi(next().c_str());
        else if (a == "--apply-runs") apply_runs = std::atoi(next().c_str());
        else if (a == "--fresh") fresh = true;
        else if (a == "--no-apply") do_apply = false;
        else if (a == "--no-xml") do_xml = false;
        else if (a == "--xml-only") xml_only = true;
        else if (a == "--reading-only") reading_only = true;
        else if (a == "--sizes") {
            sizes.clear();
            std::stringstream ss(next());
            std::string x;
            while (std::getline(ss, x, ',')) sizes.push_back(std::atoi(x.c_str()));
        } else {
            std::cerr << "usage: amend_bench [--work DIR] [--runs N] [--apply-runs N] [--fresh] [--no-apply] [--no-xml | --xml-only | --reading-only] [--sizes 16,8,4,2,1]\n";
            return 2;
        }
    }
    start_launcher();
    const std::string amend_bin = AMEND_BINARY;
    fs::create_directories(work);
    try {
        if (xml_only) {  // the XML table alone
            extract_code(work);
            xml_apply_table(work, amend_bin, apply_runs);
            return 0;
        }
        if (reading_only) {  // the reading table alone
            reading_table(work, amend_bin, runs);
            return 0;
        }
        // ---- inputs
        fs::path stamp = work / "prepared";
        std::vector<std::string> old_secs, new_secs;
        if (fresh || !fs::exists(stamp)) {
            auto secs = prepare_sections(work);
            Corpus c = make_corpus(secs);
            std::string edits;
            for (const auto& [k, n] : c.edits) edits += "  " + k + ": " + std::to_string(n) + "\n";
            std::size_t same = 0;
            for (std::size_t i = 0; i < secs.size(); ++i) same += c.old_secs[i] == c.new_secs[i];
            std::size_t total = 0;
            for (const auto& s : secs) total += s.size();
            for (int sz : sizes) {
                fs::path dir = work / ("size-1-" + std::to_string(sz));
                std::string o, n;
                for (std::size_t i = 0; i < secs.size() && o.size() < total / static_cast<std::size_t>(sz); ++i) {
                    o += c.old_secs[i];
                    n += c.new_secs[i];
                }
                write_file(dir / "old.txt", o);
                write_file(dir / "new.txt", n);
            }
            std::ostringstream info;
            info << "sections: " << secs.size() << "\nbytes: " << total << "\nsections unchanged: " << same
                 << "\nedits:\n" << edits;
            write_file(stamp, info.str());
            if (do_apply) {
                auto ins = make_instructions(secs, 1100);
                std::string kinds;
                for (const auto& [k, n] : ins.kinds) kinds += "  " + k + ": " + std::to_string(n) + "\n";
                // Only instructions the engine accepts are kept: `amend check` names the others by line.
                auto validated = [&](const std::string& name, const std::string& title, std::vector<std::string> items,
                                     std::size_t keep) {
                    std::vector<int> lines;
                    fs::path f = work / name;
                    write_file(f, amendment_doc(title, items, &lines));
                    measure({amend_bin, "check", (work / "size-1-1/old.txt").string(), "--amendments", f.string()},
                            (work / "check.out").string(), (work / "check.err").string());
                    std::set<int> bad;
                    std::ifstream err(work / "check.err");
                    std::string line, prefix = f.string() + ":";
                    while (std::getline(err, line))
                        if (line.rfind(prefix, 0) == 0) bad.insert(std::atoi(line.c_str() + prefix.size()));
                    std::vector<std::string> good;
                    for (std::size_t i = 0; i < items.size() && good.size() < keep; ++i)
                        if (!bad.count(lines[i])) good.push_back(items[i]);
                    write_file(f, amendment_doc(title, good));
                    return std::to_string(bad.size()) + " of " + std::to_string(items.size()) + " generated were rejected by amend check";
                };
                std::string note = validated("apply-1000.md", "Benchmark: generated instructions", ins.items, 1000);
                // "Mayor" wherever it appears in the whole code: one instruction.
                std::vector<std::string> mayor = {
                    "The District of Columbia Official Code is amended by striking \"Mayor\" wherever it appears and "
                    "inserting \"Mayor or designee\" in its place."};
                note += "\nMayor: " + validated("apply-mayor.md", "Benchmark: Mayor or designee", mayor, mayor.size());
                write_file(work / "apply-1000.kinds", kinds + note + "\n");
            }
        }
        std::cout << "## Inputs\n\n```\n" << [&] {
            std::ifstream f(stamp);
            std::stringstream b;
            b << f.rdbuf();
            return b.str();
        }() << "```\n\n";

        // ---- diff table
        struct Row {
            int size;
            double mb;
            std::map<std::string, std::vector<double>> wall, rss;
            std::string timings;
            std::size_t churn_amend = 0, churn_git = 0, replay_bad = 0, replay_whole = 0;
            std::string replay_why;
        };
        std::vector<Row> rows;
        const std::vector<std::string> tools = {"amend json", "amend html", "git", "wdiff"};
        for (int sz : sizes) {
            fs::path dir = work / ("size-1-" + std::to_string(sz));
            std::string o = (dir / "old.txt").string(), n = (dir / "new.txt").string();
            Row r;
            r.size = sz;
            r.mb = static_cast<double>(fs::file_size(o) + fs::file_size(n)) / (1024.0 * 1024.0);
            auto cmd = [&](const std::string& t) -> std::vector<std::string> {
                if (t == "amend json") return {amend_bin, "diff", o, n, "--format", "json"};
                if (t == "amend html") return {amend_bin, "diff", o, n, "--format", "html"};
                if (t == "git") return {"git", "diff", "--no-index", "--no-color", "--word-diff=porcelain", o, n};
                return {"wdiff", o, n};
            };
            auto out_of = [&](const std::string& t) {
                std::string s = t;
                std::replace(s.begin(), s.end(), ' ', '-');
                return (dir / ("out-" + s)).string();
            };
            for (int k = 0; k < runs; ++k)
                for (std::size_t ti = 0; ti < tools.size(); ++ti) {
                    const std::string& t = tools[(ti + static_cast<std::size_t>(k)) % tools.size()];  // rotate the order
                    Measure m = measure(cmd(t), out_of(t), out_of(t) + ".err");
                    if (m.status != 1) std::cerr << t << " at 1/" << sz << ": exit " << m.status << "\n";
                    r.wall[t].push_back(m.wall);
                    r.rss[t].push_back(m.rss_mb);
                }
            Measure tm = measure({amend_bin, "diff", o, n, "--format", "json", "--timings"}, (dir / "out-timed.json").string(),
                             (dir / "timings.txt").string());
            (void)tm;
            {
                std::ifstream f(dir / "timings.txt");
                std::getline(f, r.timings);
            }
            r.churn_git = git_churn(out_of("git"));
            {
                std::ifstream f(out_of("amend json"));
                r.churn_amend = amend_churn(nlohmann::json::parse(f));
            }
            r.replay_bad = replay(o, n, out_of("amend json"), r.replay_why, r.replay_whole);
            std::cerr << "1/" << sz << " done\n";
            rows.push_back(std::move(r));
        }
        auto med = [](const std::vector<double>& v) { return median(v); };
        std::cout << "## amend diff against git and wdiff (median of " << runs << " runs, alternating)\n\n";
        std::cout << "| size | inputs MB | amend json s / MB RSS | amend html s / MB RSS | git s / MB RSS | wdiff s / MB RSS | "
                     "json/git | json/wdiff | html/git | json RSS / inputs | json s/MB |\n";
        std::cout << "|---|---|---|---|---|---|---|---|---|---|---|\n";
        for (auto& r : rows) {
            double j = med(r.wall["amend json"]), h = med(r.wall["amend html"]), gt = med(r.wall["git"]), w = med(r.wall["wdiff"]);
            std::cout << "| 1/" << r.size << " | " << fmt("%.1f", r.mb);
            for (const auto& t : tools) std::cout << " | " << fmt("%.2f", med(r.wall[t])) << " / " << fmt("%.0f", med(r.rss[t]));
            std::cout << " | " << fmt("%.2f", j / gt) << " | " << fmt("%.3f", j / w) << " | " << fmt("%.2f", h / gt) << " | "
                      << fmt("%.2f", med(r.rss["amend json"]) / r.mb) << " | " << fmt("%.3f", j / r.mb) << " |\n";
        }
        std::cout << "\nStage split (`amend diff --format json --timings`, one extra run):\n\n";
        for (auto& r : rows) std::cout << "- 1/" << r.size << ": " << r.timings << "\n";
        std::cout << "\nChurn (bytes marked deleted or inserted) and the replay check:\n\n";
        std::cout << "| size | amend churn | git churn | amend/git | replay of amend's change list |\n|---|---|---|---|---|\n";
        for (auto& r : rows)
            std::cout << "| 1/" << r.size << " | " << r.churn_amend << " | " << r.churn_git << " | "
                      << fmt("%.2f", static_cast<double>(r.churn_amend) / static_cast<double>(r.churn_git)) << " | "
                      << (r.replay_bad == 0 ? std::string("exact") : std::to_string(r.replay_bad) + " mismatches, first: " + r.replay_why)
                      << " (" << r.replay_whole << " sections with a repeated designation compared whole) |\n";
        if (!rows.empty()) {
            const Row& a = rows.front();
            const Row& b = rows.back();
            double pa = med(const_cast<Row&>(a).wall["amend json"]) / a.mb, pb = med(const_cast<Row&>(b).wall["amend json"]) / b.mb;
            std::cout << "\nLinearity: json s/MB at 1/" << b.size << " over 1/" << a.size << " = " << fmt("%.2f", pb / pa) << "\n";
        }

        // ---- apply table
        if (do_apply && fs::exists(work / "apply-1000.md")) {
            fs::path dir = work / ("size-1-1");
            std::string o = (dir / "old.txt").string();
            std::cout << "\n## amend apply on the whole code (median of " << apply_runs << " runs, alternating with diff)\n\n";
            std::cout << "| input | instructions | apply s | apply MB RSS | diff json s (same run) | apply/diff | exit |\n|---|---|---|---|---|---|---|\n";
            for (const char* f : {"apply-1000.md", "apply-mayor.md"}) {
                std::string md = (work / f).string();
                std::size_t count = 0;
                {
                    std::ifstream in(md);
                    std::string line;
                    while (std::getline(in, line))
                        if (!line.empty() && line[0] >= '0' && line[0] <= '9') ++count;
                }
                std::vector<double> aw, ar, dw;
                int status = 0;
                // Each run writes a folder of its own, all removed after the runs: ext4 searches
                // long for free inodes right after thousands of files were deleted, so removing
                // the last run's site before each run measured the file system, not amend.
                std::vector<fs::path> outs;
                for (int k = 0; k < apply_runs; ++k) {
                    fs::path out = work / ("apply-out-" + std::to_string(k));
                    fs::remove_all(out);
                    outs.push_back(out);
                    Measure m = measure({amend_bin, "apply", o, "--amendments", md, "-o", out.string()},
                                    (work / "apply.out").string(), (work / (std::string(f) + ".err")).string());
                    status = m.status;
                    aw.push_back(m.wall);
                    ar.push_back(m.rss_mb);
                    Measure d = measure({amend_bin, "diff", o, (dir / "new.txt").string(), "--format", "json"},
                                    (work / "apply-diff.json").string(), (work / "apply-diff.err").string());
                    dw.push_back(d.wall);
                }
                for (const auto& out : outs) fs::remove_all(out);
                std::cout << "| " << f << " | " << count << " | " << fmt("%.2f", median(aw)) << " | " << fmt("%.0f", median(ar))
                          << " | " << fmt("%.2f", median(dw)) << " | " << fmt("%.2f", median(aw) / median(dw)) << " | "
                          << status << " |\n";
            }
            std::ifstream kf(work / "apply-1000.kinds");
            std::stringstream b;
            b << kf.rdbuf();
            std::cout << "\nKinds of the 1,000 instructions:\n\n```\n" << b.str() << "```\n";
        }

        // ---- the whole Code as D.C. XML: apply of one provision against show
        if (do_xml) xml_apply_table(work, amend_bin, apply_runs);
        // ---- reading every dev law in one process
        reading_table(work, amend_bin, runs);
    } catch (const InputError& e) {
        for (const auto& d : e.diagnostics()) std::cerr << format_full(d);
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "amend_bench: " << e.what() << "\n";
        return 3;
    }
    return 0;
}
