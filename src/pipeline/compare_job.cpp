// amend compare: several proposals applied to one base, side by side (render.hpp's
// render_compare_site).
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "draft/ordinance.hpp"
#include "pipeline/documents.hpp"
#include "model/designation.hpp"
#include "pipeline/inputs.hpp"
#include "pipeline/jobs.hpp"
#include "pipeline/output_set.hpp"
#include "pipeline/provenance.hpp"
#include "render/render.hpp"

namespace amend {

namespace fs = std::filesystem;

Outcome run_compare(const CompareOptions& o, std::ostream& out, std::ostream& err) {
    if (o.amendments.size() < 2) throw UsageError("compare needs two or more --amendments (one for each proposal)");
    for (const auto& a : o.amendments) refuse_output_over_inputs(o.out_dir, o.code, a);
    Document code = load_code(o.code);
    auto base = provenance_of(code);
    ApplySettings ao;
    ao.strict = o.strict;
    ao.jurisdiction = jurisdiction_named(o.jurisdiction);
    std::vector<ApplyResult> results;
    std::vector<Proposal> proposals;
    std::size_t failed = 0;
    for (const auto& a : o.amendments) {
        results.push_back(apply_file(code, a, ao));
        const ApplyReport& r = results.back().report;
        for (const auto& d : r.failures) err << format_full(d);
        failed += r.failures.size();
        for (const auto& line : notice_lines(r)) err << line << "\n";  // each at its proposal's file
        Proposal p;
        if (!(a.size() >= 4 && a.compare(a.size() - 4, 4, ".xml") == 0)) p = proposal_of(read_amendment_file(a));
        p.title = r.title.empty() ? fs::path(a).filename().string() : r.title;
        proposals.push_back(std::move(p));
    }
    if (failed) {
        err << "amend: " << failed << " instruction(s) failed; nothing was written\n";
        return Outcome::refused;
    }
    // The sections any proposal changes, in code order.
    SectionNumbers numbers;
    for (const auto& r : results) numbers.insert(r.report.changed_sections.begin(), r.report.changed_sections.end());
    std::vector<std::string> order(numbers.begin(), numbers.end());
    auto by_number = [](const Document& d) {
        std::map<std::string, const Provision*> m;
        for (const Provision* s : sections_of(d.root)) m.emplace(s->designation, s);
        return m;
    };
    auto olds = by_number(code);
    std::vector<ComparedProposal> ps;
    for (std::size_t i = 0; i < results.size(); ++i) {
        auto news = by_number(results[i].amended);
        ComparedProposal cp;
        cp.proposal = proposals[i];
        for (const auto& n : order) {
            auto a = olds.find(n), b = news.find(n);
            if (a == olds.end() && b == news.end()) {  // a section another proposal adds
                SectionDiff none;
                none.number = n;
                cp.changes.sections.push_back(std::move(none));
                continue;
            }
            cp.changes.sections.push_back(
                diff_section(a == olds.end() ? nullptr : a->second, b == news.end() ? nullptr : b->second));
        }
        ps.push_back(std::move(cp));
    }
    SiteInfo info;
    info.title = "Comparison of " + std::to_string(ps.size()) + " proposals";
    info.base = std::move(base);
    info.generator = kGenerator;
    OutputSet files;
    for (auto& [path, bytes] : render_compare_site(ps, info)) files.add(std::move(path), std::move(bytes));
    files.write_with_manifest(o.out_dir);
    std::size_t conflicts = find_conflicts(ps).size();
    out << "wrote " << files.size() << " file(s) to " << o.out_dir << ": " << order.size() << " section(s), " << conflicts
        << " conflict(s)\n";
    return Outcome::ok;
}

}  // namespace amend
