#include <filesystem>
#include <doctest/doctest.h>

#include "support.hpp"

TEST_CASE("amend show --format outline prints the 16 provisions of 2-173-042") {
    auto r = test::amend("show " + test::source("corpus/chicago/mcc-2-173-042-2012.txt") + " --format outline");
    CHECK(r.rc == 0);
    CHECK(r.err == "");
    CHECK(r.out ==
          "2-173-042  Civil immigration enforcement actions \xE2\x80\x93" " Federal responsibility.\n"
          "2-173-042(a)  Except for such reasonable time as is necessary\xE2\x80\xA6" "\n"
          "2-173-042(a)(1)  arrest, detain or continue to detain a person\xE2\x80\xA6" "\n"
          "2-173-042(a)(2)  arrest, detain, or continue to detain a person\xE2\x80\xA6" "\n"
          "2-173-042(a)(3)  detain, or continue to detain, a person based\xE2\x80\xA6" "\n"
          "2-173-042(b)\n"
          "2-173-042(b)(1)  Unless an agency or agent is acting pursuant\xE2\x80\xA6" "\n"
          "2-173-042(b)(1)(A)  permit ICE agents access to a person being\xE2\x80\xA6" "\n"
          "2-173-042(b)(1)(B)  permit ICE agents use of agency facilities for\xE2\x80\xA6" "\n"
          "2-173-042(b)(1)(C)  while on duty, expend their time responding to\xE2\x80\xA6" "\n"
          "2-173-042(b)(2)  An agency or agent is authorized to communicate\xE2\x80\xA6" "\n"
          "2-173-042(c)  This section shall not apply when an investigation\xE2\x80\xA6" "\n"
          "2-173-042(c)(1)  has an outstanding criminal warrant;\n"
          "2-173-042(c)(2)  has been convicted of a felony in any\xE2\x80\xA6" "\n"
          "2-173-042(c)(3)  is a defendant in a criminal case in\xE2\x80\xA6" "\n"
          "2-173-042(c)(4)  has been identified as a known gang member\xE2\x80\xA6" "\n");
}

TEST_CASE("amend show --format text reproduces each corpus file; --at selects one provision") {
    for (const char* f : {"mcc-2-173-042-2012.txt", "mcc-2-57-010-2016-excerpt.txt", "mcc-2-173-030-current.txt"}) {
        std::string path = test::source(std::string("corpus/chicago/") + f);
        auto r = test::amend("show " + path + " --format text");
        CHECK(r.rc == 0);
        CHECK(r.out == test::slurp(path));
    }
    auto r = test::amend("show " + test::source("corpus/chicago") + " --at '2-173-042(c)' --format text");
    CHECK(r.rc == 0);
    CHECK(r.out ==
          "   (c)   This section shall not apply when an investigation conducted by the agency or agent indicates that the subject of the investigation:\n"
          "      (1)   has an outstanding criminal warrant;\n"
          "      (2)   has been convicted of a felony in any court of competent jurisdiction;\n"
          "      (3)   is a defendant in a criminal case in any court of competent jurisdiction where a judgment has not been entered and a felony charge is pending; or\n"
          "      (4)   has been identified as a known gang member either in a law enforcement agency\xE2\x80\x99s database or by his own admission.\n");
}

TEST_CASE("amend show: an unknown citation names the nearest ones; bad input exits 2") {
    auto r = test::amend("show " + test::source("corpus/chicago/mcc-2-173-042-2012.txt") + " --at '2-173-042(c)(5)'");
    CHECK(r.rc == 2);
    CHECK(r.out == "");
    CHECK(r.err == "amend: error: --at: no provision 2-173-042(c)(5) in the code given; nearest: 2-173-042(c)(4), 2-173-042(c)(3), 2-173-042(c)(2)\n");
    std::string dir = test::scratch("cli-bad");
    test::spit(dir + "/bad.txt", "1-2-3 Test.\n   (a)   A.\n            (1)   Too deep.\n");
    auto b = test::amend("show " + dir + "/bad.txt");
    CHECK(b.rc == 2);
    CHECK(b.out == "");
    CHECK(b.err == dir + "/bad.txt:3:13: error: line indented 4 levels, deeper than any open provision allows (at most 2) [parse.indent]\n"
                         "              (1)   Too deep.\n"
                         "              ^\n");
    auto u = test::amend("show --format pdf " + dir + "/bad.txt");
    CHECK(u.rc == 2);
    auto m = test::amend("show " + dir + "/missing.txt");
    CHECK(m.rc == 2);
    CHECK(m.err == dir + "/missing.txt: error: no such file or folder [io.read]\n");
    // A folder with no code file in it: an error, never a code of no sections to which every
    // instruction is "not in the code given" and the run succeeds; nothing is written.
    std::string empty = test::scratch("cli-empty-code");
    test::spit(empty + "/notes.md", "# not a code\n");
    auto e = test::amend("apply " + empty + " --amendments " + test::source("amendments/welcoming-city-2016.md") + " -o " + dir + "/out-empty");
    CHECK(e.rc == 2);
    CHECK(e.err == empty + ": error: expected code files (.txt or .xml) in this folder; it holds none [io.empty-folder]\n");
    CHECK_FALSE(std::filesystem::exists(dir + "/out-empty"));
    auto c = test::amend("check " + empty + " --amendments " + test::source("amendments/welcoming-city-2016.md"));
    CHECK(c.rc == 2);
}

