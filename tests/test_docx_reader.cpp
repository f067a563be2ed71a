// The .docx amendment reader (src/docx/reader.cpp) on Word files built here part by part: each way
// Word marks a deletion or an insertion, numbers a paragraph or hides text gives the amendment the
// Markdown form gives; and each bad package is refused with its message, exit 2, nothing written.
#include <doctest/doctest.h>

#include <filesystem>

#include "docx/zip.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

const char* kTypes = R"x(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)x";
const char* kRels = R"x(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)x";

// Character styles: a strike-through base, one struck by inheritance, one that turns it off
// (w:val="0"); a quotation paragraph style two steps from "Quote".
const char* kStyles = R"x(<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="LawQuote"><w:name w:val="Law text"/><w:basedOn w:val="Quote"/></w:style>
<w:style w:type="character" w:styleId="StrikeBase"><w:name w:val="Strike base"/><w:rPr><w:strike/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Struck"><w:name w:val="Struck"/><w:basedOn w:val="StrikeBase"/></w:style>
<w:style w:type="character" w:styleId="NotStruck"><w:name w:val="Not struck"/><w:basedOn w:val="StrikeBase"/><w:rPr><w:strike w:val="0"/></w:rPr></w:style>
</w:styles>)x";

// Instructions "1.", "2."; restated provisions "(b)" (starting at b), "(1)", "(A)".
const char* kNumbering = R"x(<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%2)"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="(%3)"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/></w:lvlOverride></w:num>
</w:numbering>)x";

std::string document(const std::string& body) {
    return R"x(<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>)x" +
           body + "</w:body></w:document>";
}

std::string run(const std::string& text, const std::string& rpr = "") {
    return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") + "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

std::string para(const std::string& content, const std::string& style = "", const std::string& num = "") {
    std::string ppr;
    if (!style.empty()) ppr += "<w:pStyle w:val=\"" + style + "\"/>";
    if (!num.empty()) {
        auto slash = num.find('/');
        ppr += "<w:numPr><w:ilvl w:val=\"" + num.substr(slash + 1) + "\"/><w:numId w:val=\"" + num.substr(0, slash) + "\"/></w:numPr>";
    }
    return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + content + "</w:p>";
}

amend::docx::Entries package(const std::string& body) {
    return {{"[Content_Types].xml", kTypes},
            {"_rels/.rels", kRels},
            {"word/document.xml", document(body)},
            {"word/styles.xml", kStyles},
            {"word/numbering.xml", kNumbering}};
}

// 2-173-042(b)(1)(A) "permit" → "allow" and (b)(2) "authorized" → "permitted", as Markdown says it.
const char* kMarkdown =
    "# Test\n\n"
    "1. In Section 2-173-042(b)(1)(A), strike \"permit\" and insert \"allow\".\n"
    "2. In Section 2-173-042(b)(2), strike \"authorized\" and insert \"permitted\".\n";

std::string apply_to_042(const std::string& amendment, const std::string& out) {
    auto r = test::amend("apply " + test::source("corpus/chicago/mcc-2-173-042-2012.txt") + " --amendments " + amendment +
                         " -o " + out);
    INFO(r.err);
    REQUIRE(r.rc == 0);
    return test::slurp(out + "/consolidated/2-173-042.txt");
}

const char* kQuoteStyle = "LawQuote";

}  // namespace

