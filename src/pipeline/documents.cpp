#include "pipeline/documents.hpp"

#include "diff/diff.hpp"
#include "pipeline/inputs.hpp"

namespace amend {

ApplyResult apply_file(const Document& code, const std::string& amendment_path, const ApplyOptions2& opt) {
    return apply_document(code, read_amendment_file(amendment_path), opt);
}

namespace draft {

Drafted draft_file(const Document& code, const std::string& amendment_path, const Style& style, Format format) {
    AmendmentDoc ad = read_amendment_file(amendment_path);
    ApplyResult r = apply_document(code, ad, ApplyOptions2{});
    Drafted d;
    d.report = std::move(r.report);
    if (!d.report.ok()) return d;
    DraftInput in;
    in.title = d.report.title;
    in.meta = ad.meta;
    ChangeSet cs = diff_trees(code.root, r.amended.root);
    d.bytes = render_ordinance(build_ordinance(cs, in, style), style, format);
    return d;
}

}  // namespace draft

}  // namespace amend
