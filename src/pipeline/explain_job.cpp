// amend explain: what each instruction will do, in reading order, read from the drafter's words
// (and, with --code, checked against the code).
#include <nlohmann/json.hpp>

#include "amend/apply.hpp"
#include "amend/explain.hpp"
#include "amend/markdown.hpp"
#include "pipeline/jobs.hpp"
#include "model/diagnostic.hpp"
#include "pipeline/documents.hpp"
#include "pipeline/inputs.hpp"

namespace amend {

namespace {

nlohmann::ordered_json json_of(const Explained& e) {
    nlohmann::ordered_json j;
    j["op"] = e.op;
    j["path"] = e.path;
    if (e.op == "find-replace") {
        j["find"] = e.find;
        j["replace"] = e.replace;
        if (e.count == "all") j["count"] = "all";
        else if (!e.count.empty()) j["count"] = std::stoi(e.count);
        if (!e.position.empty()) j["position"] = e.position;
    }
    if (e.op == "redesignate") j["num"] = e.num;
    j["file"] = e.file;
    j["line"] = e.line;
    j["explain"] = e.text;
    return j;
}

}  // namespace

Outcome run_explain(const ExplainOptions& o, std::ostream& out, std::ostream& err) {
    std::vector<Explained> all;
    std::vector<LawProvision> listed;
    std::vector<Diagnostic> errors, warnings;
    std::vector<std::string> checked;  // with --code: what applying did, or why it could not
    Document code;
    if (!o.code.empty()) code = load_code(o.code);
    for (const auto& f : o.amendments) {
        try {
            AmendmentDoc doc = read_amendment_file(f);
            ReadResult r = interpret(doc);
            for (auto& e : explain(r)) all.push_back(std::move(e));
            for (auto& d : r.errors) errors.push_back(std::move(d));
            for (auto& d : r.warnings) warnings.push_back(std::move(d));
            for (auto& p : doc.not_amending) listed.push_back(std::move(p));
            if (!o.code.empty() && r.errors.empty()) {
                ApplySettings ao;
                ao.default_section = doc.default_section;
                ApplyResult a = apply_file(code, f, ao);
                for (const auto& ap : a.report.applied) checked.push_back(ap.where + ": " + ap.what);
                for (const auto& s : a.report.skipped) checked.push_back(format_headline(s));
                for (auto& d : a.report.failures) errors.push_back(std::move(d));
            }
        } catch (const InputError& e) {
            for (const auto& d : e.diagnostics()) errors.push_back(d);
        }
    }
    if (o.format == "json") {
        nlohmann::ordered_json j;
        j["operations"] = nlohmann::ordered_json::array();
        for (const auto& e : all) j["operations"].push_back(json_of(e));
        j["not_amending"] = nlohmann::ordered_json::array();
        for (const auto& p : listed)
            j["not_amending"].push_back({{"designation", p.designation}, {"heading", p.heading}, {"file", p.file}, {"line", p.line}});
        if (!o.code.empty()) j["applied"] = checked;
        out << j.dump(1) << "\n";
    } else {
        for (const auto& e : all) out << e.file << ":" << e.line << ": " << e.text << "\n";
        for (const auto& p : listed)
            out << p.file << ":" << p.line << ": amends nothing: " << p.designation << (p.heading.empty() ? "" : " " + p.heading)
                << "\n";
        if (!o.code.empty())
            for (const auto& c : checked) out << "applied: " << c << "\n";
    }
    for (const auto& d : warnings) err << format_headline(d) << "\n";
    for (const auto& d : errors) err << format_full(d);
    return errors.empty() ? Outcome::ok : Outcome::refused;
}

}  // namespace amend
