// amend diff OLD NEW: compare two versions of a code; exit 0 when equal, 1 when they differ.
//
// Two single files in the text layout (a whole code written out) are compared section by section:
// each file is cut at its section headings without being read into a tree, sections pair by
// number as diff_trees pairs them, a pair whose bytes are equal is only checked (the old side is
// read, for its errors) and the others are read, diffed and rendered, in parallel batches. Only
// the two files and the rendered parts are held, never two whole trees. Everything else (folders,
// XML, files with chapter lines) is read whole and diffed with diff_trees. Both ways give the same
// bytes and the same first error.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <optional>
#include <thread>

#include "pipeline/diff_stream.hpp"
#include "pipeline/export.hpp"
#include "pipeline/jobs.hpp"
#include "pipeline/provenance.hpp"
#include <filesystem>
#include "diff/diff.hpp"
#include "model/diagnostic.hpp"
#include "model/parallel.hpp"
#include "pipeline/inputs.hpp"
#include "parse/text_layout.hpp"
#include "render/render.hpp"

namespace amend {

namespace {

using clock_type = std::chrono::steady_clock;

double secs(clock_type::time_point a, clock_type::time_point b) { return std::chrono::duration<double>(b - a).count(); }

PageFormat format_named(const std::string& name) {
    if (name == "md") return PageFormat::Md;
    if (name == "html") return PageFormat::Html;
    if (name == "side-by-side") return PageFormat::SideBySide;
    if (name == "json") return PageFormat::Json;
    if (name == "text") return PageFormat::Text;
    throw UsageError("diff: unknown format " + name);
}

// Stage times; in the parallel path, summed over the threads.
struct Stages {
    double read = 0, align = 0, word_diff = 0, render = 0;
    void add(const Stages& o) {
        read += o.read;
        align += o.align;
        word_diff += o.word_diff;
        render += o.render;
    }
};

using Side = TextSide;

std::vector<std::string_view> numbers_of(const Side& s) {  // of chunks 1..n
    std::vector<std::string_view> r;
    for (std::size_t i = 1; i < s.file.chunks.size(); ++i) r.push_back(s.file.chunks[i].number);
    return r;
}

std::optional<Side> cut(const std::string& path) {
    auto files = list_inputs(path);
    if (files.size() != 1 || (files[0].size() >= 4 && files[0].compare(files[0].size() - 4, 4, ".xml") == 0))
        return std::nullopt;
    Side s;
    s.path = files[0];
    s.bytes = read_file(s.path);
    s.file = split_text(s.bytes, s.path);
    if (s.file.has_containers || s.file.chunks.size() < 2) return std::nullopt;  // read whole
    return s;
}

std::string_view chunk_bytes(const Side& s, std::size_t c) {
    const auto& ch = s.file.chunks[c];
    return std::string_view(s.bytes).substr(ch.begin, ch.end - ch.begin);
}

// The first error of a side, as reading the whole file would report it: the first chunk's.
struct FirstError {
    int side = 2;  // 0 old, 1 new
    std::size_t chunk = 0;
    std::exception_ptr error;
    void offer(int s, std::size_t c, std::exception_ptr e) {
        if (s < side || (s == side && c < chunk)) side = s, chunk = c, error = std::move(e);
    }
    void merge(const FirstError& o) {
        if (o.error) offer(o.side, o.chunk, o.error);
    }
};

// What one batch of section pairs gives: its parts, already joined (each after the separator of a
// part that is not the page's first; the batch's first part without one).
struct Batch {
    std::string out;
    bool any = false;
    bool changed = false;
    DiffStats totals;
    Stages stages;
    FirstError error;
};

class Streamer {
public:
    Streamer(const Side& o, const Side& n, PageFormat f, const RenderOptions& ro, bool timings)
        : old_(o), new_(n), format_(f), ro_(ro), timings_(timings),
          pairs_(pair_sections(numbers_of(o), numbers_of(n))) {}

