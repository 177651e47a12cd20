package org.rareset.cli;

import org.rareset.core.output.FileRoles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.rareset.core.InputException;
import org.rareset.core.output.OutputFiles;
import org.rareset.core.table.TableFiles;
import org.rareset.core.table.TextTable;
import org.rareset.core.table.Column;
import org.rareset.core.table.EmptyTable;
import org.rareset.core.table.ParquetTableReader;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriters;
import org.rareset.cli.pipeline.AssocSideFiles;
import org.rareset.cli.pipeline.ChunkMerger;
import org.rareset.cli.options.RuntimeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rareset merge}: joins the outputs of {@code --chunk K/N} runs into what one run writes. */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = org.rareset.cli.VersionProvider.class,
        description = {"Join the tables written by the N runs of a command with --chunk 1/N ... N/N into the table one run without --chunk writes.",
            "Same header, same rows in the same order (TSV, TSV.gz, CSV or Parquet).",
            "Files named like results.chunk2-of-8.tsv are put in chunk order and checked to be complete;",
            "other names are taken in the order given. A text chunk with a header and no rows is refused",
            "unless it ends with the line that marks a table written complete and empty.",
            "For rareset assoc chunks (a .summary.tsv beside each) the side files are written for the merged",
            "table: summary and significant computed over all rows with assoc's code, skipped counts summed,",
            "settings."},
        footer = {"%nExamples:",
            "  rareset merge --out results.tsv results.chunk1-of-4.tsv results.chunk2-of-4.tsv \\",
            "      results.chunk3-of-4.tsv results.chunk4-of-4.tsv",
            "  rareset merge --out scores.parquet chunks/scores.chunk*-of-8.parquet"})
public final class MergeCommand implements Callable<Integer>, org.rareset.cli.files.WritesFiles {
    static final Pattern CHUNK_NAME = Pattern.compile("chunk(\\d+)-?of-?(\\d+)");

    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Merged table (format from its name).")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "CHUNK", description = "Chunk outputs.")
    List<Path> chunks;

