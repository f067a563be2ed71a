#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <pugixml.hpp>

#include "model/citation.hpp"
#include "model/diagnostic.hpp"
#include "pipeline/jobs.hpp"
#include "parse/dc_xml.hpp"
#include "pipeline/inputs.hpp"
#include "parse/text_layout.hpp"
#include "support.hpp"

using namespace amend;

namespace {

// The text content of a D.C. XML document: every character data run in document order, leaving
// out only the indentation between block elements (white space with a line break between tags).
std::vector<std::string> text_runs(const std::string& xml) {
    pugi::xml_document d;
    auto r = d.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    REQUIRE(r);
    std::vector<std::string> out;
    struct W : pugi::xml_tree_walker {
        std::vector<std::string>* out;
        bool for_each(pugi::xml_node& n) override {
            if (n.type() != pugi::node_pcdata && n.type() != pugi::node_cdata) return true;
            std::string v = n.value();
            bool ws = v.find_first_not_of(" \t\r\n") == std::string::npos;
            if (ws && v.find('\n') != std::string::npos) return true;
            // Adjacent runs may be split differently (CDATA); join them.
            if (!out->empty() && n.previous_sibling() && (n.previous_sibling().type() == pugi::node_pcdata ||
                                                          n.previous_sibling().type() == pugi::node_cdata))
                out->back() += v;
            else
                out->push_back(v);
            return true;
        }
    } w;
    w.out = &out;
    d.traverse(w);
    return out;
}

std::string read_xml_error(const std::string& bytes) {
    Document doc;
    try {
        read_dc_xml(bytes, "s.xml", doc);
    } catch (const InputError& e) {
        return format_headline(e.diagnostics()[0]);
    }
    return "(no error)";
}

const std::string& dc_code_dir() {
    static std::string dir = [] {
        std::string d = test::extracted("corpus/dc-code.tar.xz", "dc-code");
        REQUIRE(!d.empty());
        return d + "/us/dc/council/code";
    }();
    return dir;
}

}  // namespace

TEST_CASE("a D.C. section reads into the tree") {
    std::string f = test::dc_cases("dc-cases-dev").dir + "/23-269__42-3505.05/before.xml";
    Document doc = load_code({f});
    auto secs = sections_of(doc.root);
    REQUIRE(secs.size() == 1);
    CHECK(secs[0]->designation == "42-3505.05");
    CHECK(secs[0]->heading.text == "Prohibition of discrimination against elderly tenants or families with children.");
    const Provision* b = resolve(doc.root, *parse_citation("42-3505.05(b)"));
    REQUIRE(b);
    CHECK(b->text.text ==
          "Any protections provided by subsection (a) of this section and any penalties provided in \xC2\xA7 42-3509.01 shall be in addition to any other provision of law.");
    REQUIRE(b->text.marks.size() == 1);
    CHECK(b->text.marks[0].tag == "cite");
    CHECK(b->text.text.substr(b->text.marks[0].begin, b->text.marks[0].end - b->text.marks[0].begin) ==
          "\xC2\xA7 42-3509.01");
    std::string bytes = test::slurp(f);
    CHECK(text_runs(write_dc_xml(*secs[0])) == text_runs(bytes));
}

TEST_CASE("a D.C. annotation keeps its element name and its attributes in document order") {
    Document doc = load_code({test::dc_cases("dc-cases-dev").dir + "/23-269__42-3505.05/before.xml"});
    Provision* sec = sections_of(doc.root)[0];
    auto notes = std::find_if(sec->children.begin(), sec->children.end(),
                              [](const Provision& c) { return c.xml_tag == "annotations"; });
    REQUIRE(notes != sec->children.end());
    REQUIRE(notes->children.size() >= 3);
    Provision& first = notes->children[0];
    CHECK(first.xml_tag == "annotation");
    CHECK(first.xml_tag == notes->children[2].xml_tag);  // one name, kept once
    auto listed = [](const AttrList& a) {
        std::string out;
        for (auto e : a) out += std::string(e.name) + "=" + std::string(e.value) + ";";
        return out;
    };
    CHECK(listed(first.xml_attrs) == "doc=D.C. Law 6-10;type=History;path=\xC2\xA7" "505;");
    CHECK(first.xml_attrs.size() == 3);
    CHECK(first.xml_attrs[1].value == "History");
    CHECK(first.xml_attrs.get("path") == "\xC2\xA7" "505");
    CHECK(!notes->children[1].xml_attrs.get("path"));
    // A changed value stays where it stood; a new one goes last; an erased one leaves the others.
    AttrList a = first.xml_attrs;
    a.set("type", "Editor's Notes");
    a.set("placeholder", "Repealed");
    a.erase("doc");
    CHECK(listed(a) == "type=Editor's Notes;path=\xC2\xA7" "505;placeholder=Repealed;");
    CHECK(listed(first.xml_attrs) == "doc=D.C. Law 6-10;type=History;path=\xC2\xA7" "505;");
    for (const char* n : {"type", "path", "placeholder"}) a.erase(n);
    CHECK(a.empty());
    CHECK(a == AttrList());
    // Written back as read.
    CHECK(write_dc_xml(*sec).find("<annotation doc=\"D.C. Law 6-10\" type=\"History\" path=\"\xC2\xA7" "505\">") !=
          std::string::npos);
}

