#include "parse/dc_law.hpp"

#include "model/diagnostic.hpp"
#include "model/text.hpp"
#include "parse/dc_xml_node.hpp"
#include "parse/regex.hpp"
#include "parse/xml.hpp"

namespace amend {

bool amends_words(const std::string& text) {
    static const rx::Regex words(
        R"(\b(?:is|are)\s+(?:hereby\s+)?(?:further\s+)?(?:amended|repealed|redesignated|added|inserted|struck|stricken|deleted|renumbered)\b)"
        // A provision revived, or one that "shall be amended": the words name a unit of law
        // ("Section 4 (D.C. Official Code § 22-3312.03) is revived"), not a claim or an agency
        // ("a claim ... is revived", "The Department ... shall be redesignated as ...").
        R"(|^\W*(?:(?:sub-?)*(?:section|paragraph|clause)s?|items?|(?:sub)?titles?|parts?|(?:sub)?chapters?|the\s.*?\bAct\b)\b.*?\b(?:(?:is|are)\s+(?:hereby\s+)?revived|shall\s+be\s+(?:amended|repealed|redesignated|added|inserted|struck|stricken|deleted|renumbered))\b)"
        // Words of a phrase edit in the future tense ("the phrase "X" shall be struck").
        R"(|\bshall\s+be\s+(?:struck|stricken|inserted|deleted)\b)"
        R"(|\b(?:is|are)\s+(?:hereby\s+)?designated\s+as\s+(?:(?:sub-?)*(?:section|paragraph|clause)|item|title|subtitle|part|chapter|subchapter)s?\b)"
        R"(|^\W*(?:strike|insert|add|delete|redesignate|repeal|substitute|amend)\b)"
        R"(|\bby\s+(?:striking|inserting|adding|deleting|substituting|redesignating|repealing)\b)"
        R"(|\bto\s+read\s+as\s+follow)",
        rx::icase);
    return rx::search(text, words);
}

bool is_dc_law(const std::string& bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        i = bytes.find('<', i);
        if (i == std::string::npos) return false;
        if (bytes.compare(i, 4, "<!--") == 0) i = bytes.find("-->", i);
        else if (bytes.compare(i, 2, "<?") == 0 || bytes.compare(i, 2, "<!") == 0) i = bytes.find('>', i);
        else return bytes.compare(i, 9, "<document") == 0 && i + 9 < bytes.size() &&
                    (bytes[i + 9] == ' ' || bytes[i + 9] == '>' || bytes[i + 9] == '\n' || bytes[i + 9] == '\t');
        if (i == std::string::npos) return false;
        ++i;
    }
    return false;
}

namespace {

void all_text(const pugi::xml_node& x, std::string& out) {
    for (pugi::xml_node k = x.first_child(); k; k = k.next_sibling()) {
        if (k.type() == pugi::node_pcdata || k.type() == pugi::node_cdata) out += k.value();
        else if (k.type() == pugi::node_element) all_text(k, out);
    }
}

// The provision's own words: its <text>s, joined.
void own_text(const pugi::xml_node& n, std::string& out) {
    for (pugi::xml_node c = n.child("text"); c; c = c.next_sibling("text")) {
        all_text(c, out);
        out += ' ';
    }
}

// Whether the provision or any provision under it (not its quoted new text) amends.
bool subtree_amends(const pugi::xml_node& n) {
    std::string t;
    own_text(n, t);
    if (amends_words(t)) return true;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (std::string_view(c.name()) == "para" || std::string_view(c.name()) == "section")
            if (subtree_amends(c)) return true;
    return false;
}

// A paragraph of the law's own words among its amendments ("(2) Paragraph (1) of this subsection
// shall expire 225 days after ...", "For 3 years ..., this subsection shall not apply to ..."): it
// says what shall be of the law itself ("this subsection", "this act"), with no amending words and
// no quotation in it or under it.
bool own_provision(const pugi::xml_node& c) {
    if (subtree_amends(c) || c.find_node([](const pugi::xml_node& k) { return std::string_view(k.name()) == "include"; })) return false;
    std::string t;
    all_text(c, t);
    if (t.find_first_of("\"") != std::string::npos || t.find("\xE2\x80\x9C") != std::string::npos || t.find("\xE2\x80\x9D") != std::string::npos)
        return false;
    static const rx::Regex says(R"(\bshall\b)", rx::icase);
    static const rx::Regex itself(R"(\bthis\s+(?:(?:sub-?)*(?:section|paragraph|clause)|act|title|subtitle|part)\b)", rx::icase);
    return rx::search(t, says) && rx::search(t, itself);
}

struct LawReader {
    const std::string& path;
    const LineIndex& lines;
    AmendmentDoc& doc;

