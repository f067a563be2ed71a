// The amendment readers (Markdown; D.C. instruction XML when the input starts with '<'), then the
// drafting-language interpreter.
#include "parse/markdown.hpp"
#include "amend/ops.hpp"
#include "fuzz_common.hpp"
#include "model/diagnostic.hpp"
#include "parse/dc_instruction.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        amend::AmendmentDoc ad = (!bytes.empty() && bytes[0] == '<')
                                     ? amend::read_dc_instruction(bytes, "instruction.xml")
                                     : amend::read_markdown_amendment(bytes, "fuzz.md");
        amend::ReadResult rr = amend::interpret(ad);
        for (const auto& op : rr.ops)
            for (const auto& t : op.targets) (void)t.describe();
    } catch (const amend::InputError&) {
    }
    return 0;
}