    /** The name a chunk's output gets in workflows: results.tsv -> results.chunk2-of-8.tsv. */
    public static String chunkName(String fileName, int k, int n) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.endsWith(".gz") ? lower.lastIndexOf('.', lower.length() - 4) : lower.lastIndexOf('.');
        if (dot < 0) dot = fileName.length();
        return fileName.substring(0, dot) + ".chunk" + k + "-of-" + n + fileName.substring(dot);
    }


    @Override
    public void declareFiles(FileRoles files) {
        files.output("--out", out);
        if (chunks != null && AssocSideFiles.present(chunks)) { // assoc chunks: the merged side files too
            files.output("summary beside --out", org.rareset.association.run.SummaryWriter.summaryPath(out))
                    .output("significant genes beside --out", org.rareset.association.run.SummaryWriter.significantPath(out))
                    .output("skipped genes beside --out", org.rareset.association.run.SummaryWriter.skippedPath(out))
                    .output("settings beside --out", org.rareset.association.run.SettingsWriter.path(out));
        }
    }

    @Override
    public Integer call() throws IOException {
        merge(out, chunks, spec.commandLine().getErr());
        return 0;
    }

    /**
     * What {@code rareset merge --out OUT CHUNK...} does, for other runners (the Spark runner) that
     * write chunks named by {@link #chunkName}; messages go to {@code err}.
     */
    public static void merge(Path out, List<Path> chunks, java.io.PrintWriter err) throws IOException {
        List<Path> ordered = inChunkOrder(chunks);
        boolean parquet = isParquet(out);
        for (Path c : ordered) {
            if (isParquet(c) != parquet) {
                throw InputException.of(c, "is " + (parquet ? "not " : "") + "Parquet but --out is " + (parquet ? "" : "not ") + "Parquet",
                        "merge chunks into the format they were written in");
            }
        }
        long rows = parquet ? mergeParquet(out, ordered) : mergeText(out, ordered);
        err.printf("merge: %d rows from %d chunk(s) into %s%n", rows, ordered.size(), out);
        if (AssocSideFiles.present(ordered)) {
            int n = AssocSideFiles.write(out, ordered);
            err.printf("merge: lambda and significance recomputed over all rows for %d trait x test(s), beside %s%n", n, out);
        }
        err.flush();
    }

    static List<Path> inChunkOrder(List<Path> files) {
        List<int[]> ids = new ArrayList<>();
        for (Path f : files) {
            Matcher m = CHUNK_NAME.matcher(f.getFileName().toString());
            ids.add(m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null);
        }
        if (ids.stream().anyMatch(i -> i == null)) return files;
        int n = ids.get(0)[1];
        boolean[] seen = new boolean[n + 1];
        for (int i = 0; i < files.size(); i++) {
            int[] id = ids.get(i);
            if (id[1] != n || id[0] < 1 || id[0] > n) {
                throw InputException.of(files.get(i), "chunk " + id[0] + " of " + id[1] + " does not belong with chunks of " + n, "merge one set of chunks");
            }
            if (seen[id[0]]) throw InputException.of(files.get(i), "chunk " + id[0] + " given twice", "give each chunk once");
            seen[id[0]] = true;
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) if (!seen[k]) missing.add(k + "/" + n);
        if (!missing.isEmpty()) {
            throw InputException.of(files.get(0).getParent(), "chunk(s) " + String.join(", ", missing) + " missing",
                    "run those chunks first; a merge of some chunks would not be the whole result");
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) idx.add(i);
        idx.sort(Comparator.comparingInt(i -> ids.get(i)[0]));
        return idx.stream().map(files::get).toList();
    }

    private static long mergeText(Path out, List<Path> files) throws IOException {
        List<String> preamble = null;
        String header = null;
        List<List<String>> lines = new ArrayList<>(), keys = new ArrayList<>(), genes = new ArrayList<>();
        List<List<String>> rosters = new ArrayList<>();
        for (Path f : files) {
            TextTable t = TableFiles.read(f); // checks the field counts, names lines in errors
            int gene = geneColumn(f, t.columns());
            List<String> pre = new ArrayList<>();
            List<String> raw = new ArrayList<>();
            String head = null;
            boolean markedEmpty = false;
            try (BufferedReader r = openText(f)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (head == null && (line.startsWith("#") || line.isBlank())) {
                        pre.add(line);
                    } else if (head == null) {
                        head = line;
                    } else if (EmptyTable.isMarker(line)) {
                        markedEmpty = true;
                    } else if (!line.isBlank() && !line.startsWith("#")) {
                        raw.add(line);
                    }
                }
            }
            if (raw.isEmpty() && !markedEmpty) {
                throw InputException.of(f, "has a header but no rows, and does not record that it was written empty",
                        "the file may be cut short: rerun that chunk (a chunk with no rows ends with the line '" + EmptyTable.MARKER + "')");
            }
            if (header == null) {
                header = head;
                preamble = pre;
            } else if (!header.equals(head)) {
                throw InputException.of(f, "header differs from " + files.get(0).getFileName() + "'s", "merge chunks of one command only");
            }
            List<String> k = new ArrayList<>(), g = new ArrayList<>();
            for (int r = 0; r < t.rowCount(); r++) {
                List<String> before = new ArrayList<>(gene);
                for (int c = 0; c < gene; c++) before.add(t.cell(r, c));
                k.add(String.join("\t", before));
                g.add(t.cell(r, gene));
            }
            if (ChunkMerger.isSparseScores(List.of(head.split("\t", -1)))) {
                List<String> roster = new ArrayList<>();
                for (int r = 0; r < t.rowCount(); r++) if (t.cell(r, ChunkMerger.KIND_COLUMN).equals(ChunkMerger.ROSTER)) roster.add(t.cell(r, ChunkMerger.SAMPLE_COLUMN));
                checkRoster(f, files.get(0), roster, rosters);
            }
            lines.add(raw);
            keys.add(k);
            genes.add(g);
        }
        long[] n = {0};
        List<String> pre = preamble;
        String head = header;
        List<ChunkMerger.Ref> order = rosters.isEmpty() ? ChunkMerger.order(keys, genes) : ChunkMerger.orderSparseScores(keys);
        OutputFiles.write(out, tmp -> {
            try (OutputStream os = out.getFileName().toString().endsWith(".gz")
                    ? new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16) : Files.newOutputStream(tmp);
                 Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
                for (String p : pre) w.write(p + "\n");
                w.write(head + "\n");
                for (ChunkMerger.Ref ref : order) {
                    w.write(lines.get(ref.chunk()).get(ref.row()));
                    w.write('\n');
                    n[0]++;
                }
                if (n[0] == 0) w.write(EmptyTable.MARKER + "\n");
            }
        });
        return n[0];
    }

    private static long mergeParquet(Path out, List<Path> files) {
        TableSchema schema = null;
        List<List<Object[]>> rows = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>(), genes = new ArrayList<>(), rosters = new ArrayList<>();
        for (Path f : files) {
            try (ParquetTableReader r = new ParquetTableReader(f)) {
                if (schema == null) schema = r.schema();
                else if (!schema.equals(r.schema())) {
                    throw InputException.of(f, "schema differs from " + files.get(0).getFileName() + "'s", "merge chunks of one command only");
                }
                int gene = geneColumn(f, r.columns());
                List<Object[]> rs = new ArrayList<>();
                List<String> k = new ArrayList<>(), g = new ArrayList<>();
                for (Row row : r) {
                    Object[] v = new Object[schema.size()];
                    StringBuilder key = new StringBuilder();
                    for (int c = 0; c < v.length; c++) {
                        v[c] = value(row, c, schema.column(c));
                        if (c < gene) key.append(row.getString(c)).append('\t');
                    }
                    rs.add(v);
                    k.add(key.toString());
                    g.add(row.getString(gene));
                }
                if (ChunkMerger.isSparseScores(r.columns())) {
                    List<String> roster = new ArrayList<>();
                    for (Object[] v : rs) if (ChunkMerger.ROSTER.equals(v[ChunkMerger.KIND_COLUMN])) roster.add((String) v[ChunkMerger.SAMPLE_COLUMN]);
                    checkRoster(f, files.get(0), roster, rosters);
                    k = rs.stream().map(v -> (String) v[ChunkMerger.KIND_COLUMN]).toList();
                }
                rows.add(rs);
                keys.add(k);
                genes.add(g);
            }
        }
        List<ChunkMerger.Ref> order = rosters.isEmpty() ? ChunkMerger.order(keys, genes) : ChunkMerger.orderSparseScores(keys);
        return TableWriters.write(out, schema, w -> {
            for (ChunkMerger.Ref ref : order) w.writeRow(rows.get(ref.chunk()).get(ref.row()));
        });
    }

    /** Sparse score chunks each carry the cohort's sample roster; they must all carry the same one. */
    private static void checkRoster(Path chunk, Path first, List<String> roster, List<List<String>> rosters) {
        if (!rosters.isEmpty() && !rosters.get(0).equals(roster)) {
            throw InputException.of(chunk, "its sample list differs from " + first.getFileName() + "'s",
                    "merge score chunks of one cohort (the same --vcf or --store)");
        }
        rosters.add(roster);
    }

    private static Object value(Row row, int c, Column col) {
        if (row.isMissing(c)) return null;
        return switch (col.type()) {
            case INT -> row.getInt(c);
            case LONG -> row.getLong(c);
            case DOUBLE -> row.getDouble(c);
            case BOOLEAN -> Boolean.parseBoolean(row.getString(c));
            default -> row.getString(c);
        };
    }

    private static int geneColumn(Path f, List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (h.equals("gene") || h.equals("gene_id")) return i;
        }
        throw InputException.of(f, "no gene column (header: " + String.join(" ", header) + ")",
                "merge joins tables split by genes, as written with --chunk");
    }

    private static boolean isParquet(Path p) {
        return TableWriters.formatOf(p) == TableWriters.Format.PARQUET;
    }

    private static BufferedReader openText(Path f) throws IOException {
        return new BufferedReader(new java.io.InputStreamReader(
                f.getFileName().toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(Files.newInputStream(f))
                        : Files.newInputStream(f), StandardCharsets.UTF_8));
    }
}
