// The provision tree (DESIGN §3): one node type for every level of a code.
#pragma once

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
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

// Where a provision came from.
struct SourceSpan {
    std::uint32_t file = 0;  // index into Document::files
    std::uint32_t line = 0;  // 1-based
    std::uint32_t col = 0;
};

// A value kept on the heap only when it is not empty: most provisions keep their format's layout
// canonical, and a whole code holds hundreds of thousands of them. Reading an empty box gives the
// empty value; mut() makes one to write. Copies are deep.
template <class T>
class Boxed {
public:
    Boxed() = default;
    Boxed(const Boxed& o) : p_(o.p_ ? new T(*o.p_) : nullptr) {}
    Boxed(Boxed&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
    Boxed& operator=(const Boxed& o) {
        if (this != &o) {
            T* n = o.p_ ? new T(*o.p_) : nullptr;
            delete p_;
            p_ = n;
        }
        return *this;
    }
    Boxed& operator=(Boxed&& o) noexcept {
        if (this != &o) {
            delete p_;
            p_ = o.p_;
            o.p_ = nullptr;
        }
        return *this;
    }
    ~Boxed() { delete p_; }

    const T& operator*() const { return p_ ? *p_ : empty(); }
    const T* operator->() const { return &**this; }
    T& mut() {
        if (!p_) p_ = new T();
        return *p_;
    }
    bool operator==(const Boxed& o) const { return **this == *o; }

private:
    static const T& empty() {
        static const T e{};
        return e;
    }
    T* p_ = nullptr;
};

// Words of a text changed by an instruction while a transaction applies (apply's ledger): kept
// beside the text, not among its marks, so that no reader or writer of the law's markup sees
// them; moved with the words by every edit of the text, and cleared before the tree is returned.
struct Changed {
    std::uint32_t begin = 0, end = 0;
    std::uint32_t by = 0;  // the instruction that changed them: the ledger's number for it
    bool operator==(const Changed&) const = default;
};

// A string with its inline markup.
struct RichText {
    std::string text;
    std::vector<Markup> marks;  // properly nested, sorted by (begin, end descending)
    Boxed<std::vector<Changed>> changed;  // empty (no heap) outside a transaction
    bool empty() const { return text.empty(); }
    bool operator==(const RichText&) const = default;
    // True when the text is one table and nothing else: a single "table" mark, and only blanks
    // outside it (the text "the tabular array" of a unit names, whole).
    bool only_table() const {
        const Markup* t = nullptr;
        for (const auto& m : marks)
            if (m.tag == "table") {
                if (t) return false;
                t = &m;
            }
        if (!t) return false;
        auto blank = [&](std::size_t from, std::size_t to) {
            for (std::size_t i = from; i < to && i < text.size(); ++i)
                if (!std::isspace(static_cast<unsigned char>(text[i]))) return false;
            return true;
        };
        return blank(0, t->begin) && blank(t->end, text.size());
    }
};

// A cell of a text that is one table (RichText::only_table): its words, white space folded, and
// its layout as the law marks it.
struct TableCell {
    std::string text;
    std::uint32_t colspan = 1;
    bool header = false;  // a "th"
    bool operator==(const TableCell&) const = default;
};
using TableRow = std::vector<TableCell>;
// The rows of the table a text holds, in order ("tr" marks, each with its "td" and "th" cells; a
// cell outside any row is a row of its own); empty when the text holds no table, or words of its
// table stand outside every cell.
std::vector<TableRow> table_rows(const RichText& rt);
// Whether a text is one table and nothing else, every word of it in a cell: what the pages and the
// Word redline show as a table.
bool shows_as_table(const RichText& rt);

// The name of the format element a provision was read from ("section", "para", "annotation"; empty
// for other formats): one pointer to a name kept once for the whole program, since a whole code
// holds hundreds of thousands of nodes and a few dozen names.
class XmlTag {
public:
    XmlTag() = default;
    XmlTag(std::string_view name);  // NOLINT: a tag is written as its name
    XmlTag(const char* name) : XmlTag(std::string_view(name)) {}
    XmlTag(const std::string& name) : XmlTag(std::string_view(name)) {}
    const std::string& str() const;
    operator std::string_view() const { return str(); }  // NOLINT
    bool empty() const { return p_ == nullptr; }
    bool operator==(const XmlTag& o) const { return p_ == o.p_; }
    bool operator==(std::string_view o) const { return str() == o; }
    bool operator==(const char* o) const { return str() == o; }

private:
    const std::string* p_ = nullptr;
};

// A provision's format attributes in document order, packed into one block of
// "name\0value\0" pairs (a whole D.C. code holds 700,000 of them, most on annotations).
class AttrList {
public:
    struct Entry {
        std::string_view name, value;
    };
    class const_iterator {
    public:
        using value_type = Entry;
        using difference_type = std::ptrdiff_t;
        using reference = Entry;
        using pointer = void;
        using iterator_category = std::input_iterator_tag;
        const_iterator() = default;
        const_iterator(const char* at, const char* end) : at_(at), end_(end) {}
        Entry operator*() const;
        const_iterator& operator++();
        const_iterator operator++(int) {
            const_iterator c = *this;
            ++*this;
            return c;
        }
        bool operator==(const const_iterator& o) const { return at_ == o.at_; }

