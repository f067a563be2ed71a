#include "parse/dc_index.hpp"

#include <algorithm>
#include <filesystem>
#include <pugixml.hpp>

#include "model/diagnostic.hpp"
#include "parse/dc_xml_node.hpp"
#include "parse/load.hpp"

namespace amend {

namespace fs = std::filesystem;

namespace {

// A title's containers become units; each xi:include of a section file, a section of the
// innermost one ("./sections/28~3-604.xml" is § 28:3-604).
void walk(CodeIndex& ix, const pugi::xml_node& node, int parent) {
    int me = static_cast<int>(ix.units.size());
    ix.units.push_back({node.child_value("prefix"), node.child_value("num"), parent});
    for (auto c : node.children()) {
        std::string name = c.name();
        if (name == "container") {
            walk(ix, c, me);
        } else if (name == "xi:include") {
            // "38-2903(Perm).xml": title 99 keeps the permanent version of a section in force as
            // temporary law; the section is indexed where it stands.
            std::string href = c.attribute("href").value();
            if (href.find('(') != std::string::npos) continue;
            std::string number = fs::path(href).stem().string();
            std::replace(number.begin(), number.end(), '~', ':');
            ix.sections.emplace_back(std::move(number), me);
        }
    }
}

}  // namespace

CodeIndex build_dc_index(const std::string& dir) {
    fs::path root(dir);
    for (const char* below : {"us/dc/council/code", "code"})
        if (!fs::exists(root / "titles") && fs::exists(root / below / "titles")) root /= below;
    if (!fs::is_directory(root / "titles"))
        throw InputError(Diagnostic{dir, 0, 0, "expected a D.C. Code folder holding titles/<T>/index.xml", "index.folder", {}});
    std::vector<fs::path> titles;
    for (const auto& e : fs::directory_iterator(root / "titles"))
        if (fs::exists(e.path() / "index.xml")) titles.push_back(e.path() / "index.xml");
    // Title order 1, 2, ..., 28A, ...: the index is the same bytes on every machine.
    std::sort(titles.begin(), titles.end(), [](const fs::path& a, const fs::path& b) {
        std::string x = a.parent_path().filename().string(), y = b.parent_path().filename().string();
        long nx = std::strtol(x.c_str(), nullptr, 10), ny = std::strtol(y.c_str(), nullptr, 10);
        return nx != ny ? nx < ny : x < y;
    });
    CodeIndex ix;
    for (const auto& t : titles) {
        pugi::xml_document d;
        std::string bytes = read_file(t.string());
        load_xml(d, bytes, t.string(), LineIndex(bytes));
        pugi::xml_node top = d.document_element();
        if (std::string(top.name()) == "container") walk(ix, top, -1);
    }
    ix.finish();
    return ix;
}

}  // namespace amend
