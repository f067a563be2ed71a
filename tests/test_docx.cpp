// Word files amend writes, opened in a real client (LibreOffice through UNO, tests/docx/lo_check.py)
// and read a second way (pandoc --track-changes): Accept All must give the amended text and Reject
// All the original, word for word. These run in their own ctest entry ([libreoffice]).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "docx/docx.hpp"
#include "render/word.hpp"
#include "docx/zip.hpp"
#include "pipeline/inputs.hpp"
#include "print/pdf.hpp"
#include "dc_support.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// The words of a text, one space between them.
std::string words(const std::string& s) {
    std::string out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::string joined(const nlohmann::json& paragraphs) {
    std::string s;
    for (const auto& p : paragraphs) s += p.get<std::string>() + "\n";
    return words(s);
}

bool have(const char* path) { return fs::exists(path); }

// What LibreOffice shows of a .docx (lo_check.py's JSON); `pdf` also exports it to PDF.
nlohmann::json libreoffice(const std::string& docx, const std::string& dir, const std::string& pdf = "") {
    std::string out = dir + "/lo.json";
    std::string cmd = "/usr/bin/python3 " + test::source("tests/docx/lo_check.py") + " " + docx + " " + dir +
                      "/lo-profile " + pdf + " >" + out + " 2>" + dir + "/lo.err";
    int rc = std::system(cmd.c_str());
    INFO(test::slurp(dir + "/lo.err"));
    REQUIRE(rc == 0);
    return nlohmann::json::parse(test::slurp(out));
}

std::string sh(const std::string& cmd, const std::string& out) {
    int rc = std::system((cmd + " >" + out + " 2>&1").c_str());
    INFO(cmd << "\n" << test::slurp(out));
    REQUIRE(rc == 0);
    return test::slurp(out);
}

bool skip_without_libreoffice() {
    if (have("/usr/bin/soffice") && have("/usr/lib/python3/dist-packages/uno.py")) return false;
    MESSAGE("skipped: LibreOffice (libreoffice-writer-nogui, python3-uno) is not installed");
    return true;
}

}  // namespace

TEST_CASE("docx: the redline of 2-173-042 in LibreOffice: Accept All gives the amended text, Reject All the original [libreoffice]") {
    if (skip_without_libreoffice()) return;
    std::string dir = test::scratch("docx-redline");
    auto a = test::amend("apply " + test::source("corpus/chicago") + " --amendments " +
                         test::source("amendments/welcoming-city-2016.md") + " -o " + dir + "/site");
    REQUIRE(a.rc == 0);
    std::string old_file = test::source("corpus/chicago/mcc-2-173-042-2012.txt");
    std::string new_file = dir + "/site/consolidated/2-173-042.txt";
    auto d = test::amend("diff " + old_file + " " + new_file + " --format docx --author 'Council staff' --date 2016-05-18 -o " +
                         dir + "/r.docx");
    CHECK(d.rc == 1);  // they differ
    CHECK(d.out.empty());
    CHECK(d.err.empty());
    auto lo = libreoffice(dir + "/r.docx", dir, dir + "/r.pdf");

    // The changes, as LibreOffice lists them: (a)'s opening struck and "No" inserted, then (c) struck
    // whole (one deletion over its five paragraphs).
    REQUIRE(lo["redlines"].size() == 3);
    CHECK(lo["redlines"][0]["type"] == "Delete");
    CHECK(lo["redlines"][1]["type"] == "Insert");
    CHECK(lo["redlines"][2]["type"] == "Delete");
    for (const auto& r : lo["redlines"]) {
        CHECK(r["author"] == "Council staff");
        CHECK(r["date"] == "2016-05-18T00:00:00");
    }
    CHECK(joined(lo["accept"]) == words(test::slurp(new_file)));
    CHECK(joined(lo["reject"]) == words(test::slurp(old_file)));
    // Nothing is left of (c) after Accept All, not even an empty line: the paragraph marks went too.
    std::size_t empty = 0;
    for (const auto& p : lo["accept"]) empty += p.get<std::string>().empty();
    CHECK(empty == 1);  // the document's last paragraph, which Word cannot remove
    CHECK(lo["accept"][1] == "(a) No agency or agent shall:");
    CHECK(lo["reject"][1] == "(a) Except for such reasonable time as is necessary to conduct the investigation specified "
                             "in subsection (c) of this section, no agency or agent shall:");

    // A second reader: pandoc accepts or rejects the changes the same way, and lists them with their author.
    if (have("/usr/bin/pandoc")) {
        CHECK(words(sh("pandoc -f docx -t plain --wrap=none --track-changes=accept " + dir + "/r.docx", dir + "/p.txt")) ==
              words(test::slurp(new_file)));
        CHECK(words(sh("pandoc -f docx -t plain --wrap=none --track-changes=reject " + dir + "/r.docx", dir + "/p.txt")) ==
              words(test::slurp(old_file)));
        std::string all = sh("pandoc -f docx -t html --wrap=none --track-changes=all " + dir + "/r.docx", dir + "/p.html");
        CHECK(all.find("<span class=\"insertion\" data-author=\"Council staff\" data-date=\"2016-05-18T00:00:00Z\">No</span>") !=
              std::string::npos);
        CHECK(all.find("<span class=\"deletion\" data-author=\"Council staff\" data-date=\"2016-05-18T00:00:00Z\">Except for") !=
              std::string::npos);
    } else {
        MESSAGE("pandoc not installed: the second reader is skipped");
    }
    // The PDF LibreOffice makes of it: US Letter, numbered pages.
    if (have("/usr/bin/pdfinfo")) {
        std::string info = sh("pdfinfo " + dir + "/r.pdf", dir + "/info.txt");
        CHECK(info.find("612 x 792 pts (letter)") != std::string::npos);
        std::string text = sh("pdftotext -layout " + dir + "/r.pdf -", dir + "/r.txt");
        CHECK(text.find("Page 1 of 2") != std::string::npos);
        CHECK(text.find("2-173-042: changes from mcc-2-173-042-2012.txt to 2-173-042.txt") != std::string::npos);
    }
}