    private:
        const char* at_ = nullptr;
        const char* end_ = nullptr;
    };

    AttrList() = default;
    AttrList(const AttrList& o);
    AttrList(AttrList&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
    AttrList& operator=(const AttrList& o);
    AttrList& operator=(AttrList&& o) noexcept;
    ~AttrList() { delete[] p_; }

    const_iterator begin() const { return {data(), data() + bytes()}; }
    const_iterator end() const { return {data() + bytes(), data() + bytes()}; }
    bool empty() const { return p_ == nullptr; }
    std::size_t size() const;
    Entry operator[](std::size_t i) const;
    // The value of attribute `name`, if there is one.
    std::optional<std::string_view> get(std::string_view name) const;
    void push_back(std::string_view name, std::string_view value);
    // Sets `name` to `value` where it stands, or adds it at the end.
    void set(std::string_view name, std::string_view value);
    void erase(std::string_view name);
    bool operator==(const AttrList& o) const;

private:
    // One allocation: the length of the pairs (4 bytes), then the pairs; null when there are none.
    std::size_t bytes() const;
    const char* data() const { return p_ ? p_ + 4 : nullptr; }
    void assign(std::string_view packed);
    std::string packed() const { return std::string(data() ? data() : "", bytes()); }
    char* p_ = nullptr;
};

// Layout kept from the plain-text reader so that writing gives the input back byte for byte.
// Empty fields mean "canonical layout" (what new provisions get).
struct TextLayout {
    std::string gap;               // spaces after the designation; "" means three spaces
    bool child_on_same_line = false;  // "(b)   (1)   ..." : the first child follows on this line
    std::string blanks_before;     // blank (or white-space only) lines before this one, each ended by '\n'
    std::string heading_sep;       // between section number and heading; "" means one space
    bool operator==(const TextLayout&) const = default;
};

// Fields kept from the D.C. XML reader, besides the element's name and attributes
// (Provision::xml_tag, xml_attrs), where a provision has them.
struct XmlLayout {
    std::string prefix;            // <prefix> (e.g. "ARTICLE"; also a text chapter's "CHAPTER")
    std::string reason;            // <reason> (e.g. "Repealed")
    std::string raw;               // for Block: the element serialized verbatim
    AttrList heading_attrs;  // attributes of <heading> (e.g. proof="needed")
    // The order of <prefix>, <num>, <reason>, <heading> and <text> as read ("pnrh"); a 'c' marks
    // a child that stood among them.
    std::string head_order;
    bool operator==(const XmlLayout&) const = default;
};

struct Provision {
    Kind kind = Kind::Text;
    std::string designation;  // "(c)", "2-173-042", "I"; for a Definition, the term
    RichText heading;
    RichText text;            // the chapeau: the text before any child
    std::vector<Provision> children;
    SourceSpan span;
    // The round-trip layout of the format it was read from, out of the node: empty (no heap) where
    // canonical. xml_tag is the D.C. element ("section", "para", "text", ...; "" for other formats,
    // and for a reader's own marks such as "trailing-blanks"); xml_attrs its attributes in document
    // order (namespaces included on the root).
    XmlTag xml_tag;
    AttrList xml_attrs;
    Boxed<TextLayout> tl;
    Boxed<XmlLayout> xl;

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

// A copy of a whole document, its top-level provisions copied on every core.
Document copy_document(const Document& d);

// Gives back the spare room of every vector in the subtree (children, attributes, marks): a tree
// read by appending holds a third more than it needs. Pointers into the subtree go stale.
void shrink_to_fit(Provision& p);

// Every section in the tree, in document order (depth-first), with its file index.
std::vector<const Provision*> sections_of(const Provision& root);
std::vector<Provision*> sections_of(Provision& root);

}  // namespace amend