TEST_CASE("D.C. XML to the plain-text layout") {
    Document doc = load_code({test::dc_cases("dc-cases-dev").dir + "/23-269__42-3505.05/before.xml"});
    std::string t = write_text(doc, 0);
    CHECK(t.rfind("42-3505.05 Prohibition of discrimination against elderly tenants or families with children.\n"
                  "   (a)   It is unlawful for a housing provider",
                  0) == 0);
    CHECK(t.find("\n(July 17, 1985, D.C. Law 6-10, \xC2\xA7 505, 32 DCR 3089; Oct. 2, 1987, D.C. Law 7-30, \xC2\xA7 4, 34 DCR 5304)\n") !=
          std::string::npos);
    // The text layout reads back.
    Document again;
    read_text(t, "t.txt", again);
    CHECK(write_text(again, 0) == t);
}

TEST_CASE("bad XML gets file:line:col and a message") {
    CHECK(read_xml_error("<section><num>1</num>\n<text>open</section>") ==
          "s.xml:2:13: error: malformed XML: Start-end tags mismatch [xml.syntax]");
    CHECK(read_xml_error("") == "s.xml:1:1: error: expected an XML <section> element, found an empty file [xml.empty]");
    CHECK(read_xml_error("<?xml version='1.0'?>\n<container><num>1</num></container>") ==
          "s.xml:2:1: error: expected a <section> root element, found <container> [xml.root]");
    CHECK(read_xml_error("<section><num>1</num><text>\xFF</text></section>") ==
          "s.xml:1:28: error: invalid UTF-8 (byte 0xFF at offset 27) [input.utf8]");
}

TEST_CASE("dc-archive: the Code's index built into amend is the one the whole Code gives") {
    CodeIndex ix = build_dc_index(dc_code_dir());
    CHECK(ix.sections.size() == 23729);  // the README's count; the "(Perm)" copies in title 99 are left out
    CHECK(ix.units.size() == 3582);
    CHECK(ix.name_from(ix.unit_at("2|5|I"), "6-501") == "subchapter I of Chapter 5 of Title 2");
    // corpus/dc/code-index.tsv is rebuilt with `amend index us/dc/council/code -o corpus/dc/code-index.tsv`.
    CHECK(ix.to_tsv() == test::slurp(test::source("corpus/dc/code-index.tsv")));
    CHECK(CodeIndex::dc().to_tsv() == ix.to_tsv());
}

TEST_CASE("dc-archive: every section of the D.C. Code loads and keeps its text through XML") {
    std::string dir = dc_code_dir();
    auto files = list_inputs(dir);
    std::size_t sections = 0, in_sections_dirs = 0, bytes_total = 0, mismatches = 0, text_unstable = 0;
    std::vector<std::string> text_unreadable;
    auto t0 = std::chrono::steady_clock::now();
    double read_seconds = 0;
    for (const auto& f : files) {
        std::string bytes = test::slurp(f);
        bytes_total += bytes.size();
        Document doc;
        auto a = std::chrono::steady_clock::now();
        read_dc_xml(bytes, f, doc);
        read_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
        ++sections;
        if (f.find("/sections/") != std::string::npos) ++in_sections_dirs;
        // Any code can be turned into text: the text layout of every section reads back and
        // writes the same text again.
        std::string text = write_text(doc, 0);
        try {
            Document again;
            read_text(text, "t.txt", again);
            if (write_text(again, 0) != text) ++text_unstable;
        } catch (const InputError& e) {
            text_unreadable.push_back(f.substr(f.rfind('/') + 1) + ": " + format_headline(e.diagnostics()[0]));
        }
        if (text_runs(write_dc_xml(doc.root.children[0])) != text_runs(bytes)) {
            if (++mismatches <= 5) MESSAGE("text changed in XML round trip: " << f);
        }
    }
    auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double mb = static_cast<double>(bytes_total) / 1e6;
    MESSAGE("read " << sections << " sections, " << mb << " MB; reader " << read_seconds << " s ("
                    << mb / read_seconds << " MB/s); whole test " << secs << " s");
    // 23,729 section files under titles/<T>/sections/, plus the 194 "(Perm)" versions in titles/99.
    CHECK(in_sections_dirs == 23729);
    CHECK(sections == 23923);
    CHECK(mismatches == 0);
    CHECK(text_unstable == 0);
    for (const auto& u : text_unreadable) MESSAGE("text layout does not read back: " << u);
    CHECK(text_unreadable.empty());  // 6-219(Perm) numbers its section "6B": the section line carries it
}

TEST_CASE("dc-archive: the whole Code written as text reads back through diff") {
    std::string dir = dc_code_dir();
    std::string out = test::scratch("whole-code-text") + "/code.txt";
    auto shown = test::amend("show '" + dir + "' --format text");
    REQUIRE(shown.rc == 0);
    CHECK(shown.err == "");
    test::spit(out, shown.out);
    CHECK(std::filesystem::file_size(out) > 30'000'000);
    auto same = test::amend("diff '" + out + "' '" + out + "' --format json");
    CHECK(same.err == "");
    CHECK(same.rc == 0);
    Document again = load_code({out});
    CHECK(sections_of(again.root).size() == 23923);
}
