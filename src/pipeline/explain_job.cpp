// amend explain: what each instruction will do, in reading order, read from the drafter's words
// (and, with --code, checked against the code).
#include "amend/apply.hpp"
#include "amend/explain.hpp"
#include "parse/markdown.hpp"
#include "pipeline/jobs.hpp"
#include "model/diagnostic.hpp"
#include "pipeline/documents.hpp"
#include "pipeline/inputs.hpp"
#include "render/json.hpp"

namespace amend {

namespace {

void write_json(render::JsonWriter& w, const Explained& e) {
    w.begin_object();
    w.member("op", e.op);
    w.member("path", e.path);
    if (e.op == "find-replace") {
        w.member("find", e.find);
        w.member("replace", e.replace);
        if (e.count == "all") w.member("count", "all");
        else if (!e.count.empty()) w.member("count", std::stoi(e.count));
        if (!e.position.empty()) w.member("position", e.position);
        if (e.occurrence) w.member("occurrence", e.occurrence);
    }
    if (e.op == "redesignate") w.member("num", e.num);
    w.member("file", e.file);
    w.member("line", e.line);
    w.member("explain", e.text);
    w.end_object();
}

}  // namespace

Outcome run_explain(const ExplainOptions& o, std::ostream& out, std::ostream& err) {
    std::vector<Explained> all;
    std::vector<LawProvision> listed;
    std::vector<Diagnostic> errors, warnings;
    std::vector<std::string> checked;  // with --code: what applying did, or why it could not
    std::vector<std::string> failed;   // with --code: the instructions that do not apply, and why
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
                for (const auto& ap : a.report.applied) checked.push_back(ap.file + ":" + std::to_string(ap.line) + ": " + ap.what);
                for (const auto& s : a.report.skipped) checked.push_back(format_headline(s));
                for (auto& d : a.report.failures) {
                    failed.push_back(format_headline(d));
                    errors.push_back(std::move(d));
                }
            }
        } catch (const InputError& e) {
            for (const auto& d : e.diagnostics()) errors.push_back(d);
        }
    }
    if (o.format == "json") {
        render::JsonWriter w(1);
        w.begin_object();
        w.key("operations").begin_array();
        for (const auto& e : all) write_json(w, e);
        w.end_array();
        w.key("not_amending").begin_array();
        for (const auto& p : listed) {
            w.begin_object();
            w.member("designation", p.designation).member("heading", p.heading);
            w.member("file", p.file).member("line", p.line);
            w.end_object();
        }
        w.end_array();
        if (!o.code.empty()) {
            w.key("applied").begin_array();
            for (const auto& c : checked) w.value(c);
            w.end_array();
            w.key("failed").begin_array();
            for (const auto& f : failed) w.value(f);
            w.end_array();
        }
        w.end_object();
        out << w.str() << "\n";
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
