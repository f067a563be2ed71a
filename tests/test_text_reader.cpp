#include <doctest/doctest.h>

#include <filesystem>

#include "model/citation.hpp"
#include "model/diagnostic.hpp"
#include "pipeline/inputs.hpp"
#include "parse/regex.hpp"
#include "parse/text_layout.hpp"
#include "support.hpp"

using namespace amend;

static std::string read_error(const std::string& bytes, const std::string& name = "t.txt") {
    Document doc;
    try {
        read_text(bytes, name, doc);
    } catch (const InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(doc.root.children.empty());  // no partial tree
        return format_headline(e.diagnostics()[0]);
    }
    return "(no error)";
}

TEST_CASE("every Chicago corpus file round-trips byte for byte") {
    auto files = list_inputs(test::source("corpus/chicago"));
    REQUIRE(files.size() == 6);
    for (const auto& f : files) {
        CAPTURE(f);
        std::string bytes = test::slurp(f);
        Document doc;
        read_text(bytes, f, doc);
        CHECK(write_text(doc, 0) == bytes);
    }
}

TEST_CASE("2-173-042 reads as 16 provisions with the right designations") {
    Document doc = load_code({test::source("corpus/chicago/mcc-2-173-042-2012.txt")});
    std::vector<std::string> cites;
    ProvisionPath chain;
    for_each_addressable(doc.root, chain, [&](const ProvisionPath& ch) { cites.push_back(citation_of(ch).str()); });
    std::vector<std::string> want = {
        "2-173-042", "2-173-042(a)", "2-173-042(a)(1)", "2-173-042(a)(2)", "2-173-042(a)(3)",
        "2-173-042(b)", "2-173-042(b)(1)", "2-173-042(b)(1)(A)", "2-173-042(b)(1)(B)", "2-173-042(b)(1)(C)",
        "2-173-042(b)(2)", "2-173-042(c)", "2-173-042(c)(1)", "2-173-042(c)(2)", "2-173-042(c)(3)",
        "2-173-042(c)(4)"};
    CHECK(cites == want);
    const Provision* b = resolve(doc.root, *parse_citation("2-173-042(b)"));
    REQUIRE(b);
    CHECK(b->text.empty());
    CHECK(b->tl->child_on_same_line);
    const Provision* b1A = resolve(doc.root, *parse_citation("2-173-042(b)(1)(A)"));
    REQUIRE(b1A);
    CHECK(b1A->kind == Kind::Subparagraph);
    CHECK(b1A->text.text == "permit ICE agents access to a person being detained by, or in the custody of, the agency or agent;");
}

TEST_CASE("definitions, chapeau, unnumbered paragraphs and history notes") {
    Document doc = load_code({test::source("corpus/chicago")});
    const Provision* coercion = resolve(doc.root, *parse_citation("the definition of \"Coercion\" in 2-57-010"));
    REQUIRE(coercion);
    CHECK(coercion->kind == Kind::Definition);
    CHECK(coercion->text.text.rfind("\"Coercion\" means the use of express or implied threats", 0) == 0);
    const Provision* s57 = resolve(doc.root, *parse_citation("2-57-010"));
    REQUIRE(s57);
    CHECK(s57->text.text.rfind("The following terms wherever used", 0) == 0);
    const Provision* s005 = resolve(doc.root, *parse_citation("2-173-005"));
    REQUIRE(s005);
    REQUIRE(s005->children.size() == 1);
    CHECK(s005->children[0].kind == Kind::Text);
    const Provision* s030 = resolve(doc.root, *parse_citation("2-173-030"));
    REQUIRE(s030);
    CHECK(s030->children.back().kind == Kind::History);
    CHECK(s030->children.back().text.text.rfind("(Added Coun. J. 3-29-06", 0) == 0);
    // Six files, six sections, in byte order of their names.
    CHECK(sections_of(doc.root).size() == 6);
    CHECK(sections_of(doc.root)[0]->designation == "2-173-005");
}

