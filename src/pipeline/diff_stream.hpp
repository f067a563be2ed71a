// `amend diff` on two text-layout files, section by section (diff_cmd.cpp), callable by the tests
// and the fuzz targets.
#pragma once

#include <ostream>
#include <string>

#include "parse/text_layout.hpp"
#include "pipeline/jobs.hpp"
#include "render/render.hpp"

namespace amend {

// A text-layout file cut at its section headings.
struct TextSide {
    std::string path;
    std::string bytes;
    TextFile file;
};

// Two cut files (no chapter lines, at least one section each) diffed and rendered section by
// section: the page render_page gives for diff_trees of the two files read whole; whether they
// differ. Throws the first error of reading them whole, the old file's first. Batches of
// sections run on every core.
// The page options `amend diff` renders with: the labels (options, else the sidecars, else "Old
// version" / "New version"), the title made of them, and the generator line.
RenderOptions diff_page_options(const DiffOptions& o);

bool diff_text_sides(const TextSide& old_side, const TextSide& new_side, PageFormat f, const RenderOptions& ro,
                    std::ostream& out);

}  // namespace amend
