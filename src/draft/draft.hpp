// The ordinance's bytes in a format.
#pragma once

#include <string>

#include "draft/ordinance.hpp"

namespace amend::draft {

enum class OrdinanceFormat { Markdown, Html, Text, Docx };

std::string render_ordinance(const Ordinance& o, const Style& style, OrdinanceFormat format, const docx::WriteOptions& word = {});

}  // namespace amend::draft
