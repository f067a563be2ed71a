// Pages in parts (render.hpp): the one place that knows how each format frames its sections.
#include "render/doc.hpp"
#include "render/parts.hpp"
#include "render/render.hpp"

namespace amend {

using namespace render;

std::string page_head(PageFormat f, const RenderOptions& o, const DiffStats& totals) {
    switch (f) {
        case PageFormat::Md: case PageFormat::SideBySideMd: return frame_head(false, o);
        case PageFormat::Html: return page_open(o.title) + frame_head(true, o);
        case PageFormat::SideBySide: return page_open(o.title, "sbs") + frame_head(true, o);
        case PageFormat::Text: return "";
        case PageFormat::Json: return json_head(totals);
    }
    return "";
}

std::string page_part(PageFormat f, const SectionDiff& s, const DiffStats& stats, const RenderOptions& o) {
    // The change list holds changed sections only; the pages also unchanged ones when asked.
    if (!s.changed() && (f == PageFormat::Json || !o.show_unchanged)) return "";
    switch (f) {
        case PageFormat::Md: return redline_part(false, s, o);
        case PageFormat::Html: return redline_part(true, s, o);
        case PageFormat::SideBySide: return side_by_side_part(true, s, o);
        case PageFormat::SideBySideMd: return side_by_side_part(false, s, o);
        case PageFormat::Text: return text_part(s, o);
        case PageFormat::Json: return json_part(s, stats);
    }
    return "";
}

const char* part_separator(PageFormat f, bool first) {
    switch (f) {
        case PageFormat::Md: case PageFormat::SideBySideMd: return "\n";  // a blank line after each block
        case PageFormat::Html: case PageFormat::SideBySide: return "";
        case PageFormat::Text: return first ? "" : "\n";
        case PageFormat::Json: return first ? "\n" : ",\n";
    }
    return "";
}

std::string page_tail(PageFormat f, const RenderOptions& o, bool any_shown) {
    std::string gen_md = o.about.generator.empty() ? "" : "\n" + generator_line(false, o.about);
    switch (f) {
        case PageFormat::Md: case PageFormat::SideBySideMd: return (any_shown ? "" : "\n" + frame_tail(false, false)) + gen_md;
        case PageFormat::Html: case PageFormat::SideBySide: return frame_tail(true, any_shown) + generator_line(true, o.about) + page_close();
        case PageFormat::Text: return "";
        case PageFormat::Json: return json_tail(any_shown);
    }
    return "";
}

std::string render_page(PageFormat f, const ChangeSet& cs, const RenderOptions& o) {
    std::vector<DiffStats> per(cs.sections.size());
    DiffStats totals;
    if (f == PageFormat::Json)
        for (std::size_t i = 0; i < cs.sections.size(); ++i) {
            if (!cs.sections[i].changed()) continue;
            per[i] = stats_of(cs.sections[i]);
            totals.words_struck += per[i].words_struck;
            totals.words_inserted += per[i].words_inserted;
            totals.provisions_changed += per[i].provisions_changed;
        }
    std::string out = page_head(f, o, totals);
    bool any = false;
    for (std::size_t i = 0; i < cs.sections.size(); ++i) {
        std::string part = page_part(f, cs.sections[i], per[i], o);
        if (part.empty()) continue;
        out += part_separator(f, !any);
        out += part;
        any = true;
    }
    return out + page_tail(f, o, any);
}

std::string render_redline_md(const ChangeSet& cs, const RenderOptions& o) { return render_page(PageFormat::Md, cs, o); }
std::string render_redline_html(const ChangeSet& cs, const RenderOptions& o) { return render_page(PageFormat::Html, cs, o); }
std::string render_side_by_side_md(const ChangeSet& cs, const RenderOptions& o) {
    return render_page(PageFormat::SideBySideMd, cs, o);
}
std::string render_side_by_side_html(const ChangeSet& cs, const RenderOptions& o) {
    return render_page(PageFormat::SideBySide, cs, o);
}
std::string render_text(const ChangeSet& cs, const RenderOptions& o) { return render_page(PageFormat::Text, cs, o); }
std::string render_json(const ChangeSet& cs) { return render_page(PageFormat::Json, cs); }

}  // namespace amend
