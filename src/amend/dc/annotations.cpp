// The D.C. codifier's reading of a law in no code through the annotations of the section given:
// the Code's history says which law created a section, and its applicability notes say which
// section of which law holds it back ("Not Funded"). See Codifier::through_annotations.
#include <algorithm>
#include <functional>

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

// The paths of the history entries by which `doc` ("D.C. Law 22-108") created the section: the
// entries of that law that open the section's history ("" for the law as a whole, "§4" for its
// section 4), or, where the section never took effect (it holds the "Not Funded" placeholder),
// those by which that law added it to another Act ("as added"). Empty when the law did not
// create it. A section an amending law added that is in force stays in the Act it was added to:
// repealing the amending law does not take it out.
std::vector<std::string> creating_paths(const Provision& section, const std::string& doc) {
    std::vector<std::string> out;
    bool opening = true;
    bool unfunded = ascii_lower(section.xl->reason) == "not funded";
    for (const Provision* a : annotations_of(section)) {
        if (attr(*a, "type") != "History") continue;
        bool mine = attr(*a, "doc") == doc;
        // A hidden entry of a unit ("§8a|(a)", display="false") records the law's applicability
        // or funding clause, which created nothing: only the law as a whole ("") or a shown entry.
        bool hidden = attr(*a, "display") == "false" && !attr(*a, "path").empty();
        if (mine && !hidden && (opening || (unfunded && attr(*a, "prefix") == "as added"))) out.push_back(attr(*a, "path"));
        if (!mine) opening = false;
    }
    return out;
}

// What the section's history says the unit `path` of `doc` wrote of it ("§2042|(e)|(3)" of "D.C.
// Law 22-33"): Exact where a history entry of that law names that unit or one within it; Held
// where an entry names only a unit that holds it ("§2042"), which may have amended other
// sections as well; None otherwise.
enum class Written { None, Held, Exact };
Written written_by(const Provision& section, const std::string& doc, const std::string& path) {
    auto within = [](const std::string& a, const std::string& b) { return a == b || a.rfind(b + "|", 0) == 0; };
    Written w = Written::None;
    for (const Provision* a : annotations_of(section)) {
        if (attr(*a, "type") != "History" || attr(*a, "doc") != doc) continue;
        std::string p = attr(*a, "path");
        if (p.empty()) continue;
        if (within(p, path)) return Written::Exact;
        if (within(path, p)) w = Written::Held;
    }
    return w;
}

