// The main job: the Welcoming City amendments applied to the Chicago corpus, written to output/.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> files_under(const std::string& dir) {
    std::vector<std::string> out;
    for (auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out.push_back(fs::relative(e.path(), dir).string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("main job: the Welcoming City amendments apply, and output/ is what they generate, byte for byte") {
    std::string dir = test::scratch("main-job");
    auto r = test::amend("apply " + test::source("corpus/chicago") + " --amendments " +
                         test::source("amendments/welcoming-city-2016.md") + " -o " + dir + "/out");
    REQUIRE(r.rc == 0);
    std::string c042 = test::slurp(dir + "/out/consolidated/2-173-042.txt");
    CHECK(c042.find("\n   (c)") == std::string::npos);
    CHECK(c042.find("subsection (c)") == std::string::npos);
    CHECK(c042.find("   (a)   No agency or agent shall:\n") != std::string::npos);
    std::string c045 = test::slurp(dir + "/out/consolidated/2-173-045.txt");
    CHECK(c045.rfind("2-173-045 Threats of deportation prohibited", 0) == 0);
    std::string c57 = test::slurp(dir + "/out/consolidated/2-57-010.txt");
    CHECK(c57.find("\"Coercion\" means the use of express or implied threats of violence, or verbal threats related to a person's immigration status, that put") !=
          std::string::npos);
    // The generated site in the repository is exactly what the tool writes now (the command in
    // the README writes it relative to the source folder, as here).
    std::string committed = test::source("output");
    auto want = files_under(dir + "/out");
    auto have = files_under(committed);
    have.erase(std::remove(have.begin(), have.end(), "README.md"), have.end());  // output/'s own note
    CHECK(have == want);
    for (const auto& f : want) {
        CAPTURE(f);
        CHECK(test::slurp(committed + "/" + f) == test::slurp(dir + "/out/" + f));
    }
}

TEST_CASE("apply is a transaction: one failing instruction among ten writes nothing") {
    std::string dir = test::scratch("transaction");
    test::spit(dir + "/amend.md",
               "# Ten instructions, one bad\n\n"
               "1. In Section 2-173-042(a)(1), strike \"arrest,\" and insert \"stop,\".\n"
               "2. In Section 2-173-042(a)(2), strike \"arrest,\" and insert \"stop,\".\n"
               "3. In Section 2-173-042(a)(3), strike \"immigration detainer\" and insert \"detainer\" each place it appears.\n"
               "4. In Section 2-173-042(b)(1)(A), strike \"permit\" and insert \"allow\".\n"
               "5. In Section 2-173-042(b)(1)(B), strike \"permit\" and insert \"allow\".\n"
               "6. In Section 2-173-042(b)(2), strike \"authorized\" and insert \"permitted\".\n"
               "7. In Section 2-173-042(c)(1), strike \"outstanding\" and insert \"open\".\n"
               "8. In Section 2-173-042(c)(9), strike \"felony\" and insert \"crime\".\n"
               "9. In Section 2-173-042(c)(3), strike \"pending\" and insert \"open\".\n"
               "10. In Section 2-173-042(c)(4), strike \"gang\" and insert \"group\".\n");
    auto r = test::amend("apply " + test::source("corpus/chicago/mcc-2-173-042-2012.txt") + " --amendments " + dir +
                         "/amend.md -o " + dir + "/out");
    CHECK(r.rc == 2);
    CHECK(!fs::exists(dir + "/out"));
    CHECK(r.err == dir + "/amend.md:10:1: error: no provision 2-173-042(c)(9) in the code given; nearest: 2-173-042(c)(4), 2-173-042(c)(3), 2-173-042(c)(2) [amend.target]\n"
                         "amend: 1 instruction(s) failed; nothing was written\n");
}

TEST_CASE("an output folder that overlaps an input is refused") {
    auto r = test::amend("apply " + test::source("corpus/chicago") + " --amendments " +
                         test::source("amendments/welcoming-city-2016.md") + " -o " + test::source("corpus/chicago/out"));
    CHECK(r.rc == 2);
    CHECK(r.err == "amend: error: the output folder " + test::source("corpus/chicago/out") + " overlaps the input " +
                       test::source("corpus/chicago") + "; choose another folder\n");
}
