// The Word amendment reader (src/docx/reader.cpp), then the drafting-language interpreter. An input
// that opens like a zip ("PK\3\4") is read as the .docx itself (libzip and the package checks);
// any other input is taken as word/document.xml and packed with fixed styles and numbering, so
// that mutations reach the WordprocessingML reading (runs, styles, numbering, fields) rather
// than die in the deflate stream.
#include "amend/ops.hpp"
#include "docx/reader.hpp"
#include "docx/zip.hpp"
#include "fuzz_common.hpp"
#include "model/diagnostic.hpp"

namespace {

const char* kTypes =
    R"x(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>)x";
const char* kStyles =
    R"x(<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Quote2"/></w:style><w:style w:type="paragraph" w:styleId="Quote2"><w:name w:val="q"/><w:basedOn w:val="Quote"/></w:style><w:style w:type="character" w:styleId="Del"><w:rPr><w:strike/></w:rPr><w:basedOn w:val="Ins"/></w:style><w:style w:type="character" w:styleId="Ins"><w:rPr><w:u w:val="single"/></w:rPr></w:style></w:styles>)x";
const char* kNumbering =
    R"x(<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)%9%1"/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="upperRoman"/><w:start w:val="3999"/><w:lvlText w:val="(%3)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="-5"/></w:lvlOverride></w:num></w:numbering>)x";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        if (!amend::docx::is_zip(bytes))
            bytes = amend::docx::write_zip({{"[Content_Types].xml", kTypes},
                                            {"word/document.xml", bytes},
                                            {"word/styles.xml", kStyles},
                                            {"word/numbering.xml", kNumbering}});
        amend::AmendmentDoc ad = amend::docx::read_docx_amendment(bytes, "fuzz.docx");
        amend::ReadResult rr = amend::interpret(ad);
        for (const auto& op : rr.ops)
            for (const auto& t : op.targets) (void)t.describe();
    } catch (const amend::InputError&) {
    }
    return 0;
}
