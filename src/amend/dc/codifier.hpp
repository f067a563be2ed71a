// The D.C. codifier's conventions (dc/codifier.cpp, dc/annotations.cpp): what D.C.'s Code does
// beyond a law's words, behind apply's Conventions (amend/apply/job.hpp), chosen by the pipeline.
#pragma once

#include "amend/apply/job.hpp"

namespace amend::applying {

struct Codifier : Job, Conventions {
    using Job::Job;
    std::string as_codified(const Op&, const std::string& law, Provision* target) override;
    bool keeps_repealed_units() const override { return true; }
    // A law's own section codified as this Code section numbers the law's other sections (by
    // counting: codify.hpp).
    LawAnchor anchor_of(const TargetRef& t);

    // The words the codifier changed, cut to whole words: ("section 3(e)", "§ 50-2002(e)").
    static std::pair<std::string, std::string> changed_words(const std::string& a, const std::string& b);

    // Text a law inserts is written as the codifier writes it, and the report says where.
    void report_codified(const Op& op, const std::string& law, const std::string& code);

    // Refuses words the codifier would write otherwise than the law gives them: the date of an
    // effective date, a bill cited as passed, the law's own "this subtitle".
    void refuse_uncodifiable(const Op& op, const std::string& text);
    std::string codified(const Op& op, const std::string& law, Provision* target) override;
    void codified(const Op& op, Provision& b, Provision* target, const TargetRef* law_text = nullptr) override;

    // What the codifier knows when text goes into `target`: the Code's index and the section.
    LawAnchor codify_context(Provision* target, const TargetRef* t = nullptr);

    // The phrase with the law's references read as the Code's cites (see codified_needle). When
    // every hit finds the same cites, the references to the same sections in `inserted` become
    // those cites.
    std::vector<Hit> search_codified(const Op& op, Provision* target, const TargetRef& t, const std::string& needle, std::string& inserted) override;

    // Removes the editor's brackets around the words an instruction inserts, where the Code already
    // reads them so ("[§ 7-231.21]", "[[Chapter 2A of Title 7]]"); false when there are none.
    bool unbracket(const Op& op, Provision* target, const TargetRef& t) override;

    // A law in no code that corrects an amending law's words to what the editor had supplied in
    // brackets ("(e-1)" to "(f)" where the Code reads "[(f)]", D.C.'s technical amendment acts):
    // the brackets go from the section the instruction file is for. False when there are none.
    bool ratify_brackets(const Op& op) override;
    // With `partial`, also brackets around part of the words ("St. Elizabeth[s]", "[not]
    // certified"): only where the section's history ties the law to the words (annotations.cpp),
    // since the editor's brackets of a capital ("[T]he Board") stand everywhere.
    bool ratify_brackets(const Op& op, bool partial);

    // The placeholder text of a repealed unit: as the code given writes it in the same title, or
    // else as the 2024 D.C. Code does (titles 16, 23, 25, 28 and 47 write "[Repealed].", the
    // others "Repealed." — counted over every repealed paragraph of the archive).
    std::string repealed_placeholder(const std::string& section) override;

    // A law in no code that reaches the section given through its annotations (annotations.cpp):
    // - "The X Act of 2018, effective ... (D.C. Law 22-108; 65 DCR 3806), is repealed." (the whole
    //   Act), or "Sections 4 and 7a of the X Act (...) are repealed.", where the section's history
    //   says that law (that section of it) created the section (the entries opening its history),
    //   or added it to another Act ("as added") and the section never took effect ("Not Funded"):
    //   the section is repealed, as a repealed section is;
    // - "Section 9 of the X Act (D.C. Law 24-333; ...) is amended to read as follows: "Sec. 9.
    //   Applicability. This act shall apply as of October 1, 2025."" where the section holds the
    //   "Not Funded" placeholder and its applicability note says § 9 of that law held it back:
    //   the placeholder reads "Applicable October 1, 2025." (the codifier's form), when that date
    //   is later than every date the section's annotations carry; where an applicability note
    //   shows another act made the same change before and the placeholder stayed, it stays.
    // - a phrase edit of "Section 2042(e)(3)" of a law in no code (D.C.'s technical amendment acts)
    //   where the section's history says that section of that law wrote some of it: the editor's
    //   brackets that supplied the correction go (ratify_brackets), or else, where the history
    //   names that very unit or one within it, the words change where they stand in the section,
    //   as the instruction says (a note says why there);
    // False, with nothing changed, for any other instruction; the Locator then says why not.
    bool through_annotations(const Op& op) override;
    // "Section 6(a) of the X Act (D.C. Law 23-211; ...) is amended to read as follows: "(a) Section
    //   2(b)(2) and amendatory section 112e ... (D.C. Official Code § 8-1031.12e), in section 2(k) shall
    //   apply upon the date of inclusion of their fiscal effect ..."" where the section's
    //   applicability note says that section of the law holds its changes back: where the new text
    //   still holds back every one of them (names its unit, or one holding it, or cites the section
    //   whole), or applies the law as of a date later than any the annotations carry, the section
    //   stays as it reads (a note); where it changes that section otherwise, an error: what the
    //   section reads once they apply is not in the law. False where no such note names that section.
    bool still_held_back(const Op& op, const Provision& section, const std::string& law_doc);
    // "*NOTE: This section has been amended by emergency legislation with identical permanent
    // legislation that will become effective in December, 2021.*" on the section an instruction
    // amends, where the emergency act the section's annotations name last made its amendment at
    // the instruction's own unit of its law ("§3072|(a)" of D.C. Act 24-159 for § 3072(a)(2) of
    // D.C. Law 24-45): that act was this law in emergency form, and its amendment stands. Not
    // where the section also "includes amendments by temporary legislation" (another act's text
    // stands in it too: the codifier applies the permanent law again there).
    bool standing_already(const Op& op) override;
    // The Code's notes and placeholders (codifier.cpp).
    bool holds_temporary_text(const Provision& section) override;
    bool created_by_temporary(const Provision& section) override;
    bool waits_for_funds(const Provision& p) override;
    bool only_editorial_note(std::string_view text) override;
    bool undesignated(const Provision& p) override { return p.xml_attrs.get("undesignated") == "true"; }
    void mark_repealed(Provision& p) override;
    void unmark_repealed(Provision& p) override { p.xml_attrs.erase("placeholder"); }
    // From the Code's index (language::dc_act_sections).
    std::vector<TargetRef> act_sections(const TargetRef& t) override;
    void over_editorial_brackets(const std::string& text, Edit& e) override { absorb_editorial_brackets(text, e); }
    // The Code's editor's notes after the words they correct: " [paid]", " [deemed]" (codifier.cpp).
    std::size_t editorial_note_at(const std::string& t, std::size_t i) override;
    // A law that restates words the Code already holds with the editor's corrections in brackets
    // ("outlined in [§ 32-1691.10]", "established pursuant [to] § 3-1202.04", "employed bay [by]
    // an employer"), the words otherwise the same: the codifier keeps its brackets. Units are
    // paired by designation (text blocks by their order); a heading likewise.
    void keep_editorial_marks(const Provision& existing, Provision& restated) override;
    // The section's history names the D.C. Law the restated Act is cited by.
    bool of_restated_act(const Op& op, const Provision& section) override;
};

}  // namespace amend::applying
