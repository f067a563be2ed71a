// Renderers: one tree, two outputs; escaping; standalone pages; the site; headless Chromium.
#include <doctest/doctest.h>

#include <cmark.h>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "diff/diff.hpp"
#include "pipeline/inputs.hpp"
#include "render/json.hpp"
#include "render/render.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

struct Pair {
    amend::Document old_doc, new_doc;
    amend::ChangeSet cs;
};

Pair pair_of(const std::string& old_text, const std::string& new_text, const std::string& name) {
    std::string dir = test::scratch("render-" + name);
    test::spit(dir + "/old.txt", old_text);
    test::spit(dir + "/new.txt", new_text);
    Pair p{amend::load_code({dir + "/old.txt"}), amend::load_code({dir + "/new.txt"}), {}};
    p.cs = amend::diff_trees(p.old_doc.root, p.new_doc.root);
    return p;
}

// A section with a hostile provision and three phrases replaced (paragraphs (2) and (3) share enough
// words with their namesakes to be word-diffed in place rather than struck and redesignated).
const char* kOld =
    "9-9-010 Test section.\n"
    "   (a)   The Clerk shall print <script>alert(1)</script> on each notice.\n"
    "   (b)   Notices shall be mailed:\n"
    "      (1)   by first-class mail;\n"
    "      (2)   by certified mail; or\n"
    "      (3)   by hand.\n";
const char* kNew =
    "9-9-010 Test section.\n"
    "   (a)   The Director shall print <script>alert(1)</script> on each notice.\n"
    "   (b)   Notices shall be mailed:\n"
    "      (1)   by first-class mail;\n"
    "      (2)   by hand; or\n"
    "      (3)   by electronic mail.\n";

using test::count;
using test::chromium;
using test::run_chromium;

}  // namespace

TEST_CASE("render: the consolidated Markdown, rendered by cmark, equals the consolidated HTML") {
    std::vector<std::pair<std::string, std::string>> inputs = {
        {test::source("corpus/chicago/mcc-2-173-042-2012.txt"), test::source("corpus/chicago/mcc-2-173-042-2012.txt")},
        {test::source("corpus/chicago/mcc-2-57-010-2016-excerpt.txt"), test::source("corpus/chicago/mcc-2-78-100-current-excerpt.txt")},
        {test::source("corpus/chicago"), test::source("corpus/chicago")},
    };
    for (const auto& [a, b] : inputs) {
        auto o = amend::load_code({a});
        auto n = amend::load_code({b});
        auto cs = amend::diff_trees(o.root, n.root);
        std::string md = amend::render_consolidated_md(cs);
        char* html = cmark_markdown_to_html(md.c_str(), md.size(), CMARK_OPT_UNSAFE);
        CHECK(std::string(html) == amend::render_consolidated_html_body(cs));
        std::free(html);
    }
    auto p = pair_of(kOld, kNew, "consolidated");
    std::string md = amend::render_consolidated_md(p.cs);
    char* html = cmark_markdown_to_html(md.c_str(), md.size(), CMARK_OPT_UNSAFE);
    CHECK(std::string(html) == amend::render_consolidated_html_body(p.cs));
    std::free(html);
}

TEST_CASE("render: pages escape the law's text, stand alone and anchor every provision") {
    auto p = pair_of(kOld, kNew, "escape");
    for (const auto& page : {amend::render_redline_html(p.cs), amend::render_side_by_side_html(p.cs),
                             amend::render_consolidated_html(p.cs)}) {
        CHECK(page.find("<script") == std::string::npos);
        CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        CHECK(page.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">") != std::string::npos);
        CHECK(page.find("@media print") != std::string::npos);
        CHECK(page.find("src=") == std::string::npos);
        CHECK(page.find("href=\"http") == std::string::npos);
        CHECK(page.find("id=\"9-9-010(b)(3)\"") != std::string::npos);
    }
    std::string red = amend::render_redline_html(p.cs);
    CHECK(count(red, "<del>") == 5);  // the legend's two samples, Clerk, certified mail, hand
    CHECK(count(red, "<del") == count(red, "</del>"));
    std::string md = amend::render_redline_md(p.cs);
    CHECK(md.find("\\<script\\>alert(1)\\</script\\>") != std::string::npos);
}