TEST_CASE("docx reader: a restatement marked by character styles (basedOn, toggled off), direct underline and tracked "
          "changes, designations from numbering.xml, a field code and hidden text skipped, split runs joined, a hyperlink's "
          "underline no insertion") {
    std::string dir = test::scratch("docx-reader-restated");
    std::string body =
        para(run("Test"), "Title") +
        para(run("SECTION 1.") + run(" Section 2-173-042 of the Municipal Code of Chicago is hereby amended by deleting the "
                                     "language struck through and by inserting the language underscored, as follows:")) +
        para(run("2-173-042 Civil immi") + run("gration enforcement actions – Federal responsibility."), kQuoteStyle) +
        para(run("(Omitted text is unaffected by this ordinance)"), kQuoteStyle) +
        para("", kQuoteStyle, "2/0") +  // "(b)", only in the numbering
        para(run("Unless an agency or agent is acting pursuant to a legitimate law enforcement purpose that is unrelated to "
                 "the enforcement of a civil immigration law, no agency or agent shall:"),
             kQuoteStyle, "2/1") +
        para("<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>permit</w:delText></w:r></w:del>"
             "<w:ins w:id=\"2\" w:author=\"x\">" + run("allow") + "</w:ins>" +
                 run(" ICE agents access to a person being detained by, or in the custody of, the agency or agent;"),
             kQuoteStyle, "2/2") +
        para(run("permit ICE agents use of agency facilities for investigative interviews or other investigative purpose; or") +
                 run(" HIDDEN WORDS", "<w:vanish/>"),
             kQuoteStyle, "2/2") +
        para(run("while on duty, expend their time responding to ICE inquiries or communicating with ICE regarding a "
                 "person’s custody status or release date."),
             kQuoteStyle, "2/2") +
        para(run("An agency or agent is ") + run("authorized", "<w:rStyle w:val=\"Struck\"/>") +
                 run("permitted", "<w:u w:val=\"single\"/>") + run(" to communicate", "<w:rStyle w:val=\"NotStruck\"/>") +
                 run(" with ICE") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>" +
                 "<w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"https://example.org\" </w:instrText></w:r>" +
                 "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run(" in order") +
                 "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
                 "<w:hyperlink r:id=\"rIdNone\">" + run(" to determine whether any matter involves", "<w:u w:val=\"single\"/>") +
                 "</w:hyperlink>" +
                 run(" enforcement based solely on a violation of a civil immigration law."),
             kQuoteStyle, "2/1") +
        para(run("(Omitted text is unaffected by this ordinance)"), kQuoteStyle) +
        para(run("SECTION 2. This ordinance shall take effect upon its passage and publication."));
    test::spit(dir + "/restated.docx", amend::docx::write_zip(package(body)));
    test::spit(dir + "/same.md", kMarkdown);
    std::string want = apply_to_042(dir + "/same.md", dir + "/md");
    CHECK(want.find("(A)   allow ICE agents access") != std::string::npos);
    CHECK(want.find("is permitted to communicate") != std::string::npos);
    CHECK(apply_to_042(dir + "/restated.docx", dir + "/docx") == want);
}

TEST_CASE("docx reader: a restated word that is not the code's is reported at its paragraph") {
    std::string dir = test::scratch("docx-reader-mismatch");
    std::string body =
        para(run("SECTION 1.") + run(" Section 2-173-042 of the Municipal Code of Chicago is hereby amended by deleting the "
                                     "language struck through and by inserting the language underscored, as follows:")) +
        para(run("2-173-042 Civil immigration enforcement actions – Federal responsibility."), kQuoteStyle) +
        para(run("(Omitted text is unaffected by this ordinance)"), kQuoteStyle) +
        para(run("(b)"), kQuoteStyle) + para(run("(Omitted text is unaffected by this ordinance)"), kQuoteStyle) +
        para(run("(2) An agency or agent is ") + run("authorised", "<w:strike/>") + run("permitted", "<w:u/>") +
                 run(" to communicate with ICE in order to determine whether any matter involves enforcement based solely on a "
                     "violation of a civil immigration law."),
             kQuoteStyle);
    test::spit(dir + "/m.docx", amend::docx::write_zip(package(body)));
    auto r = test::amend("apply " + test::source("corpus/chicago/mcc-2-173-042-2012.txt") + " --amendments " + dir +
                         "/m.docx -o " + dir + "/out");
    CHECK(r.rc == 2);
    CHECK(r.err.rfind(dir + "/m.docx:6:", 0) == 0);  // the 6th paragraph of the body
    CHECK(r.err.find("2-173-042(b)(2)") != std::string::npos);
    CHECK(r.err.find("\"An agency or agent is authorized to communicate") != std::string::npos);
    CHECK(r.err.find("\"An agency or agent is authorised to communicate") != std::string::npos);
    CHECK(!fs::exists(dir + "/out"));
}

