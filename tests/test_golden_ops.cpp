// The reading of the drafting language, held still: every operation interpret() reads from the
// examples of tests/spec/amend.spec, from amendments/*.md and from every instruction.xml of the
// D.C. dev cases, dumped with every field that is set (tests/golden-ops/*.txt). A change of the
// reader shows here as a difference of its readings. AMEND_REGENERATE=1 rewrites the files; read
// the difference before committing it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "pipeline/inputs.hpp"
#include "parse/markdown.hpp"
#include "amend/ops.hpp"
#include "model/diagnostic.hpp"
#include "spec_reader.hpp"
#include "support.hpp"

using namespace amend;

namespace {

// The dump of one amendment file, or the error that stopped it being read.
std::string reading_of(const std::string& file, const std::string& base) {
    try {
        return dump_reading(interpret(read_amendment_file(file)), base);
    } catch (const InputError& e) {
        std::string out;
        for (const auto& d : e.diagnostics()) {
            Diagnostic c = d;
            if (c.file.rfind(base, 0) == 0) c.file = c.file.substr(base.size());
            out += format_headline(c) + "\n";
        }
        return out;
    }
}

void compare(const std::string& name, const std::string& got) {
    std::string path = test::source("tests/golden-ops/" + name);
    const char* regen = std::getenv("AMEND_REGENERATE");
    if (regen && std::string(regen) == "1") test::spit(path, got);
    REQUIRE(std::filesystem::exists(path));
    std::string want = test::slurp(path);
    if (got == want) {
        CHECK(true);
        return;
    }
    // The first line that differs, for a readable failure.
    std::size_t i = 0, line = 1;
    while (i < got.size() && i < want.size() && got[i] == want[i]) {
        if (got[i] == '\n') ++line;
        ++i;
    }
    auto line_at = [](const std::string& s, std::size_t at) {
        std::size_t b = s.rfind('\n', at == 0 ? 0 : at - 1);
        b = b == std::string::npos ? 0 : b + 1;
        return s.substr(b, s.find('\n', at) - b);
    };
    CAPTURE(line);
    CHECK(line_at(got, i) == line_at(want, i));
    CHECK(got == want);
}

}  // namespace

TEST_CASE("golden ops: the reading of every example of the amendment spec") {
    std::string dir = test::scratch("golden-ops-spec");
    std::string out;
    for (const auto& ex : test::read_spec(test::source("tests/spec/amend.spec"))) {
        REQUIRE(ex.parts.count("amendment"));
        test::spit(dir + "/amend.md", ex.parts.at("amendment"));
        out += "### " + ex.title + "\n" + reading_of(dir + "/amend.md", dir + "/");
    }
    compare("amend-spec.txt", out);
}

TEST_CASE("golden ops: the reading of amendments/*.md") {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(test::source("amendments")))
        if (e.path().extension() == ".md" && e.path().filename() != "README.md") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    REQUIRE(!files.empty());
    std::string out;
    for (const auto& f : files) out += "### " + std::filesystem::path(f).filename().string() + "\n" + reading_of(f, test::source(""));
    compare("amendments.txt", out);
}

TEST_CASE("golden ops: the reading of every instruction of the D.C. dev cases") {
    test::DcCases dc = test::dc_cases("dc-cases-dev");
    REQUIRE(!dc.dir.empty());
    const std::string& dir = dc.dir;
    const std::vector<std::string>& cases = dc.ids;
    REQUIRE(cases.size() == 1445);
    std::string out;
    for (const auto& c : cases) out += "### " + c + "\n" + reading_of(dir + "/" + c + "/instruction.xml", dir + "/");
    compare("dc-cases-dev.txt", out);
}