    Outcome run(std::ostream& out, Stages& stages) {
        // What precedes the first section (chapter lines are read whole elsewhere): blank lines
        // or an error, old side first.
        FirstError first;
        for (int side = 0; side < 2; ++side) {
            try {
                (void)read_text_chunk((side ? new_ : old_).bytes, (side ? new_ : old_).file, 0, (side ? new_ : old_).path);
            } catch (const InputError&) {
                first.offer(side, 0, std::current_exception());
            }
        }
        constexpr std::size_t kBatch = 64;
        std::size_t nbatch = (pairs_.size() + kBatch - 1) / kBatch;
        std::vector<Batch> batches(nbatch);
        parallel_for(nbatch, [&](std::size_t b) {
            run_batch(b * kBatch, std::min(pairs_.size(), (b + 1) * kBatch), batches[b]);
        });
        for (const auto& b : batches) first.merge(b.error);
        if (first.error) std::rethrow_exception(first.error);

        auto t0 = clock_type::now();
        DiffStats totals;
        bool changed = false, any = false;
        for (const auto& b : batches) {
            totals.words_struck += b.totals.words_struck;
            totals.words_inserted += b.totals.words_inserted;
            totals.provisions_changed += b.totals.provisions_changed;
            changed |= b.changed;
            stages.add(b.stages);
        }
        std::string head = page_head(format_, ro_, totals);
        out.write(head.data(), static_cast<std::streamsize>(head.size()));
        for (auto& b : batches) {
            if (!b.any) continue;
            out << part_separator(format_, !any);
            out.write(b.out.data(), static_cast<std::streamsize>(b.out.size()));
            std::string().swap(b.out);
            any = true;
        }
        out << page_tail(format_, ro_, any);
        stages.render += secs(t0, clock_type::now());
        return changed ? Outcome::differences : Outcome::ok;
    }

private:
    const Side& old_;
    const Side& new_;
    PageFormat format_;
    const RenderOptions& ro_;
    bool timings_;
    std::vector<SectionPair> pairs_;

    // Reads chunk c of a side; its error is kept (the first one counts), not thrown.
    std::optional<std::vector<Provision>> read(int side, std::size_t c, Batch& b) {
        const Side& s = side ? new_ : old_;
        try {
            return read_text_chunk(s.bytes, s.file, c, s.path);
        } catch (const InputError&) {
            b.error.offer(side, c, std::current_exception());
            return std::nullopt;
        }
    }

