// Targets: sections by number, the target an instruction names, and where a provision stands in the tree.
#include "amend/apply/jobs.hpp"
#include "amend/language/target.hpp"

namespace amend::applying {

std::string Locator::prefix_of(const std::string& num) {
    std::size_t dash = num.find('-');
    if (dash != std::string::npos && num.find('-', dash + 1) == std::string::npos && num.find_first_of(".:") == std::string::npos) {
        std::size_t digits = 0;
        while (dash + 1 + digits < num.size() && std::isdigit(static_cast<unsigned char>(num[dash + 1 + digits]))) ++digits;
        if (digits >= 3) return num.substr(0, dash + 1 + digits - 2);
    }
    std::size_t p = num.find_last_of("-.");
    return p == std::string::npos ? num : num.substr(0, p);
}

void Locator::given(const Provision& section) {
    std::string p = prefix_of(section.designation);
    if (std::find(prefixes.begin(), prefixes.end(), p) == prefixes.end()) prefixes.push_back(p);
}

std::vector<Provision*> Locator::section_along(const std::string& num) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (index_dirty) {
            section_index.clear();
            std::vector<std::pair<const Provision*, TreePath>> all;
            sections_with_paths(doc.root, all);
            for (auto& [s, path] : all) {
                section_index.emplace(clean_num(s->designation), path);
                section_index.emplace(s->designation, std::move(path));
            }
            index_dirty = false;
        }
        auto it = section_index.find(num);
        if (it == section_index.end()) return {};
        std::vector<Provision*> nodes = along(doc.root, it->second);
        // A place kept is checked where it is read: a section added or removed without the index
        // being told moves the places after it, and the index is then built again.
        if (!nodes.empty() && nodes.back()->kind == Kind::Section &&
            (nodes.back()->designation == num || clean_num(nodes.back()->designation) == num))
            return nodes;
        index_dirty = true;
    }
    return {};
}

Provision* Locator::find_section(const std::string& num, bool probe) {
    std::vector<Provision*> nodes = section_along(num);
    if (nodes.empty()) return nullptr;
    if (!probe) jobs.transaction.keep_before(*nodes.back());
    return nodes.back();
}

// The targets of a repeal or of a whole Act restated: an Act named by its first section ("§
// 2-1551 et seq.") is every section of the code given that the Code's index holds in the same
// unit from that one on.
std::vector<TargetRef> Locator::act_targets(const Op& op) {
    std::vector<TargetRef> out;
    for (const auto& t : op.targets) {
        if (t.et_seq.empty()) {
            out.push_back(t);
            continue;
        }
        std::size_t before = out.size();
        for (auto& u : jobs.conventions.act_sections(t))
            if (find_section(u.section, true)) out.push_back(u);
        if (out.size() == before) out.push_back(t);  // none given: the first, to say it is missing
    }
    return out;
}

std::string Locator::section_of(const TargetRef& t) {
    if (t.section.empty() || t.section_is_law_number) return opt.default_section.empty() ? t.section : opt.default_section;
    return t.section;
}

