// Golden cases (git's t/t4034 style): tests/golden/<case>/{old.txt,new.txt} (or old.path/new.path
// naming a file of the repository) with the expected redline (expect.md) and terminal text
// (expect.txt). AMEND_REGENERATE=1 rewrites the expect files; read them before committing.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "diff/diff.hpp"
#include "pipeline/inputs.hpp"
#include "render/render.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using amend::ProvisionChange;
using T = amend::ProvisionChange::Type;

namespace {

std::string input(const fs::path& dir, const std::string& side) {
    if (fs::exists(dir / (side + ".txt"))) return (dir / (side + ".txt")).string();
    std::string rel = test::slurp((dir / (side + ".path")).string());
    while (!rel.empty() && (rel.back() == '\n' || rel.back() == ' ')) rel.pop_back();
    return test::source(rel);
}

std::vector<fs::path> cases() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(test::source("tests/golden")))
        if (e.is_directory()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

struct Loaded {
    amend::Document old_doc, new_doc;
    amend::ChangeSet cs;
};

Loaded load(const fs::path& dir) {
    Loaded l{amend::load_code({input(dir, "old")}), amend::load_code({input(dir, "new")}), {}};
    l.cs = amend::diff_trees(l.old_doc.root, l.new_doc.root);
    return l;
}

std::vector<std::pair<T, std::string>> changed(const amend::ChangeSet& cs) {
    std::vector<std::pair<T, std::string>> out;
    for (const auto& s : cs.sections)
        for (const auto& c : s.changes)
            if (c.type != T::Unchanged) out.emplace_back(c.type, c.new_p ? c.new_citation : c.old_citation);
    return out;
}

}  // namespace

TEST_CASE("diff golden cases: redline Markdown and terminal text") {
    bool regen = std::getenv("AMEND_REGENERATE") && std::string(std::getenv("AMEND_REGENERATE")) == "1";
    auto all = cases();
    CHECK(all.size() >= 9);
    for (const auto& dir : all) {
        CAPTURE(dir.filename().string());
        auto l = load(dir);
        CHECK(!l.cs.empty());
        amend::RenderOptions o;
        o.title = "Redline";
        std::pair<std::string, std::string> outs[] = {{"expect.md", amend::render_redline_md(l.cs, o)},
                                                      {"expect.txt", amend::render_text(l.cs, o)}};
        for (const auto& [name, got] : outs) {
            std::string path = (dir / name).string();
            if (regen) test::spit(path, got);
            CHECK(got == test::slurp(path));
        }
    }
}

TEST_CASE("diff golden cases: what each change is") {
    auto g = [](const char* c) { return load(test::source(std::string("tests/golden/") + c)); };
    auto ins = g("subsection-inserted");
    // A subsection inserted: later ones are redesignated, and not one word of them looks changed.
    CHECK(changed(ins.cs) == std::vector<std::pair<T, std::string>>{
                                 {T::Inserted, "2-1-040(c)"}, {T::Redesignated, "2-1-040(d)"}, {T::Redesignated, "2-1-040(e)"}});
    for (const auto& c : ins.cs.sections[0].changes) CHECK(c.text_ops.empty());
    auto red = g("struck-and-redesignated");
    CHECK(changed(red.cs) == std::vector<std::pair<T, std::string>>{
                                 {T::Deleted, "2-1-050(2)"}, {T::Redesignated, "2-1-050(2)"}, {T::Redesignated, "2-1-050(3)"}});
    for (const auto& c : red.cs.sections[0].changes) CHECK(c.text_ops.empty());
    auto mv = g("paragraph-moved");
    auto mc = changed(mv.cs);
    REQUIRE(mc.size() == 3);
    CHECK(mc[2] == std::make_pair(T::Moved, std::string("2-1-060(a)(4)")));
    auto def = g("definition-inserted");
    CHECK(changed(def.cs) == std::vector<std::pair<T, std::string>>{{T::Inserted, "the definition of \"Board\" in 2-1-070"}});
    auto amt = g("amount-changed");
    CHECK(amt.cs.sections[0].changes[1].text_ops ==
          std::vector<amend::WordOp>{{amend::WordOp::Type::Equal, "Any person who violates this section shall be fined not less than "},
                                     {amend::WordOp::Type::Delete, "$2,000.00"},
                                     {amend::WordOp::Type::Insert, "$500.00"},
                                     {amend::WordOp::Type::Equal, " for each offense."}});
}

