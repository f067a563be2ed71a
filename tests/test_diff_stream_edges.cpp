// `amend diff` on two single text files, section by section (src/cli/diff_cmd.cpp), at its edges:
// line ends, byte order marks, final newlines, blank lines, duplicate numbers, sections moved,
// inserted, deleted and renumbered, identical files, errors, and inputs that are read whole. Each
// case must give the bytes, the exit code and the first error of the whole-tree path (load_code
// both sides, diff_trees, render_page), in every format, with and without --full.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "diff/diff.hpp"
#include "model/diagnostic.hpp"
#include "pipeline/inputs.hpp"
#include "parse/text_layout.hpp"
#include "pipeline/diff_stream.hpp"
#include "render/render.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// Real law, one section a string, each in the text layout with LF line ends: D.C. sections before
// and after a law (dev cases of distinct sections), and the Chicago texts.
struct Law {
    std::vector<std::string> before, after;  // D.C.: after[i] is before[i] as amended
    std::vector<std::string> chicago;
};

const Law& law() {
    static Law l = [] {
        Law r;
        std::vector<fs::path> dirs;
        for (const auto& e : fs::directory_iterator(test::dc_cases("dc-cases-dev").dir))
            if (e.is_directory()) dirs.push_back(e.path());
        std::sort(dirs.begin(), dirs.end());
        std::set<std::string> numbers;
        for (const auto& d : dirs) {
            if (r.before.size() == 8) break;
            auto before = amend::load_code({(d / "before.xml").string()});
            auto after = amend::load_code({(d / "after.xml").string()});
            auto bs = amend::sections_of(before.root), as = amend::sections_of(after.root);
            if (bs.size() != 1 || as.size() != 1 || bs[0]->designation != as[0]->designation ||
                !numbers.insert(bs[0]->designation).second)
                continue;
            std::string o = amend::write_text(before), n = amend::write_text(after);
            try {  // only what the text layout takes back
                amend::Document a, b;
                amend::read_text(o, "o", a);
                amend::read_text(n, "n", b);
            } catch (const amend::InputError&) {
                continue;
            }
            r.before.push_back(o);
            r.after.push_back(n);
        }
        for (const auto& e : fs::directory_iterator(test::shared("corpus/chicago")))
            r.chicago.push_back(test::slurp(e.path().string()));
        std::sort(r.chicago.begin(), r.chicago.end());
        return r;
    }();
    return l;
}

std::string join(const std::vector<std::string>& sections) {
    std::string s;
    for (const auto& x : sections) s += x;
    return s;
}

std::string crlf(const std::string& s) {
    std::string r;
    for (char c : s) {
        if (c == '\n') r += '\r';
        r += c;
    }
    return r;
}

