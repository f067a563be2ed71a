#include "amend/heading_added.hpp"

#include <algorithm>

#include "parse/regex.hpp"

namespace amend {

std::optional<HeadingRestated> heading_added_as_restated(const InstructionItem& it, const std::string& sentence, const std::string& raw,
                                                         const TargetRef& target, const std::vector<Provision>& quoted) {
    static const rx::Regex added(R"(^an?\s+(?:new\s+)?section\s+heading\s+is\s+added\s+to\s+read\s+as\s+follows$)", rx::icase);
    if (target.uncodified || !target.path.empty() || target.section.empty() || !rx::match(sentence, added)) return std::nullopt;
    if (quoted.size() != 1) return std::nullopt;
    const Provision& s = quoted[0];
    bool heading_alone = s.kind == Kind::Section && !s.heading.empty() && s.text.empty() &&
                         std::all_of(s.children.begin(), s.children.end(), [](const Provision& c) { return c.kind == Kind::History; });
    if (!heading_alone) return std::nullopt;
    HeadingRestated r{it, Diagnostic{it.file, it.line, it.col,
                                     "read \"" + raw + "\" as the section heading restated: the Code gives the section a heading, "
                                     "which the law's takes the place of",
                                     "amend.typo", "", Severity::Warning}};
    r.item.text = "The section heading is amended to read as follows:";
    return r;
}

}  // namespace amend