// The latest date ("2023-03-22") the section's annotations carry (when they apply, or take effect).
std::string latest_date(const Provision& section) {
    std::string latest;
    for (const Provision* a : annotations_of(section))
        for (const char* k : {"app", "eff"}) {
            std::string v = attr(*a, k);
            if (v.size() == 10 && v[4] == '-' && v > latest) latest = v;
        }
    return latest;
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

// The changes of `doc` the section's annotations say are held back: the units of its history
// entries marked "notfunded" (not the hidden entry of its applicability clause), or else the
// units its applicability notes say are "subject to" funds.
std::vector<std::string> held_units(const Provision& section, const std::string& doc) {
    std::vector<std::string> out;
    for (const Provision* a : annotations_of(section))
        if (attr(*a, "type") == "History" && attr(*a, "doc") == doc && attr(*a, "app") == "notfunded" &&
            attr(*a, "display") != "false" && !attr(*a, "path").empty())
            out.push_back(attr(*a, "path"));
    if (out.empty())
        for (const Provision* a : annotations_of(section))
            if (attr(*a, "type") == "Applicability" && attr(*a, "doc") == doc && !attr(*a, "path").empty() &&
                fold(a->text.text).s.find("is subject to") != std::string::npos)
                out.push_back(attr(*a, "path"));
    return out;
}

// What a sentence that holds provisions back ("Section 2(b)(2), (d)(2), and (m)(1), amendatory
// section 103(e) of the X Act (D.C. Law 20-154; D.C. Official Code § 8-1031.03(e)), in section
// 2(b)(3), ... shall apply upon the date of inclusion of their fiscal effect in an approved budget
// and financial plan.") names: the units of this act it opens with ("§2|(b)|(2)", "§2|(d)|(2)", a
// designation alone taking the section before it), and the Code sections it cites whole
// ("§§ 8-1031.12c and 8-1031.12e"). An amendatory section "in section 2(k)" is only that section,
// which its Code cite names: "2(k)" there is not listed.
struct HeldBack {
    std::vector<std::string> units;
    std::vector<std::string> sections;
    // For each of `sections`, the units of this act that wrote it ({"§2|(k)"}); none where the cite
    // does not say, and {""} where it says in words not read (no unit is that).
    std::vector<std::vector<std::string>> by;
};

// The units a list names, "2(b)(2), (d)(2), and (m)(1)" (a designation alone takes the section
// before it): read from the start of `rest`, which is left after them.
std::vector<std::string> unit_list(std::string& rest) {
    static const rx::Regex item(R"(^(\d+[a-z]?)?((?:\([0-9A-Za-z-]+\))*))");
    static const rx::Regex sep(R"(^(?:, and |, | and ))");
    static const rx::Regex desig(R"(\(([0-9A-Za-z-]+)\))");
    std::vector<std::string> units;
    std::string section;
    rx::Match m;
    while (rx::search(rest, m, item) && m.length(0) > 0) {
        if (m[1].matched) section = m[1].str();
        if (section.empty()) break;
        std::string unit = "\xC2\xA7" + section;
        std::string ds = m[2].str();
        for (const rx::Match& d : rx::all(ds, desig)) unit += "|(" + d[1].str() + ")";
        units.push_back(unit);
        rest = rest.substr(static_cast<std::size_t>(m.length(0)));
        if (!rx::search(rest, m, sep)) break;
        std::string after = rest.substr(static_cast<std::size_t>(m.length(0)));
        if (!rx::search(after, m, item) || m.length(0) == 0) break;
        rest = after;
    }
    return units;
}

HeldBack held_back_by(const std::string& subject) {
    HeldBack out;
    static const rx::Regex opening(R"(^Sections? )");
    rx::Match m;
    std::string rest = subject;
    if (rx::search(rest, m, opening)) {
        rest = rest.substr(static_cast<std::size_t>(m.length(0)));
        std::vector<std::string> units = unit_list(rest);
        // The units are this act's only where the words go on so.
        for (const char* next : {" of this act", " shall apply", ", amendatory", " and amendatory"})
            if (rest.rfind(next, 0) == 0) {
                out.units = units;
                break;
            }
    }
    // Each number taken whole (possessive): "§ 8-1031.12e(a)" cites a unit, never section 8-1031.
    static const rx::Regex cites(R"(\xC2\xA7(?:\xC2\xA7)? ((?:\d+[A-Z]?-\d+[0-9a-z.:-]*+(?:, and |, | and )?)+)(?![0-9A-Za-z(]))");
    static const rx::Regex number(R"(\d+[A-Z]?-\d+[0-9a-z.:-]*)");
    // "(D.C. Law 23-211; D.C. Official Code § 8-1031.12e), in section 2(k)": the units that wrote it.
    static const rx::Regex in_section(R"(^(?:;[^()]*)?\),?\s+in\s+sections?\s+)");
    static const rx::Regex said(R"(^[^()]*\)[^()]*?\bin\s+sections?\b)");
    for (const rx::Match& c : rx::all(subject, cites)) {
        std::string list = c[1].str();
        std::vector<std::string> by;
        rx::Match w;
        std::string after = subject.substr(static_cast<std::size_t>(c.position(std::size_t{0}) + c.length(0)));
        if (rx::search(after, w, in_section)) {
            std::string units = after.substr(static_cast<std::size_t>(w.length(0)));
            by = unit_list(units);
        }
        // Words of the cite's own saying which unit wrote it, not read: none is that unit.
        if (by.empty() && rx::search(after, w, said)) by = {""};
        for (const rx::Match& n : rx::all(list, number)) {
            std::string s = n.str();
            while (!s.empty() && (s.back() == '.' || s.back() == ':' || s.back() == '-')) s.pop_back();
            out.sections.push_back(s);
            out.by.push_back(by);
        }
    }
    return out;
}

}  // namespace

bool Codifier::standing_already(const Op& op) {
    if (op.law_unit.empty() || op.type == OpType::Context || op.targets.empty()) return false;
    const std::string& num = op.targets[0].section;
    for (const TargetRef& t : op.targets)
        if (t.section.empty() || t.section != num || t.section_is_law_number || t.uncodified) return false;
    Provision* sec = jobs.locate.find_section(num, true);
    if (!sec) return false;
    static const rx::Regex identical(
        R"(\*NOTE: This section (?:has been|was) amended by emergency legislation with identical permanent legislation\b)");
    if (!section_says(*sec, [](const std::string& t) {
            return t.find("identical permanent") != std::string::npos && rx::search(t, identical);
        }))
        return false;
    // Where other temporary or emergency legislation also stands in the section ("This section
    // includes amendments by temporary legislation ..."), the text shown is not that act's alone,
    // and the codifier applies the permanent law to it again.
    static const rx::Regex also(R"(\*NOTE: This section includes amendments by (?:temporary|emergency))");
    if (section_says(*sec, [](const std::string& t) { return t.find("includes amendments") != std::string::npos && rx::search(t, also); }))
        return false;
    // The emergency act the note speaks of: the last the annotations name.
    std::string act;
    std::vector<std::string> units;
    for (const Provision* a : annotations_of(*sec)) {
        if (attr(*a, "type") != "Emergency Legislation") continue;
        std::string by = attr(*a, "doc");
        if (by.rfind("D.C. Act ", 0) != 0) continue;
        if (by != act) units.clear();
        act = by;
        units.push_back(attr(*a, "path"));
    }
    auto within = [](const std::string& a, const std::string& b) { return a == b || a.rfind(b + "|", 0) == 0; };
    for (const std::string& u : units) {
        if (u.rfind("\xC2\xA7", 0) != 0 || !(within(op.law_unit, u) || within(u, op.law_unit))) continue;
        std::string cite = u;  // "§3072|(a)" as "§ 3072(a)"
        cite.erase(std::remove(cite.begin(), cite.end(), '|'), cite.end());
        cite.insert(2, " ");
        rep.warnings.push_back(at(op,
                                  num + " was amended already by " + cite + " of " + act +
                                      ", emergency legislation identical to this law's " + cite.substr(3) +
                                      " (the Code's note on the section says so); nothing changed",
                                  "amend.applied-already", Severity::Warning));
        return true;
    }
    return false;
}

