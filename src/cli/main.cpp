// The command line: the only layer that touches files, stdout and exit codes.
//   0 ok (diff: no differences) · 1 differences · 2 bad input or usage · 3 internal error
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
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

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : 2;
    }
    try {
        if (s->parsed()) return run_show(show, std::cout);
    } catch (const InputError& e) {
        for (const auto& d : e.diagnostics()) std::cerr << format_full(d);
        return 2;
    } catch (const UsageError& e) {
        std::cerr << "amend: error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "amend: internal error: " << e.what() << "\n";
        return 3;
    }
    return 3;
}
