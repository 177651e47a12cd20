package org.rareset.core;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Bad input from the user: a file that cannot be read, a malformed record, an inconsistent option.
 *
 * <p>Prints as one line, {@code source:location: problem (hint)}, so that the CLI can show it
 * without a stack trace and exit with code 2. Each layer adds what it knows: a decoder knows the
 * line, the reader knows the file ({@link #withSource}).
 */
public class InputException extends RuntimeException {
    /**
     * A Java class name in front of a library's message ("java.util.zip.DataFormatException: invalid
     * distance"): problems often quote a library's message, and the user needs its words, not its type.
     */
    private static final Pattern JAVA_TYPE = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z]\\w*(?:Exception|Error))(:\\s*)?");

    private final String source;
    private final String location;
    private final String problem;
    private final String hint;

    public InputException(String source, String location, String problem, String hint) {
        super(problem);
        this.source = source;
        this.location = location;
        this.problem = problem == null ? null : withoutJavaTypes(problem);
        this.hint = hint;
    }

    public InputException(String source, String location, String problem, String hint, Throwable cause) {
        this(source, location, problem, hint);
        initCause(cause);
    }

    /** The problem text with Java type names removed; a bare type becomes plain words. */
    static String withoutJavaTypes(String problem) {
        return JAVA_TYPE.matcher(problem).replaceAll(m -> m.group(2) != null ? ""
                : m.group(1).startsWith("EOF") ? "unexpected end of data" : "unreadable data");
    }

    public static InputException of(Path file, String problem, String hint) {
        return new InputException(file == null ? null : file.toString(), null, problem, hint);
    }

    public static InputException atLine(Path file, long line, String problem, String hint) {
        return new InputException(file == null ? null : file.toString(), "line " + line, problem, hint);
    }

    /** A copy of this exception that names the file, keeping the location the lower layer gave. */
    public InputException withSource(String newSource) {
        InputException copy = new InputException(newSource, location, problem, hint, getCause() == null ? this : getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public String source() { return source; }
    public String location() { return location; }
    public String problem() { return problem; }
    public String hint() { return hint; }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder();
        if (source != null) sb.append(source).append(": ");
        if (location != null) sb.append(location).append(": ");
        sb.append(problem);
        if (hint != null && !hint.isEmpty()) sb.append(" (").append(hint).append(')');
        return sb.toString();
    }
}