TEST_CASE("render: JSON change list and terminal text") {
    auto p = pair_of(kOld, kNew, "json");
    std::string j = amend::render_json(p.cs);
    CHECK(j.find("\"new_citation\": \"9-9-010(a)\"") != std::string::npos);
    CHECK(j.find("\"new_eid\": \"sec_9-9-010__subsec_a\"") != std::string::npos);
    CHECK(j.find("{\n              \"op\": \"delete\",\n              \"text\": \"Clerk\"\n            }") != std::string::npos);
    CHECK(amend::render_text(p.cs) ==
          "9-9-010 Test section.\n"
          "   (a)   The [-Clerk-]{+Director+} shall print <script>alert(1)</script> on each notice.\n"
          "   (b)   Notices shall be mailed:\n"
          "      ...\n"
          "      (2)   by [-certified mail-]{+hand+}; or\n"
          "      (3)   by [-hand-]{+electronic mail+}.\n");
}

TEST_CASE("render: the site: index and three pages per changed section, each with a Markdown twin") {
    auto p = pair_of(kOld, kNew, "site");
    amend::SiteInfo info;
    info.title = "Test ordinance";
    info.warnings = {amend::Diagnostic{"amend.md", 3, 1, "2-173-042(a) refers to subsection (c), which no longer exists",
                                       "amend.dangling", "", amend::Severity::Warning}};
    auto files = amend::render_site(p.cs, info);
    std::vector<std::string> names;
    for (const auto& f : files) names.push_back(f.first);
    CHECK(names == std::vector<std::string>{"index.html", "index.md", "9-9-010/redline.html", "9-9-010/redline.md",
                                            "9-9-010/side-by-side.html", "9-9-010/side-by-side.md",
                                            "9-9-010/consolidated.html", "9-9-010/consolidated.md"});
    CHECK(files[1].second ==
          "# Test ordinance\n\n"
          "<div class=\"provenance\">\n\n"
          "**Base text:** 9-9-010: version and completeness not stated\n\n"
          "</div>\n\n"
          "1 section touched, 3 provisions changed: 4 words struck, 4 words inserted.\n\n"
          "## Warnings\n\n"
          "  - amend.md:3:1: warning: 2-173-042(a) refers to subsection (c), which no longer exists \\[amend.dangling\\]\n\n"
          "## Sections\n\n"
          "  - **9-9-010 Test section.** — 4 words struck, 4 words inserted: [redline](9-9-010/redline.md) · "
          "[side by side](9-9-010/side-by-side.md) · [consolidated text](9-9-010/consolidated.md)\n"
          "      - [9-9-010(a) amended](9-9-010/redline.md#9-9-010\\(a\\))\n"
          "      - [9-9-010(b)(2) amended](9-9-010/redline.md#9-9-010\\(b\\)\\(2\\))\n"
          "      - [9-9-010(b)(3) amended](9-9-010/redline.md#9-9-010\\(b\\)\\(3\\))\n");
    CHECK(files[0].second.find("<a href=\"9-9-010/redline.html\">redline</a>") != std::string::npos);
    CHECK(files == amend::render_site(p.cs, info));  // same input, same bytes
}

