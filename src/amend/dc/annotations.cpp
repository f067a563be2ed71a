// The D.C. codifier's reading of a law in no code through the annotations of the section given:
// the Code's history says which law created a section, and its applicability notes say which
// section of which law holds it back ("Not Funded"). See Codifier::through_annotations.
#include <algorithm>

#include "amend/apply/jobs.hpp"

namespace amend::applying {

namespace {

// The section's annotations (the <annotation> entries under its <annotations>), in order.
std::vector<const Provision*> annotations_of(const Provision& section) {
    std::vector<const Provision*> out;
    for (const auto& c : section.children) {
        if (c.kind != Kind::History) continue;
        if (c.xml_tag == "annotation") out.push_back(&c);
        for (const auto& a : c.children)
            if (a.kind == Kind::History && a.xml_tag == "annotation") out.push_back(&a);
    }
    return out;
}

std::string attr(const Provision& p, std::string_view name) {
    auto v = p.xml_attrs.get(name);
    return v ? std::string(*v) : std::string();
}

// Whether the section's history says `doc` ("D.C. Law 22-108") created it: its first history
// entry, or one that says "as added".
bool created_by(const Provision& section, const std::string& doc) {
    bool first = true;
    for (const Provision* a : annotations_of(section)) {
        if (attr(*a, "type") != "History") continue;
        if (attr(*a, "doc") == doc && (first || attr(*a, "prefix") == "as added")) return true;
        first = false;
    }
    return false;
}

// Whether the section's history says the unit `path` of `doc` wrote some of it ("§2042|(e)|(3)"
// of "D.C. Law 22-33"): a history entry of that law whose path is that unit, one within it, or
// one that holds it.
bool written_by(const Provision& section, const std::string& doc, const std::string& path) {
    auto within = [](const std::string& a, const std::string& b) { return a == b || a.rfind(b + "|", 0) == 0; };
    for (const Provision* a : annotations_of(section)) {
        if (attr(*a, "type") != "History" || attr(*a, "doc") != doc) continue;
        std::string p = attr(*a, "path");
        if (!p.empty() && (within(p, path) || within(path, p))) return true;
    }
    return false;
}

// "October 1, 2025" as "2025-10-01"; empty when it is not such a date.
std::string iso_date(const std::string& d) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    static const rx::Regex form(R"(^([A-Z][a-z]+) (\d{1,2}), (\d{4})$)");
    rx::Match m;
    if (!rx::match(d, m, form)) return "";
    for (int i = 0; i < 12; ++i)
        if (m[1] == months[i]) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%s-%02d-%02d", m[3].str().c_str(), i + 1, std::stoi(m[2]));
            return buf;
        }
    return "";
}

// The words of quoted provisions, their designations and headings included, one space apart.
void words_of(const Provision& p, std::string& out) {
    for (const std::string* s : {&p.designation, &p.heading.text, &p.text.text})
        if (!s->empty()) out += (out.empty() ? "" : " ") + *s;
    for (const auto& c : p.children) words_of(c, out);
}

}  // namespace