Provision* Locator::resolve_target(const Op& op, const TargetRef& t, ProvisionPath* chain_out, bool quiet) {
    if (t.uncodified) {
        const Provision* given = find_section(opt.default_section, true);
        if (!quiet && given && jobs.conventions.waits_for_funds(*given)) {
            // The section waits for funds: what it reads once the law it amends applies (a
            // subject-to-appropriations clause changed or repealed) is not in this law's words.
            fail(op, "expected an amendment whose text can be written; " + opt.default_section +
                         " holds a \"Not Funded\" placeholder, and this instruction amends a law that is not codified in the code given "
                         "(its applicability, perhaps): what the Code reads once it applies is not in the law",
                 "amend.not-funded");
            return nullptr;
        }
        if (!quiet) {
            if (opt.strict) fail(op, "the instruction amends a law that is not codified in the code given", "amend.target");
            else rep.skipped.push_back(at(op, "the law it amends is not codified in the code given: \"" + op.sentence + "\"", "amend.uncodified", Severity::Note));
        }
        return nullptr;
    }
    std::string num = section_of(t);
    if (num.empty()) {
        if (!quiet) fail(op, "the instruction names no section of the code", "amend.target");
        return nullptr;
    }
    Provision* sec = find_section(num, quiet);
    if (!sec && !t.title.empty() && num.find('-') != std::string::npos && title_of_section(num) != t.title) {
        // "Chapter 28 of Title 47 ... is amended as follows: (e) Section 48-2887.06 is amended":
        // the enclosing instruction's title tells which section the law means.
        std::string in_title = t.title + num.substr(num.find('-'));
        if ((sec = find_section(in_title, quiet)) && !quiet)
            rep.warnings.push_back(at(op, "the law names section " + num + " in Title " + t.title + "; read as " + in_title, "amend.title", Severity::Warning));
    }
    current_section = sec ? sec->designation : std::string();
    if (!sec) {
        bool should = std::find(prefixes.begin(), prefixes.end(), prefix_of(num)) != prefixes.end();
        if (quiet) return nullptr;
        if (should || opt.strict) {
            Citation c;
            c.section = num;
            auto near = nearest_citations(doc.root, c, 3);
            std::string msg = "no section " + num + " in the code given";
            if (!near.empty()) {
                msg += "; nearest: ";
                for (std::size_t i = 0; i < near.size(); ++i) msg += (i ? ", " : "") + near[i];
            }
            fail(op, msg, "amend.target");
        } else {
            rep.skipped.push_back(at(op, "section " + num + " is not in the code given: \"" + op.sentence + "\"", "amend.not-given", Severity::Note));
        }
        return nullptr;
    }
    ProvisionPath chain{sec};
    Provision* cur = sec;
    bool exact = true;
    for (std::size_t k = 0; k < t.path.size(); ++k) {
        const std::string& d = t.path[k];
        std::vector<Provision*> same;
        for (auto& c : cur->children)
            if (is_numbered(c.kind) && clean_num(c.designation) == d) same.push_back(&c);
        Provision* next = same.empty() ? nullptr : same[0];
        bool last = k + 1 == t.path.size();
        if (same.size() > 1) {
            // A code may hold two provisions with one designation: say which, never guess.
            if (last && t.ordinal >= 1 && static_cast<std::size_t>(t.ordinal) <= same.size()) {
                next = same[static_cast<std::size_t>(t.ordinal - 1)];
            } else {
                if (!quiet)
                    fail(op, std::to_string(same.size()) + " provisions are designated (" + d + ") in " + cite_of(cur) +
                                 "; say which (\"the second ... designated as (" + d + ")\")",
                         "amend.ambiguous");
                return nullptr;
            }
        }
        if (!next) {
            exact = false;
            break;
        }
        cur = next;
        chain.push_back(cur);
    }
    if (!exact) {
        // The law's kind words do not always match the Code's depth ("Paragraph (2)" of a
        // definitions section, an undesignated "(a)" wrapper): look for the designations as a
        // chain anywhere in the section, and accept exactly one match.
        std::vector<ProvisionPath> found;
        std::function<void(Provision&, ProvisionPath&)> walk = [&](Provision& p, ProvisionPath& ch) {
            for (auto& c : p.children) {
                if (!is_numbered(c.kind)) continue;
                ch.push_back(&c);
                if (!t.path.empty() && ch.size() >= t.path.size() + 1) {
                    bool match = true;
                    for (std::size_t k = 0; k < t.path.size(); ++k)
                        if (clean_num(ch[ch.size() - t.path.size() + k]->designation) != t.path[k]) match = false;
                    if (match) found.push_back(ch);
                }
                walk(c, ch);
                ch.pop_back();
            }
        };
        // Try the tail of the path first (relative part), then shorter tails.
        ProvisionPath root_chain{sec};
        walk(*sec, root_chain);
        if (found.size() != 1) {
            if (quiet) return nullptr;
            Citation c;
            c.section = sec->designation;
            c.path = t.path;
            if (found.empty()) {
                auto near = nearest_citations(*sec, c, 3);
                std::string msg = "no provision " + c.str() + " in the code given";
                if (!near.empty()) {
                    msg += "; nearest: ";
                    for (std::size_t i = 0; i < near.size(); ++i) msg += (i ? ", " : "") + near[i];
                }
                fail(op, msg, "amend.target");
            } else {
                std::string msg = c.str() + " is ambiguous: it matches ";
                for (std::size_t i = 0; i < found.size(); ++i) {
                    ProvisionPath cp(found[i].begin(), found[i].end());
                    msg += (i ? ", " : "") + citation_of(cp).str();
                }
                fail(op, msg, "amend.ambiguous");
            }
            return nullptr;
        }
        chain = found[0];
        cur = const_cast<Provision*>(chain.back());
    }
    if (!t.term.empty()) {
        Provision* def = nullptr;
        std::function<void(Provision&)> look = [&](Provision& p) {
            for (auto& c : p.children) {
                if (def) return;
                if ((c.kind == Kind::Definition && ascii_lower(c.designation) == ascii_lower(t.term)) ||
                    (is_numbered(c.kind) && same_term(c.text.text, t.term))) {
                    def = &c;
                    chain.push_back(&c);
                    return;
                }
                look(c);
            }
        };
        look(*cur);
        if (!def) {
            if (!quiet) fail(op, "no definition of \"" + t.term + "\" in " + cite_of(cur), "amend.target");
            return nullptr;
        }
        cur = def;
    }
    if (chain_out) *chain_out = chain;
    return cur;
}

