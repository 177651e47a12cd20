package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rareset.core.formats.GeneScoreFile;
import org.rareset.core.formats.SparseGeneScores;
import org.rareset.core.table.Column;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriters;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** {@code rareset score --pretrained} on ../shared/golden/deeprvat, checked against its expected burdens. */
@Tag("slow")
class ScoreCommandTest {
    private static Path golden;
    private static Path models;
    private static Map<String, Double> expected;

    @BeforeAll
    static void shared() throws IOException {
        Path shared = Path.of(System.getProperty("rareset.shared", "../shared"));
        golden = shared.resolve("golden/deeprvat");
        models = shared.resolve("deeprvat-pretrained");
        if (!present()) return; // each test then reports the skip
        expected = new HashMap<>();
        for (String line : Files.readAllLines(golden.resolve("expected_burdens.tsv")).subList(1, 3601)) {
            String[] f = line.split("\t");
            expected.put(f[0] + "\t" + f[1], Double.parseDouble(f[2]));
        }
    }

    /** Reads a whole table (TSV, gz or Parquet) as rows of strings. */
    static List<List<String>> readTable(Path file) {
        List<List<String>> rows = new java.util.ArrayList<>();
        try (TableReader reader = TableReaders.open(file)) {
            rows.add(reader.columns());
            for (Row row : reader) {
                List<String> r = new java.util.ArrayList<>();
                for (int c = 0; c < row.size(); c++) r.add(row.getString(c));
                rows.add(r);
            }
        }
        return rows;
    }

    private static boolean present() {
        return Files.isRegularFile(golden.resolve("expected_burdens.tsv")) && Files.isRegularFile(models.resolve("model_config.yaml"));
    }

    @org.junit.jupiter.api.BeforeEach
    void needsSharedData() {
        Assumptions.assumeTrue(present(), golden + " or " + models + " absent: skipping the rareset score checks");
    }

    private CliRun score(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("score", "--pretrained", models.toString(),
                "--vcf", golden.resolve("cohort.vcf.gz").toString(),
                "--annotations", golden.resolve("annotations.tsv").toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private static Map<String, Double> longScores(Path out) {
        List<List<String>> rows = readTable(out);
        assertEquals(List.of("sample", "gene", "score"), rows.get(0));
        assertEquals(3601, rows.size());
        Map<String, Double> got = new HashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) got.put(r.get(0) + "\t" + r.get(1), Double.parseDouble(r.get(2)));
        return got;
    }

    private static Map<String, Double> wideScores(Path out) {
        List<List<String>> rows = readTable(out);
        List<String> header = rows.get(0);
        assertEquals(13, header.size());
        assertEquals("sample", header.get(0));
        assertEquals(301, rows.size());
        Map<String, Double> got = new HashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            for (int j = 1; j < r.size(); j++) got.put(r.get(0) + "\t" + header.get(j), Double.parseDouble(r.get(j)));
        }
        return got;
    }

    private static void assertAllMatch(Map<String, Double> got) {
        assertEquals(3600, got.size());
        expected.forEach((pair, e) -> assertEquals(e, got.get(pair), 1e-9, pair));
    }