namespace {

// The struck (or underlined) words of a paragraph as LibreOffice reads its formatting.
std::string marked(const nlohmann::json& runs, const char* how) {
    std::string s;
    for (const auto& r : runs)
        if (r[how].get<bool>()) s += r["text"].get<std::string>();
    return s;
}

std::string draft_cmd(const std::string& more) {
    return "draft " + test::source("corpus/chicago") + " --amendments " + test::source("amendments/welcoming-city-2016.md") +
           " " + more;
}

}  // namespace

TEST_CASE("docx: the Welcoming City ordinance drafted as Word: enacting clause, struck and underscored text [libreoffice]") {
    if (skip_without_libreoffice()) return;
    std::string dir = test::scratch("docx-draft");
    auto d = test::amend(draft_cmd("--format docx -o " + dir + "/o.docx"));
    REQUIRE(d.rc == 0);
    auto lo = libreoffice(dir + "/o.docx", dir, dir + "/o.pdf");
    CHECK(lo["redlines"].empty());  // formatting, not tracked changes
    const auto& text = lo["text"];
    REQUIRE(text.size() == 25);
    CHECK(text[0] == "Welcoming City Ordinance amendments (2016)");
    CHECK(text[3] == "BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF CHICAGO:");
    CHECK(text[24] == "SECTION 4. This ordinance shall take effect upon its passage and publication.");
    const auto& f = lo["formatting"];
    // 2-57-010: the new words of "Coercion" underscored, nothing struck.
    CHECK(marked(f[7], "underlined") == ", or verbal threats related to a person's immigration status,");
    CHECK(marked(f[7], "struck").empty());
    // 2-173-042(a): the old opening struck, "No" underscored; (c) struck whole.
    CHECK(text[10] == "(a) Except for such reasonable time as is necessary to conduct the investigation specified in subsection "
                      "(c) of this section, noNo agency or agent shall:");
    CHECK(marked(f[10], "struck") == "Except for such reasonable time as is necessary to conduct the investigation specified in "
                                     "subsection (c) of this section, no");
    CHECK(marked(f[10], "underlined") == "No");
    CHECK(marked(f[12], "struck") == text[12].get<std::string>());
    CHECK(text[12] == "(c) This section shall not apply when an investigation conducted by the agency or agent indicates that the "
                      "subject of the investigation:");
    // The new section 2-173-045 underscored whole, its heading line bold.
    CHECK(marked(f[18], "underlined") == "2-173-045 Threats of deportation prohibited – Reporting.");
    CHECK(f[18][0]["bold"] == true);
    CHECK(marked(f[23], "underlined") == text[23].get<std::string>());
    if (have("/usr/bin/pdfinfo")) CHECK(sh("pdfinfo " + dir + "/o.pdf", dir + "/i.txt").find("Pages:           2") != std::string::npos);

    // Philadelphia's form: deleted matter in brackets (and struck), the explanation at the end.
    REQUIRE(test::amend(draft_cmd("--style philadelphia --format docx -o " + dir + "/ph.docx")).rc == 0);
    auto ph = libreoffice(dir + "/ph.docx", dir);
    REQUIRE(ph["text"].size() == 26);
    CHECK(ph["text"][3] == "THE COUNCIL OF THE CITY OF PHILADELPHIA HEREBY ORDAINS:");
    CHECK(ph["text"][13] == "[(1) has an outstanding criminal warrant;]");
    CHECK(marked(ph["formatting"][13], "struck") == "(1) has an outstanding criminal warrant;");
    CHECK(ph["text"][25] == "Explanation: Matter that is in brackets is deleted; matter underscored is new.");
}

