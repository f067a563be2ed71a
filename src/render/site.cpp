// The static site of `amend apply -o DIR`: an index of what the amendments do, and for each changed
// section its redline, side-by-side view and consolidated text, each in HTML with a Markdown twin.
// Every page says what its base text is and which proposal it shows (render.hpp's About).
#include "model/parallel.hpp"
#include "render/doc.hpp"
#include "render/render.hpp"

namespace amend {

using namespace render;

namespace {

using ChangeType = ProvisionChange::Type;

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

ChangeSet only(const SectionDiff& s) {
    ChangeSet cs;
    cs.sections.push_back(s);
    return cs;
}

std::string section_title(const SectionDiff& s) {
    const Provision* p = s.new_s ? s.new_s : s.old_s;
    std::string t = s.number;
    if (p && !p->heading.empty()) t += " " + p->heading.text;
    return t;
}

// What a change did, in a few words, for the index's list of changes.
std::string change_summary(const ProvisionChange& c) {
    std::string cite = c.new_citation.empty() ? c.old_citation : c.new_citation;
    switch (c.type) {
        case ChangeType::Inserted: return cite + " added";
        case ChangeType::Deleted: return cite + " struck";
        case ChangeType::Moved: return cite + " moved from " + c.old_citation;
        default: return cite + " amended";
    }
}

// The index, with links to `.ext` pages.
void index_tree(Doc& doc, const std::vector<const SectionDiff*>& changed, const DiffStats& st, const SiteInfo& info,
                const std::string& ext) {
    text(heading(doc.root(), 1), info.title);
    if (!info.source.empty()) {
        Node p = paragraph(doc.root());
        text(p, "From ");
        text(p, info.source);
        text(p, ".");
    }
    // The figures are said plainly: marked up, "113 words struck" would itself look struck.
    Node sum = paragraph(doc.root());
    text(sum, plural(changed.size(), "section", "sections") + " touched, " +
                  plural(st.provisions_changed, "provision", "provisions") + " changed: " +
                  plural(st.words_struck, "word", "words") + " struck, " +
                  plural(st.words_inserted, "word", "words") + " inserted.");
    if (!info.documents.empty() || !info.ordinance_docx.empty()) {
        text(heading(doc.root(), 2), "Documents");
        Node l = list(doc.root());
        for (const auto& [path, name] : info.documents) text(link(paragraph(item(l)), path + "." + ext), name);
        if (!info.ordinance_docx.empty())
            text(link(paragraph(item(l)), info.ordinance_docx), "The amending ordinance in Word (" + info.ordinance_docx + ")");
    }
    if (!info.warnings.empty()) {
        text(heading(doc.root(), 2), "Warnings");
        Node l = list(doc.root());
        for (const auto& w : info.warnings) text(paragraph(item(l)), format_headline(w));
    }
    text(heading(doc.root(), 2), "Sections");
    if (changed.empty()) text(paragraph(doc.root()), "No section changed.");
    Node l = list(doc.root());
    for (const SectionDiff* sp : changed) {
        const SectionDiff& s = *sp;
        auto ss = stats_of(s);
        Node it = item(l);
        Node p = paragraph(it);
        text(strong(p), section_title(s));
        text(p, s.new_s ? "" : " (repealed)");
        text(p, s.old_s ? "" : " (new)");
        text(p, " \xE2\x80\x94 " + plural(ss.words_struck, "word", "words") + " struck, " +
                    plural(ss.words_inserted, "word", "words") + " inserted: ");
        text(link(p, s.number + "/redline." + ext), "redline");
        text(p, " \xC2\xB7 ");
        text(link(p, s.number + "/side-by-side." + ext), "side by side");
        text(p, " \xC2\xB7 ");
        text(link(p, s.number + "/consolidated." + ext), "consolidated text");
        if (info.word) {  // written beside the site by the caller (pipeline/export.hpp)
            text(p, " \xC2\xB7 ");
            text(link(p, s.number + "/redline.docx"), "Word, tracked changes");
        }
        // The changes, each a link to its place in the redline. A whole section added or struck is
        // one change.
        Node cl;
        int whole_at = -1;  // the depth of the provision added or struck whole that we are inside
        for (const auto& c : s.changes) {
            if (whole_at >= 0 && c.depth > whole_at) continue;
            whole_at = c.type == ChangeType::Inserted || c.type == ChangeType::Deleted ? c.depth : -1;
            if (c.type == ChangeType::Unchanged || c.anchor.empty()) continue;
            if (!cl) cl = list(it);
            text(link(paragraph(item(cl)), s.number + "/redline." + ext + "#" + c.anchor), change_summary(c));
        }
    }
}

void nav(Node parent, const std::string& ext) {
    Node p = paragraph(div(parent, "nav"));
    text(link(p, "../index." + ext), "Index");
    text(p, " \xC2\xB7 ");
    text(link(p, "redline." + ext), "Redline");
    text(p, " \xC2\xB7 ");
    text(link(p, "side-by-side." + ext), "Side by side");
    text(p, " \xC2\xB7 ");
    text(link(p, "consolidated." + ext), "Consolidated text");
}

// Puts the navigation line before a page's content.
std::string navigated(const std::string& ext, std::string body) {
    Doc d;
    nav(d.root(), ext);
    if (ext == "md") return d.markdown() + "\n" + body;
    body.insert(body.find("<main>\n") + 7, d.html());
    return body;
}

// A section's consolidated page: its text as amended, or the notice of its repeal.
std::string consolidated_page(bool html, const SectionDiff& s, const SiteInfo& info, const About& about) {
    std::string title = "Consolidated text of " + section_title(s);
    std::string body;
    if (s.new_s) {
        body = html ? render_consolidated_html_body(only(s)) : render_consolidated_md(only(s));
    } else {
        Doc d;
        text(heading(d.root(), 2), section_title(s));
        text(paragraph(d.root()), "[Repealed by " + (info.proposal.title.empty() ? info.title : info.proposal.title) + "]");
        body = html ? d.html() : d.markdown();
    }
    Doc h;
    text(heading(h.root(), 1), title);
    if (!html) {
        std::string out = h.markdown() + "\n";
        if (!about.lines.empty()) out += about_md(about) + "\n";
        out += body;
        if (!about.generator.empty()) {
            Doc g;
            text(paragraph(div(g.root(), "generator")), about.generator);
            out += "\n" + g.markdown();
        }
        return out;
    }
    Doc g;
    if (!about.generator.empty()) text(paragraph(div(g.root(), "generator")), about.generator);
    return page(title, h.html() + about_html(about) + body + g.html());
}

}  // namespace

std::vector<std::pair<std::string, std::string>> render_site(const ChangeSet& cs, const SiteInfo& info) {
    std::vector<std::pair<std::string, std::string>> out;
    // The changed sections, in the order of `cs`.
    std::vector<const SectionDiff*> changed;
    for (const auto& s : cs.sections)
        if (s.changed()) changed.push_back(&s);
    {
        auto st = stats_of(cs);
        About about = about_section(info, "");
        // The index names each section's base text.
        for (const SectionDiff* s : changed) {
            About one = about_section(info, s->number, s->old_s == nullptr);
            if (!one.lines.empty() && one.lines[0].first == "Base text") about.lines.push_back(one.lines[0]);
        }
        Doc h, m, hg, mg;
        index_tree(h, changed, st, info, "html");
        index_tree(m, changed, st, info, "md");
        if (!about.generator.empty()) {
            text(paragraph(div(hg.root(), "generator")), about.generator);
            text(paragraph(div(mg.root(), "generator")), about.generator);
        }
        // The box follows the heading (and the "From" line): the index's first block or two.
        std::string hb = h.html();
        std::size_t cut = hb.find("</h1>\n") + 6;
        if (!info.source.empty()) cut = hb.find("</p>\n", cut) + 5;
        hb.insert(cut, about_html(about));
        std::string mb = m.markdown();
        std::size_t mcut = mb.find("\n\n") + 2;
        if (!info.source.empty()) mcut = mb.find("\n\n", mcut) + 2;
        if (!about.lines.empty()) mb.insert(mcut, about_md(about) + "\n");
        out.emplace_back("index.html", page(info.title, hb + hg.html()));
        out.emplace_back("index.md", mb + (about.generator.empty() ? "" : "\n" + mg.markdown()));
    }
    // Each changed section's six pages, the sections on every core, kept in order.
    std::vector<std::vector<std::pair<std::string, std::string>>> pages(changed.size());
    parallel_for(changed.size(), [&](std::size_t k) {
        const SectionDiff& s = *changed[k];
        auto& mine = pages[k];
        ChangeSet one = only(s);
        std::string base = s.number + "/";
        RenderOptions o;
        o.about = about_section(info, s.number, s.old_s == nullptr);
        for (const auto& [n, b] : info.base)
            if (n == s.number) o.old_label = b.label();
        if (!s.old_s) o.old_label = "No text before (a new section)";
        if (!info.proposal.title.empty()) o.new_label = info.proposal.label();
        o.title = "Redline of " + section_title(s);
        mine.emplace_back(base + "redline.html", navigated("html", render_redline_html(one, o)));
        mine.emplace_back(base + "redline.md", navigated("md", render_redline_md(one, o)));
        o.title = "Side by side: " + section_title(s);
        mine.emplace_back(base + "side-by-side.html", navigated("html", render_side_by_side_html(one, o)));
        mine.emplace_back(base + "side-by-side.md", navigated("md", render_side_by_side_md(one, o)));
        mine.emplace_back(base + "consolidated.html", navigated("html", consolidated_page(true, s, info, o.about)));
        mine.emplace_back(base + "consolidated.md", navigated("md", consolidated_page(false, s, info, o.about)));
    });
    for (auto& p : pages)
        for (auto& f : p) out.push_back(std::move(f));
    return out;
}

}  // namespace amend