    void run_batch(std::size_t from, std::size_t to, Batch& b) {
        auto now = [&] { return timings_ ? clock_type::now() : clock_type::time_point{}; };
        for (std::size_t k = from; k < to; ++k) {
            const auto& p = pairs_[k];
            std::size_t oc = static_cast<std::size_t>(p.old_index + 1), nc = static_cast<std::size_t>(p.new_index + 1);
            bool has_o = p.old_index >= 0, has_n = p.new_index >= 0;
            auto t0 = now();
            // The same bytes read the same way: checked once, nothing to show.
            if (has_o && has_n && !ro_.show_unchanged && old_.file.facts.crlf == new_.file.facts.crlf &&
                chunk_bytes(old_, oc) == chunk_bytes(new_, nc)) {
                (void)read(0, oc, b);
                b.stages.read += timings_ ? secs(t0, now()) : 0;
                continue;
            }
            std::optional<std::vector<Provision>> o, n;
            if (has_o) o = read(0, oc, b);
            if (has_n) n = read(1, nc, b);
            if ((has_o && !o) || (has_n && !n)) continue;
            auto t1 = now();
            DiffTimings dt;
            SectionDiff sd = diff_section(has_o ? &o->front() : nullptr, has_n ? &n->front() : nullptr,
                                          timings_ ? &dt : nullptr, ro_.show_unchanged);
            auto t2 = now();
            DiffStats st;
            if (format_ == PageFormat::Json && sd.changed()) {
                st = stats_of(sd);
                b.totals.words_struck += st.words_struck;
                b.totals.words_inserted += st.words_inserted;
                b.totals.provisions_changed += st.provisions_changed;
            }
            b.changed |= sd.changed();
            std::string part = page_part(format_, sd, st, ro_);
            if (!part.empty()) {
                if (b.any) b.out += part_separator(format_, false);
                b.out += part;
                b.any = true;
            }
            auto t3 = now();
            if (timings_) {
                b.stages.read += secs(t0, t1);
                b.stages.align += secs(t1, t2) - dt.word_diff_seconds;
                b.stages.word_diff += dt.word_diff_seconds;
                b.stages.render += secs(t2, t3);
            }
        }
    }
};

}  // namespace

bool diff_text_sides(const TextSide& old_side, const TextSide& new_side, PageFormat f, const RenderOptions& ro,
                     std::ostream& out) {
    Stages st;
    return Streamer(old_side, new_side, f, ro, false).run(out, st) == Outcome::differences;
}

// A version's label from its provenance sidecar (FILE.provenance), or `otherwise`.
static std::string sidecar_label(const std::string& path, const char* otherwise) {
    std::error_code ec;
    std::string side = path + ".provenance";
    if (!std::filesystem::is_regular_file(side, ec)) return otherwise;
    return read_provenance(read_file(side), side).label();
}

RenderOptions diff_page_options(const DiffOptions& o) {
    RenderOptions ro;
    ro.old_label = o.old_label.empty() ? sidecar_label(o.old_path, "Old version") : o.old_label;
    ro.new_label = o.new_label.empty() ? sidecar_label(o.new_path, "New version") : o.new_label;
    ro.title = "Changes from " + ro.old_label + " to " + ro.new_label;
    ro.about.generator = std::string("Generated by ") + kGenerator + ".";
    ro.show_unchanged = o.full;
    return ro;
}

Outcome run_diff(const DiffOptions& o, std::ostream& out) {
    if (is_file_format(o.format)) return run_diff_to_file(o);  // Word and PDF
    if (!o.out_file.empty()) throw UsageError("diff -o is for --format docx, pdf and side-by-side-pdf");
    auto t0 = clock_type::now();
    PageFormat f = format_named(o.format);
    RenderOptions ro = diff_page_options(o);
    Stages st;
    Outcome rc = Outcome::ok;
    // The two files are read and cut at once; the old file's errors come first, as when both
    // are read whole.
    std::optional<Side> old_side, new_side;
    std::exception_ptr new_error;
    std::thread new_reader([&] {
        try {
            new_side = cut(o.new_path);
        } catch (...) {
            new_error = std::current_exception();
        }
    });
    try {
        old_side = cut(o.old_path);
    } catch (...) {
        new_reader.join();
        throw;
    }
    new_reader.join();
    if (new_error) {
        old_side.reset();
        (void)load_code({o.old_path});
        std::rethrow_exception(new_error);
    }
    if (!new_side) old_side.reset();
    auto t1 = clock_type::now();
    st.read = secs(t0, t1);
    if (old_side && new_side) {
        rc = Streamer(*old_side, *new_side, f, ro, o.timings).run(out, st);
    } else {
        old_side.reset();
        Document old_doc = load_code({o.old_path});
        Document new_doc = load_code({o.new_path});
        auto t2 = clock_type::now();
        DiffTimings dt;
        ChangeSet cs = diff_trees(old_doc.root, new_doc.root, o.timings ? &dt : nullptr);
        auto t3 = clock_type::now();
        std::string page = render_page(f, cs, ro);
        out.write(page.data(), static_cast<std::streamsize>(page.size()));
        st.read += secs(t1, t2);
        st.align = secs(t2, t3) - dt.word_diff_seconds;  // the word diffs run inside the walk
        st.word_diff = dt.word_diff_seconds;
        st.render = secs(t3, clock_type::now());
        rc = cs.empty() ? Outcome::ok : Outcome::differences;
    }
    out.flush();
    if (o.timings)
        std::fprintf(stderr, "timings: read %.3f s, align %.3f s, word diff %.3f s, render %.3f s, total %.3f s%s\n",
                     st.read, st.align, st.word_diff, st.render, secs(t0, clock_type::now()),
                     old_side ? " (stages summed over the threads, section by section)" : "");
    return rc;
}

}  // namespace amend