TEST_CASE("skipped and inserted designations are read, never refused") {
    std::string t =
        "1-2-3 Test.\n"
        "   (a)   First.\n"
        "   (a-1)   Inserted.\n"
        "   (c)   After a repealed (b).\n"
        "      (1)   One.\n"
        "      (1A)   Inserted paragraph.\n"
        "         (A)   Sub.\n"
        "            (i)   Clause.\n"
        "               (I)   Subclause.\n";
    Document doc;
    read_text(t, "t.txt", doc);
    CHECK(write_text(doc, 0) == t);
    CHECK(resolve(doc.root, *parse_citation("1-2-3(c)(1A)(A)(i)(I)")) != nullptr);
    CHECK(resolve(doc.root, *parse_citation("1-2-3(a-1)")) != nullptr);
}

TEST_CASE("BOM, CRLF, NBSP, a missing final newline and blank lines round-trip") {
    std::string t = "\xEF\xBB\xBF" "1-2-3 Test.\r\n   (a)   Non\xC2\xA0" "breaking\xE2\x80\x91hyphen.\r\n\r\n   (b)   End.";
    Document doc;
    read_text(t, "t.txt", doc);
    CHECK(doc.files[0].bom);
    CHECK(doc.files[0].crlf);
    CHECK(write_text(doc, 0) == t);
    std::string u = "1-2-3 Test.\n   (a)   A.\n\n";
    Document d2;
    read_text(u, "u.txt", d2);
    CHECK(write_text(d2, 0) == u);
}

TEST_CASE("bad plain text gets file:line:col and a message") {
    CHECK(read_error("1-2-3 Test.\n   (a)   A.\n            (1)   Too deep.\n") ==
          "t.txt:3:13: error: line indented 4 levels, deeper than any open provision allows (at most 2) [parse.indent]");
    CHECK(read_error("2-57-010 Definitions.\n   \"Coercion means the use of force.\n") ==
          "t.txt:2:4: error: unterminated quote in a definition: expected a closing quote after the term [parse.quote]");
    CHECK(read_error("") == "t.txt:1:1: error: expected a section heading line (NUMBER Heading.), found an empty file [parse.empty]");
    CHECK(read_error("1-2-3 Test.\n   (a)   caf\xC3(\n") ==
          "t.txt:2:13: error: invalid UTF-8 (byte 0xC3 at offset 24) [input.utf8]");
    CHECK(read_error("Some prose.\n") ==
          "t.txt:1:1: error: expected a section heading line (NUMBER Heading.), such as \"2-173-042 Heading.\" [parse.section]");
    CHECK(read_error("1-2-3 Test.\n    (a)   Four spaces.\n") ==
          "t.txt:2:5: error: expected indentation in steps of three spaces, found 4 spaces [parse.indent]");
    CHECK(read_error("1-2-3 Test.\n\t(a)   Tab.\n") ==
          "t.txt:2:1: error: expected spaces for indentation, found a tab [parse.indent]");
}

TEST_CASE("the regex adapter: Boost giving up on a runaway match is rx::Runaway from every entry point") {
    using namespace amend;
    const rx::Regex nested("(a|aa)*b");
    const std::string s = std::string(40, 'a') + "!";
    rx::Match m;
    CHECK_THROWS_AS(rx::search(s, nested), rx::Runaway);
    CHECK_THROWS_AS(rx::search(s, m, nested), rx::Runaway);
    CHECK_THROWS_AS(rx::match(s, m, nested), rx::Runaway);
    CHECK_THROWS_AS(rx::all(s, nested), rx::Runaway);
    CHECK_THROWS_AS(rx::replace(s, nested, "x"), rx::Runaway);
    CHECK_THROWS_AS(rx::split(s, nested), rx::Runaway);
    // The same calls on a pattern that matches plainly give Boost's answers.
    const rx::Regex word(R"((\w+)(,?))");
    std::string t = "strike, insert";
    auto hits = rx::all(t, word);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0][1] == "strike");
    CHECK(hits[0][2] == ",");
    CHECK(hits[1].position() == 8);
    CHECK(rx::replace(t, word, "[$1]") == "[strike] [insert]");
    CHECK(rx::split(t, rx::Regex(", ")) == std::vector<std::string>{"strike", "insert"});
    CHECK(rx::match(t, m, rx::Regex(R"((\w+), (\w+))")));
    CHECK(m[2] == "insert");
}
