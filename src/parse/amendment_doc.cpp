#include "parse/amendment_doc.hpp"

#include "model/text.hpp"

namespace amend {

bool ordinance_section_clause(const std::string& text, std::size_t& dot) {
    // Chicago's "SECTION 1." and Philadelphia's "Section 1.": a number alone before the period
    // (never a code's section number, "Section 2-173-042 is ...").
    static const std::string sec = "SECTION ";
    dot = text.find('.');
    bool word = text.compare(0, sec.size(), sec) == 0 || text.compare(0, sec.size(), "Section ") == 0;
    return word && dot != std::string::npos && dot < 16 && dot > sec.size() && text.find_first_not_of("0123456789", sec.size()) == dot;
}

InstructionItem ordinance_section_item(const std::string& text, std::size_t dot, const std::string& file, int line, int col) {
    InstructionItem it;
    it.file = file;
    it.line = line;
    it.col = col;
    it.designation = text.substr(0, dot + 1);
    it.text = trim_blanks(text.substr(dot + 1));
    return it;
}

bool after_ordinance_section(const AmendmentDoc& doc) {
    if (doc.items.empty()) return false;
    const std::string& d = doc.items.back().designation;
    return d.rfind("SECTION ", 0) == 0 || d.rfind("Section ", 0) == 0;
}

std::optional<std::pair<std::string, std::string>> metadata_line(const std::string& line) {
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) return std::nullopt;
    std::string key = trim_blanks(line.substr(0, colon));
    if (key.empty() || key.size() >= 40 || key.find_first_of(" \t") != std::string::npos) return std::nullopt;
    return std::make_pair(key, trim_blanks(line.substr(colon + 1)));
}

}  // namespace amend
