// The D.C. Code's index (corpus/dc/code-index.tsv), built into the program so that applying a
// D.C. law to any section can name the Code's units and sections as the codifier does.
#include "model/code_index.hpp"

#ifndef AMEND_DC_INDEX_FILE
#error "AMEND_DC_INDEX_FILE must name corpus/dc/code-index.tsv"
#endif

// The file's bytes, between two symbols, then a NUL.
asm(".pushsection .rodata\n"
    ".balign 16\n"
    "amend_dc_index_begin:\n"
    ".incbin \"" AMEND_DC_INDEX_FILE "\"\n"
    "amend_dc_index_end:\n"
    ".byte 0\n"
    ".popsection\n");

extern "C" const char amend_dc_index_begin[];
extern "C" const char amend_dc_index_end[];

namespace amend {

const CodeIndex& CodeIndex::dc() {
    static const CodeIndex index = from_tsv(
        std::string_view(amend_dc_index_begin, static_cast<std::size_t>(amend_dc_index_end - amend_dc_index_begin)),
        "corpus/dc/code-index.tsv");
    return index;
}

}  // namespace amend