TEST_CASE("docx: the ordinance with --tracked: Accept All keeps the new words, Reject All the old [libreoffice]") {
    if (skip_without_libreoffice()) return;
    std::string dir = test::scratch("docx-draft-tracked");
    auto d = test::amend(draft_cmd("--format docx --tracked -o " + dir + "/o.docx"));
    REQUIRE(d.rc == 0);
    auto lo = libreoffice(dir + "/o.docx", dir);
    REQUIRE(lo["redlines"].size() == 5);
    for (const auto& r : lo["redlines"]) CHECK(r["date"] == "2016-01-01T00:00:00");  // the amendment's "date: 2016"
    // Accept All: no struck word is left, the new section is there; Reject All: the reverse.
    std::string accepted = joined(lo["accept"]), rejected = joined(lo["reject"]);
    CHECK(accepted.find("(a) No agency or agent shall:") != std::string::npos);
    CHECK(accepted.find("has an outstanding criminal warrant") == std::string::npos);
    CHECK(accepted.find("2-173-045 Threats of deportation prohibited – Reporting.") != std::string::npos);
    CHECK(rejected.find("(a) Except for such reasonable time") != std::string::npos);
    CHECK(rejected.find("(1) has an outstanding criminal warrant;") != std::string::npos);
    CHECK(rejected.find("2-173-045 Threats") == std::string::npos);
    CHECK(rejected.find("threats of violence that put a person") != std::string::npos);
    CHECK(lo["reject"].size() == 19);  // the 25 less the six of 2-173-045, gone with their paragraph marks
}

TEST_CASE("docx: amend apply writes redline.docx per changed section and ordinance.docx; Accept All gives the consolidated text [libreoffice]") {
    if (skip_without_libreoffice()) return;
    std::string dir = test::scratch("docx-apply");
    auto a = test::amend("apply " + test::source("corpus/chicago") + " --amendments " +
                         test::source("amendments/welcoming-city-2016.md") + " -o " + dir + "/site");
    REQUIRE(a.rc == 0);
    for (const char* s : {"2-57-010", "2-173-042", "2-173-045"}) {
        CAPTURE(s);
        std::string docx = dir + "/site/" + s + "/redline.docx";
        REQUIRE(fs::exists(docx));
        auto lo = libreoffice(docx, dir);
        CHECK(!lo["redlines"].empty());
        CHECK(joined(lo["accept"]) == words(test::slurp(dir + "/site/consolidated/" + s + ".txt")));
    }
    // The site's ordinance is the one amend draft writes as Word (opened in LibreOffice by the draft test).
    REQUIRE(test::amend(draft_cmd("--format docx -o " + dir + "/drafted.docx")).rc == 0);
    CHECK(test::slurp(dir + "/site/ordinance.docx") == test::slurp(dir + "/drafted.docx"));
}

TEST_CASE("docx: a table's redline is a Word table: each changed cell tracked, a row added or struck tracked whole [libreoffice]") {
    if (skip_without_libreoffice()) return;
    std::string dir = test::schedule_case("docx-table");
    REQUIRE(test::amend("apply " + dir + "/before.xml --amendments " + dir + "/instruction.xml -o " + dir + "/site").rc == 0);
    auto lo = libreoffice(dir + "/site/38-2904/redline.docx", dir);
    // One string per row, its cells joined by " | " (lo_check.py); the document's last paragraph follows the table.
    const std::vector<std::string> head{"38-2904 Weightings applied to counts of students.",
                                        "The student counts shall be weighted in accordance with the following schedule:"};
    auto rows = [&](std::vector<std::string> r) {
        std::vector<std::string> all = head;
        all.insert(all.end(), r.begin(), r.end());
        all.push_back("");
        return nlohmann::json(all);
    };
    CHECK(lo["accept"] == rows({"Grade Level | Weighting | Per Pupil Allocation in FY 2023", "Kindergarten | 1.30 | $16,145",
                                "Grades 1-5 & <6> | 1.00 | $12,419", "Alternative program | 1.52 | $17,830"}));
    CHECK(lo["reject"] == rows({"Grade Level | Weighting | Per Pupil Allocation in FY 2022", "Kindergarten | 1.30 | $15,249",
                                "Alternative program | 1.52 | $17,830", "Adult | 0.89 | $10,440"}));
    // The changes: "2022" and "$15,249" struck and their new words inserted, the new row's three cells, the struck row's three.
    std::vector<std::string> types;
    for (const auto& r : lo["redlines"]) types.push_back(r["type"]);
    CHECK(types == std::vector<std::string>{"Delete", "Insert", "Delete", "Insert", "Insert", "Insert", "Insert", "Delete", "Delete", "Delete"});
}