    @Test
    void longTsvMatchesEveryGoldenBurden(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("scores.tsv");
        CliRun r = score(out, "--threads", "2", "--dense", "long");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("scored 12 genes x 300 samples with 30 models"), r.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals("sample\tgene\tscore", lines.get(0));
        Map<String, Double> got = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            got.put(f[0] + "\t" + f[1], Double.parseDouble(f[2]));
        }
        assertEquals(3600, lines.size() - 1);
        assertAllMatch(got);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(out), left.collect(Collectors.toList()), "no temporary files left");
        }
    }

    @Test
    void longParquetMatchesEveryGoldenBurden(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("scores.parquet");
        CliRun r = score(out, "--dense", "long");
        assertEquals(0, r.exit(), r.err());
        assertAllMatch(longScores(out));
    }

    /** The default sparse file: roster, gene rows, carrier rows; expanded, every golden burden. */
    @Test
    void sparseParquetIsTheDefaultAndExpandsToEveryGoldenBurden(@TempDir Path tmp) {
        Path out = tmp.resolve("scores.parquet");
        CliRun r = score(out);
        assertEquals(0, r.exit(), r.err());
        List<List<String>> rows = readTable(out);
        assertEquals(List.of("kind", "gene", "sample", "score"), rows.get(0));
        long roster = rows.stream().filter(x -> x.get(0).equals("sample")).count();
        long genes = rows.stream().filter(x -> x.get(0).equals("gene")).count();
        long carriers = rows.stream().filter(x -> x.get(0).equals("carrier")).count();
        assertEquals(300, roster);
        assertEquals(12, genes);
        assertEquals(rows.size() - 1, roster + genes + carriers);
        assertTrue(carriers < 3600, "carriers only, not every sample x gene: " + carriers);
        assertAllMatch(expand(GeneScoreFile.read(out)));
    }

    /** Sparse and dense long files of the same run hold the same 3,600 doubles, bit for bit. */
    @Test
    void sparseExpandsExactlyToTheDenseLongOutput(@TempDir Path tmp) {
        Path sparse = tmp.resolve("sparse.tsv.gz");
        Path dense = tmp.resolve("dense.tsv");
        assertEquals(0, score(sparse).exit());
        assertEquals(0, score(dense, "--dense", "long").exit());
        Map<String, Double> fromSparse = expand(GeneScoreFile.read(sparse));
        Map<String, Double> fromDense = longScores(dense);
        assertEquals(fromDense.keySet(), fromSparse.keySet());
        fromDense.forEach((pair, x) -> assertEquals(Double.doubleToLongBits(x), Double.doubleToLongBits(fromSparse.get(pair)), pair));
        assertEquals(readTable(sparse).subList(1, 301).stream().map(x -> x.get(2)).toList(),
                GeneScoreFile.read(dense).samples(), "roster in cohort order, as the dense file lists samples");
    }

    /** Sparse chunks of --chunk K/3, joined by rareset merge, are the single run's file. */
    @Test
    void sparseChunksMergeIntoTheSingleRun(@TempDir Path tmp) throws IOException {
        for (String ext : new String[] {".tsv", ".parquet"}) {
            Path single = tmp.resolve("scores" + ext);
            assertEquals(0, score(single).exit());
            List<String> args = new java.util.ArrayList<>(List.of("merge", "--out", tmp.resolve("merged" + ext).toString()));
            for (int k = 3; k >= 1; k--) {
                Path part = tmp.resolve("scores.chunk" + k + "-of-3" + ext);
                CliRun r = score(part, "--chunk", k + "/3");
                assertEquals(0, r.exit(), r.err());
                args.add(part.toString());
            }
            CliRun m = run(args.toArray(String[]::new));
            assertEquals(0, m.exit(), m.err());
            assertEquals(readTable(single), readTable(tmp.resolve("merged" + ext)), ext);
        }
    }

    @Test
    void refusesAnUnknownDenseLayout(@TempDir Path tmp) {
        CliRun r = score(tmp.resolve("scores.tsv"), "--dense", "tall");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--dense takes long or wide, not 'tall'"), r.err());
    }

    private static Map<String, Double> expand(SparseGeneScores scores) {
        Map<String, Double> got = new HashMap<>();
        for (SparseGeneScores.Gene g : scores.genes()) {
            for (int s = 0; s < scores.samples().size(); s++) got.put(scores.samples().get(s) + "\t" + g.name(), g.score(s));
        }
        return got;
    }

    @Test
    void wideTsvHasOneRowPerSample(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("wide.tsv.gz");
        CliRun r = score(out, "--dense", "wide");
        assertEquals(0, r.exit(), r.err());
        List<String> lines;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(out))) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
        String[] header = lines.get(0).split("\t");
        assertEquals(13, header.length);
        assertEquals("sample", header[0]);
        assertEquals(301, lines.size());
        Map<String, Double> got = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            for (int j = 1; j < f.length; j++) got.put(f[0] + "\t" + header[j], Double.parseDouble(f[j]));
        }
        assertAllMatch(got);
    }

    /** The same annotations as Parquet (written by the project's table writer) give the same scores. */
    @Test
    void readsParquetAnnotations(@TempDir Path tmp) throws IOException {
        List<List<String>> rows = readTable(golden.resolve("annotations.tsv"));
        List<Column> columns = new java.util.ArrayList<>();
        for (String name : rows.get(0)) {
            columns.add(List.of("chrom", "ref", "alt", "gene").contains(name) ? Column.string(name)
                    : name.equals("pos") ? Column.integer(name) : Column.float64(name));
        }
        Path ann = tmp.resolve("annotations.parquet");
        TableWriters.write(ann, new TableSchema(columns), w -> {
            for (List<String> r : rows.subList(1, rows.size())) {
                for (int c = 0; c < r.size(); c++) {
                    switch (columns.get(c).type()) {
                        case STRING -> w.setString(c, r.get(c));
                        case INT -> w.setInt(c, Integer.parseInt(r.get(c)));
                        default -> w.setDouble(c, Double.parseDouble(r.get(c)));
                    }
                }
                w.endRow();
            }
        });
        Path out = tmp.resolve("scores.tsv");
        CliRun r = run("score", "--pretrained", models.toString(), "--vcf", golden.resolve("cohort.vcf.gz").toString(),
                "--annotations", ann.toString(), "--out", out.toString(), "--dense", "long");
        assertEquals(0, r.exit(), r.err());
        assertAllMatch(longScores(out));
    }

    @Test
    void wideParquetHasAColumnPerGene(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("wide.parquet");
        CliRun r = score(out, "--dense", "wide");
        assertEquals(0, r.exit(), r.err());
        assertAllMatch(wideScores(out));
    }

    @Test
    void refusesAnnotationsWithoutTheModelsColumnsNamingThem(@TempDir Path tmp) throws IOException {
        List<String> lines = Files.readAllLines(golden.resolve("annotations.tsv"));
        List<String> cut = lines.stream().map(l -> {
            String[] f = l.split("\t", -1);
            // drop columns 6 (CADD_raw) and 38 (alphamissense)
            List<String> keep = new java.util.ArrayList<>();
            for (int i = 0; i < f.length; i++) if (i != 6 && i != 38) keep.add(f[i]);
            return String.join("\t", keep);
        }).toList();
        assertTrue(lines.get(0).split("\t")[6].equals("CADD_raw") && lines.get(0).split("\t")[38].equals("alphamissense"));
        Path ann = tmp.resolve("annotations.tsv");
        Files.write(ann, cut);
        Path out = tmp.resolve("scores.tsv");
        CliRun r = run("score", "--pretrained", models.toString(), "--vcf", golden.resolve("cohort.vcf.gz").toString(),
                "--annotations", ann.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(ann + ": line 1: missing 2 column(s) the model needs: CADD_raw, alphamissense"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void refusesAnUnknownOutputFormatBeforeReading(@TempDir Path tmp) {
        CliRun r = score(tmp.resolve("scores.xlsx"));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("cannot tell the table format"), r.err());
        assertFalse(r.err().contains("DeepRVAT pretrained ensemble"), "refused before loading the models");
    }

    @Test
    void helpHasExamples() {
        CliRun r = run("score", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Examples:") && r.out().contains("--pretrained"), r.out());
    }
}
