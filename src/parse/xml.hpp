// The one adapter to pugixml: every parse of bytes into an XML document and every print of a
// document or node back to text is here. The rest of the sources only build and walk pugixml's
// nodes (pugi::xml_document, pugi::xml_node and their kin), which this header brings in.
#pragma once

#include <pugixml.hpp>

#include <string>

#include "model/diagnostic.hpp"

namespace amend {

// How a buffer is read: pugixml's parse flags and encoding, by name.
struct XmlOptions {
    // Text nodes of white space only: dropped (pugixml's default), kept everywhere (the mixed
    // content of law), or kept where such a node is its element's only child (Word's <w:t> </w:t>).
    enum class Blanks { Drop, Keep, KeepIfOnlyChild };
    // The bytes' encoding: UTF-8, or found from a byte-order mark or the XML declaration.
    enum class Encoding { Utf8, Detect };
    Blanks blanks = Blanks::Drop;
    Encoding encoding = Encoding::Utf8;
};

// How a load reports malformed XML: an InputError naming `path`, with `code`. With `lines`, at the
// error's line:col with its source line; without, at no position. It says `what`, or when that is
// empty "malformed XML: " and pugixml's description of the error.
struct XmlErrors {
    std::string path;
    std::string code;
    const LineIndex* lines = nullptr;
    std::string what;
};

// Parses `bytes` into `x` as `o` says; throws InputError as `e` says on malformed XML.
void load_xml(pugi::xml_document& x, const std::string& bytes, const XmlOptions& o, const XmlErrors& e);

// The law's XML (D.C. Code sections and titles, laws, instructions): `bytes` UTF-8 checked, white
// space kept in mixed content; throws InputError [xml.syntax] at path:line:col on malformed XML.
void load_xml(pugi::xml_document& x, const std::string& bytes, const std::string& path, const LineIndex& lines);

// Parses `bytes` into `x` as `o` says and throws nothing: false on malformed XML (for what is
// read only when it is sound).
bool try_load_xml(pugi::xml_document& x, const std::string& bytes, const XmlOptions& o);

// A document as text: raw (no indentation, no line breaks added), UTF-8, and led by pugixml's
// <?xml version="1.0"?> when the document has no declaration of its own.
std::string xml_document_text(const pugi::xml_document& d);

// A node and everything under it as text: raw, UTF-8.
std::string xml_node_text(const pugi::xml_node& n);

}  // namespace amend