TEST_CASE("docx reader: numbered instructions in Word's automatic numbering go through the drafting-language grammar") {
    std::string dir = test::scratch("docx-reader-numbered");
    std::string body = para(run("Test"), "Title") + para(run("date: 2016")) +
                       para(run("In Section 2-173-042(b)(1)(A), strike \"permit\" and insert \"allow\"."), "", "1/0") +
                       para(run("In ") + "<w:r><w:sym w:font=\"Times New Roman\" w:char=\"00A7\"/></w:r>" +
                                run(" 2-173-042(b)(2), strike \"author") + run("ized\" and insert \"permitted\"."),
                            "", "1/0");
    test::spit(dir + "/numbered.docx", amend::docx::write_zip(package(body)));
    test::spit(dir + "/same.md", kMarkdown);
    CHECK(apply_to_042(dir + "/numbered.docx", dir + "/docx") == apply_to_042(dir + "/same.md", dir + "/md"));
    // An instruction the grammar refuses is reported at its paragraph (the 4th of the body).
    std::string bad = para(run("Test"), "Title") + para(run("date: 2016")) +
                      para(run("In Section 2-173-042(b)(1)(A), strike \"permit\" and insert \"allow\"."), "", "1/0") +
                      para(run("In Section 2-173-042(b)(2), strike \"no such words\" and insert \"x\"."), "", "1/0");
    test::spit(dir + "/bad.docx", amend::docx::write_zip(package(bad)));
    auto r = test::amend("apply " + test::source("corpus/chicago/mcc-2-173-042-2012.txt") + " --amendments " + dir +
                         "/bad.docx -o " + dir + "/bad-out");
    CHECK(r.rc == 2);
    CHECK(r.err.find(dir + "/bad.docx:4:1: error: ") == 0);
    CHECK(r.err.find("\"no such words\"") != std::string::npos);
    CHECK(!fs::exists(dir + "/bad-out"));
}

TEST_CASE("docx reader: new text typed in Word under \"to read as follows:\" reads as the plain-text layout does") {
    std::string dir = test::scratch("docx-reader-new-section");
    const char* item = "Chapter 2-173 of the Municipal Code of Chicago is amended by adding a new Section 2-173-045 to read as follows:";
    const char* lines[] = {"2-173-045 Threats of deportation prohibited.",
                           "(a) No City employee shall threaten any person with deportation.",
                           "(b) Any person may report a violation of subsection (a) of this section:",
                           "(1) to the Inspector General; or",
                           "(2) to the City Clerk."};
    std::string body = para(run("New section"), "Title") + para(run(item), "", "1/0");
    // Typed designations, one paragraph each, in the Quote style with a tab after the designation.
    for (const char* l : lines) {
        std::string t = l;
        auto sp = t.find(' ');
        body += t[0] == '(' ? para(run(t.substr(0, sp)) + "<w:r><w:tab/></w:r>" + run(t.substr(sp + 1)), "Quote")
                            : para(run(t), "Quote");
    }
    test::spit(dir + "/new.docx", amend::docx::write_zip(package(body)));
    test::spit(dir + "/same.md", std::string("# New section\n\n1. ") + item +
                                     "\n\n   > 2-173-045 Threats of deportation prohibited.\n"
                                     "   >    (a)   No City employee shall threaten any person with deportation.\n"
                                     "   >    (b)   Any person may report a violation of subsection (a) of this section:\n"
                                     "   >       (1)   to the Inspector General; or\n"
                                     "   >       (2)   to the City Clerk.\n");
    auto apply = [&](const std::string& a, const std::string& out) {
        auto r = test::amend("apply " + test::source("corpus/chicago") + " --amendments " + a + " -o " + out);
        INFO(r.err);
        REQUIRE(r.rc == 0);
        return test::slurp(out + "/consolidated/2-173-045.txt");
    };
    std::string want = apply(dir + "/same.md", dir + "/md");
    CHECK(want.find("      (2)   to the City Clerk.") != std::string::npos);
    CHECK(apply(dir + "/new.docx", dir + "/docx") == want);
}

