package org.rareset.cli.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One planned step: the commands it runs (in process), the files it reads, its parameters, the
 * folder it owns and the outputs downstream steps use. Command arguments name the step's own folder
 * as {@link #STAGING}, replaced by a staging folder at run time, so outputs appear only when complete.
 *
 * @param unavailable why the step cannot run in this build (empty when it can)
 */
public record Step(String name, List<Invocation> invocations, List<Path> inputs, Map<String, String> params,
                   Path dir, Map<String, Path> outputs, List<String> unavailable) {
    /** Placeholder for the step's staging folder in command arguments. */
    public static final String STAGING = "@STEP_DIR@";

    /** One command of a step: {@code rareset COMMAND ARGS...}. */
    public record Invocation(String command, List<String> args) {
        public String display() {
            return "rareset " + command + " " + String.join(" ", args);
        }
    }

    public boolean available() {
        return unavailable.isEmpty();
    }

    /** An output path inside the final step folder. */
    public Path output(String key) {
        return outputs.get(key);
    }
}
