// Cross-references: citations in the code left pointing at what the amendment removed or renumbered.
#include "amend/apply/jobs.hpp"

namespace amend::applying {

std::set<std::string> citations_in(const Provision& root, const SectionNumbers& sections) {
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
    static const rx::Regex local(R"(\b(subsection|paragraph|subparagraph)\s+((?:\([^()\s]+\))+)\s+of\s+this\s+section\b)",
                                    rx::icase);
    static const rx::Regex other(R"(\bSection\s+(\d+[-.:][0-9A-Za-z.\-:]*[0-9A-Za-z])((?:\([^()\s]+\))*))");
    static const rx::Regex desig(R"(\(([^()\s]+)\))");
    auto cite = [](std::string section, const std::string& chain) {
        Citation c;
        c.section = std::move(section);
        for (const rx::Match& jt : rx::all(chain, desig)) c.path.push_back(jt[1]);
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
            // At the citing provision's line in the code given (a new provision has none: no place).
            const SourceSpan& at = ch.back()->span;
            std::string file = at.line > 0 && at.file < after.files.size() ? after.files[at.file].path : "";
            rep.dangling.push_back(Diagnostic{file, file.empty() ? 0 : static_cast<int>(at.line),
                                              file.empty() ? 0 : static_cast<int>(at.col),
                                              here + " refers to \"" + words + "\" (" + target +
                                                  "), which this amendment strikes, repeals or redesignates",
                                              "amend.dangling", "", Severity::Warning});
        };
        try {
            if (in_changed)
                for (const rx::Match& it : rx::all(t, local))
                    report(cite(ch.front()->designation, it[2]), it[0]);
            for (const rx::Match& it : rx::all(t, other))
                report(cite(it[1], it[2]), it[0]);
        } catch (const rx::Runaway& e) {
            rep.dangling.push_back(Diagnostic{"", 0, 0,
                                              citation_of(ch).str() + " is too complex to check for references to what "
                                                  "this amendment removes (" + e.what() + ")",
                                              "amend.regex", "", Severity::Warning});
        }
    });
}

}  // namespace amend::applying
