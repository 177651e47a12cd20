package org.rareset.core.table;

import java.nio.file.Path;
import java.util.Set;
import org.rareset.core.InputException;

/** A row of a delimited text file: the fields as text, parsed on demand. */
final class TextRow implements Row {
    private final Path path;
    private final long line;
    private final String[] fields;
    private final String[] names;
    private final Set<String> missing;

    TextRow(Path path, long line, String[] fields, String[] names, Set<String> missing) {
        this.path = path;
        this.line = line;
        this.fields = fields;
        this.names = names;
        this.missing = missing;
    }

    @Override public long lineNumber() { return line; }
    @Override public int size() { return fields.length; }

    @Override
    public boolean isMissing(int c) {
        return missing.contains(fields[c]);
    }

    @Override
    public String getString(int c) {
        return isMissing(c) ? null : fields[c];
    }

    @Override
    public double getDouble(int c) {
        String s = fields[c];
        if (missing.contains(s)) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            if (s.equalsIgnoreCase("inf")) return Double.POSITIVE_INFINITY;
            if (s.equalsIgnoreCase("-inf")) return Double.NEGATIVE_INFINITY;
            throw error("column " + names[c] + ": '" + s + "' is not a number", "fix the value or declare it missing");
        }
    }

    @Override
    public int getInt(int c) {
        long v = getLong(c);
        if (v != (int) v) throw error("column " + names[c] + ": " + v + " is out of range", null);
        return (int) v;
    }

    @Override
    public long getLong(int c) {
        String s = fields[c];
        if (missing.contains(s)) throw error("column " + names[c] + " is missing", "an integer is required here");
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error("column " + names[c] + ": '" + s + "' is not an integer", null);
        }
    }

    @Override
    public InputException error(String problem, String hint) {
        return InputException.atLine(path, line, problem, hint);
    }

    @Override
    public String toString() {
        return path.getFileName() + ":" + line + " " + String.join("\t", fields);
    }
}
