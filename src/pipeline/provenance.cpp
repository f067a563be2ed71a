#include "pipeline/provenance.hpp"

#include <filesystem>
#include <map>

#include "model/diagnostic.hpp"
#include "pipeline/inputs.hpp"

namespace amend {

namespace fs = std::filesystem;

BaseText read_provenance(const std::string& bytes, const std::string& path) {
    require_utf8(bytes, path);
    BaseText b;
    std::map<std::string, std::string*> fields{
        {"version", &b.version}, {"completeness", &b.completeness}, {"source", &b.source}, {"note", &b.note}};
    std::map<std::string, int> seen;
    int n = 0;
    std::size_t at = 0;
    auto fail = [&](int line, int col, const std::string& what, const std::string& code, const std::string& src) {
        throw InputError(Diagnostic{path, line, col, what, code, src});
    };
    while (at < bytes.size()) {
        std::size_t nl = bytes.find('\n', at);
        std::string line = bytes.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
        at = nl == std::string::npos ? bytes.size() : nl + 1;
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::size_t colon = line.find(": ");
        if (colon == std::string::npos || colon == 0)
            fail(n, 1, "expected a line \"key: value\" (version, completeness, source or note)", "provenance.line", line);
        std::string key = line.substr(0, colon);
        auto f = fields.find(key);
        if (f == fields.end())
            fail(n, 1, "expected version, completeness, source or note, found \"" + key + "\"", "provenance.key", line);
        if (seen.count(key)) fail(n, 1, "\"" + key + "\" given twice (first on line " + std::to_string(seen[key]) + ")",
                                  "provenance.repeated", line);
        seen[key] = n;
        *f->second = line.substr(colon + 2);
        if (key == "completeness" && b.completeness != "complete" && b.completeness != "excerpt" &&
            b.completeness != "reconstructed")
            fail(n, static_cast<int>(colon) + 3, "expected complete, excerpt or reconstructed", "provenance.completeness", line);
    }
    for (const char* need : {"version", "completeness"})
        if (!seen.count(need))
            fail(n + 1, 1, std::string("expected a \"") + need + ": ...\" line", "provenance.missing", "");
    return b;
}

std::vector<std::pair<std::string, BaseText>> provenance_of(const Document& code) {
    std::vector<BaseText> per_file(code.files.size());
    for (std::size_t k = 0; k < code.files.size(); ++k) {
        std::string side = code.files[k].path + ".provenance";
        std::error_code ec;
        if (fs::is_regular_file(side, ec)) per_file[k] = read_provenance(read_file(side), side);
    }
    std::vector<std::pair<std::string, BaseText>> out;
    for (const Provision* s : sections_of(code.root))
        out.emplace_back(s->designation, s->span.file < per_file.size() ? per_file[s->span.file] : BaseText{});
    return out;
}

Proposal proposal_of(const AmendmentDoc& doc) {
    Proposal p;
    p.title = doc.title;
    for (const auto& [k, v] : doc.meta) {
        if (k == "sponsor") p.sponsor = v;
        else if (k == "record") p.record = v;
        else if (k == "date") p.date = v;
        else if (k == "status") p.status = v;
    }
    return p;
}

}  // namespace amend
