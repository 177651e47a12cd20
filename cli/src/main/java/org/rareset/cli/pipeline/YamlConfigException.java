package org.rareset.cli.pipeline;

import java.nio.file.Path;
import org.rareset.core.InputException;
import org.yaml.snakeyaml.nodes.Node;

/** Builds the one-line errors for a study configuration, naming the file, line and key. */
final class YamlConfigException {
    private YamlConfigException() {}

    static InputException at(Path file, Node node, String problem, String hint) {
        String loc = node == null ? null : "line " + (node.getStartMark().getLine() + 1);
        return new InputException(file.toString(), loc, problem, hint);
    }
}