TEST_CASE("docx: two runs write byte-identical Word files (diff, draft, draft --tracked, apply)") {
    std::string dir = test::scratch("docx-same");
    std::string old_file = test::source("corpus/chicago/mcc-2-173-042-2012.txt");
    for (int k = 0; k < 2; ++k) {
        std::string n = std::to_string(k);
        REQUIRE(test::amend("apply " + test::source("corpus/chicago") + " --amendments " +
                            test::source("amendments/welcoming-city-2016.md") + " -o " + dir + "/site" + n).rc == 0);
        REQUIRE(test::amend("diff " + old_file + " " + dir + "/site0/consolidated/2-173-042.txt --format docx --date 2016 -o " +
                            dir + "/r" + n + ".docx").rc == 1);
        REQUIRE(test::amend(draft_cmd("--format docx -o " + dir + "/o" + n + ".docx")).rc == 0);
        REQUIRE(test::amend(draft_cmd("--format docx --tracked -o " + dir + "/t" + n + ".docx")).rc == 0);
    }
    for (const char* f : {"r", "o", "t", "site/2-173-042/redline.docx", "site/ordinance.docx"}) {
        CAPTURE(f);
        std::string a, b;
        if (std::string(f).find('/') == std::string::npos) {
            a = test::slurp(dir + "/" + f + "0.docx");
            b = test::slurp(dir + "/" + f + "1.docx");
        } else {
            std::string rel = std::string(f).substr(4);
            a = test::slurp(dir + "/site0" + rel);
            b = test::slurp(dir + "/site1" + rel);
        }
        CHECK(a.size() > 1000);
        CHECK(a.compare(0, 4, "PK\x03\x04") == 0);
        CHECK(a == b);
    }
}

TEST_CASE("docx: amend's ordinance.html saved as Word by LibreOffice applies to exactly the consolidated text of the Markdown amendments [libreoffice]") {
    if (skip_without_libreoffice()) return;
    std::string dir = test::scratch("docx-roundtrip");
    auto m = test::amend("apply " + test::source("corpus/chicago") + " --amendments " +
                         test::source("amendments/welcoming-city-2016.md") + " -o " + dir + "/from-md");
    REQUIRE(m.rc == 0);
    // amend draft's ordinance.html, and the site's (with its provenance box and the arrows that
    // join each deletion to its insertion).
    REQUIRE(test::amend(draft_cmd("--format html -o " + dir + "/drafted/ordinance.html")).rc == 0);
    fs::create_directories(dir + "/site");
    fs::copy_file(dir + "/from-md/ordinance.html", dir + "/site/ordinance.html");
    for (const char* which : {"drafted", "site"}) {
        CAPTURE(which);
        std::string d = dir + "/" + which;
        sh("cd " + d + " && soffice -env:UserInstallation=file://" + dir +
               "/lo-profile --headless --infilter='HTML (StarWriter)' --convert-to 'docx:MS Word 2007 XML' ordinance.html",
           d + "/convert.txt");
        REQUIRE(fs::exists(d + "/ordinance.docx"));
        // LibreOffice keeps the marks as character styles named after the HTML elements, not as direct formatting.
        std::string xml = sh("unzip -p " + d + "/ordinance.docx word/document.xml", d + "/document.xml");
        CHECK(xml.find("<w:rStyle w:val=\"Del\"/>") != std::string::npos);
        CHECK(xml.find("<w:rStyle w:val=\"Ins\"/>") != std::string::npos);
        CHECK(xml.find("<w:strike/>") == std::string::npos);
        CHECK(xml.find("<w:pStyle w:val=\"Quotations\"/>") != std::string::npos);
        auto a = test::amend("apply " + test::source("corpus/chicago") + " --amendments " + d + "/ordinance.docx -o " + d +
                             "/from-word");
        INFO(a.err);
        REQUIRE(a.rc == 0);
        for (const char* s : {"2-57-010", "2-173-042", "2-173-045"}) {
            CAPTURE(s);
            std::string want = test::slurp(dir + "/from-md/consolidated/" + s + ".txt");
            CHECK(want.size() > 300);
            CHECK(test::slurp(d + "/from-word/consolidated/" + s + ".txt") == want);
        }
        std::size_t n = 0;
        for ([[maybe_unused]] auto& e : fs::directory_iterator(d + "/from-word/consolidated")) ++n;
        CHECK(n == 3);
    }
}

