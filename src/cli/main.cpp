// The command line: options become pipeline jobs; outcomes and errors become exit codes
// (cli/exit_codes.hpp).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "cli/exit_codes.hpp"
#include "pipeline/jobs.hpp"
#include "model/diagnostic.hpp"

// --jurisdiction on the commands that apply amendments.
static void jurisdiction_option(CLI::App* sub, std::string& into) {
    sub->add_option("--jurisdiction", into, "dc|general: whose codifier's conventions (default: the code's own; D.C. for the Council's XML)")
        ->check(CLI::IsMember({"dc", "general"}));
}

int main(int argc, char** argv) {
    using namespace amend;
    CLI::App app{"amend: apply amendments to a code of law and show what they change"};
    app.require_subcommand(1);
    app.set_version_flag("--version", kGenerator);

    ShowOptions show;
    auto* s = app.add_subcommand("show", "print a code (or one provision of it) as an outline, text, XML or JSON");
    s->add_option("PATH", show.paths, "code files or folders (read in a stable order)")->required();
    s->add_option("--at", show.at, "only this provision and its children, e.g. 2-173-042(c)");
    s->add_option("--format", show.format, "outline|text|xml|json")
        ->check(CLI::IsMember({"outline", "text", "xml", "json"}));

    DiffOptions diff;
    auto* d = app.add_subcommand("diff", "compare two versions of a code, provision by provision, word by word");
    d->add_option("OLD", diff.old_path, "the old version (file or folder)")->required();
    d->add_option("NEW", diff.new_path, "the new version (file or folder)")->required();
    d->add_option("--format", diff.format, "md|html|side-by-side|text|json|docx|pdf|side-by-side-pdf")
        ->check(CLI::IsMember({"md", "html", "side-by-side", "text", "json", "docx", "pdf", "side-by-side-pdf"}));
    // Word and PDF
    d->add_option("-o,--output", diff.out_file, "the file to write (for docx, pdf and side-by-side-pdf, which need one)");
    d->add_option("--author", diff.author, "docx: the author of the tracked changes (default amend)");
    d->add_option("--date", diff.date, "docx: their date, 2016-05-18 (default: the newest input file's time)");
    d->add_flag("--timings", diff.timings, "print the time of each stage to standard error");
    d->add_flag("--full", diff.full, "show unchanged provisions whole instead of eliding them");
    d->add_option("--old-label", diff.old_label, "the old column's label (default: from OLD's .provenance sidecar, else \"Old version\")");
    d->add_option("--new-label", diff.new_label, "the new column's label (default: from NEW's .provenance sidecar, else \"New version\")");

    ApplyOptions apply;
    auto* a = app.add_subcommand("apply", "apply amendments to a code and write the results");
    a->add_option("CODE", apply.code, "code files or folders")->required();
    a->add_option("--amendments", apply.amendments, "the amendment document (Markdown, or a D.C. law instruction XML)")
        ->required();
    a->add_option("-o,--output", apply.out_dir, "the folder to write to")->required();
    a->add_flag("--strict", apply.strict, "instructions naming sections not in the code given are failures");
    jurisdiction_option(a, apply.jurisdiction);
    a->add_flag("--timings", apply.timings, "print the time of each stage to standard error");
    a->add_option("--code-index", apply.code_index, "a D.C. Code index (amend index); default: the one built in");
    a->add_flag("--whole-code", apply.whole_code, "also write the whole amended code (DIR/whole-code.txt)");

    ApplyOptions check;
    auto* c = app.add_subcommand("check", "apply amendments without writing anything");
    c->add_option("CODE", check.code, "code files or folders")->required();
    c->add_option("--amendments", check.amendments, "the amendment document")->required();
    c->add_flag("--strict", check.strict, "instructions naming sections not in the code given are failures");
    jurisdiction_option(c, check.jurisdiction);
    c->add_option("--code-index", check.code_index, "a D.C. Code index (amend index); default: the one built in");

    CompareOptions compare;
    auto* cm = app.add_subcommand("compare", "apply two or more proposals to the same code and show them side by side");
    cm->add_option("CODE", compare.code, "code files or folders")->required();
    cm->add_option("--amendments", compare.amendments, "an amendment document, once for each proposal (two or more)")
        ->required();
    cm->add_option("-o,--output", compare.out_dir, "the folder to write to")->required();
    cm->add_flag("--strict", compare.strict, "instructions naming sections not in the code given are failures");
    jurisdiction_option(cm, compare.jurisdiction);

    DraftOptions draft;
    auto* dr = app.add_subcommand("draft", "write the ordinance that enacts the amendments, in a jurisdiction's form");
    dr->add_option("CODE", draft.code, "code files or folders")->required();
    dr->add_option("--amendments", draft.amendments, "the amendment document")->required();
    dr->add_option("--style", draft.style, "chicago|philadelphia")->check(CLI::IsMember({"chicago", "philadelphia"}));
    dr->add_option("--format", draft.format, "md|html|text|docx|pdf")
        ->check(CLI::IsMember({"md", "html", "text", "docx", "pdf"}));
    dr->add_option("-o,--output", draft.out_file, "the file to write (standard output when absent)");
    // Word and PDF
    dr->add_flag("--tracked", draft.tracked, "docx: the changes as tracked changes, not struck and underscored text");
    dr->add_option("--author", draft.author, "docx: the author of the tracked changes (default amend)");
    dr->add_option("--date", draft.date, "docx: their date, 2016-05-18 (default: the amendment's date: line)");

    ExplainOptions explain;
    auto* ex = app.add_subcommand("explain", "print what each instruction will do, as read from its words");
    ex->add_option("AMENDMENTS", explain.amendments, "amendment documents (Markdown, D.C. instruction XML, whole D.C. laws)")
        ->required();
    ex->add_option("--code", explain.code, "code files or folders: check the targets against them");
    ex->add_option("--format", explain.format, "text|json")->check(CLI::IsMember({"text", "json"}));

    IndexOptions index;
    auto* ix = app.add_subcommand("index", "write a D.C. Code's index: its units, and the law each section came from");
    ix->add_option("CODE", index.code_dir, "the Code's XML folder (us/dc/council/code, or a folder above it)")->required();
    ix->add_option("-o,--output", index.out_file, "the file to write (standard output when absent)");

    // --- help that teaches: defaults, exit codes, an example, where the format is described ---
    const std::string exits = "\nExit codes: 0 ok, 2 bad input or usage (file:line:col: error: ... [code]), 3 internal error.";
    const std::string doc = "\nAmendment documents: amendments/README.md.";
    s->footer("Defaults: --format outline; the whole code when --at is absent.\n" + exits.substr(1) +
              "\nExample: amend show corpus/chicago --at 2-173-042(c) --format text");
    d->footer("Defaults: --format md; unchanged provisions elided (--full shows them); docx, pdf and side-by-side-pdf "
              "write -o FILE, tracked changes by --author amend, dated by --date only (no date otherwise).\n"
              "Exit codes: 0 the two are equal, 1 they differ, 2 bad input or usage, 3 internal error.\n"
              "Example: amend diff corpus/chicago/mcc-2-57-010-2016-excerpt.txt corpus/chicago/mcc-2-78-100-current-excerpt.txt "
              "--format side-by-side --new-label \"Text after 2021\" > coercion.html");
    a->footer("Writes DIR/index.html (the site: per changed section a redline, side-by-side and consolidated page, each "
              "with a .md twin), DIR/ordinance.html, DIR/report.md, DIR/changes.json (the diff --format json schema), "
              "DIR/consolidated/, DIR/NUMBER/redline.docx (Word tracked changes) and DIR/ordinance.docx, DIR/manifest.txt (a rerun into DIR removes the files of the earlier run that it does "
              "not write again, and nothing else). Nothing is written when any instruction fails.\n"
              "Defaults: instructions naming sections not in the code are skipped with a note (--strict: failures).\n" +
              exits.substr(1) + " Exit 2 also when an instruction fails (nothing written)." + doc +
              "\nExample: amend apply corpus/chicago --amendments amendments/welcoming-city-2016.md -o output");
    c->footer("Defaults: as apply (skipped sections are notes unless --strict).\n"
              "Exit codes: 0 every instruction applies, 2 one fails or bad input, 3 internal error." + doc +
              "\nExample: amend check corpus/chicago --amendments amendments/welcoming-city-2016.md");
    cm->footer("Writes DIR/index.html (the proposals, the base text, where they conflict) and DIR/NUMBER/compare.html "
               "for each section any proposal changes: current law and each proposal's redline in columns, provision by "
               "provision, and where two proposals change the same words differently; each with a .md twin, and "
               "DIR/manifest.txt (as apply). Nothing is written when an instruction of any proposal fails.\n"
               "Defaults: as apply (skipped sections are notes unless --strict).\n" + exits.substr(1) +
               " Exit 2 also when an instruction fails." + doc +
               "\nExample: amend compare corpus/chicago --amendments amendments/welcoming-city-2016.md "
               "--amendments amendments/illustrative-alternative-2016.md -o compare");
    dr->footer("Defaults: --style chicago, --format md, standard output.\n" + exits.substr(1) + doc +
               "\nExample: amend draft corpus/chicago --amendments amendments/welcoming-city-2016.md --format html -o ordinance.html");
    ex->footer("Prints, for each instruction in reading order, the operation, its target, the words struck and inserted, "
               "how many places, and where it came from (file:line); --format json in the D.C. codifier's paths.\n"
               "Defaults: --format text; without --code nothing is checked against a code.\n"
               "Exit codes: 0 every instruction was read, 2 one was not (the errors on standard error, what was read still "
               "printed) or bad input, 3 internal error." + doc +
               "\nExample: amend explain amendments/welcoming-city-2016.md --code corpus/chicago");
    ix->footer("Defaults: standard output.\n" + exits.substr(1) +
               "\nExample: amend index us/dc/council/code -o corpus/dc/code-index.tsv");
    app.footer("Run `amend help COMMAND` or `amend COMMAND --help` for a command's defaults, exit codes and an example.\n"
               "Exit codes: 0 ok (diff: no differences), 1 differences (diff), 2 bad input or usage, 3 internal error." + doc);
    auto find_sub = [&](const std::string& name) -> CLI::App* {
        try {
            return app.get_subcommand(name);
        } catch (const CLI::OptionNotFound&) {
            return nullptr;
        }
    };
    std::string help_of;
    auto* h = app.add_subcommand("help", "show the help of amend or of one command");
    h->add_option("COMMAND", help_of, "the command");
    // --- end help ---

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // An unknown command is named ("amend frobnicate": no such command).
        if (argc > 1 && argv[1][0] != '-' && !find_sub(argv[1])) {
            std::cerr << "amend: error: no command \"" << argv[1] << "\" (commands: show, diff, apply, check, compare, draft, explain, index, help)\n"
                      << "Run `amend help` for the list.\n";
            return cli::kBadInput;
        }
        if (argc == 1) {  // no command: the list of them
            std::cerr << app.get_formatter()->make_help(&app, argv[0], CLI::AppFormatMode::Normal);
            return cli::kBadInput;
        }
        int rc = app.exit(e);
        return rc == 0 ? cli::kOk : cli::kBadInput;
    }
    if (h->parsed()) {
        if (help_of.empty()) {
            std::cout << app.get_formatter()->make_help(&app, argv[0], CLI::AppFormatMode::Normal);
            return cli::kOk;
        }
        CLI::App* sub = find_sub(help_of);
        if (!sub || sub == h) {
            std::cerr << "amend: error: no command \"" << help_of << "\" (commands: show, diff, apply, check, compare, draft, index)\n";
            return cli::kBadInput;
        }
        std::cout << sub->help(argv[0]);
        return cli::kOk;
    }
    try {
        if (s->parsed()) return cli::exit_code(run_show(show, std::cout));
        if (d->parsed()) return cli::exit_code(run_diff(diff, std::cout));
        if (a->parsed()) return cli::exit_code(run_apply(apply, std::cout, std::cerr));
        if (c->parsed()) return cli::exit_code(run_apply(check, std::cout, std::cerr));
        if (dr->parsed()) return cli::exit_code(run_draft(draft, std::cout, std::cerr));
        if (cm->parsed()) return cli::exit_code(run_compare(compare, std::cout, std::cerr));
        if (ix->parsed()) return cli::exit_code(run_index(index, std::cout));
        if (ex->parsed()) return cli::exit_code(run_explain(explain, std::cout, std::cerr));
    } catch (const InputError& e) {
        for (const auto& diag : e.diagnostics()) std::cerr << format_full(diag);
        return cli::kBadInput;
    } catch (const UsageError& e) {
        std::cerr << "amend: error: " << e.what() << "\n";
        return cli::kBadInput;
    } catch (const std::exception& e) {
        std::cerr << "amend: internal error: " << e.what() << "\n";
        return cli::kInternal;
    }
    return cli::kInternal;
}
