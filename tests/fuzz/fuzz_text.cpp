// The plain-text reader: read, then write back (a text input must come back byte for byte, the
// README's promise: a difference aborts) and write as XML.
#include <cstdio>
#include <cstdlib>

#include "fuzz_common.hpp"
#include "model/diagnostic.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    amend::Document doc;
    try {
        amend::read_text(bytes, "fuzz.txt", doc);
    } catch (const amend::InputError&) {
        return 0;
    }
    std::string back = amend::write_text(doc, 0);
    if (back != bytes) {
        std::size_t i = 0;
        while (i < bytes.size() && i < back.size() && bytes[i] == back[i]) ++i;
        std::fprintf(stderr, "round trip differs at byte %zu: %zu bytes read, %zu written\nread:    %s\nwritten: %s\n", i,
                     bytes.size(), back.size(), bytes.substr(i > 20 ? i - 20 : 0, 60).c_str(),
                     back.substr(i > 20 ? i - 20 : 0, 60).c_str());
        std::abort();
    }
    for (const auto* s : amend::sections_of(doc.root)) (void)amend::write_dc_xml(*s);
    try {
        (void)amend::read_text_fragment(bytes, "fuzz.md", 1);
    } catch (const amend::InputError&) {
    }
    return 0;
}