namespace {

// amend apply with `bytes` as its amendment file: exit 2, the one-line error `message`, nothing written.
void refused(const std::string& name, const std::string& bytes, const std::string& message) {
    CAPTURE(name);
    std::string dir = test::scratch("docx-bad-" + name);
    std::string file = dir + "/" + name + ".docx";
    test::spit(file, bytes);
    auto r = test::amend("apply " + test::source("corpus/chicago/mcc-2-173-042-2012.txt") + " --amendments " + file + " -o " +
                         dir + "/out");
    CHECK(r.rc == 2);
    CHECK(r.out.empty());
    CHECK(r.err == file + ": error: " + message + "\n");
    CHECK(!fs::exists(dir + "/out"));
}

const std::string kOneInstruction = para(run("In Section 2-173-042(b)(2), strike \"authorized\" and insert \"permitted\"."), "", "1/0");

}  // namespace

TEST_CASE("docx reader: bad packages are refused with their reason, exit 2, nothing written") {
    std::string good = amend::docx::write_zip(package(kOneInstruction));
    refused("not-a-zip", "1. In Section 2-173-042(b)(2), strike \"authorized\".\n\x9b",
            "not a Word document: a .docx is a zip package, and this file is none [docx.zip]");
    refused("truncated", good.substr(0, good.size() / 2),
            "not a readable .docx: the zip package is corrupt or truncated (Not a zip archive) [docx.zip]");
    std::string corrupt = good;
    for (std::size_t i = 60; i < 200 && i < corrupt.size(); ++i) corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5a);
    refused("corrupt", corrupt,
            "the zip package's entry \"[Content_Types].xml\" is corrupt (Zlib error: data error) [docx.zip]");
    auto bomb = package(kOneInstruction);
    bomb.emplace_back("word/media/zeros.bin", std::string((std::size_t{64} << 20) + 1, '\0'));  // deflates to 64 KiB
    std::string bomb_zip = amend::docx::write_zip(bomb);
    CHECK(bomb_zip.size() < (std::size_t{1} << 20));
    refused("bomb", bomb_zip,
            "the zip package's entry \"word/media/zeros.bin\" unpacks to more than 64 MiB (a zip bomb?) [docx.zip]");
    auto dotdot = package(kOneInstruction);
    dotdot.emplace_back("word/../../etc/cron.d/evil", "x");
    refused("dotdot", amend::docx::write_zip(dotdot),
            "the zip package has an entry named \"word/../../etc/cron.d/evil\", outside the package [docx.zip]");
    auto external = package(kOneInstruction);
    external.emplace_back("word/_rels/document.xml.rels",
                          R"x(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://example.org/template.dotm" TargetMode="External"/></Relationships>)x");
    refused("external", amend::docx::write_zip(external),
            "the document refers to an outside resource (attachedTemplate http://example.org/template.dotm in "
            "word/_rels/document.xml.rels); amend fetches nothing: remove it [docx.external]");
    auto macros = package(kOneInstruction);
    macros.emplace_back("word/vbaProject.bin", "\xd0\xcf\x11\xe0");
    refused("macros", amend::docx::write_zip(macros),
            "the document holds macros (word/vbaProject.bin); amend reads no macros: save it as a plain .docx [docx.macro]");
    auto nobody = package("");
    nobody[2].second = R"x(<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:document>)x";
    refused("no-body", amend::docx::write_zip(nobody), "the document has no body (no w:body in word/document.xml) [docx.body]");
    // A symbol-font character (Wingdings' private range) is no text: refused at its paragraph.
    std::string dir = test::scratch("docx-bad-symbol");
    test::spit(dir + "/sym.docx", amend::docx::write_zip(package(
                                      para(run("In Section 2-173-042(b)(2), strike \"authorized\" and insert \"permitted\".") +
                                               "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0A7\"/></w:r>",
                                           "", "1/0"))));
    auto r = test::amend("apply " + test::source("corpus/chicago/mcc-2-173-042-2012.txt") + " --amendments " + dir +
                         "/sym.docx -o " + dir + "/out");
    CHECK(r.rc == 2);
    CHECK(r.err == dir + "/sym.docx:1:1: error: a symbol (w:sym F0A7 in font \"Wingdings\") that is no character: type it "
                         "as text [docx.symbol]\n");
    CHECK(!fs::exists(dir + "/out"));
    refused("empty-body", amend::docx::write_zip(package("")),
            "expected at least one instruction (a numbered paragraph, or \"SECTION 1. ...\") [docx.structure]");
}
