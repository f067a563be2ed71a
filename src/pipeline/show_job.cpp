#include "pipeline/jobs.hpp"
#include "model/citation.hpp"
#include "parse/dc_xml.hpp"
#include "pipeline/inputs.hpp"
#include "parse/text_layout.hpp"
#include "render/json.hpp"

namespace amend {

namespace {

// The heading, or else the first words of the text (at most eight, then "…").
std::string gist(const Provision& p) {
    if (!p.heading.empty()) return p.heading.text;
    const std::string& t = p.text.text;
    std::size_t words = 0, i = 0;
    while (i < t.size()) {
        while (i < t.size() && t[i] == ' ') ++i;
        if (i >= t.size()) break;
        if (++words > 8) return t.substr(0, i > 0 ? i - 1 : 0) + "\xE2\x80\xA6";
        while (i < t.size() && t[i] != ' ') ++i;
    }
    return t;
}

// The provision and its children as a JSON object: kind, designation, citation and eId (of an
// addressable provision), heading, text, children; empty ones left out.
void write_json(render::JsonWriter& w, const Provision& p, ProvisionPath& chain) {
    w.begin_object();
    w.member("kind", kind_name(p.kind));
    bool addr = is_addressable(p) && (!chain.empty() || p.kind == Kind::Section);
    if (addr) chain.push_back(&p);
    if (!p.designation.empty()) w.member("designation", p.designation);
    if (addr) {
        w.member("citation", citation_of(chain).str());
        w.member("eid", eid_of(chain));
    }
    if (!p.heading.empty()) w.member("heading", p.heading.text);
    if (!p.text.empty()) w.member("text", p.text.text);
    if (!p.children.empty()) {
        w.key("children").begin_array();
        for (const auto& c : p.children) write_json(w, c, chain);
        w.end_array();
    }
    if (addr) chain.pop_back();
    w.end_object();
}

int depth_of(const ProvisionPath& chain) { return static_cast<int>(chain.size()) - 1; }

}  // namespace

Outcome run_show(const ShowOptions& o, std::ostream& out) {
    Document doc = load_code(o.paths);
    const Provision* target = nullptr;
    ProvisionPath target_chain;
    if (!o.at.empty()) {
        auto c = parse_citation(o.at);
        if (!c) throw UsageError("--at: expected a citation such as 2-173-042(c)(4), found \"" + o.at + "\"");
        target = resolve(doc.root, *c, &target_chain);
        if (!target) {
            std::string msg = "--at: no provision " + c->str() + " in the code given";
            auto near = nearest_citations(doc.root, *c);
            if (!near.empty()) {
                msg += "; nearest: ";
                for (std::size_t i = 0; i < near.size(); ++i) msg += (i ? ", " : "") + near[i];
            }
            throw UsageError(msg);
        }
    }
    if (o.format == "outline") {
        ProvisionPath chain;
        auto print = [&](const ProvisionPath& ch) {
            std::string g = gist(*ch.back());
            out << citation_of(ch).str() << (g.empty() ? "" : "  ") << g << "\n";
        };
        if (target) {
            // The chain above the target is already known; walk its subtree.
            ProvisionPath base(target_chain.begin(), target_chain.end() - 1);
            for_each_addressable(*target, base, print);
        } else {
            for_each_addressable(doc.root, chain, print);
        }
        return Outcome::ok;
    }
    if (o.format == "text") {
        if (target) out << write_text_provision(*target, depth_of(target_chain));
        else
            for (std::size_t i = 0; i < doc.files.size(); ++i) out << write_text(doc, static_cast<int>(i));
        return Outcome::ok;
    }
    if (o.format == "xml") {
        if (target) out << write_dc_xml(*target);
        else
            for (const auto* s : sections_of(doc.root)) out << write_dc_xml(*s);
        return Outcome::ok;
    }
    // json
    render::JsonWriter w;
    if (target) {
        ProvisionPath base(target_chain.begin(), target_chain.end() - 1);
        write_json(w, *target, base);
    } else {
        ProvisionPath chain;
        write_json(w, doc.root, chain);
    }
    out << w.str() << "\n";
    return Outcome::ok;
}

}  // namespace amend
