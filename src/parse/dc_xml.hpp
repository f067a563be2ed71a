// D.C. Code XML (https://code.dccouncil.us/schemas/dc-library): one <section> per file, with
// num, heading, text, para (nested), aftertext, cite and annotations.
#pragma once

#include <string>

#include "model/provision.hpp"

namespace amend {

// Reads one section file into `doc` (appended to doc.root). Throws InputError on malformed XML,
// a root other than <section>, or invalid UTF-8.
void read_dc_xml(const std::string& bytes, const std::string& path, Document& doc);

// Reads rich text (mixed content) from a serialized element's inner XML; used for quoted text.
// Writes a section (or any provision read from D.C. XML) back as XML, keeping every character of
// text content, every attribute and every unknown element.
std::string write_dc_xml(const Provision& section);

// XML escaping for text and attribute values.
std::string xml_escape(std::string_view s, bool attribute = false);

}  // namespace amend
