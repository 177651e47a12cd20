package org.rareset.association.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.rareset.annotate.InputException;

/**
 * Reads the small sample and annotation tables of an analysis (phenotypes, covariates,
 * annotations, scores) into {@link TextTable}s: tab- or comma-separated text, optionally gzipped,
 * or Parquet. The delimiter follows the extension ({@code .csv} commas, otherwise tabs; a text
 * file whose header has no tab but has commas or spaces is split on those).
 */
public final class TableFiles {
    private TableFiles() {}

    public static TextTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InputException.of(file, "file not found", "check the path");
        }
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".parquet") || name.endsWith(".pq")) return ParquetTables.read(file);
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = name.endsWith(".gz") || name.endsWith(".bgz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                return readDelimited(file, r, name.endsWith(".csv") || name.endsWith(".csv.gz") ? ',' : 0);
            }
        } catch (NoSuchFileException e) {
            throw InputException.of(file, "file not found", "check the path");
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), "check the file is readable and not truncated");
        }
    }

    /** {@code delimiter} 0 = decide from the header line. */
    static TextTable readDelimited(Path file, BufferedReader r, char delimiter) throws IOException {
        String header = null;
        long lineNo = 0;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (!line.isBlank() && !line.startsWith("##")) { header = line; break; }
        }
        if (header == null) throw InputException.of(file, "empty file", "expected a header line naming the columns");
        char d = delimiter != 0 ? delimiter : guessDelimiter(header);
        String[] cols = split(stripHash(header), d);
        for (int i = 0; i < cols.length; i++) cols[i] = cols[i].trim();
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            String[] cells = split(line, d);
            if (cells.length != cols.length) {
                throw InputException.atLine(file, lineNo, cells.length + " fields where the header has " + cols.length,
                        "every line needs one value per column; write missing values as NA");
            }
            for (int i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
            rows.add(cells);
            lines.add(lineNo);
        }
        long[] ln = new long[lines.size()];
        for (int i = 0; i < ln.length; i++) ln[i] = lines.get(i);
        return new TextTable(file.toString(), Arrays.asList(cols), rows, ln);
    }

    private static String stripHash(String header) {
        return header.startsWith("#") ? header.substring(1) : header;
    }

    private static char guessDelimiter(String header) {
        if (header.indexOf('\t') >= 0) return '\t';
        if (header.indexOf(',') >= 0) return ',';
        if (header.trim().indexOf(' ') >= 0) return ' ';
        return '\t';
    }

    /** Splits on the delimiter; a space delimiter treats runs of spaces as one (PLINK style). */
    static String[] split(String line, char d) {
        if (d == ' ') return line.trim().split(" +", -1);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == d) { out.add(line.substring(start, i)); start = i + 1; }
        }
        out.add(line.substring(start));
        return out.toArray(new String[0]);
    }

    static UncheckedIOException unchecked(IOException e) { return new UncheckedIOException(e); }
}
