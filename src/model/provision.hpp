// The provision tree (DESIGN §3): one node type for every level of a code.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace amend {

enum class Kind : std::uint8_t {
    Code,          // the root: a whole code or a set of files
    Title,
    Chapter,
    Article,
    Section,
    Subsection,    // (a)
    Paragraph,     // (1)
    Subparagraph,  // (A)
    Clause,        // (i)   (D.C.: sub-subparagraph)
    Subclause,     // (I)   (D.C.: sub-sub-subparagraph)
    Item,          // anything deeper
    Definition,    // "Term" means ...
    Text,          // an unnumbered paragraph of text (D.C. <text>/<aftertext> after the first)
    History,       // a history note, "(Added Coun. J. ...)", or a D.C. annotation
    Block,         // an opaque block kept verbatim (a D.C. table, an image): text is its plain text
};

const char* kind_name(Kind k);            // "subsection"
Kind kind_for_depth(int depth);           // 1 → Subsection, 2 → Paragraph, ...
bool is_numbered(Kind k);                 // Section..Item
bool can_contain(Kind parent, Kind child);

// An inline markup span over a provision's text (D.C. <cite>, <em>, ...), by byte offsets.
struct Attr {
    std::string name, value;
    bool operator==(const Attr&) const = default;
};
struct Markup {
    std::uint32_t begin = 0, end = 0;
    std::string tag;
    std::vector<Attr> attrs;
    bool operator==(const Markup&) const = default;
};

// A string with its inline markup.
struct RichText {
    std::string text;
    std::vector<Markup> marks;  // properly nested, sorted by (begin, end descending)
    bool empty() const { return text.empty(); }
    bool operator==(const RichText&) const = default;
};

// Where a provision came from.
struct SourceSpan {
    std::uint32_t file = 0;  // index into Document::files
    std::uint32_t line = 0;  // 1-based
    std::uint32_t col = 0;
};

// Layout kept from the plain-text reader so that writing gives the input back byte for byte.
// Empty fields mean "canonical layout" (what new provisions get).
struct TextLayout {
    std::string gap;               // spaces after the designation; "" means three spaces
    bool child_on_same_line = false;  // "(b)   (1)   ..." : the first child follows on this line
    std::string blanks_before;     // blank (or white-space only) lines before this one, each ended by '\n'
    std::string heading_sep;       // between section number and heading; "" means one space
};

// Fields kept from the D.C. XML reader.
struct XmlLayout {
    std::string tag;               // "section", "para", "text", "aftertext", "annotation", ...
    std::vector<Attr> attrs;       // attributes in document order (namespaces included on the root)
    std::string prefix;            // <prefix> (e.g. "ARTICLE")
    std::string reason;            // <reason> (e.g. "Repealed")
    std::string raw;               // for Block: the element serialized verbatim
    std::vector<Attr> heading_attrs;  // attributes of <heading> (e.g. proof="needed")
    std::string head_order;        // 'c' marks a child that stood among them        // order of <prefix>/<num>/<reason>/<heading> as read ("pnrh")
};

struct Provision {
    Kind kind = Kind::Text;
    std::string designation;  // "(c)", "2-173-042", "I"; for a Definition, the term
    RichText heading;
    RichText text;            // the chapeau: the text before any child
    std::vector<Provision> children;
    SourceSpan span;
    TextLayout tl;
    XmlLayout xl;

    bool is_repealed() const;
};

// A provision's own fields without its children (to copy a tree in parts). Keep in step with
// the fields above.
Provision copy_without_children(const Provision& p);

// Line-ending and byte-order facts of a source file.
struct FileFacts {
    std::string path;
    bool bom = false;
    bool crlf = false;
    bool final_newline = true;
    enum class Format : std::uint8_t { Text, DcXml } format = Format::Text;
};

// A parsed code: the root provision plus the files it came from.
struct Document {
    Provision root = make_root();
    static Provision make_root() {
        Provision p;
        p.kind = Kind::Code;
        return p;
    }
    std::vector<FileFacts> files;
};

// Every section in the tree, in document order (depth-first), with its file index.
std::vector<const Provision*> sections_of(const Provision& root);
std::vector<Provision*> sections_of(Provision& root);

}  // namespace amend
