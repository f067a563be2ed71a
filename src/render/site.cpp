// The static site of `amend apply -o DIR`: an index of what the amendments do, and for each changed
// section its redline, side-by-side view and consolidated text, each in HTML with a Markdown twin.
#include "model/parallel.hpp"
#include "render/doc.hpp"
#include "render/render.hpp"

namespace amend {

using namespace render;

namespace {

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

// The index, with links to `.ext` pages.
void index_tree(Doc& doc, const ChangeSet& cs, const SiteInfo& info, const std::string& ext) {
    text(heading(doc.root(), 1), info.title);
    if (!info.source.empty()) {
        cmark_node* p = paragraph(doc.root());
        text(p, "From ");
        text(p, info.source);
        text(p, ".");
    }
    auto st = stats_of(cs);
    std::size_t touched = 0;
    for (const auto& s : cs.sections) if (s.changed()) ++touched;
    cmark_node* sum = paragraph(doc.root());
    text(sum, plural(touched, "section", "sections") + " touched, " + plural(st.provisions_changed, "provision", "provisions") +
                  " changed: ");
    text(del(sum), plural(st.words_struck, "word", "words") + " struck");
    text(sum, ", ");
    text(ins(sum), plural(st.words_inserted, "word", "words") + " inserted");
    text(sum, ".");
    if (!info.warnings.empty()) {
        text(heading(doc.root(), 2), "Warnings");
        cmark_node* l = list(doc.root());
        for (const auto& w : info.warnings) text(paragraph(item(l)), w);
    }
    text(heading(doc.root(), 2), "Sections");
    if (touched == 0) text(paragraph(doc.root()), "No section changed.");
    cmark_node* l = list(doc.root());
    for (const auto& s : cs.sections) {
        if (!s.changed()) continue;
        auto ss = stats_of(s);
        cmark_node* p = paragraph(item(l));
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
        if (info.word) {  // written beside the site by the caller (src/docx)
            text(p, " \xC2\xB7 ");
            text(link(p, s.number + "/redline.docx"), "Word, tracked changes");
        }
    }
    if (!info.ordinance.empty()) {
        cmark_node* p = paragraph(doc.root());
        text(p, "The amending ordinance: ");
        text(link(p, info.ordinance), info.ordinance);
        text(p, ".");
    }
}

void nav(cmark_node* parent, const std::string& ext) {
    cmark_node* p = paragraph(div(parent, "nav"));
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

}  // namespace

std::vector<std::pair<std::string, std::string>> render_site(const ChangeSet& cs, const SiteInfo& info) {
    std::vector<std::pair<std::string, std::string>> out;
    {
        Doc h, m;
        index_tree(h, cs, info, "html");
        index_tree(m, cs, info, "md");
        out.emplace_back("index.html", page(info.title, h.html()));
        out.emplace_back("index.md", m.markdown());
    }
    // Each changed section's six pages, the sections on every core, kept in order.
    std::vector<const SectionDiff*> changed;
    for (const auto& s : cs.sections)
        if (s.changed()) changed.push_back(&s);
    std::vector<std::vector<std::pair<std::string, std::string>>> pages(changed.size());
    parallel_for(changed.size(), [&](std::size_t k) {
        const SectionDiff& s = *changed[k];
        auto& mine = pages[k];
        ChangeSet one = only(s);
        std::string base = s.number + "/";
        RenderOptions o;
        o.title = "Redline of " + section_title(s);
        mine.emplace_back(base + "redline.html", navigated("html", render_redline_html(one, o)));
        mine.emplace_back(base + "redline.md", navigated("md", render_redline_md(one, o)));
        o.title = "Side by side: " + section_title(s);
        mine.emplace_back(base + "side-by-side.html", navigated("html", render_side_by_side_html(one, o)));
        mine.emplace_back(base + "side-by-side.md", navigated("md", render_side_by_side_md(one, o)));
        mine.emplace_back(base + "consolidated.html",
                          navigated("html", render_consolidated_html(one, "Consolidated text of " + section_title(s))));
        mine.emplace_back(base + "consolidated.md", navigated("md", render_consolidated_md(one)));
    });
    for (auto& p : pages)
        for (auto& f : p) out.push_back(std::move(f));
    return out;
}

}  // namespace amend