bool Codifier::of_restated_act(const Op& op, const Provision& section) {
    if (op.targets.size() != 1 || op.targets[0].law.empty()) return true;
    const std::string law_doc = "D.C. Law " + op.targets[0].law;
    const auto entries = annotations_of(section);
    return std::any_of(entries.begin(), entries.end(), [&](const Provision* a) { return attr(*a, "doc") == law_doc; });
}

bool Codifier::still_held_back(const Op& op, const Provision& section, const std::string& law_doc) {
    // The law's applicability section restated is the one that holds the section's changes back.
    const TargetRef& t = op.targets[0];
    std::string holder = "\xC2\xA7 " + t.section + " of " + law_doc + " provided that";
    std::string latest = latest_date(section);
    bool holds = false;
    for (const Provision* a : annotations_of(section)) {
        std::string words = fold(a->text.text).s;
        if (attr(*a, "type") != "Applicability") continue;
        if (attr(*a, "doc") == law_doc && words.find(holder) != std::string::npos && words.find("is subject to") != std::string::npos &&
            words.find("has not been implemented") != std::string::npos)
            holds = true;
        // A later note: another act (this law in emergency form, say) released them already.
        else if (holds && words.find(t.law) != std::string::npos &&
                 (words.find("has been implemented") != std::string::npos || words.find("been given effect") != std::string::npos))
            holds = false;
    }
    std::vector<std::string> held = held_units(section, law_doc);
    if (!holds || held.empty()) return false;
    // What it reads once they apply is the law's text, which this law does not give.
    auto released = [&] {
        fail(op,
             "expected an amendment whose text can be written; " + opt.default_section + " has changes by " + law_doc +
                 " that wait for funds (its section " + t.section +
                 " held them back), and this instruction changes that section: what the Code reads once they apply is not in the law",
             "amend.not-funded");
        return true;
    };

    std::string what;  // how the new text holds them back, for the note
    std::string quoted;
    words_of(op.blocks[0], quoted);
    std::string folded = fold(quoted).s;
    static const rx::Regex applies(R"(^(?:(?:Sec\. )?(\d+[a-z]?)\.? )?(?:Applicability\. )?This act shall apply as of ([A-Z][a-z]+ \d{1,2}, \d{4})\.$)");
    rx::Match m;
    if (rx::match(folded, m, applies)) {
        // "This act shall apply as of October 1, 2025.": nothing of it applies before that date,
        // later than any the section's annotations carry. A section that is itself the placeholder
        // takes the codifier's "Applicable October 1, 2025." instead (through_annotations).
        if ((m[1].matched && m[1] != t.section) || ascii_lower(section.xl->reason) == "not funded") return false;
        std::string date = m[2];
        if (iso_date(date).empty() || iso_date(date) <= latest) return released();
        what = "applies the law as of " + date;
    } else {
        // "Section 2(b)(2) of this act shall apply upon the date of inclusion of its fiscal effect
        // in an approved budget and financial plan.": each change held back must still be named
        // (its unit or one holding it), or the section cited whole.
        static const rx::Regex funds(R"( shall apply upon the date of inclusion of (?:its|their|the) fiscal effect in an approved budget and financial plan\b)");
        HeldBack named;
        std::function<void(const Provision&)> walk = [&](const Provision& p) {
            std::string text = fold(p.text.text).s;
            rx::Match f;
            if (rx::search(text, f, funds)) {
                // The sentence that says so, not one before it ("D.C. Official Code" is no sentence's end).
                std::string subject = text.substr(0, static_cast<std::size_t>(f.position(std::size_t{0})));
                static const rx::Regex sentence_end(R"([a-z0-9)\]]\.\s+(?=[A-Z]))");
                std::size_t from = 0;
                for (const rx::Match& e : rx::all(subject, sentence_end)) from = static_cast<std::size_t>(e.position(std::size_t{0}) + e.length(0));
                HeldBack h = held_back_by(subject.substr(from));
                named.units.insert(named.units.end(), h.units.begin(), h.units.end());
                named.sections.insert(named.sections.end(), h.sections.begin(), h.sections.end());
                named.by.insert(named.by.end(), h.by.begin(), h.by.end());
            }
            for (const auto& c : p.children) walk(c);
        };
        walk(op.blocks[0]);
        auto within = [](const std::string& a, const std::string& b) { return a == b || a.rfind(b + "|", 0) == 0; };
        // Each change held back is named by its unit (or one holding it), or the section is cited
        // whole, as written by that unit ("in section 2(k)") where the cite says which.
        bool cited = false;
        for (const std::string& u : held) {
            bool by_cite = false;
            for (std::size_t i = 0; i < named.sections.size(); ++i)
                if (named.sections[i] == opt.default_section &&
                    (named.by[i].empty() || std::any_of(named.by[i].begin(), named.by[i].end(), [&](const std::string& b) {
                         return !b.empty() && (within(u, b) || within(b, u));
                     })))
                    by_cite = true;
            cited = cited || by_cite;
            if (!by_cite && std::none_of(named.units.begin(), named.units.end(), [&](const std::string& l) { return within(u, l); }))
                return released();
        }
        what = cited ? "still names it (\xC2\xA7 " + opt.default_section + ") among the provisions that wait for funds"
                     : "still names the provisions that changed it among those that wait for funds";
    }
    rep.skipped.push_back(at(op,
                             "the law it amends is not codified in the code given; " + opt.default_section +
                                 " stays as it reads, its changes by " + law_doc + " not in effect: the restated section " +
                                 t.section + " " + what + ": \"" + op.sentence + "\"",
                             "amend.uncodified", Severity::Note));
    return true;
}

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
        Written w = written_by(*probe, law_doc, unit);
        if (w == Written::None) return false;
        if (ratify_brackets(op, true)) return true;
        // The words as the law wrote them change only where the history names that very unit.
        if (w != Written::Exact) return false;
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

    if (op.type == OpType::Restate && t.section_is_law_number && !t.section.empty() && op.blocks.size() == 1 &&
        still_held_back(op, *probe, law_doc))
        return true;

    if (!t.path.empty()) return false;
    // "The X Act of 2018, effective ... (D.C. Law 22-108; ...), is repealed.": the whole Act, not
    // a title or a part of it; "Sections 4 and 7a of the X Act (D.C. Law 22-210; ...) are
    // repealed.": those sections of it.
    static const rx::Regex whole_act(R"(^(?:The|the)\s+[^,()]*?\bAct\b)");
    static const rx::Regex law_sections(R"(^Sections?\s+(\d+[a-z]?(?:(?:,\s+|,?\s+and\s+)\d+[a-z]?)*)\s+of\s+(?:the\s+|An\s+)?[^,()]*?\bAct\b)");
    rx::Match ls;
    bool named = op.type == OpType::Repeal && rx::search(op.sentence, ls, law_sections);
    if (named) {
        // The section was created by one of the law's sections repealed, by the history's word.
        static const rx::Regex num(R"(\d+[a-z]?)");
        bool hit = false;
        const std::string listed = ls[1].str();
        for (const std::string& p : creating_paths(*probe, law_doc))
            for (const rx::Match& n : rx::all(listed, num)) {
                std::string head = "\xC2\xA7" + n.str();
                if (p == head || p.rfind(head + "|", 0) == 0) hit = true;
            }
        if (!hit) return false;
        Provision* sec = jobs.locate.find_section(opt.default_section);
        if (jobs.ledger.conflicts_whole(op, sec)) return true;
        jobs.units.repeal_kept_section(op, sec);
        return true;
    }
    if (op.type == OpType::Repeal && t.container_only && t.section.empty() && rx::search(op.sentence, whole_act)) {
        // The whole Act is repealed: so is a section it created.
        if (creating_paths(*probe, law_doc).empty()) return false;
        Provision* sec = jobs.locate.find_section(opt.default_section);
        if (jobs.ledger.conflicts_whole(op, sec)) return true;
        jobs.units.repeal_kept_section(op, sec);
        return true;
    }

    if (op.type == OpType::Restate && t.section_is_law_number && !t.section.empty() && op.blocks.size() == 1 &&
        ascii_lower(probe->xl->reason) == "not funded") {
        // The applicability section that held this one back now applies the law as of a date.
        std::string held = "\xC2\xA7 " + t.section + " of " + law_doc + " provided that";
        std::string latest = latest_date(*probe);
        bool held_back = false;
        for (const Provision* a : annotations_of(*probe)) {
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
