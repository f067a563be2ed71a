#include "parse/dc_index.hpp"

#include <algorithm>
#include <filesystem>

#include "model/diagnostic.hpp"
#include "parse/dc_xml_node.hpp"
#include "parse/xml.hpp"

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

void add_dc_title_index(CodeIndex& ix, const std::string& bytes, const std::string& path) {
    pugi::xml_document d;
    load_xml(d, bytes, path, LineIndex(bytes));
    pugi::xml_node top = d.document_element();
    if (std::string(top.name()) == "container") walk(ix, top, -1);
}

}  // namespace amend
