// The redline, the side-by-side view and the consolidated text: one document tree each, rendered
// to CommonMark and HTML (render/doc.hpp).
#include <optional>

#include "render/doc.hpp"
#include "render/parts.hpp"
#include "render/render.hpp"

namespace amend {

using namespace render;

namespace {

using ChangeType = ProvisionChange::Type;

// What a provision's line shows: both sides marked (redline), one side with its marks (a column of
// the side-by-side view), or the new text plain (consolidated).
// OldClean: the old text plain (current law beside several proposals).
enum class Mode { Redline, Old, New, Clean, OldClean };

bool has_designation(const Provision& p) { return is_numbered(p.kind) && p.kind != Kind::Section; }

// Whether this mode shows the change at all (an inserted provision has no old side).
bool present(const ProvisionChange& c, Mode m) {
    if (m == Mode::Old || m == Mode::OldClean) return c.old_p != nullptr;
    if (m == Mode::New || m == Mode::Clean) return c.new_p != nullptr;
    return true;
}

// Appends a field (designation, heading or text) to `parent` as the mode shows it.
void field(Node parent, const std::string& old_s, const std::string& new_s, const std::vector<WordOp>& os,
           Mode m) {
    if (m == Mode::Clean) return text(parent, new_s);
    if (m == Mode::OldClean) return text(parent, old_s);
    if (!os.empty()) return ops(parent, os, m == Mode::Redline ? Sides::Both : m == Mode::Old ? Sides::Old : Sides::New);
    if (old_s == new_s) return text(parent, new_s);
    // Changed without word operations (a designation): the old struck, the new inserted.
    if (m != Mode::New && !old_s.empty()) deleted(parent, old_s);
    if (m == Mode::Redline && !old_s.empty() && !new_s.empty()) replaced_by(parent);
    if (m != Mode::Old && !new_s.empty()) inserted(parent, new_s);
}

// The words of one provision: designation, heading and text; for a section's heading line, only its
// number and heading (head_only), and for the paragraph below it only its text (text_only).
enum class Part { All, Head, Text };
void line(Node parent, const ProvisionChange& c, Mode m, Part part = Part::All) {
    bool old_side = m == Mode::Old || m == Mode::OldClean;
    const Provision& p = c.new_p && !old_side ? *c.new_p : *c.old_p;
    bool whole = c.type == ChangeType::Inserted || c.type == ChangeType::Deleted;
    Node into = parent;
    if (whole && m != Mode::Clean && m != Mode::OldClean) into = c.type == ChangeType::Inserted ? ins(parent) : del(parent);
    auto both = [&](auto get) -> std::pair<std::string, std::string> {
        if (whole) return {get(p), get(p)};
        return {get(*c.old_p), get(*c.new_p)};
    };
    if ((has_designation(p) || p.kind == Kind::Section) && part != Part::Text) {
        auto [o, n] = both([](const Provision& q) { return q.designation; });
        field(into, o, n, {}, m);
    }
    auto [oh, nh] = both([](const Provision& q) { return q.heading.text; });
    if ((!oh.empty() || !nh.empty()) && part != Part::Text) {
        text(into, " ");
        field(into, oh, nh, whole ? std::vector<WordOp>{} : c.heading_ops, m);
    }
    auto [ot, nt] = both([](const Provision& q) { return q.text.text; });
    if ((!ot.empty() || !nt.empty()) && part != Part::Head) {
        if (has_designation(p)) text(into, " ");
        field(into, ot, nt, whole ? std::vector<WordOp>{} : c.text_ops, m);
    }
    if (c.type == ChangeType::Moved && m != Mode::Clean && !old_side && part != Part::Text) {
        text(parent, " ");
        text(span(parent, "note"), "(moved from " + c.old_citation + ")");
    }
}

bool has_text(const ProvisionChange& c) {
    return (c.old_p && !c.old_p->text.empty()) || (c.new_p && !c.new_p->text.empty());
}

std::string depth_class(int depth) { return "d" + std::to_string(depth); }

// The table a provision's text is, where it is one on each side the mode shows
// (RichText::only_table): its rows, cell by cell as the mode marks them; none otherwise.
std::optional<std::vector<RowDiff>> table_of(const ProvisionChange& c, Mode m) {
    const Provision* one = nullptr;  // a side shown alone, unmarked
    if (m == Mode::Clean || (c.type == ChangeType::Unchanged && m != Mode::OldClean)) one = c.new_p ? c.new_p : c.old_p;
    if (m == Mode::OldClean) one = c.old_p;
    if (one) return shows_as_table(one->text) ? std::optional(diff_tables(one->text, one->text)) : std::nullopt;
    return table_change(c);
}

Sides sides_of(Mode m) { return m == Mode::Redline ? Sides::Both : m == Mode::Old || m == Mode::OldClean ? Sides::Old : Sides::New; }

bool has_head(const ProvisionChange& c) {
    const Provision& p = c.new_p ? *c.new_p : *c.old_p;
    return has_designation(p) || !p.heading.text.empty() || (c.old_p && !c.old_p->heading.text.empty());
}

// A provision's words into block `d`: a section's heading line as `head`, then its text; a table
// as a table, below the designation and heading it has.
template <class Head>
void provision_body(Node d, const ProvisionChange& c, Mode m, Head head) {
    auto tbl = table_of(c, m);
    if (!tbl && c.depth != 0) return line(paragraph(d), c, m);
    if (c.depth == 0 || has_head(c)) line(head(d), c, m, Part::Head);
    if (tbl) return table(d, *tbl, sides_of(m));
    if (has_text(c)) line(paragraph(d), c, m, Part::Text);
}

// One provision as a block: a section's is a heading, the others a paragraph in an indented div.
void provision_block(Node parent, const ProvisionChange& c, Mode m, bool with_id) {
    std::string cls = "prov " + depth_class(c.depth);
    if (m != Mode::Clean && c.type != ChangeType::Unchanged) cls += std::string(" ") + change_type_name(c.type);
    Node d = div(parent, cls, with_id ? c.anchor : "");
    provision_body(d, c, m, [&](Node n) { return c.depth == 0 ? heading(n, 2) : paragraph(n); });
}

void elided(Node parent, int depth) {
    text(paragraph(div(parent, "prov elided " + depth_class(depth))), "(Omitted text is unaffected)");
}

void legend(Node parent, bool html) {
    Node p = paragraph(div(parent, "legend"));
    text(p, "Deletions are ");
    text(del(p), "struck through");
    text(p, "; insertions are ");
    text(ins(p), "underlined");
    text(p, "; an arrow joins a deletion to the insertion that replaces it (");
    text(del(p), "old");
    replaced_by(p);
    text(ins(p), "new");
    text(p, "); a change of punctuation alone is boxed: ");
    deleted(p, ";");
    replaced_by(p);
    inserted(p, ",");
    // The bars are the HTML pages' (their CSS); the Markdown has none.
    text(p, html ? "; a bar in the margin marks each changed provision (dotted: struck)." : ".");
}

// Walks the changes of a section, calling show(c) for shown ones and gap(depth) once per elided run.
template <class Show, class Gap>
void walk(const SectionDiff& s, const RenderOptions& o, Show show, Gap gap) {
    auto vis = shown(s, o.show_unchanged);
    for (std::size_t k = 0; k < s.changes.size(); ++k) {
        if (vis[k]) {
            show(s.changes[k]);
        } else if (k == 0 || vis[k - 1]) {
            gap(s.changes[k].depth);
        }
    }
}

void column_labels(Node parent, const RenderOptions& o) {
    Node head = div(parent, "row head");
    text(paragraph(div(head, "old")), o.old_label);
    text(paragraph(div(head, "new")), o.new_label);
}

void no_changes(Doc& doc) { text(paragraph(doc.root()), "No changes."); }

void redline_section(Doc& doc, const SectionDiff& s, const RenderOptions& o) {
    walk(s, o, [&](const ProvisionChange& c) { provision_block(doc.root(), c, Mode::Redline, true); },
         [&](int depth) { elided(doc.root(), depth); });
}

// One provision in a column of a row: class `side` ("old", "new", "p1", ...), "empty" when the
// mode has nothing of it.
void cell(Node row, const ProvisionChange* c, Mode m, const std::string& side) {
    if (!c || !present(*c, m)) {
        div(row, side + " empty");
        return;
    }
    Node d = div(row, side + " " + depth_class(c->depth));
    provision_body(d, *c, m, [&](Node n) { return c->depth == 0 ? strong(paragraph(n)) : paragraph(n); });
}

void side_by_side_section(Doc& doc, const SectionDiff& s, const RenderOptions& o) {
    text(heading(doc.root(), 2), s.number);
    column_labels(doc.root(), o);
    walk(s, o,
         [&](const ProvisionChange& c) {
             std::string cls = "row ";
             cls += c.type == ChangeType::Unchanged ? "same" : change_type_name(c.type);
             Node row = div(doc.root(), cls, c.anchor);
             cell(row, &c, Mode::Old, "old");
             cell(row, &c, Mode::New, "new");
         },
         [&](int depth) {
             Node row = div(doc.root(), "row same");
             elided(row, depth);
             elided(row, depth);
         });
}

void consolidated_tree(Doc& doc, const ChangeSet& cs) {
    for (const auto& s : cs.sections)
        for (const auto& c : s.changes)
            if (c.new_p) provision_block(doc.root(), c, Mode::Clean, true);
}

}  // namespace

// Builds a document with `build` and renders it as Markdown, or as an HTML body fragment.
template <class Build>
std::string md_of(Build build) {
    Doc d;
    build(d);
    return d.markdown();
}
template <class Build>
std::string html_of(Build build) {
    Doc d;
    build(d);
    return d.html();
}
template <class Build>
std::string render_as(bool html, Build build) {
    return html ? html_of(build) : md_of(build);
}

namespace render {

void legend_block(Node parent, bool html) { legend(parent, html); }

void current_law_cell(Node row, const ProvisionChange* c, const std::string& side) {
    cell(row, c, Mode::OldClean, side);
}

void redline_cell(Node row, const ProvisionChange* c, const std::string& side) { cell(row, c, Mode::Redline, side); }

std::string frame_head(bool html, const RenderOptions& o) {
    // The frame of a redline or side-by-side page: title, what it is about, legend; each shown
    // section follows.
    const char* gap = html ? "" : "\n";
    std::string out = render_as(html, [&](Doc& d) { text(heading(d.root(), 1), o.title); }) + gap;
    if (!o.about.lines.empty()) out += (html ? about_html(o.about) : about_md(o.about)) + gap;
    return out + render_as(html, [&](Doc& d) { legend(d.root(), html); });
}

std::string redline_part(bool html, const SectionDiff& s, const RenderOptions& o) {
    return render_as(html, [&](Doc& d) { redline_section(d, s, o); });
}

std::string side_by_side_part(bool html, const SectionDiff& s, const RenderOptions& o) {
    return render_as(html, [&](Doc& d) { side_by_side_section(d, s, o); });
}

std::string frame_tail(bool html, bool any_shown) {
    if (any_shown) return "";
    return render_as(html, [&](Doc& d) { no_changes(d); });
}

}  // namespace render

std::string render_consolidated_md(const ChangeSet& cs) {
    return md_of([&](Doc& d) { consolidated_tree(d, cs); });
}

std::string render_consolidated_html_body(const ChangeSet& cs) {
    return html_of([&](Doc& d) { consolidated_tree(d, cs); });
}

std::string render_consolidated_html(const ChangeSet& cs, const std::string& title) {
    return page(title, render_consolidated_html_body(cs));
}

}  // namespace amend
