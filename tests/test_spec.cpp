// The amendment spec (tests/spec/amend.spec), in the style of cmark's spec.txt: each example is a
// base text, an amendment and the expected result — the code as amended, or the exact errors.
//
//   ### title
//   ~~~ code            the code, in the plain-text layout
//   ~~~ amendment       the amendment document (Markdown)
//   ~~~ expect          the amended code (every section), or
//   ~~~ errors          the error headlines, one a line ("amend.md:3:1: error: ..."), or
//   ~~~ warnings        (optional, after expect) the warnings and skipped notes, one a line
//   ~~~ options         (optional) "strict"
//   ~~~ end
#include <doctest/doctest.h>

#include <map>

#include "pipeline/documents.hpp"
#include "amend/apply.hpp"
#include "model/diagnostic.hpp"
#include "pipeline/inputs.hpp"
#include "parse/text_layout.hpp"
#include "spec_reader.hpp"
#include "support.hpp"

using namespace amend;

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
    return s;
}

}  // namespace

TEST_CASE("amendment spec: every operation and every failure, with exact results") {
    auto examples = test::read_spec(test::source("tests/spec/amend.spec"));
    REQUIRE(examples.size() >= 30);
    std::string dir = test::scratch("spec");
    for (const auto& ex : examples) {
        CAPTURE(ex.title);
        CAPTURE(ex.line);
        REQUIRE(ex.parts.count("code"));
        REQUIRE(ex.parts.count("amendment"));
        test::spit(dir + "/code.txt", ex.parts.at("code"));
        test::spit(dir + "/amend.md", ex.parts.at("amendment"));
        ApplySettings opt;
        std::string options = ex.parts.count("options") ? ex.parts.at("options") : "";
        opt.strict = options.find("strict") != std::string::npos;
        // The editor's brackets are the D.C. codifier's: a text code given D.C.'s conventions.
        if (options.find("jurisdiction dc") != std::string::npos) opt.jurisdiction = Jurisdiction::DC;
        std::string errors, warnings, got;
        try {
            Document code = load_code({dir + "/code.txt"});  // a code that cannot be read is an error too
            ApplyResult r = apply_file(code, dir + "/amend.md", opt);
            for (const auto& d : r.report.failures) errors += format_headline(d) + "\n";
            for (const auto* ds : {&r.report.warnings, &r.report.dangling, &r.report.skipped})
                for (const auto& d : *ds) warnings += format_headline(d) + "\n";
            if (r.report.ok()) got = write_text(r.amended, 0);
        } catch (const InputError& e) {
            for (const auto& d : e.diagnostics()) errors += format_headline(d) + "\n";
        }
        errors = replace_all(errors, dir + "/", "");
        warnings = replace_all(warnings, dir + "/", "");
        if (ex.parts.count("errors")) {
            CHECK(errors == ex.parts.at("errors"));
        } else {
            CHECK(errors == "");
            CHECK(got == ex.parts.at("expect"));
            CHECK(warnings == (ex.parts.count("warnings") ? ex.parts.at("warnings") : ""));
        }
    }
}
