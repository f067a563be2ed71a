// Word files amend writes, opened in a real client (LibreOffice through UNO, tests/docx/lo_check.py)
// and read a second way (pandoc --track-changes): Accept All must give the amended text and Reject
// All the original, word for word. These run in their own ctest entry ([libreoffice]).
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

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
