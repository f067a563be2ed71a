#include <doctest/doctest.h>

#include <sstream>

#include "model/citation.hpp"
#include "model/designation.hpp"
#include "model/rich_text.hpp"
#include "model/text.hpp"
#include "model/tree.hpp"
#include "pipeline/inputs.hpp"
#include "support.hpp"

using namespace amend;

TEST_CASE("designation ladder: styles decided by position and sequence") {
    const Ladder& L = Ladder::chicago_dc();
    struct Row {
        const char* inner;
        int depth;
        const char* prev;  // nullptr: first at its level
        NumberStyle want;
    };
    const Row rows[] = {
        {"a", 1, nullptr, NumberStyle::LowerAlpha},
        {"1", 2, nullptr, NumberStyle::Arabic},
        {"A", 3, nullptr, NumberStyle::UpperAlpha},
        {"i", 4, nullptr, NumberStyle::LowerRoman},
        {"I", 5, nullptr, NumberStyle::UpperRoman},
        {"aa", 1, "z", NumberStyle::LowerAlpha},
        {"i", 1, "h", NumberStyle::LowerAlpha},     // (i) after (h) is the letter
        {"ii", 4, "i", NumberStyle::LowerRoman},    // (ii) under (A) is the numeral
        {"ii", 4, nullptr, NumberStyle::LowerRoman},
        {"v", 4, "iv", NumberStyle::LowerRoman},
        {"v", 1, "u", NumberStyle::LowerAlpha},
        {"x", 4, "ix", NumberStyle::LowerRoman},
        {"x", 1, "w", NumberStyle::LowerAlpha},
        {"I", 3, "H", NumberStyle::UpperAlpha},     // (I) after (H) is the letter
        {"II", 5, "I", NumberStyle::UpperRoman},
        {"a-1", 1, "a", NumberStyle::LowerAlpha},   // inserted designations
        {"1A", 2, "1", NumberStyle::Arabic},
        {"c", 1, "a", NumberStyle::LowerAlpha},     // a repealed (b) left out: still letters
        {"iv", 4, "iii", NumberStyle::LowerRoman},
        {"i", 1, nullptr, NumberStyle::LowerAlpha}, // first item at the letter level of the ladder
    };
    for (const auto& r : rows) {
        CAPTURE(r.inner);
        CAPTURE(r.depth);
        auto prev = r.prev ? std::optional<std::string_view>(r.prev) : std::nullopt;
        CHECK(std::string(style_name(classify(r.inner, r.depth, L, prev))) == style_name(r.want));
    }
}

TEST_CASE("designation values and clean_num") {
    CHECK(alpha_value("c") == 3);
    CHECK(alpha_value("aa") == 27);
    CHECK(roman_value("iv") == 4);
    CHECK(roman_value("iiii") == 0);
    CHECK(roman_value("IX") == 9);
    CHECK(clean_num("(c)") == "c");
    CHECK(clean_num("(a-1)") == "a-1");
    CHECK(clean_num("2-173-042") == "2-173-042");
    CHECK(clean_num("\xC2\xA7 42-3505.05") == "42-3505.05");
}

TEST_CASE("citations parse and print both ways") {
    auto c = parse_citation("2-173-042(c)(4)");
    REQUIRE(c);
    CHECK(c->section == "2-173-042");
    CHECK(c->path == std::vector<std::string>{"c", "4"});
    CHECK(c->str() == "2-173-042(c)(4)");
    auto d = parse_citation("the definition of \"Coercion\" in 2-57-010");
    REQUIRE(d);
    CHECK(d->term == "Coercion");
    CHECK(d->section == "2-57-010");
    CHECK(d->str() == "the definition of \"Coercion\" in 2-57-010");
    auto e = parse_citation("\xC2\xA7 42-3505.05(c)");
    REQUIRE(e);
    CHECK(e->section == "42-3505.05");
    CHECK(e->path == std::vector<std::string>{"c"});
    CHECK(!parse_citation("(c)(4)"));
    CHECK(!parse_citation("2-173-042(c"));
    CHECK(!parse_citation("the definition of Coercion in 2-57-010"));
}

