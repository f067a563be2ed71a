// Renderers of a ChangeSet (DESIGN §6). They never compute a diff: they read the plain data that
// src/diff produced. Markdown and HTML come from one cmark document tree; marks are CUSTOM_INLINE
// nodes rendering as <del>/<ins> in both. Someone re-rendering our Markdown with cmark's safe default
// sees the marks (raw HTML) removed: render it with CMARK_OPT_UNSAFE, as GitHub does for these tags.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "diff/diff.hpp"

namespace amend {

struct RenderOptions {
    // Show unchanged provisions whole; otherwise each run of unchanged provisions that is neither a
    // changed provision's ancestor nor changed itself is elided to one line.
    bool show_unchanged = false;
    std::string title = "Redline";  // the HTML <title> and the page's heading
};

// The formats of `amend diff`, and the side-by-side view as Markdown (the site's twin page).
enum class Format : std::uint8_t { Md, Html, SideBySide, Text, Json, SideBySideMd };

// A page rendered section by section, so that a whole code's sections can be diffed and rendered
// in parallel and never held together: page_head, then the part of each section the page shows
// (page_part gives "" for one it does not), each after part_separator, then page_tail. The
// render_* functions below are exactly this over a ChangeSet. `totals` (JSON only) are the sums
// of stats_of over the changed sections; `stats` is stats_of(s).
std::string page_head(Format f, const RenderOptions& o, const DiffStats& totals);
std::string page_part(Format f, const SectionDiff& s, const DiffStats& stats, const RenderOptions& o);
const char* part_separator(Format f, bool first);
std::string page_tail(Format f, const RenderOptions& o, bool any_shown);
std::string render_page(Format f, const ChangeSet& cs, const RenderOptions& o = {});

// Inline redline: deletions struck through (<del>), insertions underscored (<ins>).
std::string render_redline_md(const ChangeSet& cs, const RenderOptions& o = {});
std::string render_redline_html(const ChangeSet& cs, const RenderOptions& o = {});  // standalone page

// Current law and amended text in two columns, aligned provision by provision.
std::string render_side_by_side_html(const ChangeSet& cs, const RenderOptions& o = {});
std::string render_side_by_side_md(const ChangeSet& cs, const RenderOptions& o = {});

// The new version whole. The Markdown, rendered by cmark (unsafe), equals the body fragment.
std::string render_consolidated_md(const ChangeSet& cs);
std::string render_consolidated_html_body(const ChangeSet& cs);
std::string render_consolidated_html(const ChangeSet& cs, const std::string& title = "Consolidated text");

// The change list for other tools: citations, eIds, change types and word operations.
std::string render_json(const ChangeSet& cs);

// For terminals: "[-deleted-]{+inserted+}", three spaces of indent per level.
std::string render_text(const ChangeSet& cs, const RenderOptions& o = {});

// The static site written by `amend apply -o DIR`: pure, no file I/O.
struct SiteInfo {
    std::string title = "Amendments";      // e.g. the ordinance's title
    std::string source;                      // e.g. the amendment file's name; shown when not empty
    std::vector<std::string> warnings;       // shown on the index, in order
    // Word files the caller writes beside the site: each section's NUMBER/redline.docx (linked
    // when true), and the ordinance (linked when not empty, e.g. "ordinance.docx").
    bool word = false;
    std::string ordinance;
};

// (relative path, bytes) pairs, in a stable order: index.html and index.md (sections touched, words
// struck and inserted, warnings), then for each changed section NUMBER:
// NUMBER/redline.{html,md}, NUMBER/side-by-side.{html,md}, NUMBER/consolidated.{html,md}.
std::vector<std::pair<std::string, std::string>> render_site(const ChangeSet& cs, const SiteInfo& info);

}  // namespace amend