TEST_CASE("render: headless Chromium shows the marks and the script as text [chromium]") {
    if (chromium().empty()) {
        MESSAGE("skipped: no chromium at /usr/bin/chromium");
        return;
    }
    auto p = pair_of(kOld, kNew, "chromium");
    std::string dir = test::scratch("chromium-pages");
    struct Page {
        std::string name, html;
        std::size_t dels, inss;
    };
    // The legend's two samples (and its boxed punctuation, class "punct"), then Clerk/Director,
    // certified mail/hand, hand/electronic mail; side by side, the same marks, each on its own side.
    Page pages[] = {{"redline", amend::render_redline_html(p.cs), 5, 5},
                    {"side-by-side", amend::render_side_by_side_html(p.cs), 5, 5}};
    for (const auto& pg : pages) {
        CAPTURE(pg.name);
        std::string file = dir + "/" + pg.name + ".html";
        test::spit(file, pg.html);
        std::string dom_file = dir + "/" + pg.name + ".dom";
        CHECK(run_chromium("--dump-dom file://" + file, dom_file) == 0);
        std::string dom = test::slurp(dom_file);
        REQUIRE(dom.find("</html>") != std::string::npos);
        std::regex del_open("<del>"), ins_open("<ins>"), script_el("<script[ >]");
        auto n = [&](const std::regex& r) {
            return static_cast<std::size_t>(std::distance(std::sregex_iterator(dom.begin(), dom.end(), r), std::sregex_iterator()));
        };
        CHECK(n(del_open) == pg.dels);
        CHECK(n(ins_open) == pg.inss);
        CHECK(n(script_el) == 0);
        CHECK(dom.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        if (std::getenv("AMEND_SCREENSHOTS")) {
            std::string shots = std::getenv("AMEND_SCREENSHOTS");
            run_chromium("--screenshot=" + shots + "/" + pg.name + "-desktop.png --window-size=1200,1600 file://" + file, "/dev/null");
            run_chromium("--screenshot=" + shots + "/" + pg.name + "-phone.png --window-size=390,844 file://" + file, "/dev/null");
        }
    }
}

TEST_CASE("render: JSON is written directly, byte for byte what nlohmann's dump(2) gives") {
    amend::Provision os, ns, oa, na, nb;
    os.kind = ns.kind = amend::Kind::Section;
    os.designation = ns.designation = "1-2";
    oa.kind = na.kind = nb.kind = amend::Kind::Subsection;
    oa.designation = na.designation = "(a)";
    nb.designation = "(b)";
    nb.text.text = std::string("quote \" backslash \\ tab \t nl \n cr \r ff \f bs \b nul ") + '\0' +
                   " \x01 \x1f del \x7f \xC2\xA7 \xE2\x80\x9C \xF0\x9F\x98\x80 /";
    using W = amend::WordOp::Type;
    amend::ChangeSet cs;
    amend::SectionDiff same;  // unchanged: left out
    same.number = "1-1";
    amend::ProvisionChange u;
    u.old_p = &os;
    u.new_p = &ns;
    same.changes.push_back(u);
    cs.sections.push_back(same);
    amend::SectionDiff sd;
    sd.number = "1-2";
    sd.old_s = &os;
    sd.new_s = &ns;
    amend::ProvisionChange m;
    m.type = amend::ProvisionChange::Type::Modified;
    m.old_p = &oa;
    m.new_p = &na;
    m.old_citation = m.new_citation = m.anchor = "1-2(a)";
    m.old_eid = m.new_eid = "sec_1-2__subsec_a";
    m.heading_ops = {{W::Delete, "Old \"h\""}, {W::Insert, "New\th"}};
    m.text_ops = {{W::Equal, "The "}, {W::Delete, "Clerk"}, {W::Insert, "Director \\ \x02"}, {W::Equal, "."}};
    amend::ProvisionChange ins;
    ins.type = amend::ProvisionChange::Type::Inserted;
    ins.new_p = &nb;
    ins.new_citation = ins.anchor = "1-2(b)";
    ins.new_eid = "sec_1-2__subsec_b";
    sd.changes = {u, m, ins};
    cs.sections.push_back(sd);

    auto ops = [](const std::vector<amend::WordOp>& os2) {
        auto a = nlohmann::ordered_json::array();
        for (const auto& op : os2)
            a.push_back({{"op", op.type == W::Equal ? "equal" : op.type == W::Delete ? "delete" : "insert"}, {"text", op.text}});
        return a;
    };
    nlohmann::ordered_json j;
    j["stats"] = {{"provisions_changed", 2}, {"words_struck", amend::stats_of(cs).words_struck},
                  {"words_inserted", amend::stats_of(cs).words_inserted}};
    nlohmann::ordered_json x1 = {{"type", "modified"}, {"kind", "subsection"}, {"anchor", "1-2(a)"},
                                 {"old_citation", "1-2(a)"}, {"old_eid", "sec_1-2__subsec_a"}, {"old_designation", "(a)"},
                                 {"new_citation", "1-2(a)"}, {"new_eid", "sec_1-2__subsec_a"}, {"new_designation", "(a)"},
                                 {"heading_ops", ops(m.heading_ops)}, {"text_ops", ops(m.text_ops)}};
    nlohmann::ordered_json x2 = {{"type", "inserted"}, {"kind", "subsection"}, {"anchor", "1-2(b)"},
                                 {"new_citation", "1-2(b)"}, {"new_eid", "sec_1-2__subsec_b"}, {"new_designation", "(b)"},
                                 {"new_text", nb.text.text}};
    auto st = amend::stats_of(cs.sections[1]);
    j["sections"] = nlohmann::ordered_json::array();
    j["sections"].push_back({{"section", "1-2"}, {"old_section", "1-2"}, {"new_section", "1-2"},
                             {"words_struck", st.words_struck}, {"words_inserted", st.words_inserted},
                             {"changes", nlohmann::ordered_json::array({x1, x2})}});
    CHECK(amend::render_json(cs) == j.dump(2) + "\n");

    amend::ChangeSet none;
    none.sections.push_back(same);
    CHECK(amend::render_json(none) ==
          "{\n  \"stats\": {\n    \"provisions_changed\": 0,\n    \"words_struck\": 0,\n    \"words_inserted\": 0\n  },\n"
          "  \"sections\": []\n}\n");
    // Invalid UTF-8 is refused as nlohmann refuses it, with its message.
    nb.text.text = "bad \xC3\x28";
    CHECK_THROWS_WITH_AS(amend::render_json(cs), "[json.exception.type_error.316] invalid UTF-8 byte at index 5: 0x28",
                         amend::render::JsonError);
}

TEST_CASE("render: the JSON writer writes what nlohmann's dump gives, and refuses what it refuses") {
    using amend::render::JsonWriter;
    for (int indent : {1, 2, 4}) {
        JsonWriter w(indent);
        w.begin_object();
        w.member("s", "a \"q\" \\ \x01 \x7f \xC2\xA7").member("n", 42).member("neg", -7).member("big", std::size_t{1} << 40);
        w.member("t", true).member("f", false).key("z").null();
        w.key("empty_a").begin_array().end_array();
        w.key("empty_o").begin_object().end_object();
        w.key("a").begin_array().value(1).value("x").begin_array().value(false).end_array().begin_object().member("k", "v").end_object().end_array();
        w.key("o").begin_object().key("inner").begin_object().member("deep", "er").end_object().end_object();
        w.end_object();
        nlohmann::ordered_json j;
        j["s"] = "a \"q\" \\ \x01 \x7f \xC2\xA7";
        j["n"] = 42;
        j["neg"] = -7;
        j["big"] = std::size_t{1} << 40;
        j["t"] = true;
        j["f"] = false;
        j["z"] = nullptr;
        j["empty_a"] = nlohmann::ordered_json::array();
        j["empty_o"] = nlohmann::ordered_json::object();
        j["a"] = nlohmann::ordered_json::array({1, "x", nlohmann::ordered_json::array({false}), {{"k", "v"}}});
        j["o"]["inner"]["deep"] = "er";
        CHECK(w.str() == j.dump(indent));
    }
    {
        JsonWriter w;
        w.begin_array().end_array();
        CHECK(w.str() == "[]");
        JsonWriter v;
        v.value("top");
        CHECK(v.str() == "\"top\"");
    }
    // Each way a string can fail to be UTF-8: the same refusal, the same message.
    for (std::string bad : {"\x80", "a\xC0\x80", "\xC1\xBF", "\xF5\x80\x80\x80", "\xFF", "x\xE0\x80\x80", "\xED\xA0\x80",
                            "\xF0\x80\x80\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\xE2\x82x", "ab\xF0\x9F\x98", "\xC3", "\xC3\x28"}) {
        std::string theirs;
        try {
            (void)nlohmann::ordered_json(bad).dump();
        } catch (const nlohmann::json::type_error& e) {
            theirs = e.what();
        }
        JsonWriter w;
        std::string ours;
        try {
            w.value(bad);
        } catch (const amend::render::JsonError& e) {
            ours = e.what();
        }
        CHECK_MESSAGE(!theirs.empty(), bad);
        CHECK_MESSAGE(ours == theirs, bad);
    }
}
