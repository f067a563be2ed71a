// The layering of src/ (src/LAYERS) checked against every #include of the sources: an include
// that breaks the table fails here, unless src/LAYERS lists it as an exception still to remove;
// a listed exception that no longer occurs fails too, so the list only shrinks.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <boost/regex.hpp>

#include "model/diagnostic.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

struct Layers {
    std::map<std::string, std::set<std::string>> allowed;          // module -> modules it may include
    std::set<std::pair<std::string, std::string>> exceptions;      // (file, module)
};

Layers read_layers(const std::string& path) {
    Layers l;
    std::istringstream in(test::slurp(path));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string head, w;
        words >> head;
        if (head == "except:") {
            std::string file, mod;
            words >> file >> mod;
            l.exceptions.emplace(file, mod);
            continue;
        }
        REQUIRE_MESSAGE(head.size() > 1, "src/LAYERS: bad line: " << line);
        REQUIRE_MESSAGE(head.back() == ':', "src/LAYERS: bad line: " << line);
        head.pop_back();
        auto& set = l.allowed[head];
        while (words >> w) set.insert(w);
    }
    return l;
}

// The module a path under src/ belongs to: its first folder.
std::string module_of(const std::string& rel) { return rel.substr(0, rel.find('/')); }

// Every quoted include of a source file, as (line, path under src/).
std::vector<std::pair<int, std::string>> includes_of(const std::string& path) {
    std::vector<std::pair<int, std::string>> out;
    std::istringstream in(test::slurp(path));
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        std::size_t k = line.find_first_not_of(" \t");
        if (k == std::string::npos || line.compare(k, 8, "#include") != 0) continue;
        std::size_t q = line.find('"', k);
        if (q == std::string::npos) continue;
        std::size_t end = line.find('"', q + 1);
        std::string inc = line.substr(q + 1, end - q - 1);
        if (inc.find('/') != std::string::npos) out.emplace_back(n, inc);
    }
    return out;
}

}  // namespace

TEST_CASE("layering: every include of src/ follows src/LAYERS") {
    const std::string src = test::source("src");
    Layers l = read_layers(src + "/LAYERS");

    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        std::string ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".cpp" || ext == ".hpp")) files.push_back(fs::relative(e.path(), src).string());
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() > 50);

    // Each file, with every header it reaches through includes: a module sees the modules of all of
    // them, so a header of a module below must not reach past what the including module may see.
    std::set<std::pair<std::string, std::string>> seen;
    std::vector<std::string> broken;
    for (const auto& rel : files) {
        std::string m = module_of(rel);
        REQUIRE_MESSAGE(l.allowed.count(m), "src/" << rel << ": module " << m << " is not in src/LAYERS");
        std::set<std::string> visited{rel};
        std::vector<std::string> todo{rel};
        while (!todo.empty()) {
            std::string f = todo.back();
            todo.pop_back();
            for (const auto& [line, inc] : includes_of(src + "/" + f)) {
                std::string to = module_of(inc);
                if (to != m && !l.allowed.at(m).count(to)) {
                    std::pair<std::string, std::string> key{"src/" + rel, to};
                    if (l.exceptions.count(key)) seen.insert(key);
                    else broken.push_back("src/" + f + ":" + std::to_string(line) + ": " + m + " may not include " + inc +
                                          (f == rel ? std::string() : " (reached from src/" + rel + ")"));
                }
                if (fs::exists(src + "/" + inc) && visited.insert(inc).second) todo.push_back(inc);
            }
        }
    }
    std::sort(broken.begin(), broken.end());
    broken.erase(std::unique(broken.begin(), broken.end()), broken.end());
    for (const auto& b : broken) FAIL_CHECK(b);
    for (const auto& e : l.exceptions)
        CHECK_MESSAGE(seen.count(e), "src/LAYERS lists " << e.first << " -> " << e.second
                                                         << ", which no longer occurs: remove the line");
}

