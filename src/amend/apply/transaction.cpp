// The transaction: every instruction in order, then the cross-reference check.
#include "amend/apply/applier.hpp"
#include "model/parallel.hpp"

namespace amend::applying {

void Applier::run(const std::vector<Op>& ops) {
    // One number, one section: two editions of a section in the code given would each be
    // amended and written, and the outputs would contradict each other.
    std::unordered_map<std::string, const Provision*> seen;
    auto place = [&](const Provision& p) {
        std::string f = p.span.file < doc.files.size() ? doc.files[p.span.file].path : "";
        return f + ":" + std::to_string(p.span.line);
    };
    for (Provision* s : sections_of(doc.root)) {
        original_order.emplace(s->designation, original_order.size());
        std::string p = prefix_of(s->designation);
        if (std::find(prefixes.begin(), prefixes.end(), p) == prefixes.end()) prefixes.push_back(p);
        auto [it, fresh] = seen.emplace(s->designation, s);
        if (!fresh)
            rep.failures.push_back(Diagnostic{s->span.file < doc.files.size() ? doc.files[s->span.file].path : "",
                                              static_cast<int>(s->span.line), static_cast<int>(std::max(1u, s->span.col)),
                                              "expected one section " + s->designation + " in the code given, found a second: " +
                                                  place(*it->second) + " and here",
                                              "amend.duplicate-section", ""});
    }
    if (!rep.ok()) return;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const Op& op = ops[i];
        if (op.type == OpType::Redesignate) {
            std::vector<const Op*> run{&op};
            while (i + 1 < ops.size() && ops[i + 1].type == OpType::Redesignate && ops[i + 1].file == op.file) run.push_back(&ops[++i]);
            redesignate(run);
            continue;
        }
        switch (op.type) {
            case OpType::Context: break;
            case OpType::Replace:
            case OpType::Strike:
            case OpType::InsertBefore:
            case OpType::InsertAfter: phrase_op(op); break;
            case OpType::InsertAtEnd: insert_at_end(op); break;
            case OpType::StrikeUnit: repeal(op, true); break;
            case OpType::Repeal: repeal(op, false); break;
            case OpType::Add: add(op); break;
            case OpType::Restate: restate(op); break;
            case OpType::Redesignate: break;  // above
            case OpType::Designate: designate(op); break;
            case OpType::SetText: set_text(op); break;
        }
    }
}

void Applier::keep_before(const Provision& sec) {
    if (original_order.count(sec.designation) && !before_edit.count(sec.designation)) before_edit.emplace(sec.designation, sec);
}

Document Applier::before_document(std::vector<Diagnostic>& missing) const {
    Document d;
    d.files = doc.files;
    std::vector<std::pair<std::size_t, const Provision*>> order;
    for (const auto& [num, p] : before_edit) order.emplace_back(original_order.at(num), &p);
    std::sort(order.begin(), order.end());
    d.root.children.reserve(order.size());
    for (const auto& [at, p] : order) d.root.children.push_back(*p);
    for (const auto& num : rep.changed_sections)
        if (original_order.count(num) && !before_edit.count(num))
            missing.push_back(Diagnostic{"", 0, 0,
                                         "internal: section " + num + " was changed without its text before the change being kept; nothing is written",
                                         "amend.internal", ""});
    return d;
}

std::set<std::string> citations_in(const Provision& root, const std::set<std::string>& sections) {
    std::set<std::string> out;
    for (const Provision* sec : sections_of(root)) {
        if (!sections.count(sec->designation)) continue;
        ProvisionPath chain;
        for_each_addressable(*sec, chain, [&](const ProvisionPath& ch) { out.insert(citation_of(ch).str()); });
    }
    return out;
}

void check_references(const Document& before, const Document& after, ApplyReport& rep) {
    std::set<std::string> gone = citations_in(before.root, rep.changed_sections);
    for (const auto& c : citations_in(after.root, rep.changed_sections)) gone.erase(c);
    if (gone.empty()) return;
    static const boost::regex local(R"(\b(subsection|paragraph|subparagraph)\s+((?:\([^()\s]+\))+)\s+of\s+this\s+section\b)",
                                    boost::regex::perl | boost::regex::icase);
    static const boost::regex other(R"(\bSection\s+(\d+[-.:][0-9A-Za-z.\-:]*[0-9A-Za-z])((?:\([^()\s]+\))*))");
    static const boost::regex desig(R"(\(([^()\s]+)\))");
    auto cite = [](std::string section, const std::string& chain) {
        Citation c;
        c.section = std::move(section);
        for (boost::sregex_iterator jt(chain.begin(), chain.end(), desig), e2; jt != e2; ++jt) c.path.push_back((*jt)[1]);
        return c.str();
    };
    ProvisionPath chain;
    for_each_addressable(after.root, chain, [&](const ProvisionPath& ch) {
        const std::string& t = ch.back()->text.text;
        // "... of this section" can only name what is gone inside a changed section; "Section N"
        // is written with its capital.
        bool in_changed = rep.changed_sections.count(ch.front()->designation) > 0;
        if (t.find(in_changed ? "ection" : "Section") == std::string::npos) return;
        std::string here;
        auto report = [&](const std::string& target, const std::string& words) {
            if (!gone.count(target)) return;
            if (here.empty()) here = citation_of(ch).str();
            rep.dangling.push_back(here + " refers to \"" + words + "\" (" + target +
                                   "), which this amendment strikes, repeals or redesignates");
        };
        if (in_changed)
            for (boost::sregex_iterator it(t.begin(), t.end(), local), end; it != end; ++it)
                report(cite(ch.front()->designation, (*it)[2]), (*it)[0]);
        for (boost::sregex_iterator it(t.begin(), t.end(), other), end; it != end; ++it)
            report(cite((*it)[1], (*it)[2]), (*it)[0]);
    });
}

}  // namespace amend::applying

namespace amend {

ApplyReport apply_ops(Document& doc, const std::vector<Op>& ops, const ApplyOptions2& opt, Document* before_out) {
    applying::Applier a(doc, opt);
    a.run(ops);
    applying::Applier::strip_edit_marks(doc.root);
    if (!a.rep.ok()) return a.rep;
    std::vector<Diagnostic> missing;
    Document before = a.before_document(missing);
    if (!missing.empty()) {
        a.rep.failures = std::move(missing);
        return a.rep;
    }
    applying::check_references(before, doc, a.rep);
    if (before_out) *before_out = std::move(before);
    return a.rep;
}

ApplyResult apply_document(Document code, const AmendmentDoc& ad, const ApplyOptions2& opt) {
    ReadResult rr = interpret(ad);
    ApplyResult r;
    r.code_sections = sections_of(code.root).size();
    r.amended = std::move(code);
    ApplyOptions2 o = opt;
    if (o.default_section.empty()) o.default_section = ad.default_section;
    if (!rr.errors.empty()) {
        r.report.failures = rr.errors;
        r.report.title = ad.title;
        return r;
    }
    r.report = apply_ops(r.amended, rr.ops, o, &r.before);
    r.report.title = ad.title;
    // The words the reader assumed (a typo read where only one reading is possible) come first.
    std::vector<std::string> assumed;
    for (const auto& d : rr.warnings)
        assumed.push_back(d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.col) + ": " + d.message);
    r.report.warnings.insert(r.report.warnings.begin(), assumed.begin(), assumed.end());
    return r;
}

}  // namespace amend