bool Codifier::through_annotations(const Op& op) {
    if (op.targets.size() != 1 || opt.default_section.empty()) return false;
    const TargetRef& t = op.targets[0];
    if (t.law.empty()) return false;
    std::string law_doc = "D.C. Law " + t.law;
    Provision* probe = jobs.locate.find_section(opt.default_section, true);
    if (!probe) return false;

    bool phrase = op.type == OpType::Replace || op.type == OpType::Strike || op.type == OpType::InsertBefore ||
                  op.type == OpType::InsertAfter;
    if (phrase && t.section_is_law_number && !t.section.empty()) {
        // A law's words corrected where the section's history says that section of the law
        // wrote them (D.C.'s technical amendment acts): the editor's brackets that supplied the
        // correction go, or else the words as the law wrote them change where they stand.
        std::string unit = "\xC2\xA7" + t.section;
        for (const auto& d : t.path) unit += "|(" + d + ")";
        if (!written_by(*probe, law_doc, unit)) return false;
        if (ratify_brackets(op)) return true;
        Op carried = op;
        TargetRef whole;
        whole.section = opt.default_section;
        whole.title = t.title;
        carried.targets = {whole};
        std::string needle = (op.type == OpType::InsertBefore || op.type == OpType::InsertAfter) ? op.anchor : op.find;
        if (needle.empty() || jobs.finder.search(carried, probe, whole, needle).empty()) return false;
        rep.warnings.push_back(at(op,
                                  "the law it amends is in no code; its words are corrected in " + opt.default_section +
                                      ", whose history says section " + t.section + " of " + law_doc + " wrote them",
                                  "amend.carried", Severity::Note));
        jobs.phrase.phrase_op(carried);
        return true;
    }

    if (!t.path.empty()) return false;
    if (op.type == OpType::Repeal && t.container_only && t.section.empty()) {
        // The whole Act is repealed: so is a section it created.
        if (!created_by(*probe, law_doc)) return false;
        Provision* sec = jobs.locate.find_section(opt.default_section);
        if (jobs.ledger.conflicts_whole(op, sec)) return true;
        jobs.units.repeal_kept_section(op, sec);
        return true;
    }

    if (op.type == OpType::Restate && t.section_is_law_number && !t.section.empty() && op.blocks.size() == 1 &&
        ascii_lower(probe->xl->reason) == "not funded") {
        // The applicability section that held this one back now applies the law as of a date.
        std::string held = "\xC2\xA7 " + t.section + " of " + law_doc + " provided that";
        std::string latest;  // the latest date the annotations carry
        bool held_back = false;
        for (const Provision* a : annotations_of(*probe)) {
            for (const char* k : {"app", "eff"}) {
                std::string v = attr(*a, k);
                if (v.size() == 10 && v[4] == '-' && v > latest) latest = v;
            }
            std::string words = fold(a->text.text).s;
            if (attr(*a, "type") == "Applicability" && words.find(held) != std::string::npos &&
                words.find("is subject to") != std::string::npos)
                held_back = true;
        }
        if (!held_back) return false;
        std::string quoted;
        words_of(op.blocks[0], quoted);
        static const rx::Regex applies(R"(^(?:(?:Sec\. )?(\d+[a-z]?)\.? )?(?:Applicability\. )?This act shall apply as of ([A-Z][a-z]+ \d{1,2}, \d{4})\.$)");
        rx::Match m;
        std::string folded = fold(quoted).s;
        if (!rx::match(folded, m, applies) || (m[1].matched && m[1] != t.section)) return false;
        std::string date = m[2];
        if (iso_date(date).empty() || iso_date(date) <= latest) return false;
        // Where another act (an emergency act, say) made the same change before and the section
        // kept its placeholder, the Code has shown how it records this change: it stays.
        std::string same = "section " + t.section + " of " + law_doc;
        for (const Provision* a : annotations_of(*probe)) {
            std::string words = fold(a->text.text).s;
            if (attr(*a, "type") == "Applicability" && attr(*a, "doc") != law_doc && words.find(same) != std::string::npos &&
                words.find("shall apply as of " + date) != std::string::npos) {
                rep.skipped.push_back(at(op,
                                         "the law it amends is not codified in the code given; " + opt.default_section +
                                             " keeps its \"Not Funded.\" placeholder, as it did when " + attr(*a, "doc") +
                                             " made the same change (its applicability note): \"" + op.sentence + "\"",
                                         "amend.uncodified", Severity::Note));
                return true;
            }
        }
        Provision* sec = jobs.locate.find_section(opt.default_section);
        if (jobs.ledger.conflicts_whole(op, sec)) return true;
        sec->text = RichText{"Applicable " + date + ".", {}, {}};
        sec->xl.mut().reason = "Applicable " + date;
        note(op, jobs.locate.cite_of(sec) + " holds the placeholder \"Applicable " + date + ".\" (" + law_doc + " applies as of " + date +
                     "), in place of \"Not Funded.\"",
             sec);
        return true;
    }
    return false;
}

}  // namespace amend::applying