TEST_CASE("eIds are computed from the path and parse back") {
    Provision sec;
    sec.kind = Kind::Section;
    sec.designation = "2-173-042";
    Provision c;
    c.kind = Kind::Subsection;
    c.designation = "(c)";
    Provision p4;
    p4.kind = Kind::Paragraph;
    p4.designation = "(4)";
    ProvisionPath chain{&sec, &c, &p4};
    CHECK(eid_of(chain) == "sec_2-173-042__subsec_c__para_4");
    CHECK(citation_of(chain).str() == "2-173-042(c)(4)");
    auto back = parse_eid("sec_2-173-042__subsec_c__para_4");
    REQUIRE(back);
    CHECK(back->str() == "2-173-042(c)(4)");
    Provision def;
    def.kind = Kind::Definition;
    def.designation = "Domestic violence";
    ProvisionPath dchain{&sec, &def};
    CHECK(eid_of(dchain) == "sec_2-173-042__def_Domestic-violence");
    // The page anchors, computed here for every provision, numbered or not.
    CHECK(anchor_of(citation_of(chain)) == "2-173-042(c)(4)");
    CHECK(anchor_of(citation_of(dchain)) == "2-173-042:Domestic-violence");
    CHECK(eid_unnumbered(eid_of(chain), Kind::History, 1) == "sec_2-173-042__subsec_c__para_4__history_1");
    CHECK(anchor_unnumbered("2-173-042(c)", Kind::Text, 2) == "2-173-042(c)-text-2");
    CHECK(anchor_removed("2-173-042(c)(4)") == "was-2-173-042(c)(4)");
    CHECK(is_removed_anchor(anchor_removed("2-173-042(c)(4)")));
    CHECK_FALSE(is_removed_anchor("2-173-042(c)(4)"));
    CHECK(anchor_proposed(2, "2-173-042(e)") == "p2-new-2-173-042(e)");
    auto dback = parse_eid("sec_2-57-010__def_Domestic-violence");
    REQUIRE(dback);
    CHECK(dback->str() == "the definition of \"Domestic violence\" in 2-57-010");
    CHECK(!parse_eid("subsec_c"));
}

TEST_CASE("can_contain keeps the tree valid") {
    CHECK(can_contain(Kind::Code, Kind::Section));
    CHECK(can_contain(Kind::Chapter, Kind::Section));
    CHECK(can_contain(Kind::Section, Kind::Subsection));
    CHECK(can_contain(Kind::Subsection, Kind::Paragraph));
    CHECK(can_contain(Kind::Definition, Kind::Paragraph));
    CHECK(!can_contain(Kind::Section, Kind::Chapter));
    CHECK(!can_contain(Kind::Text, Kind::Paragraph));
    CHECK(!can_contain(Kind::Subsection, Kind::Section));
}

TEST_CASE("tree edits go through can_contain: a provision that cannot stand there is refused, the tree untouched") {
    auto make = [](Kind k, const std::string& d) {
        Provision p;
        p.kind = k;
        p.designation = d;
        return p;
    };
    Provision sec = make(Kind::Section, "2-173-042");
    append_child(sec, make(Kind::Subsection, "(a)"));
    insert_child(sec, 0, make(Kind::Text, ""));
    insert_children(sec, 2, {make(Kind::Subsection, "(b)"), make(Kind::History, "")});
    REQUIRE(sec.children.size() == 4);
    CHECK(sec.children[0].kind == Kind::Text);
    CHECK(sec.children[1].designation == "(a)");
    CHECK(sec.children[2].designation == "(b)");
    CHECK(sec.children[3].kind == Kind::History);
    // A section inside a section, a paragraph under a history note, a chapter under a section:
    // each refused with what and where, and nothing changed.
    try {
        insert_child(sec, 1, make(Kind::Section, "2-173-043"));
        FAIL("no error");
    } catch (const TreeError& e) {
        CHECK(std::string(e.what()) == "a section 2-173-043 cannot stand under a section 2-173-042");
    }
    CHECK_THROWS_AS(append_child(sec.children[3], make(Kind::Paragraph, "(1)")), TreeError);
    CHECK_THROWS_AS(insert_children(sec, 0, {make(Kind::Subsection, "(c)"), make(Kind::Chapter, "2-173")}), TreeError);
    CHECK_THROWS_AS(set_children(sec, {make(Kind::Title, "2")}), TreeError);
    CHECK_THROWS_AS(insert_child(sec, 9, make(Kind::Subsection, "(c)")), TreeError);
    CHECK(sec.children.size() == 4);
    // A provision restated where it stands goes through the same check.
    CHECK(replace_child(sec, 1, make(Kind::Subsection, "(a-1)")).designation == "(a-1)");
    CHECK_THROWS_AS(replace_child(sec, 1, make(Kind::Section, "2-173-043")), TreeError);
    CHECK_THROWS_AS(replace_child(sec, 4, make(Kind::Subsection, "(c)")), TreeError);
    CHECK(sec.children[1].designation == "(a-1)");
    Provision b = take_child(sec, 2);
    CHECK(b.designation == "(b)");
    CHECK(sec.children.size() == 3);
    set_children(sec, {});
    CHECK(sec.children.empty());
}

