package org.rareset.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rareset completion}: prints a bash/zsh completion script for every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print a bash completion script for rareset's commands and options (also works in zsh with bashcompinit).",
            "Load it in the current shell, or save it where your shell loads completions."},
        footer = {"%nExamples:",
            "  source <(./rareset completion)",
            "  ./rareset completion > ~/.local/share/bash-completion/completions/rareset",
            "  # zsh: autoload -U +X bashcompinit && bashcompinit && source <(./rareset completion)"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("rareset", RareSetCommand.newCommandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