TEST_CASE("diagnostic codes: every code the sources give is in the one table, and every code there is given") {
    const boost::regex code(R"re("((?:amend|parse|xml|docx|io|input|provenance)\.[a-z0-9-]+|index\.(?:folder|line))")re");
    std::set<std::string> given;
    for (const auto& e : std::filesystem::recursive_directory_iterator(test::source("src"))) {
        if (!e.is_regular_file()) continue;
        std::string text = test::slurp(e.path().string());
        std::size_t table_at = text.find("std::vector<DiagnosticCode> table = {");
        if (table_at != std::string::npos) text.erase(table_at, text.find("};", table_at) - table_at);  // the table itself
        for (boost::sregex_iterator it(text.begin(), text.end(), code), end; it != end; ++it) given.insert((*it)[1]);
    }
    std::set<std::string> table;
    for (const auto& c : amend::diagnostic_codes()) {
        CHECK_MESSAGE(table.insert(c.code).second, "listed twice: " << c.code);
        CHECK(std::string(c.meaning).size() > 10);
    }
    for (const auto& c : given) CHECK_MESSAGE(table.count(c), "not in the table: " << c);
    for (const auto& c : table) CHECK_MESSAGE(given.count(c), "in the table, given nowhere: " << c);
    CHECK(given.size() >= 60);
}

TEST_CASE("layering: each third-party library is included by its one adapter only") {
    // The library's header, and the files allowed to include it: one adapter per library and
    // module (cmark reads amendment documents in amend and builds output documents in render).
    const std::map<std::string, std::set<std::string>> adapters = {
        {"boost/regex.hpp", {"parse/regex.hpp"}},
        {"pugixml.hpp", {"parse/xml.hpp"}},
        {"cmark.h", {"parse/markdown.cpp", "render/doc.cpp"}},
        {"zip.h", {"docx/zip.cpp"}},
        {"dtl/dtl.hpp", {"diff/word_diff.cpp"}},
        {"CLI/CLI.hpp", {"cli/main.cpp"}},
        {"nlohmann/json.hpp", {}},  // JSON is written by render/json.hpp, amend's one JSON writer
    };
    const std::string src = test::source("src");
    std::map<std::string, std::set<std::string>> found;
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        std::string ext = e.path().extension().string();
        if (!e.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
        std::string rel = fs::relative(e.path(), src).string();
        std::istringstream in(test::slurp(e.path().string()));
        std::string line;
        while (std::getline(in, line)) {
            std::size_t k = line.find_first_not_of(" \t");
            if (k == std::string::npos || line.compare(k, 8, "#include") != 0) continue;
            std::size_t a = line.find('<', k), b = line.find('>', k);
            if (a == std::string::npos || b == std::string::npos) continue;
            std::string h = line.substr(a + 1, b - a - 1);
            if (adapters.count(h)) found[h].insert(rel);
            // Another header of a library kept in its own folder (<boost/...>, <dtl/...>) counts too.
            for (const auto& [lib, _] : adapters) {
                std::size_t slash = lib.find('/');
                if (h != lib && slash != std::string::npos && h.compare(0, slash + 1, lib, 0, slash + 1) == 0)
                    found[lib].insert(rel);
            }
        }
    }
    for (const auto& [lib, files] : adapters) {
        CHECK_MESSAGE(found[lib] == files, lib << " is included by " << [&] {
            std::string s;
            for (const auto& f : found[lib]) s += " src/" + f;
            return s;
        }());
    }
    // cmark's node type stays inside the adapters: the others hold render::Node handles.
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        if (!e.is_regular_file()) continue;
        std::string rel = fs::relative(e.path(), src).string();
        if (rel == "render/doc.hpp" || rel == "render/doc.cpp" || rel == "parse/markdown.cpp") continue;
        CHECK_MESSAGE(test::slurp(e.path().string()).find("cmark") == std::string::npos, "src/" << rel << " names cmark");
    }
}