TEST_CASE("diff: the Coercion definition, 2-57-010 (2016) against 2-78-100 (current)") {
    // Each file holds one section, numbered differently: diff compares them as one section whose
    // number changed, so the Coercion definition is word-diffed rather than deleted and inserted.
    auto l = load(test::source("tests/golden/coercion-2-57-010-to-2-78-100"));
    REQUIRE(l.cs.sections.size() == 1);
    const auto& ch = l.cs.sections[0].changes;
    CHECK(ch[0].type == T::Redesignated);
    auto it = std::find_if(ch.begin(), ch.end(), [](const ProvisionChange& c) { return c.new_p && c.new_p->designation == "Coercion"; });
    REQUIRE(it != ch.end());
    CHECK(it->type == T::Modified);
    CHECK(it->old_eid == "sec_2-57-010__def_Coercion");
    CHECK(it->new_eid == "sec_2-78-100__def_Coercion");
}

TEST_CASE("diff: D.C. dev cases, before against after: word operations replay both texts") {
    std::string root = test::dc_cases("dc-cases-dev").dir;
    REQUIRE(fs::exists(root));
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(root))
        if (e.is_directory()) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    std::size_t changed_cases = 0, ops_checked = 0, cli_checked = 0;
    for (const auto& d : dirs) {
        CAPTURE(d.filename().string());
        auto before = amend::load_code({(d / "before.xml").string()});
        auto after = amend::load_code({(d / "after.xml").string()});
        auto cs = amend::diff_trees(before.root, after.root);
        for (const auto& s : cs.sections)
            for (const auto& c : s.changes) {
                for (auto [ops, o, n] : {std::tuple{&c.text_ops, c.old_p, c.new_p}}) {
                    if (ops->empty()) continue;
                    std::string old_s, new_s;
                    for (const auto& op : *ops) {
                        if (op.type != amend::WordOp::Type::Insert) old_s += op.text;
                        if (op.type != amend::WordOp::Type::Delete) new_s += op.text;
                    }
                    CHECK(old_s == o->text.text);
                    CHECK(new_s == n->text.text);
                    ++ops_checked;
                }
            }
        if (!cs.empty()) ++changed_cases;
        // The command agrees, on every tenth case (each run costs a process).
        if (cli_checked * 10 <= changed_cases && !cs.empty()) {
            auto r = test::amend("diff " + (d / "before.xml").string() + " " + (d / "after.xml").string() + " --format json");
            CHECK(r.rc == 1);
            ++cli_checked;
        }
    }
    MESSAGE(changed_cases << " of " << dirs.size() << " D.C. cases differ; " << ops_checked << " word diffs replayed");
    CHECK(changed_cases * 10 >= dirs.size() * 9);
    CHECK(ops_checked > 100);
}

TEST_CASE("amend diff: exit 0 when equal, 1 when different; same inputs give the same bytes") {
    std::string a = test::source("tests/golden/phrase-replaced/old.txt");
    std::string b = test::source("tests/golden/phrase-replaced/new.txt");
    auto same = test::amend("diff " + a + " " + a + " --format text");
    CHECK(same.rc == 0);
    CHECK(same.out == "");
    for (const char* f : {"md", "html", "side-by-side", "text", "json"}) {
        CAPTURE(f);
        auto r1 = test::amend("diff " + a + " " + b + " --format " + f);
        auto r2 = test::amend("diff " + a + " " + b + " --format " + f);
        CHECK(r1.rc == 1);
        CHECK(r1.err == "");
        CHECK(!r1.out.empty());
        CHECK(r1.out == r2.out);
    }
}
