package org.rareset.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;
import org.rareset.core.region.RegionIndex;
import org.rareset.core.region.StaleIndex;
import org.rareset.core.table.TextInput;

/**
 * Records from the data lines of a text file (lines starting with {@code #} are headers).
 * With a tabix or CSI index ({@code file.tbi} or {@code file.csi} beside a bgzipped file) it reads by region
 * ({@link TabixLines}); otherwise it reads the whole file in order.
 */
final class LineRecordStream implements RecordStream {
    private final Path file;
    private final LineParser parser;
    private final TabixLines tabix;
    private final Map<String, String> tabixNames = new HashMap<>();
    private BufferedReader plain;
    private long lineNumber;
    private String lastRegion;
    /** "near REGION", made once per seek rather than once per line. */
    private String regionLocation = "near null";
    private final ArrayDeque<KeyedRecord> pending = new ArrayDeque<>(4);
    private final java.util.function.Consumer<KeyedRecord> addPending = pending::add;

    private LineRecordStream(Path file, LineParser parser, boolean useIndex) {
        this.file = file;
        this.parser = parser;
        TabixLines t = null;
        if (useIndex && hasIndex(file)) {
            StaleIndex.checkAge(file, StaleIndex.besideFile(file));
            try {
                t = new TabixLines(file);
                for (String name : t.sequenceNames()) tabixNames.put(Contigs.canonical(name), name);
            } catch (IOException | RuntimeException e) {
                throw InputException.of(file, "cannot read its index (.tbi or .csi): " + e.getMessage(),
                        "re-create it with 'tabix' (or 'tabix -C') or remove it to read the file in order");
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
        return RegionIndex.existsBeside(file);
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
            parser.parse(line, location(), addPending);
        }
        return pending.poll();
    }

    private String nextLine() {
        try {
            if (tabix != null) return tabix.nextLine();
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
        regionLocation = "near " + lastRegion;
        try {
            if (name == null) tabix.stop(); // the file has no such contig
            else tabix.seek(name, pos);
        } catch (IOException e) {
            throw new InputException(file.toString(), location(), "cannot read: " + e.getMessage(), "is the file truncated?");
        }
    }

    @Override
    public void restart() {
        pending.clear();
        if (tabix != null) {
            tabix.stop();
            return;
        }
        closePlain();
        plain = TextInput.open(file);
        lineNumber = 0;
    }

    @Override
    public String location() {
        return tabix != null ? regionLocation : "line " + lineNumber;
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
