// `amend diff` on two whole codes in the text layout reads, diffs and renders section by section
// in parallel (src/cli/diff_cmd.cpp). It must give exactly the bytes, the exit code and the first
// error that reading both files whole and diffing the trees gives.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "diff/diff.hpp"
#include "model/diagnostic.hpp"
#include "pipeline/inputs.hpp"
#include "parse/text_layout.hpp"
#include "pipeline/diff_stream.hpp"
#include "render/render.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// The D.C. dev cases as two codes: every section before its law, and every section as codified
// after it, each written in the text layout (real law, real amendments), one file per side.
struct TwoCodes {
    std::string old_path, new_path;
    std::size_t sections = 0;
};

const TwoCodes& dc_codes() {
    static TwoCodes t = [] {
        TwoCodes r;
        std::string root = test::dc_cases("dc-cases-dev").dir;
        std::vector<fs::path> dirs;
        for (const auto& e : fs::directory_iterator(root))
            if (e.is_directory()) dirs.push_back(e.path());
        std::sort(dirs.begin(), dirs.end());
        std::string olds, news;
        for (const auto& d : dirs) {
            auto before = amend::load_code({(d / "before.xml").string()});
            auto after = amend::load_code({(d / "after.xml").string()});
            std::string o = amend::write_text(before), n = amend::write_text(after);
            // Only what the text layout takes back (a few D.C. texts hold what it cannot).
            try {
                amend::Document a, b;
                amend::read_text(o, "o", a);
                amend::read_text(n, "n", b);
            } catch (const amend::InputError&) {
                continue;
            }
            olds += o;
            news += n;
            ++r.sections;
        }
        std::string dir = test::scratch("stream");
        r.old_path = dir + "/old.txt";
        r.new_path = dir + "/new.txt";
        test::spit(r.old_path, olds);
        test::spit(r.new_path, news);
        return r;
    }();
    return t;
}

}  // namespace

TEST_CASE("amend diff, section by section: the same bytes as the whole trees, in every format") {
    const auto& t = dc_codes();
    REQUIRE(t.sections > 150);
    auto old_doc = amend::load_code({t.old_path});
    auto new_doc = amend::load_code({t.new_path});
    auto cs = amend::diff_trees(old_doc.root, new_doc.root);
    REQUIRE(!cs.empty());
    const std::pair<const char*, amend::PageFormat> formats[] = {{"md", amend::PageFormat::Md},
                                                             {"html", amend::PageFormat::Html},
                                                             {"side-by-side", amend::PageFormat::SideBySide},
                                                             {"text", amend::PageFormat::Text},
                                                             {"json", amend::PageFormat::Json}};
    for (bool full : {false, true}) {
        for (const auto& [name, f] : formats) {
            CAPTURE(name);
            CAPTURE(full);
            amend::DiffOptions d;
            d.old_path = t.old_path;
            d.new_path = t.new_path;
            d.full = full;
            amend::RenderOptions o = amend::diff_page_options(d);
            auto r = test::amend("diff " + t.old_path + " " + t.new_path + " --format " + name + " --timings" +
                                 (full ? " --full" : ""));
            CHECK(r.rc == 1);
            // The section-by-section path was taken (the whole-tree one says nothing of threads).
            CHECK(r.err.find("section by section") != std::string::npos);
            CHECK(r.out == amend::render_page(f, cs, o));
        }
    }
    auto same = test::amend("diff " + t.old_path + " " + t.old_path + " --format json");
    CHECK(same.rc == 0);
    CHECK(same.out == "{\n  \"stats\": {\n    \"provisions_changed\": 0,\n    \"words_struck\": 0,\n"
                      "    \"words_inserted\": 0\n  },\n  \"sections\": []\n}\n");
}