TEST_CASE("docx: the ordinance amend drafts as Word reads back as the amendment it came from, formatted and tracked") {
    std::string dir = test::scratch("docx-readback");
    auto m = test::amend("apply " + test::source("corpus/chicago") + " --amendments " +
                         test::source("amendments/welcoming-city-2016.md") + " -o " + dir + "/from-md");
    REQUIRE(m.rc == 0);
    for (const char* how : {"", "--tracked"}) {
        CAPTURE(how);
        std::string f = dir + "/o" + how + ".docx";
        REQUIRE(test::amend(draft_cmd(std::string("--format docx ") + how + " -o " + f)).rc == 0);
        std::string out = dir + "/from-word" + how;
        auto a = test::amend("apply " + test::source("corpus/chicago") + " --amendments " + f + " -o " + out);
        INFO(a.err);
        REQUIRE(a.rc == 0);
        for (const char* s : {"2-57-010", "2-173-042", "2-173-045"})
            CHECK(test::slurp(out + "/consolidated/" + s + ".txt") == test::slurp(dir + "/from-md/consolidated/" + s + ".txt"));
    }
}

TEST_CASE("pdf: the redline, side-by-side and ordinance print on US Letter with page numbers and a running header [chromium]") {
    if (test::chromium().empty() || !have("/usr/bin/pdfinfo")) {
        MESSAGE("skipped: chromium or poppler-utils (pdfinfo, pdftotext) is not installed");
        return;
    }
    std::string dir = test::scratch("pdf");
    REQUIRE(test::amend("apply " + test::source("corpus/chicago") + " --amendments " +
                        test::source("amendments/welcoming-city-2016.md") + " -o " + dir + "/site").rc == 0);
    std::string pair = test::source("corpus/chicago/mcc-2-173-042-2012.txt") + " " + dir + "/site/consolidated/2-173-042.txt";
    for (const char* format : {"pdf", "side-by-side-pdf"}) {
        CAPTURE(format);
        std::string f = dir + "/" + format;
        auto r = test::amend("diff " + pair + " --format " + format + " -o " + f + ".pdf");
        INFO(r.err);
        REQUIRE(r.rc == 1);
        REQUIRE(test::amend("diff " + pair + " --format " + format + " -o " + f + "-again.pdf").rc == 1);
        CHECK(test::slurp(f + ".pdf") == test::slurp(f + "-again.pdf"));  // no clock in the bytes
        std::string info = sh("pdfinfo " + f + ".pdf", f + ".info");
        CHECK(info.find("Page size:       612 x 792 pts (letter)") != std::string::npos);
        std::string text = sh("pdftotext -layout " + f + ".pdf -", f + ".txt");
        CHECK(text.find("2-173-042: changes from mcc-2-173-042-2012.txt to 2-173-042.txt") != std::string::npos);
        CHECK(text.find("Page 1 of ") != std::string::npos);
        // In the redline a deletion never touches the insertion after it: "no No", not "noNo".
        std::string flow = words(sh("pdftotext " + f + ".pdf -", f + ".flow"));
        // (the site's separator: "no → No", kept in the printed and copied text)
        if (std::string(format) == "pdf") CHECK(flow.find("this section, no \xE2\x86\x92 No agency") != std::string::npos);
        CHECK(flow.find("noNo") == std::string::npos);
    }
    CHECK(sh("pdfinfo " + dir + "/side-by-side-pdf.pdf", dir + "/i").find("Pages:           2") != std::string::npos);
    auto d = test::amend(draft_cmd("--format pdf -o " + dir + "/ordinance.pdf"));
    REQUIRE(d.rc == 0);
    std::string text = sh("pdftotext -layout " + dir + "/ordinance.pdf -", dir + "/o.txt");
    CHECK(text.find("BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF CHICAGO:") != std::string::npos);
    CHECK(text.find("Page 2 of 2") != std::string::npos);
    CHECK(text.find("Welcoming City Ordinance amendments (2016)") != std::string::npos);
}