TEST_CASE("sequence keys and next designations order siblings and expand ranges") {
    CHECK(sequence_key("c") == std::pair<int, std::string>{3, ""});
    CHECK(sequence_key("c-1") == std::pair<int, std::string>{3, "-1"});
    CHECK(sequence_key("1A") == std::pair<int, std::string>{1, "A"});
    CHECK(sequence_key("12") == std::pair<int, std::string>{12, ""});
    CHECK(sequence_key("iv") == std::pair<int, std::string>{4, ""});
    CHECK(sequence_key("aa") == std::pair<int, std::string>{27, ""});
    CHECK(sequence_key("c") < sequence_key("c-1"));
    CHECK(sequence_key("c-1") < sequence_key("d"));
    CHECK(next_designation("C") == "D");
    CHECK(next_designation("9") == "10");
    CHECK(next_designation("iv") == "v");
    CHECK(next_designation("VIII") == "IX");
    CHECK(next_designation("z") == "");
    CHECK(next_designation("v") == "w");
    CHECK(next_designation("v", true) == "vi");
}

TEST_CASE("tree paths: a provision's place read again after an edit, and checked where it is read") {
    // The Welcoming City chapter as the corpus gives it: six files, each section under the root.
    Document d = load_code({test::source("corpus/chicago")});
    std::vector<std::pair<const Provision*, TreePath>> secs;
    sections_with_paths(d.root, secs);
    REQUIRE(secs.size() == 6);
    std::vector<std::string> nums;
    for (const auto& [s, path] : secs) {
        nums.push_back(s->designation);
        CHECK(at(d.root, path) == s);
    }
    CHECK(nums == std::vector<std::string>{"2-173-005", "2-173-020", "2-173-030", "2-173-042", "2-57-010", "2-78-100"});
    // 2-173-042(c)(4), found by a search below its section, then read along its path.
    const TreePath sec_path = secs[3].second;
    Provision& sec = *at(d.root, sec_path);
    const Provision* c4 = resolve(d.root, *parse_citation("2-173-042(c)(4)"));
    REQUIRE(c4);
    TreePath p = sec_path;
    REQUIRE(path_below(sec, c4, p));
    std::vector<Provision*> nodes = along(d.root, p);
    REQUIRE(nodes.size() == p.size() + 1);
    CHECK(nodes.front() == &d.root);
    CHECK(nodes.back() == c4);
    ProvisionPath chain;
    for (Provision* n : nodes)
        if (is_addressable(*n) && n->kind != Kind::Code) chain.push_back(n);
    CHECK(citation_of(chain).str() == "2-173-042(c)(4)");
    // A provision not in the subtree searched: no path, and the path given is left as it was.
    TreePath q = sec_path;
    CHECK_FALSE(path_below(sec, &d.root, q));
    CHECK(q == sec_path);
    // A subsection put before (c): the pointer taken before would dangle; the path now reaches
    // (b), since (c) moved one place on, and a place past the end reaches nothing.
    Provision added;
    added.kind = Kind::Subsection;
    added.designation = "(b-1)";
    std::size_t c_at = p[sec_path.size()];
    insert_child(sec, c_at, added);
    TreePath c_path(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(sec_path.size()) + 1);
    CHECK(at(d.root, c_path)->designation == "(b-1)");
    c_path.back() += 1;
    CHECK(at(d.root, c_path)->designation == "(c)");
    c_path.back() = 1000;
    CHECK(at(d.root, c_path) == nullptr);
    CHECK(along(d.root, c_path).empty());
}

