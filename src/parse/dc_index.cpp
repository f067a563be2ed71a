#include "parse/dc_index.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <pugixml.hpp>

#include "model/diagnostic.hpp"
#include "model/parallel.hpp"
#include "parse/load.hpp"

namespace amend {

namespace fs = std::filesystem;

namespace {

void inner_text(const pugi::xml_node& n, std::string& out) {
    for (auto c : n.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
        else if (c.type() == pugi::node_element) inner_text(c, out);
    }
}

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// "3", "1028f", "102", "6-1" from the start of s; empty when s does not start with a digit.
std::string law_section_token(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && digit(s[i])) ++i;
    if (i == 0) return {};
    if (i < s.size() && std::islower(static_cast<unsigned char>(s[i])) && (i + 1 == s.size() || !std::isalpha(static_cast<unsigned char>(s[i + 1]))))
        ++i;
    return std::string(s.substr(0, i));
}

void parse_error(const std::string& path, const pugi::xml_parse_result& r) {
    throw InputError(Diagnostic{path, 0, 0, std::string("expected well-formed XML: ") + r.description(), "xml.malformed", {}});
}

struct Walk {
    CodeIndex& ix;
    std::vector<std::string> files;  // the section files, in the Code's order
    std::vector<int> file_unit;

    void container(const pugi::xml_node& node, const fs::path& folder, int parent) {
        int me = static_cast<int>(ix.units.size());
        ix.units.push_back({node.child_value("prefix"), node.child_value("num"), parent, 0, 0});
        for (auto c : node.children()) {
            std::string name = c.name();
            if (name == "container") {
                container(c, folder, me);
            } else if (name == "xi:include") {
                // "38-2903(Perm).xml": the permanent version of a section in force as temporary
                // law (title 99); its law and number are the section's own.
                if (std::string_view(c.attribute("href").value()).find('(') != std::string_view::npos) continue;
                files.push_back((folder / c.attribute("href").value()).lexically_normal().string());
                file_unit.push_back(me);
            }
        }
    }
};

}  // namespace

std::vector<std::string> history_law_sections(const std::string& text, const std::string& doc, const std::string& path) {
    std::vector<std::string> out;
    if (text.empty()) {
        // path="§2|(b)": the law's section 2.
        if (path.rfind("§", 0) == 0) {
            std::string t = law_section_token(std::string_view(path).substr(std::string("§").size()));
            if (!t.empty()) out.push_back(t);
        }
        return out;
    }
    // The law's own mention, then "§ 9", "§§ 3, 4", "title I, § 102(a)"; what follows "formerly"
    // is an older numbering.
    std::size_t from = doc.empty() ? std::string::npos : text.find(doc);
    from = from == std::string::npos ? 0 : from + doc.size();
    std::size_t stop = text.find("formerly", from);
    std::string_view s = std::string_view(text).substr(from, stop == std::string::npos ? std::string::npos : stop - from);
    std::size_t mark = s.find("§");
    if (mark == std::string_view::npos) return out;
    s = s.substr(mark);
    while (!s.empty() && (s[0] == ' ' || s.rfind("§", 0) == 0)) s = s.substr(s[0] == ' ' ? 1 : std::string("§").size());
    // A list: "3, 4", "3(a), (c)", "5 and 6"; it ends at anything else ("30 DCR 5638" follows a comma,
    // so a number is taken only when the list has no DCR or Stat. after it).
    while (!s.empty()) {
        std::string t = law_section_token(s);
        if (t.empty()) break;
        std::string_view after = s.substr(t.size());
        // "30 DCR", "82 Stat." are the register, not a section.
        std::string_view trimmed = after;
        while (!trimmed.empty() && trimmed[0] == ' ') trimmed.remove_prefix(1);
        if (trimmed.rfind("DCR", 0) == 0 || trimmed.rfind("Stat", 0) == 0) break;
        out.push_back(t);
        s = after;
        while (!s.empty() && s[0] == '(') {  // designations: "(a)", "(b)-(q)"
            std::size_t close = s.find(')');
            if (close == std::string_view::npos) return out;
            s = s.substr(close + 1);
            if (!s.empty() && s[0] == '-') s = s.substr(1);
        }
        if (s.rfind(", ", 0) == 0 && s.size() > 2 && digit(s[2])) s = s.substr(2);
        else if (s.rfind(" and ", 0) == 0 && s.size() > 5 && digit(s[5])) s = s.substr(5);
        else break;
    }
    return out;
}

CodeIndex build_dc_index(const std::string& dir) {
    fs::path root(dir);
    for (const char* below : {"us/dc/council/code", "code"})
        if (!fs::exists(root / "titles") && fs::exists(root / below / "titles")) root /= below;
    if (!fs::is_directory(root / "titles"))
        throw InputError(Diagnostic{dir, 0, 0, "expected a D.C. Code folder holding titles/<T>/index.xml", "index.folder", {}});
    std::vector<fs::path> titles;
    for (const auto& e : fs::directory_iterator(root / "titles"))
        if (fs::exists(e.path() / "index.xml")) titles.push_back(e.path() / "index.xml");
    // Title order: 1, 2, ..., 28A, ...; the order matters only inside a title.
    std::sort(titles.begin(), titles.end(), [](const fs::path& a, const fs::path& b) {
        std::string x = a.parent_path().filename().string(), y = b.parent_path().filename().string();
        long nx = std::strtol(x.c_str(), nullptr, 10), ny = std::strtol(y.c_str(), nullptr, 10);
        return nx != ny ? nx < ny : x < y;
    });
    CodeIndex ix;
    Walk w{ix, {}, {}};
    for (const auto& t : titles) {
        pugi::xml_document d;
        std::string bytes = read_file(t.string());
        auto r = d.load_buffer(bytes.data(), bytes.size());
        if (!r) parse_error(t.string(), r);
        pugi::xml_node top = d.document_element();
        if (std::string(top.name()) != "container") continue;
        w.container(top, t.parent_path(), -1);
    }
    ix.sections.resize(w.files.size());
    parallel_for(w.files.size(), 64, [&](std::size_t i) {
        const std::string& f = w.files[i];
        CodeIndexSection& s = ix.sections[i];
        s.unit = w.file_unit[i];
        s.number = fs::path(f).stem().string();
        std::replace(s.number.begin(), s.number.end(), '~', ':');
        if (!fs::exists(f)) return;  // an include of a missing file: the unit still lists the number
        std::string bytes = read_file(f);
        pugi::xml_document d;
        auto r = d.load_buffer(bytes.data(), bytes.size());
        if (!r) parse_error(f, r);
        pugi::xml_node sec = d.document_element();
        if (pugi::xml_node num = sec.child("num"); num) s.number = num.child_value();
        for (auto a : sec.child("annotations").children("annotation")) {
            if (std::string(a.attribute("type").value()) != "History") continue;
            s.law = a.attribute("doc").value();
            std::string text;
            inner_text(a, text);
            s.law_sections = history_law_sections(text, s.law, a.attribute("path").value());
            break;
        }
    });
    ix.finish();
    return ix;
}

}  // namespace amend
