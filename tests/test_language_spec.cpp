// The language spec (tests/spec/language.spec): a sentence in, the operations read out (every
// field that is set, as tests/golden-ops/ dumps them), or the exact errors and warnings.
// AMEND_REGENERATE=1 fills in the readings; read every one by eye before committing it.
#include <doctest/doctest.h>

#include <cstdlib>

#include "pipeline/inputs.hpp"
#include "parse/markdown.hpp"
#include "amend/ops.hpp"
#include "model/diagnostic.hpp"
#include "spec_reader.hpp"
#include "support.hpp"

using namespace amend;

TEST_CASE("language spec: every sentence shape, and every refusal, read to exact operations") {
    std::string path = test::source("tests/spec/language.spec");
    auto examples = test::read_spec(path);
    REQUIRE(examples.size() >= 15);
    std::string dir = test::scratch("language-spec");
    const char* regen = std::getenv("AMEND_REGENERATE");
    std::string spec = test::slurp(path);
    for (const auto& ex : examples) {
        CAPTURE(ex.title);
        CAPTURE(ex.line);
        REQUIRE(ex.parts.count("amendment"));
        REQUIRE(ex.parts.count("reading"));
        test::spit(dir + "/amend.md", ex.parts.at("amendment"));
        std::string got;
        try {
            got = dump_reading(interpret(read_amendment_file(dir + "/amend.md")), dir + "/");
        } catch (const InputError& e) {
            for (const auto& d : e.diagnostics()) got += format_headline(d) + "\n";
        }
        if (regen && std::string(regen) == "1") {
            // The example's reading part is rewritten in place.
            std::string head = "### " + ex.title + "\n";
            std::size_t at = spec.find(head);
            REQUIRE(at != std::string::npos);
            std::size_t r = spec.find("~~~ reading\n", at) + 12, e = spec.find("~~~ end", r);
            spec.replace(r, e - r, got);
            continue;
        }
        CHECK(got == ex.parts.at("reading"));
    }
    if (regen && std::string(regen) == "1") test::spit(path, spec);
}
