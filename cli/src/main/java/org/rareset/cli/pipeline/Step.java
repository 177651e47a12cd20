package org.rareset.cli.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One planned step: the commands it runs (in process), the files it reads, its parameters, the
 * folder it owns and the outputs downstream steps use. Command arguments name the step's own folder
 * as {@link #STAGING}, replaced by a staging folder at run time, so outputs appear only when complete.
 * The step is stated once here: the runner, {@code --dry-run} and the exported plan that the
 * workflow engines read ({@link PlanExport}) all take its inputs, outputs and arguments from it.
 *
 * @param unavailable   why the step cannot run in this build (empty when it can)
 * @param folderOutputs keys of {@code outputs} that are folders (a trained model), not files
 */
public record Step(String name, List<Invocation> invocations, List<Path> inputs, Map<String, String> params,
                   Path dir, Map<String, Path> outputs, List<String> unavailable, Set<String> folderOutputs) {
    /** Placeholder for the step's staging folder in command arguments. */
    public static final String STAGING = "@STEP_DIR@";

    /** A step whose outputs are all files. */
    public Step(String name, List<Invocation> invocations, List<Path> inputs, Map<String, String> params,
                Path dir, Map<String, Path> outputs, List<String> unavailable) {
        this(name, invocations, inputs, params, dir, outputs, unavailable, Set.of());
    }

    /** One command of a step: {@code rareset COMMAND ARGS...}. */
    public record Invocation(String command, List<String> args) {
        /** The command line as a user would type it, run in {@code dir}. */
        public String display(Path dir) {
            return "rareset " + command + " " + String.join(" ", argsIn(dir));
        }

        /** The arguments to run, with the step folder placeholder replaced by {@code dir}. */
        public List<String> argsIn(Path dir) {
            List<String> a = new ArrayList<>();
            for (String s : args) a.add(s.replace(STAGING, dir.toString()));
            return a;
        }
    }

    public boolean available() {
        return unavailable.isEmpty();
    }

    /** Whether the step runs commands (false for a table given in the configuration, e.g. inputs.annotations). */
    public boolean runsCommands() {
        return !invocations.isEmpty();
    }

    /** An output path inside the final step folder. */
    public Path output(String key) {
        return outputs.get(key);
    }

    /**
     * The earlier steps in {@code plan} whose outputs this step reads: those with an output among
     * this step's inputs, or whose folder holds one of them.
     */
    public List<String> upstream(List<Step> plan) {
        List<String> up = new ArrayList<>();
        for (Step s : plan) {
            if (s == this || !s.runsCommands()) continue;
            for (Path in : inputs) {
                Path p = in.toAbsolutePath().normalize();
                if (p.startsWith(s.dir().toAbsolutePath().normalize())) {
                    up.add(s.name());
                    break;
                }
            }
        }
        return up;
    }
}
