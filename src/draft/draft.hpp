// The ordinance's bytes in a format.
#pragma once

#include <string>

#include "draft/ordinance.hpp"

namespace amend::draft {

enum class Format { Markdown, Html, Text };

std::string render_ordinance(const Ordinance& o, const Style& style, Format format);

}  // namespace amend::draft
