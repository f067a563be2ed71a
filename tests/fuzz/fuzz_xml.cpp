// The D.C. Code XML reader: read, write back as XML and as text, and read what was written.
#include "fuzz_common.hpp"
#include "model/diagnostic.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    amend::Document doc;
    try {
        amend::read_dc_xml(bytes, "fuzz.xml", doc);
    } catch (const amend::InputError&) {
        return 0;
    }
    (void)amend::write_text(doc);
    for (const auto* s : amend::sections_of(doc.root)) {
        std::string xml = amend::write_dc_xml(*s);
        amend::Document again;
        try {
            amend::read_dc_xml(xml, "written.xml", again);
        } catch (const amend::InputError&) {
            // Writing produced XML it cannot read back: worth a look, but malformed input such as
            // an invalid name may legitimately stay unreadable. Not treated as a crash.
        }
    }
    return 0;
}