TEST_CASE("pdf: a table longer than a page prints every row, on as many pages as it takes [chromium]") {
    if (test::chromium().empty() || !have("/usr/bin/pdfinfo")) {
        MESSAGE("skipped: chromium or poppler-utils (pdfinfo, pdftotext) is not installed");
        return;
    }
    // A schedule of 80 rows, one amount changed in each.
    std::vector<std::vector<std::string>> before{{"Row", "Amount"}}, after{{"Row", "Amount"}};
    for (int i = 1; i <= 80; ++i) {
        before.push_back({"Row " + std::to_string(i), "$" + std::to_string(1000 + i)});
        after.push_back({"Row " + std::to_string(i), "$" + std::to_string(2000 + i)});
    }
    std::string dir = test::scratch("pdf-table");
    auto section = [](const std::string& table) {
        return "<?xml version='1.0' encoding='utf-8'?>\n<section xmlns=\"https://code.dccouncil.us/schemas/dc-library\">\n"
               "  <num>38-2904</num>\n  <heading>Weightings.</heading>\n  <text>The schedule:</text>\n" + table + "</section>\n";
    };
    test::spit(dir + "/old.xml", section(test::rows_table(before)));
    test::spit(dir + "/new.xml", section(test::rows_table(after)));
    for (const char* format : {"pdf", "side-by-side-pdf"}) {
        CAPTURE(format);
        std::string f = dir + "/" + format + ".pdf";
        REQUIRE(test::amend("diff " + dir + "/old.xml " + dir + "/new.xml --format " + format + " -o " + f).rc == 1);
        CHECK(sh("pdfinfo " + f, f + ".info").find("Pages:           1\n") == std::string::npos);
        // It begins on the page of its section, below the words before it: not pushed whole to the next page.
        CHECK(words(sh("pdftotext -f 1 -l 1 " + f + " -", f + ".p1")).find("Row 1 ") != std::string::npos);
        std::string text = words(sh("pdftotext " + f + " -", f + ".txt"));
        for (int i : {1, 40, 79, 80}) {
            CAPTURE(i);
            CHECK(text.find("Row " + std::to_string(i) + " ") != std::string::npos);
            CHECK(text.find("$" + std::to_string(2000 + i)) != std::string::npos);
        }
    }
}

TEST_CASE("pdf: the running header is a CSS string: quotes, backslashes and a closing tag in a file name stay text") {
    std::string page = "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>";
    std::string out = amend::print::with_print_rules(page, "a\"b\\c</style><script>alert(1)</script>");
    CHECK(out.find("<script>") == std::string::npos);
    CHECK(out.find("content:\"a\\22 b\\5c c\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e \"") != std::string::npos);
    CHECK(out.find("@page{size:letter;") != std::string::npos);
    CHECK(out.find("counter(page) \" of \" counter(pages)") != std::string::npos);
    CHECK(out.find("</style>\n</head>") != std::string::npos);
}

TEST_CASE("pdf: the browser's dates become 1980-01-01 in place, byte offsets kept; what is not a PDF is refused") {
    const std::string pdf = "%PDF-1.4\n1 0 obj << /Creator (Chromium) /CreationDate (D:20261207121314+00'00') "
                            "/ModDate (D:20261207121314+00'00') >> endobj\nxref 0 1\n%%EOF\n";
    std::string fixed = amend::print::with_fixed_dates(pdf);
    CHECK(fixed == "%PDF-1.4\n1 0 obj << /Creator (Chromium) /CreationDate (D:19800101000000+00'00') "
                   "/ModDate (D:19800101000000+00'00') >> endobj\nxref 0 1\n%%EOF\n");
    CHECK(fixed.size() == pdf.size());
    // A date of another form is left as it is.
    CHECK(amend::print::with_fixed_dates("%PDF-1.4 /CreationDate (D:2026) x") == "%PDF-1.4 /CreationDate (D:2026) x");
    CHECK_THROWS_WITH(amend::print::with_fixed_dates("<html>error page</html>"), "pdf: the browser wrote no PDF");
    auto cmd = amend::print::chromium_print_command("chromium", "/tmp/p/page.html", "/tmp/p/page.pdf", "/tmp/p/profile");
    CHECK(cmd.front() == "chromium");
    CHECK(cmd.back() == "file:///tmp/p/page.html");
    CHECK(std::find(cmd.begin(), cmd.end(), "--print-to-pdf=/tmp/p/page.pdf") != cmd.end());
    CHECK(std::find(cmd.begin(), cmd.end(), "--headless") != cmd.end());
}

TEST_CASE("docx: diff and draft refuse a Word or PDF format without -o, -o with a text format, and a --date of another form") {
    std::string dir = test::scratch("docx-usage");
    std::string pair = test::source("corpus/chicago/mcc-2-173-042-2012.txt") + " " + test::source("corpus/chicago/mcc-2-173-042-2012.txt");
    auto r = test::amend("diff " + pair + " --format docx");
    CHECK(r.rc == 2);
    CHECK(r.err == "amend: error: diff --format docx writes a file: give -o FILE\n");
    r = test::amend("diff " + pair + " -o " + dir + "/x.md");
    CHECK(r.rc == 2);
    CHECK(r.err == "amend: error: diff -o is for --format docx, pdf and side-by-side-pdf\n");
    r = test::amend("diff " + pair + " --format docx --date 'May 18' -o " + dir + "/x.docx");
    CHECK(r.rc == 2);
    CHECK(r.err == "amend: error: --date May 18: expected 2016, 2016-05, 2016-05-18 or 2016-05-18T09:30:00Z\n");
    CHECK(!fs::exists(dir + "/x.docx"));
    r = test::amend(draft_cmd("--format pdf"));
    CHECK(r.rc == 2);
    CHECK(r.err == "amend: error: draft --format pdf writes a file: give -o FILE\n");
    // Equal versions: exit 0, and a Word file without a single tracked change.
    r = test::amend("diff " + pair + " --format docx -o " + dir + "/same.docx");
    CHECK(r.rc == 0);
    std::string xml = sh("unzip -p " + dir + "/same.docx word/document.xml", dir + "/same.xml");
    CHECK(xml.find("(a) Except for such reasonable time") != std::string::npos);
    CHECK(xml.find("<w:ins") == std::string::npos);
    CHECK(xml.find("<w:del") == std::string::npos);
}