    void list(const pugi::xml_node& n, const std::string& prefix) {
        LawProvision p;
        p.designation = prefix + n.child("num").text().get();
        p.heading = n.child("heading").text().get();
        p.file = path;
        auto [line, col] = lines.locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, n.offset_debug())));
        p.line = line;
        p.col = col;
        applies_later(n, p);
        doc.not_amending.push_back(std::move(p));
    }

    // A provision that holds back when the law's changes apply ("Section 2(b) shall apply upon
    // the date of inclusion of its fiscal effect in an approved budget and financial plan.",
    // "Section 3072(b) shall apply as of April 1, 2023."): what amend writes applies every change,
    // and a warning says so, quoting the sentence (the D.C. Code shows them only once they apply).
    void applies_later(const pugi::xml_node& n, const LawProvision& p) {
        static const rx::Regex later(
            R"((?:^|(?<=[.:;]\s))([^.:;]*?\bshall\s+(?:apply|take\s+effect)\s+(?:upon\s+the\s+date\s+of\s+inclusion\s+of\s+(?:its|their|the)\s+fiscal\s+effect\s+in\s+an\s+approved\s+budget\s+(?:and|or)\s+financial\s+plan|as\s+of\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4})[^.;:]*[.;:]?))");
        // Each <text> apart, its words without the designations.
        for (const pugi::xpath_node& x : n.select_nodes(".//text")) {
            std::string t;
            all_text(x.node(), t);
            for (const rx::Match& m : rx::all(t, later))
                doc.warnings.push_back(Diagnostic{path, p.line, p.col,
                                                  "the law's " + p.designation + " says \"" + collapse_ws(m[1].str()) +
                                                      "\": the text written applies every change of the law; the D.C. Code shows the "
                                                      "changes it names only once they apply",
                                                  "amend.applicability", "", Severity::Warning});
        }
    }

    // A provision with no words but a heading that is an amending sentence ("<heading>The lead-in
    // language of section 28-5402 ... is amended by striking ...</heading>"): a slip of the law's
    // markup, read as the provision's words, with a warning.
    void heading_as_text(pugi::xml_node n) {
        pugi::xml_node h = n.child("heading");
        if (!h || n.child("text") || n.child("para") || n.child("section") || n.child("include")) return;
        std::string words;
        all_text(h, words);
        if (!amends_words(words) || words.size() < 40) return;
        h.set_name("text");
        auto [line, col] = lines.locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, h.offset_debug())));
        doc.warnings.push_back(Diagnostic{path, line, col, "read the heading of Sec. " + std::string(n.child("num").text().get()) +
                                                               " as its words: it is an amending sentence",
                                          "amend.markup", "", Severity::Warning});
    }

    // The law's own provisions (own_provision) under a provision "amended as follows:" (or under
    // a paragraph with no words of its own below one), listed and taken out of the instruction:
    // they are no sub-instruction. Under new text ("to read as follows:") nothing is taken.
    void set_apart_own_words(pugi::xml_node n, bool in_context) {
        std::string t;
        own_text(n, t);
        static const rx::Regex as_follows(R"(\bamended\s+as\s+follows\s*:?\s*$)", rx::icase);
        bool context = t.find_first_not_of(" \n\t") == std::string::npos ? in_context : rx::search(t, as_follows);
        std::vector<pugi::xml_node> apart;
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            std::string_view name = c.name();
            if (name != "para" && name != "section") continue;
            if (context && own_provision(c)) apart.push_back(c);
            else set_apart_own_words(c, context);
        }
        for (pugi::xml_node c : apart) {
            list(c, "");
            n.remove_child(c);
        }
    }

    // A provision that amends is read whole (its paragraphs are its sub-instructions); one that
    // only holds amending provisions (a section with a heading and no words of its own) is looked
    // into; the rest are listed.
    // `above`: the law's unit that holds `n` (its section, for a para).
    void provision(const pugi::xml_node& n, const std::string& prefix, const std::string& above = "") {
        heading_as_text(n);
        if (!subtree_amends(n)) return list(n, prefix);
        std::string t;
        own_text(n, t);
        if (amends_words(t)) {
            set_apart_own_words(n, false);
            doc.items.push_back(dc_instruction_item(n, path, lines, above));
            return;
        }
        // Words of the law's own with amending provisions below them: listed, and looked into.
        if (t.find_first_not_of(" \n\t") != std::string::npos) list(n, prefix);
        std::string unit = dc_law_unit(n, above);
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
            if (std::string_view(c.name()) == "para" || std::string_view(c.name()) == "section") provision(c, "", unit);
    }

    void walk(const pugi::xml_node& n) {
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            std::string_view name = c.name();
            if (name == "container") walk(c);
            else if (name == "section") provision(c, "Sec. ");
        }
    }
};

}  // namespace

AmendmentDoc read_dc_law(const std::string& bytes, const std::string& path) {
    pugi::xml_document x;
    LineIndex lines(bytes);
    load_xml(x, bytes, path, lines);
    pugi::xml_node root = x.document_element();
    if (std::string_view(root.name()) != "document")
        throw InputError(Diagnostic{path, 1, 1, std::string("expected a <document> root element, found <") + root.name() + ">",
                                    "xml.root", ""});
    strip_codify(root);
    AmendmentDoc doc;
    doc.enacted = true;
    doc.file = path;
    for (pugi::xml_node h = root.child("heading"); h; h = h.next_sibling("heading"))
        if (std::string_view(h.attribute("type").value()) == "short") doc.title = h.text().get();
    LawReader r{path, lines, doc};
    r.walk(root);
    return doc;
}

}  // namespace amend