std::string no_final_newline(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

const char* const kBom = "\xEF\xBB\xBF";

const std::pair<const char*, amend::PageFormat> kFormats[] = {{"md", amend::PageFormat::Md},
                                                          {"html", amend::PageFormat::Html},
                                                          {"side-by-side", amend::PageFormat::SideBySide},
                                                          {"text", amend::PageFormat::Text},
                                                          {"json", amend::PageFormat::Json}};

// The whole-tree path's error, as `amend` prints it: the old file's diagnostics, else the new's.
std::optional<std::string> whole_error(const std::string& op, const std::string& np) {
    for (const auto& p : {op, np}) {
        try {
            (void)amend::load_code({p});
        } catch (const amend::InputError& e) {
            std::string s;
            for (const auto& d : e.diagnostics()) s += amend::format_full(d);
            return s;
        }
    }
    return std::nullopt;
}

// Runs `amend diff OP NP` in every format, with and without --full, and compares it with the whole
// trees. `streams`: the section-by-section path is expected (else the fallback). Returns the exit
// code.
int check_paths(const std::string& op, const std::string& np, bool streams) {
    CAPTURE(op);
    CAPTURE(np);
    if (auto err = whole_error(op, np)) {
        for (const char* f : {"json", "md"}) {
            auto r = test::amend("diff " + op + " " + np + " --format " + f + " --timings");
            CHECK(r.rc == 2);
            CHECK(r.out == "");
            CHECK(r.err == *err);
        }
        return 2;
    }
    auto old_doc = amend::load_code({op});
    auto new_doc = amend::load_code({np});
    auto cs = amend::diff_trees(old_doc.root, new_doc.root);
    int rc = cs.empty() ? 0 : 1;
    for (bool full : {false, true}) {
        for (const auto& [name, f] : kFormats) {
            CAPTURE(name);
            CAPTURE(full);
            amend::DiffOptions d;
            d.old_path = op;
            d.new_path = np;
            d.full = full;
            amend::RenderOptions o = amend::diff_page_options(d);
            auto r = test::amend("diff " + op + " " + np + " --format " + name + " --timings" + (full ? " --full" : ""));
            CHECK(r.rc == rc);
            CHECK((r.err.find("section by section") != std::string::npos) == streams);
            CHECK(r.out == amend::render_page(f, cs, o));
        }
    }
    return rc;
}

int check(const std::string& name, const std::string& olds, const std::string& news, bool streams = true) {
    CAPTURE(name);
    std::string dir = test::scratch("edges-" + name);
    std::string op = dir + "/old.txt", np = dir + "/new.txt";
    test::spit(op, olds);
    test::spit(np, news);
    return check_paths(op, np, streams);
}

// A section renumbered: the first line's number replaced.
std::string renumbered(const std::string& section, const std::string& number) {
    return number + section.substr(section.find(' '));
}

}  // namespace

TEST_CASE("amend diff, section by section, edges: line ends, byte order marks, final newlines, blank lines") {
    const auto& l = law();
    REQUIRE(l.before.size() == 8);
    REQUIRE(l.chicago.size() >= 4);
    std::string o = join(l.before), n = join(l.after);
    REQUIRE(o != n);
    CHECK(check("crlf-both", crlf(o), crlf(n)) == 1);
    CHECK(check("crlf-old-only", crlf(o), n) == 1);
    CHECK(check("crlf-new-only", o, crlf(n)) == 1);
    // The same sections, only the line ends differ: nothing changed.
    CHECK(check("crlf-same-text", o, crlf(o)) == 0);
    CHECK(check("bom-old-only", kBom + o, n) == 1);
    CHECK(check("bom-new-only", o, kBom + n) == 1);
    CHECK(check("bom-same-text", o, kBom + o) == 0);
    CHECK(check("bom-crlf", kBom + crlf(o), kBom + n) == 1);
    CHECK(check("no-final-newline-old", no_final_newline(o), n) == 1);
    CHECK(check("no-final-newline-new", o, no_final_newline(n)) == 1);
    CHECK(check("no-final-newline-same-text", o, no_final_newline(o)) == 0);
    CHECK(check("no-final-newline-crlf", crlf(o), no_final_newline(crlf(o))) == 0);
    // Blank lines before the first section, between sections and at the end, on one side.
    std::string spaced = "\n\n" + l.before[0] + "\n" + join({l.before.begin() + 1, l.before.begin() + 5}) + "  \n\n" +
                         join({l.before.begin() + 5, l.before.end()}) + "\n\n\n";
    CHECK(check("blank-lines-new", o, spaced) == 1);
    CHECK(check("blank-lines-old", spaced, n) == 1);
    // Blank lines alone are no change.
    CHECK(check("blank-lines-both", spaced + "\n", spaced) == 0);
    // The last section of one side in the middle of the other (its trailing blank lines).
    CHECK(check("trailing-blanks-moved", o + "\n\n", join({l.before.rbegin(), l.before.rend()})) == 1);
}