TEST_CASE("amend show --format json and xml") {
    auto j = test::amend("show " + test::source("corpus/chicago/mcc-2-57-010-2016-excerpt.txt") + " --format json");
    CHECK(j.rc == 0);
    CHECK(j.out.find("\"citation\": \"the definition of \\\"Coercion\\\" in 2-57-010\"") != std::string::npos);
    CHECK(j.out.find("\"eid\": \"sec_2-57-010__def_Coercion\"") != std::string::npos);
    auto x = test::amend("show " + test::source("corpus/chicago/mcc-2-173-042-2012.txt") + " --at '2-173-042(b)(1)(A)' --format xml");
    CHECK(x.rc == 0);
    CHECK(x.out ==
          "<?xml version='1.0' encoding='utf-8'?>\n"
          "<para>\n"
          "  <num>(A)</num>\n"
          "  <text>permit ICE agents access to a person being detained by, or in the custody of, the agency or agent;</text>\n"
          "</para>\n");
}

TEST_CASE("amend diff --full shows unchanged provisions; without it they are elided") {
    std::string a = test::source("corpus/chicago/mcc-2-173-042-2012.txt");
    std::string dir = test::scratch("diff-full");
    std::string changed = test::slurp(a);
    changed.replace(changed.find("outstanding criminal warrant"), 11, "open");
    test::spit(dir + "/new.txt", changed);
    auto elided = test::amend("diff " + a + " " + dir + "/new.txt --format text");
    auto full = test::amend("diff " + a + " " + dir + "/new.txt --format text --full");
    CHECK(elided.rc == 1);
    CHECK(full.rc == 1);
    CHECK(elided.out.find("(c)(1)") == std::string::npos);
    CHECK(elided.out.find("[-outstanding-]{+open+}") != std::string::npos);
    CHECK(elided.out.find("permit ICE agents access") == std::string::npos);
    CHECK(full.out.find("permit ICE agents access") != std::string::npos);
    CHECK(full.out.find("[-outstanding-]{+open+}") != std::string::npos);
}

TEST_CASE("amend index and --code-index: a D.C. Code's index, written and read, and what is wrong with one") {
    std::string dir = test::scratch("cli-index");
    // A Code of one title: chapter 2 with subchapters I and II.
    std::filesystem::create_directories(dir + "/code/titles/1/sections");
    test::spit(dir + "/code/titles/1/index.xml",
               "<container xmlns=\"https://code.dccouncil.us/schemas/dc-library\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
               "<prefix>Title</prefix><num>1</num><container><prefix>Chapter</prefix><num>2</num>"
               "<container><prefix>Subchapter</prefix><num>I</num><xi:include href=\"./sections/1-201.xml\"/></container>"
               "<container><prefix>Subchapter</prefix><num>II</num><xi:include href=\"./sections/1-211.xml\"/></container>"
               "</container></container>");
    auto r = test::amend("index " + dir + "/code");
    CHECK(r.rc == 0);
    CHECK(r.out == "U\tTitle\t1\t-1\nU\tChapter\t2\t0\nU\tSubchapter\tI\t1\nU\tSubchapter\tII\t1\nS\t1-201\t2\nS\t1-211\t3\n");
    std::filesystem::create_directories(dir + "/broken/titles/2");
    test::spit(dir + "/broken/titles/2/index.xml", "<container>\n  <prefix>Title</prefix>\n  <num>2</num>\n</contai>\n");
    auto broken = test::amend("index " + dir + "/broken");
    CHECK(broken.rc == 2);
    CHECK(broken.err.find("broken/titles/2/index.xml:4:") != std::string::npos);
    CHECK(broken.err.find("error: malformed XML") != std::string::npos);
    auto none = test::amend("index " + dir + "/code/titles/1");
    CHECK(none.rc == 2);
    CHECK(none.err.find("error: expected a D.C. Code folder holding titles/<T>/index.xml") != std::string::npos);

    // The index given to apply names the unit a law's code-cite marks, from the section it goes into.
    test::spit(dir + "/index.tsv", r.out);
    test::spit(dir + "/before.xml",
               "<section xmlns=\"https://code.dccouncil.us/schemas/dc-library\"><num>1-211</num><para><num>(a)</num><text>Old.</text>"
               "</para></section>");
    test::spit(dir + "/law.xml",
               "<instruction xmlns=\"https://code.dccouncil.us/schemas/dc-library\" law=\"D.C. Law 9-9\" target=\"§1-211\"><part n=\"1\">"
               "<para><num>(a)</num><text>Section 11 (D.C. Official Code § 1-211) is amended by adding a new subsection (b) to read as "
               "follows:</text><include><para><num>(b)</num><text>As provided in <code-cite doc=\"D.C. Code\" path=\"1|2|I\">title I of "
               "this act</code-cite>.</text></para></include></para></part></instruction>");
    auto applied = test::amend("apply " + dir + "/before.xml --amendments " + dir + "/law.xml --code-index " + dir + "/index.tsv -o " + dir + "/out");
    CHECK(applied.rc == 0);
    CHECK(test::slurp(dir + "/out/consolidated/1-211.xml").find("As provided in <cite path=\"1|2|I\">subchapter I of this chapter</cite>.") !=
          std::string::npos);
    CHECK(applied.err.find("law.xml:1:116: warning: the law's \"title I of this act.\" is written as the D.C. codifier writes it: "
                           "\"subchapter I of this chapter.\" [amend.codified]\n") != std::string::npos);

    test::spit(dir + "/bad.tsv", "U\tTitle\t1\t-1\nS\t1-201\tx\n");
    auto bad = test::amend("check " + dir + "/before.xml --amendments " + dir + "/law.xml --code-index " + dir + "/bad.tsv");
    CHECK(bad.rc == 2);
    CHECK(bad.err.find("bad.tsv:2:1: error: expected a unit number below 1 [index.line]") != std::string::npos);
}