std::string Locator::cite(const ProvisionPath& ch) { return citation_of(ch).str(); }

std::vector<Provision*> Locator::ancestry(Provision* target) {
    for (const std::string& num : {target->kind == Kind::Section ? target->designation : std::string(), current_section}) {
        if (num.empty()) continue;
        std::vector<Provision*> nodes = section_along(num);
        if (nodes.empty()) continue;
        TreePath below;
        if (!path_below(*nodes.back(), target, below)) continue;
        for (std::uint32_t i : below) nodes.push_back(&nodes.back()->children[i]);
        return nodes;
    }
    return {};
}

ProvisionPath Locator::addressable(const std::vector<Provision*>& anc) {
    ProvisionPath chain;
    for (Provision* p : anc)
        if (is_addressable(*p) && (!chain.empty() || p->kind == Kind::Section)) chain.push_back(p);
    return chain;
}

std::string Locator::cite_of(Provision* target) {
    ProvisionPath chain = addressable(ancestry(target));
    return chain.empty() ? std::string() : citation_of(chain).str();
}

Provision* Locator::parent_of(Provision* target) {
    auto anc = ancestry(target);
    return anc.size() >= 2 ? anc[anc.size() - 2] : nullptr;
}

Provision& Locator::parent_for_edit(Provision* target) {
    Provision* p = parent_of(target);
    if (!p) throw TreeError(std::string("the provision to edit (") + kind_name(target->kind) + " " + target->designation + ") was not found in its section");
    return *p;
}

int Locator::depth_in_section(Provision* target) {
    ProvisionPath chain = addressable(ancestry(target));
    return chain.empty() ? 0 : static_cast<int>(chain.size()) - 1;
}

void Locator::scope_nodes(Provision* n, bool whole, std::vector<Provision*>& out) {
    if (n->kind == Kind::History || n->kind == Kind::Block) return;
    out.push_back(n);
    if (!whole) return;
    for (auto& c : n->children) scope_nodes(&c, true, out);
}

}  // namespace amend::applying