TEST_CASE("amend diff, section by section, edges: sections moved, inserted, deleted, duplicated, renumbered") {
    const auto& l = law();
    REQUIRE(l.before.size() == 8);
    const auto& b = l.before;
    const auto& a = l.after;
    std::string o = join(b);
    // Moved, unchanged and changed.
    // Sections pair by number: a section moved unchanged is no change.
    CHECK(check("moved", o, join({b[0], b[2], b[3], b[1], b[4], b[5], b[6], b[7]})) == 0);
    CHECK(check("moved-changed", o, join({b[0], b[2], b[3], a[1], b[4], b[5], b[6], b[7]})) == 1);
    CHECK(check("moved-to-end", o, join({b[1], b[2], b[3], b[4], b[5], b[6], b[7], a[0]})) == 1);
    CHECK(check("reversed", o, join({a.rbegin(), a.rend()})) == 1);
    // Inserted at the start and at the end; deleted.
    CHECK(check("inserted-start", o, l.chicago[0] + o) == 1);
    CHECK(check("inserted-end", o, o + l.chicago[1]) == 1);
    CHECK(check("inserted-end-no-final-newline", o, o + no_final_newline(l.chicago[1])) == 1);
    CHECK(check("deleted-first", o, join({b.begin() + 1, b.end()})) == 1);
    CHECK(check("deleted-middle", o, join({b[0], b[1], b[2], b[4], b[5], b[6], b[7]})) == 1);
    CHECK(check("deleted-last", o, join({b.begin(), b.end() - 1})) == 1);
    CHECK(check("deleted-all-but-one", o, b[3]) == 1);
    // A number that stands twice: the k-th old with the k-th new.
    CHECK(check("duplicates", join({b[0], b[1], a[0], b[2]}), join({a[0], b[1], b[0], b[2]})) == 1);
    CHECK(check("duplicates-fewer-new", join({b[0], b[1], a[0], b[2]}), join({b[1], a[0], b[2]})) == 1);
    CHECK(check("duplicates-more-new", join({b[0], b[1]}), join({b[0], b[1], a[0], a[1]})) == 1);
    CHECK(check("duplicates-same", join({b[0], b[0], b[1]}), join({b[0], b[0], b[1]})) == 0);
    // Two files of one section each: diff_trees pairs them whatever their numbers.
    CHECK(check("lone-pair-chicago", l.chicago[0], l.chicago[2]) == 1);
    CHECK(check("lone-pair-renumbered", b[0], renumbered(b[0], "99-999")) == 1);
    CHECK(check("lone-pair-renumbered-changed", b[0], renumbered(a[0], "99-999")) == 1);
    // ... but not one old section and two new ones.
    CHECK(check("one-then-two", b[0], renumbered(a[0], "99-999") + b[1]) == 1);
    CHECK(check("two-then-one", b[0] + b[1], renumbered(a[0], "99-999")) == 1);
    // Real Chicago sections, one file each side.
    CHECK(check("chicago", join(l.chicago), join({l.chicago.rbegin(), l.chicago.rend()})) == 0);
    CHECK(check("chicago-changed", join(l.chicago), join({l.chicago.begin(), l.chicago.end() - 1}) + b[5]) == 1);
}

TEST_CASE("amend diff, section by section, edges: identical files") {
    const auto& l = law();
    std::string dir = test::scratch("edges-identical");
    std::string p = dir + "/code.txt";
    test::spit(p, join(l.before));
    CHECK(check_paths(p, p, true) == 0);
    auto r = test::amend("diff " + p + " " + p + " --format text");
    CHECK(r.rc == 0);
    CHECK(r.out == "");
    auto j = test::amend("diff " + p + " " + p + " --format json");
    CHECK(j.rc == 0);
    CHECK(j.out == "{\n  \"stats\": {\n    \"provisions_changed\": 0,\n    \"words_struck\": 0,\n"
                   "    \"words_inserted\": 0\n  },\n  \"sections\": []\n}\n");
    CHECK(check("identical-crlf-bom", kBom + crlf(join(l.after)), kBom + crlf(join(l.after))) == 0);
    CHECK(check("identical-one-section", l.chicago[3], l.chicago[3]) == 0);
}

