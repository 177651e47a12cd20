package org.rareset.annotate.annotation;

import htsjdk.tribble.readers.TabixReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.rareset.annotate.InputException;
import org.rareset.annotate.table.TextInput;
import org.rareset.annotate.vcf.Contigs;

/**
 * Records from the data lines of a text file (lines starting with {@code #} are headers).
 * With a tabix index ({@code file.tbi} or {@code file.csi} beside a bgzipped file) it reads by
 * region through htsjdk's {@link TabixReader}; otherwise it reads the whole file in order.
 */
final class LineRecordStream implements RecordStream {
    private final Path file;
    private final LineParser parser;
    private final TabixReader tabix;
    private final Map<String, String> tabixNames = new HashMap<>();
    private TabixReader.Iterator region;
    private BufferedReader plain;
    private long lineNumber;
    private String lastRegion;
    private final ArrayDeque<KeyedRecord> pending = new ArrayDeque<>(4);

    private LineRecordStream(Path file, LineParser parser, boolean useIndex) {
        this.file = file;
        this.parser = parser;
        TabixReader t = null;
        if (useIndex && hasIndex(file)) {
            try {
                t = new TabixReader(file.toString());
                for (String name : t.getChromosomes()) tabixNames.put(Contigs.canonical(name), name);
            } catch (IOException | RuntimeException e) {
                throw InputException.of(file, "cannot read its tabix index: " + e.getMessage(),
                        "re-create it with 'tabix' or remove it to read the file in order");
            }
        }
        this.tabix = t;
        if (tabix == null) plain = TextInput.open(file);
    }

    /** Indexed when an index exists beside the file, otherwise sequential. */
    static LineRecordStream open(Path file, LineParser parser) {
        return new LineRecordStream(file, parser, true);
    }

    static boolean hasIndex(Path file) {
        return Files.isRegularFile(Path.of(file + ".tbi")) || Files.isRegularFile(Path.of(file + ".csi"));
    }

    boolean indexed() {
        return tabix != null;
    }

    @Override
    public KeyedRecord next() {
        while (pending.isEmpty()) {
            String line = nextLine();
            if (line == null) return null;
            if (line.isEmpty() || line.charAt(0) == '#') continue;
            parser.parse(line, location(), pending::add);
        }
        return pending.poll();
    }

    private String nextLine() {
        try {
            if (tabix != null) {
                if (region == null) return null;
                String line = region.next();
                if (line == null) region = null;
                return line;
            }
            String line = plain.readLine();
            if (line != null) lineNumber++;
            return line;
        } catch (IOException e) {
            throw new InputException(file.toString(), location(), "cannot read: " + e.getMessage(), "is the file truncated?");
        }
    }

    @Override
    public boolean canSeek() {
        return tabix != null;
    }

    @Override
    public void seek(String chrom, int pos) {
        pending.clear();
        String name = tabixNames.get(chrom);
        lastRegion = chrom + ":" + pos;
        if (name == null) {
            region = null;
            return;
        }
        region = tabix.query(name, Math.max(0, pos - 1), Integer.MAX_VALUE >> 2);
    }

    @Override
    public void restart() {
        pending.clear();
        if (tabix != null) {
            region = null;
            return;
        }
        closePlain();
        plain = TextInput.open(file);
        lineNumber = 0;
    }

    @Override
    public String location() {
        return tabix != null ? "near " + lastRegion : "line " + lineNumber;
    }

    private void closePlain() {
        try {
            if (plain != null) plain.close();
        } catch (IOException ignored) {
            // Reading is over.
        }
    }

    @Override
    public void close() {
        closePlain();
        if (tabix != null) tabix.close();
    }
}