TEST_CASE("docx: a provision moved within its section: the section struck and restated whole, so that Reject All gives the old order [libreoffice]") {
    if (skip_without_libreoffice()) return;
    std::string dir = test::scratch("docx-moved");
    test::spit(dir + "/old.txt", "9-9-010 Test.\n   (a)   Alpha shall apply to every person in the City of Chicago.\n"
                                 "   (b)   Bravo shall apply to every agency of the City of Chicago.\n"
                                 "   (c)   Charlie shall apply to every officer of the City.\n");
    test::spit(dir + "/new.txt", "9-9-010 Test.\n   (a)   Charlie shall apply to every officer of the City.\n"
                                 "   (b)   Alpha shall apply to every person in the City of Chicago.\n"
                                 "   (c)   Bravo shall apply to every agency of the City of Chicago.\n");
    REQUIRE(test::amend("diff " + dir + "/old.txt " + dir + "/new.txt --format text").out.find("(moved from 9-9-010(c))") !=
            std::string::npos);
    REQUIRE(test::amend("diff " + dir + "/old.txt " + dir + "/new.txt --format docx --date 2016 -o " + dir + "/m.docx").rc == 1);
    auto lo = libreoffice(dir + "/m.docx", dir);
    CHECK(lo["text"].size() == 9);  // four struck paragraphs, four inserted, the closing empty one
    CHECK(joined(lo["accept"]) == words(test::slurp(dir + "/new.txt")));
    CHECK(joined(lo["reject"]) == words(test::slurp(dir + "/old.txt")));
}

TEST_CASE("docx writer: the parts, unique change ids, deleted text as w:delText, control characters dropped, dates") {
    using namespace amend::docx;
    CHECK(iso_date("2016") == "2016-01-01T00:00:00Z");
    CHECK(iso_date("2016-05") == "2016-05-01T00:00:00Z");
    CHECK(iso_date("2016-05-18") == "2016-05-18T00:00:00Z");
    CHECK(iso_date("2016-05-18T09:30:00Z") == "2016-05-18T09:30:00Z");
    CHECK(iso_date("2016-xx-18T09:30:00Z").empty());
    CHECK(iso_date("May 2016").empty());
    CHECK(iso_date("").empty());
    Package pkg;
    pkg.title = "T";
    pkg.header = "H <&>";
    Paragraph p;
    append(p, {"keep "});
    append(p, {"old\x01", Mark::Deleted});
    append(p, {"new", Mark::Inserted});
    Paragraph gone;
    gone.whole = Mark::Deleted;
    append(gone, {"(c) struck whole", Mark::Deleted});
    pkg.body = {p, gone, Paragraph{}};
    WriteOptions wo;
    wo.author = "A & B";
    wo.date = "2016-05-18T00:00:00Z";
    Entries parts = read_zip(write_docx(pkg, wo), "t.docx");
    std::vector<std::string> names;
    for (const auto& [n, b] : parts) names.push_back(n);
    CHECK(names == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                                            "word/document.xml", "word/styles.xml", "word/settings.xml",
                                            "word/header1.xml", "word/footer1.xml", "docProps/core.xml"});
    const std::string& doc = parts[3].second;
    CHECK(doc.find("<w:del w:id=\"1\" w:author=\"A &amp; B\" w:date=\"2016-05-18T00:00:00Z\"><w:r><w:delText "
                   "xml:space=\"preserve\">old </w:delText></w:r></w:del>") != std::string::npos);
    CHECK(doc.find("<w:ins w:id=\"2\" w:author=\"A &amp; B\" w:date=\"2016-05-18T00:00:00Z\"><w:r><w:t "
                   "xml:space=\"preserve\">new</w:t></w:r></w:ins>") != std::string::npos);
    // The struck paragraph's mark is struck too, with its own id.
    CHECK(doc.find("<w:pPr><w:rPr><w:del w:id=\"3\" w:author=\"A &amp; B\" w:date=\"2016-05-18T00:00:00Z\"/></w:rPr></w:pPr>"
                   "<w:del w:id=\"4\"") != std::string::npos);
    CHECK(doc.find("<w:pgSz w:w=\"12240\" w:h=\"15840\"/>") != std::string::npos);  // US Letter
    CHECK(parts[6].second.find("H &lt;&amp;&gt;") != std::string::npos);
    CHECK(parts[7].second.find("<w:fldSimple w:instr=\" PAGE \">") != std::string::npos);
    // Formatted instead of tracked: struck and underscored runs, no change marks.
    wo.tracked = false;
    std::string plain = read_zip(write_docx(pkg, wo), "t.docx")[3].second;
    CHECK(plain.find("<w:rPr><w:strike/></w:rPr><w:t xml:space=\"preserve\">old </w:t>") != std::string::npos);
    CHECK(plain.find("<w:rPr><w:u w:val=\"single\"/></w:rPr><w:t xml:space=\"preserve\">new</w:t>") != std::string::npos);
    CHECK(plain.find("<w:del") == std::string::npos);
    CHECK(plain.find("<w:ins") == std::string::npos);
}

