// The command line: options become pipeline jobs; outcomes and errors become exit codes
// (cli/exit_codes.hpp).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "cli/exit_codes.hpp"
#include "pipeline/jobs.hpp"
#include "model/diagnostic.hpp"

int main(int argc, char** argv) {
    using namespace amend;
    CLI::App app{"amend: apply amendments to a code of law and show what they change"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "amend 0.1");

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
    d->add_option("--format", diff.format, "md|html|side-by-side|text|json")
        ->check(CLI::IsMember({"md", "html", "side-by-side", "text", "json"}));
    d->add_flag("--timings", diff.timings, "print the time of each stage to standard error");
    d->add_flag("--full", diff.full, "show unchanged provisions whole instead of eliding them");

    ApplyOptions apply;
    auto* a = app.add_subcommand("apply", "apply amendments to a code and write the results");
    a->add_option("CODE", apply.code, "code files or folders")->required();
    a->add_option("--amendments", apply.amendments, "the amendment document (Markdown, or a D.C. law instruction XML)")
        ->required();
    a->add_option("-o,--output", apply.out_dir, "the folder to write to")->required();
    a->add_flag("--strict", apply.strict, "instructions naming sections not in the code given are failures");
    a->add_flag("--timings", apply.timings, "print the time of each stage to standard error");
    a->add_option("--code-index", apply.code_index, "a D.C. Code index (amend index); default: the one built in");

    ApplyOptions check;
    auto* c = app.add_subcommand("check", "apply amendments without writing anything");
    c->add_option("CODE", check.code, "code files or folders")->required();
    c->add_option("--amendments", check.amendments, "the amendment document")->required();
    c->add_flag("--strict", check.strict, "instructions naming sections not in the code given are failures");
    c->add_option("--code-index", check.code_index, "a D.C. Code index (amend index); default: the one built in");

    DraftOptions draft;
    auto* dr = app.add_subcommand("draft", "write the ordinance that enacts the amendments, in a jurisdiction's form");
    dr->add_option("CODE", draft.code, "code files or folders")->required();
    dr->add_option("--amendments", draft.amendments, "the amendment document")->required();
    dr->add_option("--style", draft.style, "chicago|philadelphia")->check(CLI::IsMember({"chicago", "philadelphia"}));
    dr->add_option("--format", draft.format, "md|html|text")->check(CLI::IsMember({"md", "html", "text"}));
    dr->add_option("-o,--output", draft.out_file, "the file to write (standard output when absent)");

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

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? cli::kOk : cli::kBadInput;
    }
    try {
        if (s->parsed()) return cli::exit_code(run_show(show, std::cout));
        if (d->parsed()) return cli::exit_code(run_diff(diff, std::cout));
        if (a->parsed()) return cli::exit_code(run_apply(apply, std::cout, std::cerr));
        if (c->parsed()) return cli::exit_code(run_apply(check, std::cout, std::cerr));
        if (dr->parsed()) return cli::exit_code(run_draft(draft, std::cout, std::cerr));
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