TEST_CASE("amend diff, section by section: an error in a section both sides share is still found, old side first") {
    const auto& t = dc_codes();
    std::string olds = test::slurp(t.old_path), news = test::slurp(t.new_path);
    // A tab where indentation belongs, in the same section on both sides, about halfway down.
    auto spoil = [](std::string s, std::size_t near, const std::string& what) {
        std::size_t at = s.find("\n   (", near);
        REQUIRE(at != std::string::npos);
        s.replace(at + 1, 3, what);
        return s;
    };
    auto line_of = [](const std::string& s, std::size_t at) {
        return 1 + std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    };
    std::string key = "\n   (";
    std::size_t o_at = olds.find(key, olds.size() / 2) + 1;
    std::string bad_old = spoil(olds, olds.size() / 2, "\t");
    // The same bytes on the new side, wherever they stand there.
    std::string section_line = olds.substr(o_at, olds.find('\n', o_at) - o_at);
    std::size_t n_at = news.find("\n" + section_line + "\n");
    REQUIRE(n_at != std::string::npos);
    std::string bad_new = spoil(news, n_at, "\t");
    std::string dir = test::scratch("stream-bad");
    std::string op = dir + "/old.txt", np = dir + "/new.txt";
    test::spit(op, bad_old);
    test::spit(np, bad_new);
    auto r = test::amend("diff " + op + " " + np + " --format json");
    CHECK(r.rc == 2);
    CHECK(r.out == "");
    std::string want = op + ":" + std::to_string(line_of(bad_old, o_at)) + ":1: error: expected spaces for indentation, found a tab";
    CHECK(r.err.substr(0, want.size()) == want);
    // Reading the file whole reports the same.
    try {
        (void)amend::load_code({op});
        FAIL("expected an error");
    } catch (const amend::InputError& e) {
        CHECK(e.diagnostics().at(0).line == line_of(bad_old, o_at));
    }
    // An error of the new file near its start does not come before one far down the old file.
    std::string bad_new_early = spoil(news, 0, "\t");
    test::spit(np, bad_new_early);
    auto r2 = test::amend("diff " + op + " " + np + " --format json");
    CHECK(r2.rc == 2);
    CHECK(r2.err.substr(0, want.size()) == want);
    // And with the old file sound, the new file's first error.
    auto r3 = test::amend("diff " + t.old_path + " " + np + " --format json");
    CHECK(r3.rc == 2);
    CHECK(r3.out == "");
    std::size_t first_bad = news.find("\n   (") + 1;
    std::string want3 = np + ":" + std::to_string(line_of(news, first_bad)) + ":1: error: expected spaces for indentation, found a tab";
    CHECK(r3.err.substr(0, want3.size()) == want3);
}

TEST_CASE("split_text: chunks tile the file; each reads as the whole file reads it") {
    const auto& t = dc_codes();
    std::string bytes = test::slurp(t.old_path);
    auto f = amend::split_text(bytes, t.old_path);
    CHECK(!f.has_containers);
    REQUIRE(f.chunks.size() == t.sections + 1);
    CHECK(f.chunks[0].begin == 0);
    CHECK(f.chunks[0].end == 0);  // nothing before the first section
    for (std::size_t i = 1; i < f.chunks.size(); ++i) CHECK(f.chunks[i].begin == f.chunks[i - 1].end);
    CHECK(f.chunks.back().end == bytes.size());
    auto whole = amend::load_code({t.old_path});
    auto sections = amend::sections_of(whole.root);
    REQUIRE(sections.size() == t.sections);
    for (std::size_t i = 1; i < f.chunks.size(); ++i) {
        auto ps = amend::read_text_chunk(bytes, f, i, t.old_path);
        REQUIRE(ps.size() == 1);
        CHECK(ps[0].designation == f.chunks[i].number);
        CHECK(amend::write_text_provision(ps[0], 0) == amend::write_text_provision(*sections[i - 1], 0));
        CHECK(ps[0].span.line == sections[i - 1]->span.line);
    }
}

TEST_CASE("read_text_parallel: the tree and the first error of read_text") {
    const auto& t = dc_codes();
    std::string bytes = test::slurp(t.old_path);
    amend::Document one, many;
    amend::read_text(bytes, t.old_path, one);
    amend::read_text_parallel(bytes, t.old_path, many);
    REQUIRE(one.root.children.size() == many.root.children.size());
    REQUIRE(many.root.children.size() > 64);  // the parallel path, not its fallback
    CHECK(amend::write_text(many, 0) == bytes);
    for (std::size_t i = 0; i < one.root.children.size(); ++i) {
        CHECK(amend::write_text_provision(one.root.children[i], 0) == amend::write_text_provision(many.root.children[i], 0));
        CHECK(one.root.children[i].span.line == many.root.children[i].span.line);
    }
    // Two errors: the first in the file is reported, as read_text reports it.
    std::size_t late = bytes.find("\n   (", bytes.size() * 3 / 4) + 1, early = bytes.find("\n   (", bytes.size() / 4) + 1;
    std::string bad = bytes;
    bad.replace(late, 3, "\t");
    bad.replace(early, 3, "  ");
    auto first_error = [&](auto read) {
        amend::Document d;
        try {
            read(bad, "bad.txt", d);
        } catch (const amend::InputError& e) {
            return amend::format_full(e.diagnostics().at(0));
        }
        return std::string("no error");
    };
    std::string want = first_error([](const std::string& b, const std::string& p, amend::Document& d) { amend::read_text(b, p, d); });
    CHECK(want.find("bad.txt:" + std::to_string(1 + std::count(bad.begin(), bad.begin() + static_cast<std::ptrdiff_t>(early), '\n')) + ":") == 0);
    CHECK(first_error([](const std::string& b, const std::string& p, amend::Document& d) { amend::read_text_parallel(b, p, d); }) == want);
}
