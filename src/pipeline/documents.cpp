#include "pipeline/documents.hpp"

#include <algorithm>

#include "diff/diff.hpp"
#include "pipeline/inputs.hpp"

namespace amend {

std::vector<Diagnostic> notices(const ApplyReport& r) {
    std::vector<Diagnostic> out;
    for (const auto* ds : {&r.warnings, &r.dangling, &r.skipped}) out.insert(out.end(), ds->begin(), ds->end());
    return out;
}

std::vector<std::string> notice_lines(const ApplyReport& r) {
    std::vector<std::string> out;
    for (const auto& d : notices(r)) out.push_back(format_headline(d));
    return out;
}

namespace {

// Whether a file's root element at or above the sections says it is of the D.C. Council's library.
bool declares_dc(const Provision& p) {
    if (auto ns = p.xml_attrs.get("xmlns"); ns && *ns == "https://code.dccouncil.us/schemas/dc-library") return true;
    if (p.kind == Kind::Section) return false;
    return std::any_of(p.children.begin(), p.children.end(), declares_dc);
}

}  // namespace

Jurisdiction jurisdiction_of(const Document& code) {
    return declares_dc(code.root) ? Jurisdiction::DC : Jurisdiction::General;
}

std::optional<Jurisdiction> jurisdiction_named(const std::string& name) {
    if (name == "dc") return Jurisdiction::DC;
    if (name == "general") return Jurisdiction::General;
    return std::nullopt;
}

namespace {

ApplySettings for_code(const Document& code, ApplySettings opt) {
    if (!opt.jurisdiction) opt.jurisdiction = jurisdiction_of(code);
    return opt;
}

}  // namespace

ApplyResult apply_file(const Document& code, const std::string& amendment_path, const ApplySettings& opt) {
    AmendmentDoc ad = read_amendment_file(amendment_path);
    return apply_document(copy_document(code), ad, for_code(code, opt));
}

ApplyResult apply_file(Document&& code, const std::string& amendment_path, const ApplySettings& opt) {
    return apply_amendments(std::move(code), read_amendment_file(amendment_path), opt);
}

ApplyResult apply_amendments(Document&& code, const AmendmentDoc& amendments, const ApplySettings& opt) {
    ApplySettings o = for_code(code, opt);
    return apply_document(std::move(code), amendments, o);
}

namespace draft {

Drafted draft_file(const Document& code, const std::string& amendment_path, const Style& style, OrdinanceFormat format,
                   const docx::WriteOptions& word) {
    AmendmentDoc ad = read_amendment_file(amendment_path);
    ApplyResult r = apply_document(copy_document(code), ad, for_code(code, ApplySettings{}));
    Drafted d;
    d.report = std::move(r.report);
    if (!d.report.ok()) return d;
    DraftInput in;
    in.title = d.report.title;
    in.meta = ad.meta;
    ChangeSet cs = diff_trees(code.root, r.amended.root);
    docx::WriteOptions wo = word;
    for (const auto& [k, v] : in.meta)
        if (wo.date.empty() && k == "date") wo.date = docx::iso_date(v);
    d.bytes = render_ordinance(build_ordinance(cs, in, style), style, format, wo);
    return d;
}

}  // namespace draft

}  // namespace amend