TEST_CASE("docx writer: tables apart, spans no wider than the widest row, no row of no cells, a paragraph after the last") {
    using namespace amend::docx;
    auto table = [](int span) {
        Paragraph t;
        Row head;
        head.cells.push_back(Cell{{Run{"Table 1"}}, span});
        Row row;
        row.whole = Mark::Inserted;
        row.cells.push_back(Cell{{Run{"A", Mark::Inserted}}, 1});
        row.cells.push_back(Cell{{Run{"1", Mark::Inserted}}, 1});
        t.table = {head, Row{}, row};
        return t;
    };
    Package pkg;
    pkg.body = {table(999), table(2)};
    std::string doc = read_zip(write_docx(pkg, WriteOptions{}), "t.docx")[3].second;
    // Two tables, a paragraph between them and after the last: in Word two tables in a row are one.
    CHECK(doc.find("</w:tbl><w:p/><w:tbl>") != std::string::npos);
    CHECK(doc.find("</w:tbl><w:p/><w:sectPr>") != std::string::npos);
    // The span of 999 is the widest row's 2 cells: two grid columns, like the table spanned by 2.
    CHECK(doc.find("<w:gridSpan w:val=\"999\"/>") == std::string::npos);
    CHECK(test::count(doc, "<w:gridSpan w:val=\"2\"/>") == 2);
    CHECK(test::count(doc, "<w:gridCol ") == 4);
    // The row of no cells is left out; the row added is tracked as a row.
    CHECK(test::count(doc, "<w:tr>") == 4);
    CHECK(test::count(doc, "<w:trPr><w:ins ") == 2);
}

namespace {

// The words a Word user is left with after Accept All (or Reject All) of a redline package.
std::string words_after(const amend::docx::Package& pkg, bool accept) {
    const amend::docx::Mark gone = accept ? amend::docx::Mark::Deleted : amend::docx::Mark::Inserted;
    std::string s;
    auto runs = [&](const std::vector<amend::docx::Run>& rs) {
        for (const auto& r : rs)
            if (r.mark != gone) s += r.text;
        s += "\n";
    };
    for (const auto& p : pkg.body) {
        runs(p.runs);
        // A table's rows, each cell's words: a row added or struck whole goes with its mark.
        for (const auto& row : p.table)
            if (row.whole != gone)
                for (const auto& c : row.cells) runs(c.runs);
    }
    return words(s);
}

// A tree's words in reading order: each provision's designation, heading and text (the D.C.
// annotations as they are, which the text layout writer puts in parentheses).
void tree_words(const amend::Provision& p, std::string& out) {
    if (amend::is_numbered(p.kind)) out += p.designation + " ";
    out += p.heading.text + " " + p.text.text + "\n";
    for (const auto& c : p.children) tree_words(c, out);
}

std::string tree_words(const amend::Document& d) {
    std::string s;
    for (const auto& c : d.root.children) tree_words(c, s);
    return words(s);
}

}  // namespace

TEST_CASE("docx redline over the D.C. dev cases: accepting every change gives after.xml's words, rejecting them before.xml's") {
    fs::path root = test::dc_cases("dc-cases-dev").dir;
    if (!fs::exists(root)) {
        MESSAGE("skipped: no " << root.string());
        return;
    }
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(root))
        if (e.is_directory()) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    std::size_t n = 0;
    for (const auto& d : dirs) {
        CAPTURE(d.filename().string());
        auto before = amend::load_code({(d / "before.xml").string()});
        auto after = amend::load_code({(d / "after.xml").string()});
        auto pkg = amend::redline_package(amend::diff_trees(before.root, after.root), "t", "h");
        CHECK(words_after(pkg, true) == tree_words(after));
        CHECK(words_after(pkg, false) == tree_words(before));
        ++n;
    }
    CHECK(n > 200);
}