TEST_CASE("amend diff, section by section, edges: the first error, old file first") {
    const auto& l = law();
    std::string o = join(l.before), n = join(l.after);
    auto spoil = [](std::string s, std::size_t near) {  // two spaces where three belong
        std::size_t at = s.find("\n   ", near);
        REQUIRE(at != std::string::npos);
        s.erase(at + 1, 1);
        return s;
    };
    CHECK(check("error-old-preface", "Preface.\n" + o, spoil(n, 0)) == 2);
    CHECK(check("error-new-preface", o, "Preface.\n\n" + n) == 2);
    CHECK(check("error-old-late-new-early", spoil(o, o.size() * 3 / 4), spoil(n, 0)) == 2);
    CHECK(check("error-new-only", o, spoil(n, n.size() / 2)) == 2);
    CHECK(check("error-both-same-section", spoil(o, 0), spoil(o, 0)) == 2);
    // An error in a section the two sides share byte for byte, at another line on the new side.
    CHECK(check("error-shared-section-moved", l.before[1] + spoil(l.before[0], 0), spoil(l.before[0], 0) + l.before[1]) == 2);
    CHECK(check("error-bare-cr", o, n.substr(0, n.size() / 2) + "\r" + n.substr(n.size() / 2)) == 2);
    CHECK(check("error-mixed-line-ends", crlf(o) + "99-1 Added.\n", crlf(n)) == 2);
    CHECK(check("error-new-empty", o, "") == 2);
    CHECK(check("error-new-bom-only", o, kBom) == 2);
    CHECK(check("error-new-blank-lines-only", o, "\n\n  \n") == 2);
    CHECK(check("error-old-blank-lines-only", "\n", n) == 2);
    CHECK(check("error-new-bad-utf8", spoil(o, 0), n + "\xC3(\n") == 2);
    std::string tabbed = o;
    tabbed.replace(tabbed.find("\n   ", o.size() / 3) + 1, 3, "\t");
    CHECK(check("error-old-tab", tabbed, n) == 2);
}

TEST_CASE("amend diff, section by section, edges: inputs read whole") {
    const auto& l = law();
    std::string o = join(l.before), n = join(l.after);
    // Chapter lines put sections in chapters: read whole.
    CHECK(check("chapter-old", "CHAPTER 2-173 WELCOMING CITY ORDINANCE\n" + o, n, false) == 1);
    CHECK(check("chapter-new", o, n + "ARTICLE I. GENERAL\n", false) == 1);
    CHECK(check("chapter-new-sections", o, "ARTICLE I. GENERAL\n" + n, false) == 1);
    // A folder of two files, and XML: read whole.
    std::string dir = test::scratch("edges-folder");
    test::spit(dir + "/old/a.txt", join({l.before.begin(), l.before.begin() + 4}));
    test::spit(dir + "/old/b.txt", join({l.before.begin() + 4, l.before.end()}));
    test::spit(dir + "/new.txt", n);
    CHECK(check_paths(dir + "/old", dir + "/new.txt", false) == 1);
    CHECK(check_paths(dir + "/new.txt", dir + "/old", false) == 1);
    // A folder of one text file is that file.
    test::spit(dir + "/one/code.txt", n);
    CHECK(check_paths(dir + "/old/a.txt", dir + "/one", true) == 1);
    std::string xml;
    for (const auto& e : fs::directory_iterator(test::dc_cases("dc-cases-dev").dir)) {
        xml = (e.path() / "before.xml").string();
        break;
    }
    CHECK(check_paths(xml, dir + "/new.txt", false) == 1);
}

TEST_CASE("read_text_chunk: a file of blank lines only is refused, as read_text refuses it") {
    for (std::string bytes : {"\n", "\n  \n\t\n", "\xEF\xBB\xBF\r\n\r\n", "   "}) {
        CAPTURE(bytes);
        std::string whole;
        try {
            amend::Document d;
            amend::read_text(bytes, "blank.txt", d);
        } catch (const amend::InputError& e) {
            whole = amend::format_full(e.diagnostics().at(0));
        }
        CHECK(whole.find("blank.txt:1:1: error: expected a section heading line (NUMBER Heading.), found only blank lines") == 0);
        auto f = amend::split_text(bytes, "blank.txt");
        REQUIRE(f.chunks.size() == 1);
        try {
            (void)amend::read_text_chunk(bytes, f, 0, "blank.txt");
            FAIL("expected an error");
        } catch (const amend::InputError& e) {
            CHECK(amend::format_full(e.diagnostics().at(0)) == whole);
        }
    }
}