TEST_CASE("section numbers in a code's order: one order, the Code's own on its index") {
    CHECK(section_number_less("2-57-010", "2-173-030"));
    CHECK_FALSE(section_number_less("2-173-030", "2-57-010"));
    CHECK(section_number_less("2-1-9", "2-1-10"));
    CHECK(section_number_less("1-301.9", "1-301.10"));
    CHECK(section_number_less("7-2509.02", "7-2509.02a"));
    CHECK(section_number_less("22-3152", "22-3152.01"));
    CHECK_FALSE(section_number_less("2-173-042", "2-173-042"));
    // Every section of the D.C. Code's index comes after the one before it in the same unit, but
    // for two places where the Code itself is out of step: the Uniform Commercial Code's 28:2-328
    // listed before 28:2-316.01, and a number written with an en dash (31–3302.06a after 31-3302.06).
    std::istringstream in(test::slurp(test::source("corpus/dc/code-index.tsv")));
    std::string line, prev, prev_unit;
    std::size_t pairs = 0;
    std::vector<std::string> out_of_order;
    while (std::getline(in, line)) {
        if (line.rfind("S\t", 0) != 0) continue;
        std::size_t t1 = line.find('\t', 2);
        std::string num = line.substr(2, t1 - 2), unit = line.substr(t1 + 1);
        if (unit == prev_unit && !prev.empty() && num.front() != '[' && prev.front() != '[') {
            ++pairs;
            if (!section_number_less(prev, num)) out_of_order.push_back(prev + " " + num);
        }
        prev = num;
        prev_unit = unit;
    }
    CHECK(pairs > 20000);
    CHECK(out_of_order == std::vector<std::string>{"28:2-328 28:2-316.01", "31-3302.06 31\u20133302.06a"});
}

TEST_CASE("a set of section numbers is in the code's order, numbers written alike kept apart") {
    amend::SectionNumbers s{"2-173-042", "2-57-010", "2-1-10", "2-1-010", "1-301.10", "1-301.9"};
    CHECK(std::vector<std::string>(s.begin(), s.end()) ==
          std::vector<std::string>{"1-301.9", "1-301.10", "2-1-010", "2-1-10", "2-57-010", "2-173-042"});
}

TEST_CASE("a section number's title and chapter, by its dashes") {
    CHECK(amend::title_of_section("2-173-042") == "2");
    CHECK(amend::chapter_of_section("2-173-042") == "2-173");
    CHECK(amend::title_of_section("47-2853.197") == "47");
    CHECK(amend::chapter_of_section("47-2853.197") == "47");
    CHECK(amend::title_of_section("28:9-104") == "28:9");
    CHECK(amend::title_of_section("101") == "101");
    CHECK(amend::chapter_of_section("101") == "101");
}

TEST_CASE("the one rich-text edit: marks and the ledger's spans move with the words") {
    // 2-173-042(c)(1)'s words with a mark on "outstanding criminal warrant" and a ledger span on "subject".
    RichText rt;
    rt.text = "the subject of an outstanding criminal warrant;";
    rt.marks.push_back(Markup{18, 46, "em", {}});
    rt.changed.mut().push_back(Changed{4, 11, 3});
    // "subject" → "person named", "outstanding " struck: two edits in one pass.
    rich_edit(rt, {Edit{4, 11, "person named"}, Edit{18, 30, ""}});
    CHECK(rt.text == "the person named of an criminal warrant;");
    REQUIRE(rt.marks.size() == 1);
    CHECK(rt.text.substr(rt.marks[0].begin, rt.marks[0].end - rt.marks[0].begin) == "criminal warrant");
    REQUIRE(rt.changed->size() == 1);
    CHECK(rt.text.substr((*rt.changed)[0].begin, (*rt.changed)[0].end - (*rt.changed)[0].begin) == "person named");
    // A mark that ends inside a replaced run ends where the replacement does.
    rich_replace(rt, 23, 39, "felony charge");
    CHECK(rt.text == "the person named of an felony charge;");
    CHECK(rt.text.substr(rt.marks[0].begin, rt.marks[0].end - rt.marks[0].begin) == "felony charge");
}

TEST_CASE("white space: one fold of line breaks, the ends kept; the blanks at the ends trimmed") {
    // 2-173-042(c)'s lead-in as D.C.-style XML spreads it over lines.
    const std::string xml = "  (c) The prohibitions set forth\n      in subsection (b)\tshall not apply ";
    CHECK(fold_line_breaks(xml) == "  (c) The prohibitions set forth in subsection (b)\tshall not apply ");
    CHECK(fold_line_breaks("no break  here") == "no break  here");
    CHECK(fold_line_breaks("\r\n") == " ");
    CHECK(trim_blanks(fold_line_breaks(xml)) == "(c) The prohibitions set forth in subsection (b)\tshall not apply");
    CHECK(collapse_ws(xml) == "(c) The prohibitions set forth in subsection (b) shall not apply");
}
