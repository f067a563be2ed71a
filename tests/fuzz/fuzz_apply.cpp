// Apply: a code and an amendment document from one input, split on "\n%%%%\n". The code is D.C.
// XML when it starts with '<', else the plain-text layout; the amendment is a D.C. instruction when
// it starts with '<', else Markdown. On success the site and the consolidated text are rendered.
#include "amend/apply.hpp"
#include "parse/markdown.hpp"
#include "diff/diff.hpp"
#include "fuzz_common.hpp"
#include "model/diagnostic.hpp"
#include "parse/dc_instruction.hpp"
#include "render/render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto [code_bytes, amendment_bytes] = fuzz::split2(data, size);
    try {
        amend::Document code;
        fuzz::read_code(code_bytes, "code", code);
        amend::AmendmentDoc ad = (!amendment_bytes.empty() && amendment_bytes[0] == '<')
                                     ? amend::read_dc_instruction(amendment_bytes, "instruction.xml")
                                     : amend::read_markdown_amendment(amendment_bytes, "fuzz.md");
        amend::ReadResult rr = amend::interpret(ad);
        if (!rr.errors.empty()) return 0;
        amend::Document amended = code;
        amend::ApplySettings opt;
        opt.default_section = ad.default_section;
        amend::ApplyReport rep = amend::apply_ops(amended, rr.ops, opt);
        if (!rep.ok()) return 0;
        amend::ChangeSet cs = amend::diff_trees(code.root, amended.root);
        amend::SiteInfo info;
        info.title = ad.title;
        info.warnings = rep.warnings;
        (void)amend::render_site(cs, info);
        for (const auto* s : amend::sections_of(amended.root)) {
            if (s->span.file < amended.files.size() && amended.files[s->span.file].format == amend::FileFacts::Format::DcXml)
                (void)amend::write_dc_xml(*s);
            else
                (void)amend::write_text_provision(*s, 0);
        }
    } catch (const amend::InputError&) {
    }
    return 0;
}
