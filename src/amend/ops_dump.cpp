// A stable text dump of what interpret() read: one line per operation, every field that is set.
// The golden files of tests/golden-ops/ hold these, so that a change of the reader shows as a
// difference of its readings.
#include <sstream>

#include "amend/ops.hpp"

namespace amend {

namespace {

std::string q(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string strip(const std::string& file, const std::string& base) {
    if (!base.empty() && file.rfind(base, 0) == 0) return file.substr(base.size());
    return file;
}

void blocks_of(const std::vector<Provision>& bs, std::string& out) {
    bool first = true;
    for (const auto& b : bs) {
        if (!first) out += ' ';
        first = false;
        if (b.kind == Kind::Text) out += "text";
        else out += std::string(kind_name(b.kind)) + (b.designation.empty() ? "" : " " + b.designation);
        if (!b.children.empty()) {
            out += '[';
            blocks_of(b.children, out);
            out += ']';
        }
    }
}

std::string target_of(const TargetRef& t) {
    std::string s = t.section.empty() ? "-" : t.section;
    for (const auto& d : t.path) s += "(" + d + ")";
    if (!t.term.empty()) s += " term=" + q(t.term);
    if (t.part == TargetRef::Part::Heading) s += " heading";
    if (t.part == TargetRef::Part::Text) s += " lead-in";
    if (t.section_is_law_number) s += " law-number";
    if (t.ordinal) s += " ordinal=" + std::to_string(t.ordinal);
    if (t.sentence) s += " sentence=" + std::to_string(t.sentence);
    if (t.table) s += " table=" + std::to_string(t.table_ordinal);
    if (t.uncodified) s += " uncodified";
    if (!t.law.empty()) s += " law=" + t.law;
    if (!t.law_section.empty()) s += " law-section=" + t.law_section;
    if (t.kind_depth) s += " depth=" + std::to_string(t.kind_depth);
    if (t.relative) s += " relative";
    if (t.container_only) s += " container";
    if (t.cites_code) s += " cites-code";
    if (!t.et_seq.empty()) s += " et-seq=" + t.et_seq;
    if (t.scope_known) s += " scope=" + q(t.scope_prefix);
    if (!t.title.empty()) s += " title=" + t.title;
    return s;
}

}  // namespace

std::string dump_reading(const ReadResult& r, const std::string& base) {
    std::ostringstream os;
    for (const auto& op : r.ops) {
        os << strip(op.file, base) << ':' << op.line << ':' << op.col << ' ' << op_name(op.type) << " {";
        for (std::size_t i = 0; i < op.targets.size(); ++i) os << (i ? "; " : "") << target_of(op.targets[i]);
        os << '}';
        if (!op.find.empty()) os << " find=" << q(op.find);
        if (!op.replace.empty()) os << " replace=" << q(op.replace);
        if (!op.anchor.empty()) os << " anchor=" << q(op.anchor);
        if (!op.find_kind.empty()) os << " as=" << op.find_kind;
        if (op.each) os << " each";
        if (op.expect_count) os << " count=" << op.expect_count;
        if (op.occurrence) os << " occurrence=" << op.occurrence;
        if (op.at_end) os << " at-end";
        if (op.in_heading) os << " in-heading";
        if (op.in_table) os << " in-table";
        if (op.table_ordinal) os << " table=" << op.table_ordinal;
        if (op.table_restated) os << " restated";
        if (!op.new_designations.empty()) {
            os << " new=";
            for (std::size_t i = 0; i < op.new_designations.size(); ++i)
                os << (i ? "," : "") << op.new_designations[i]
                   << (i < op.new_depths.size() && op.new_depths[i] ? "@" + std::to_string(op.new_depths[i]) : "");
        }
        if (!op.add_kind_word.empty()) os << " kind=" << q(op.add_kind_word);
        if (op.after) os << " after=" << q(*op.after);
        if (!op.stated_after.empty()) os << " stated-after=" << q(op.stated_after);
        if (!op.stated_before.empty()) os << " stated-before=" << q(op.stated_before);
        if (op.into_parent) os << " into-parent";
        if (!op.blocks.empty()) {
            std::string b;
            blocks_of(op.blocks, b);
            os << " blocks=[" << b << ']';
        }
        if (!op.law_unit.empty()) os << " unit=" << q(op.law_unit);
        os << '\n';
    }
    for (const auto& e : r.errors)
        os << strip(e.file, base) << ':' << e.line << ':' << e.col << " error: " << e.message << " [" << e.code << "]\n";
    for (const auto& w : r.warnings)
        os << strip(w.file, base) << ':' << w.line << ':' << w.col << " warning: " << w.message << " [" << w.code << "]\n";
    return os.str();
}

}  // namespace amend
