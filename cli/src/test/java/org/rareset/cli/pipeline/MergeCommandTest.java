package org.rareset.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.rareset.cli.MergeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.cli.CliRun;
import org.rareset.core.table.Column;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriters;
import org.rareset.core.concurrent.Chunk;
import org.rareset.core.table.TableFiles;
import org.rareset.core.table.TextTable;

/**
 * Splitting a single run's table by the --chunk rule and merging the parts gives the table back,
 * byte for byte for text, row for row for Parquet, for phenotype-major and gene-major tables.
 */
class MergeCommandTest {
    @TempDir Path dir;


    /** A phenotype-major results table, as 'rareset assoc' writes it: for trait, for gene, for test. */
    static List<String[]> phenotypeMajor() {
        List<String[]> rows = new ArrayList<>();
        for (String t : new String[] {"QT", "BT"}) {
            for (int g = 0; g < 23; g++) {
                for (String test : new String[] {"burden", "skat"}) {
                    rows.add(new String[] {t, String.format(Locale.ROOT, "G%03d", g), "all", test, Integer.toString(g % 4 + 1),
                            Double.toString(0.001 * (g + 1) * (test.length())), Double.toString(-Math.log10(0.001 * (g + 1)))});
                }
            }
        }
        return rows;
    }

    /** A gene-major long table, as a scorer might write: for gene, for sample. */
    static List<String[]> geneMajor() {
        List<String[]> rows = new ArrayList<>();
        for (int g = 0; g < 11; g++) {
            for (int s = 0; s < 5; s++) rows.add(new String[] {"S" + s, "G" + g, Double.toString(g * 0.1 + s * 0.01)});
        }
        return rows;
    }

    static List<String> genes(List<String[]> rows, int geneCol) {
        Set<String> g = new LinkedHashSet<>();
        for (String[] r : rows) g.add(r[geneCol]);
        return new ArrayList<>(g);
    }

    static void writeText(Path p, String header, List<String[]> rows) throws Exception {
        StringBuilder b = new StringBuilder(header).append('\n');
        for (String[] r : rows) b.append(String.join("\t", r)).append('\n');
        if (p.toString().endsWith(".gz")) {
            try (var os = new java.util.zip.GZIPOutputStream(Files.newOutputStream(p))) {
                os.write(b.toString().getBytes());
            }
        } else {
            Files.writeString(p, b);
        }
    }

    /** Writes the chunks in reverse order of arguments to check the names put them in order. */
    List<String> splitText(String name, String header, List<String[]> rows, int geneCol, int n) throws Exception {
        List<String> genes = genes(rows, geneCol);
        List<String> files = new ArrayList<>();
        for (int k = n; k >= 1; k--) {
            Set<String> mine = new LinkedHashSet<>(new Chunk(k, n).select(genes));
            List<String[]> part = rows.stream().filter(r -> mine.contains(r[geneCol])).toList();
            Path p = dir.resolve(MergeCommand.chunkName(name, k, n));
            writeText(p, header, part);
            files.add(p.toString());
        }
        return files;
    }

    @Test
    void phenotypeMajorTsvRoundTrips() throws Exception {
        String header = "phenotype\tgene\tmask\ttest\tn_variants\tpval\tneg_log10p";
        Path single = dir.resolve("results.tsv");
        writeText(single, header, phenotypeMajor());
        for (int n : new int[] {1, 2, 3, 7}) {
            List<String> args = new ArrayList<>(List.of("merge", "--out", dir.resolve("merged.tsv").toString()));
            args.addAll(splitText("results.tsv", header, phenotypeMajor(), 1, n));
            CliRun cli = CliRun.run(args.toArray(String[]::new));
            assertEquals(0, cli.exit(), cli.err());
            assertArrayEquals(Files.readAllBytes(single), Files.readAllBytes(dir.resolve("merged.tsv")), "n = " + n);
        }
    }

    @Test
    void geneMajorGzippedRoundTrips() throws Exception {
        String header = "sample\tgene\tscore";
        Path single = dir.resolve("scores.tsv.gz");
        writeText(single, header, geneMajor());
        List<String> args = new ArrayList<>(List.of("merge", "--out", dir.resolve("merged.tsv.gz").toString()));
        args.addAll(splitText("scores.tsv.gz", header, geneMajor(), 1, 4));
        CliRun cli = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, cli.exit(), cli.err());
        try (var a = new GZIPInputStream(Files.newInputStream(single)); var b = new GZIPInputStream(Files.newInputStream(dir.resolve("merged.tsv.gz")))) {
            assertArrayEquals(a.readAllBytes(), b.readAllBytes());
        }
    }

    @Test
    void parquetRoundTrips() throws Exception {
        TableSchema schema = TableSchema.of(Column.string("phenotype"), Column.string("gene"), Column.string("mask"), Column.string("test"),
                Column.integer("n_variants"), Column.float64("pval"), Column.float64("neg_log10p"));
        List<String[]> rows = phenotypeMajor();
        Path single = dir.resolve("results.parquet");
        write(single, schema, rows);
        List<String> genes = genes(rows, 1);
        List<String> args = new ArrayList<>(List.of("merge", "--out", dir.resolve("merged.parquet").toString()));
        for (int k = 1; k <= 3; k++) {
            Set<String> mine = new LinkedHashSet<>(new Chunk(k, 3).select(genes));
            Path p = dir.resolve(MergeCommand.chunkName("results.parquet", k, 3));
            write(p, schema, rows.stream().filter(r -> mine.contains(r[1])).toList());
            args.add(p.toString());
        }
        CliRun cli = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, cli.exit(), cli.err());
        TextTable a = TableFiles.read(single), b = TableFiles.read(dir.resolve("merged.parquet"));
        assertEquals(a.columns(), b.columns());
        assertEquals(a.rowCount(), b.rowCount());
        for (int i = 0; i < a.rowCount(); i++) {
            for (int c = 0; c < a.columns().size(); c++) assertEquals(a.cell(i, c), b.cell(i, c), "row " + i);
        }
    }

    static void write(Path p, TableSchema schema, List<String[]> rows) {
        TableWriters.write(p, schema, w -> {
            for (String[] r : rows) w.writeRow(r[0], r[1], r[2], r[3], Integer.parseInt(r[4]), Double.parseDouble(r[5]), Double.parseDouble(r[6]));
        });
    }

    @Test
    void missingChunkIsRefused() throws Exception {
        String header = "phenotype\tgene\tmask\ttest\tn_variants\tpval\tneg_log10p";
        List<String> files = splitText("results.tsv", header, phenotypeMajor(), 1, 3);
        CliRun cli = CliRun.run("merge", "--out", dir.resolve("m.tsv").toString(), files.get(0), files.get(2));
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("chunk(s) 2/3 missing"), cli.err());
        assertTrue(!Files.exists(dir.resolve("m.tsv")));
    }

    @Test
    void differentHeadersAreRefused() throws Exception {
        Path a = dir.resolve("a.tsv"), b = dir.resolve("b.tsv");
        Files.writeString(a, "phenotype\tgene\tpval\nQT\tG1\t0.5\n");
        Files.writeString(b, "phenotype\tgene\tp\nQT\tG2\t0.5\n");
        CliRun cli = CliRun.run("merge", "--out", dir.resolve("m.tsv").toString(), a.toString(), b.toString());
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("b.tsv: header differs from a.tsv's"), cli.err());
    }

    @Test
    void chunkNames() {
        assertEquals("results.chunk2-of-8.tsv", MergeCommand.chunkName("results.tsv", 2, 8));
        assertEquals("scores.chunk1-of-3.tsv.gz", MergeCommand.chunkName("scores.tsv.gz", 1, 3));
        assertEquals("r.chunk1-of-2.parquet", MergeCommand.chunkName("r.parquet", 1, 2));
    }

    /** Merged assoc chunks get the side files one run writes: summary and significant over all rows, skipped summed. */
    @Test
    void mergedAssocChunksGetTheSummaryOfOneRun() throws Exception {
        Path demo = Path.of("..", "testdata", "demo");
        List<String> common = List.of("assoc", "--vcf", demo.resolve("cohort.vcf.gz").toString(), "--annotations",
                demo.resolve("annotations.tsv").toString(), "--pheno", demo.resolve("pheno.tsv").toString(), "--covar",
                demo.resolve("covar.tsv").toString(), "--phenotypes", "QT,BT", "--tests", "burden,skat", "--threads", "1");
        Path single = dir.resolve("single/results.tsv");
        Files.createDirectories(single.getParent());
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of("--out", single.toString()));
        assertEquals(0, CliRun.run(args.toArray(String[]::new)).exit());
        List<String> merge = new ArrayList<>(List.of("merge", "--out", dir.resolve("results.tsv").toString()));
        for (int k = 1; k <= 2; k++) {
            Path chunk = dir.resolve("chunks/" + MergeCommand.chunkName("results.tsv", k, 2));
            Files.createDirectories(chunk.getParent());
            args = new ArrayList<>(common);
            args.addAll(List.of("--chunk", k + "/2", "--out", chunk.toString()));
            CliRun c = CliRun.run(args.toArray(String[]::new));
            assertEquals(0, c.exit(), c.err());
            merge.add(chunk.toString());
        }
        CliRun m = CliRun.run(merge.toArray(String[]::new));
        assertEquals(0, m.exit(), m.err());
        assertEquals(Files.readString(single), Files.readString(dir.resolve("results.tsv")));
        for (String side : new String[] {"summary", "significant"}) {
            assertEquals(Files.readString(single.resolveSibling("results." + side + ".tsv")), Files.readString(dir.resolve("results." + side + ".tsv")), side);
        }
        assertEquals(new java.util.TreeSet<>(Files.readAllLines(single.resolveSibling("results.skipped.tsv"))),
                new java.util.TreeSet<>(Files.readAllLines(dir.resolve("results.skipped.tsv"))));
        assertEquals(Files.readString(single.resolveSibling("results.settings.tsv")), Files.readString(dir.resolve("results.settings.tsv")));
    }

    /** Sparse score chunks of different cohorts (other sample rosters) are refused, naming the chunk. */
    @Test
    void sparseScoreChunksNeedOneRoster() throws Exception {
        String header = "kind\tgene\tsample\tscore";
        Path a = dir.resolve("scores.chunk1-of-2.tsv");
        Path b = dir.resolve("scores.chunk2-of-2.tsv");
        writeText(a, header, List.of(new String[] {"sample", "NA", "S1", "NA"}, new String[] {"sample", "NA", "S2", "NA"},
                new String[] {"gene", "G1", "NA", "0.1"}, new String[] {"carrier", "G1", "S2", "0.7"}));
        writeText(b, header, List.of(new String[] {"sample", "NA", "S1", "NA"}, new String[] {"sample", "NA", "S3", "NA"},
                new String[] {"gene", "G2", "NA", "0.2"}));
        CliRun cli = CliRun.run("merge", "--out", dir.resolve("merged.tsv").toString(), a.toString(), b.toString());
        assertEquals(2, cli.exit(), cli.err());
        assertTrue(cli.err().contains(b + ": its sample list differs from scores.chunk1-of-2.tsv's"), cli.err());
        writeText(b, header, List.of(new String[] {"sample", "NA", "S1", "NA"}, new String[] {"sample", "NA", "S2", "NA"},
                new String[] {"gene", "G2", "NA", "0.2"}));
        cli = CliRun.run("merge", "--out", dir.resolve("merged.tsv").toString(), a.toString(), b.toString());
        assertEquals(0, cli.exit(), cli.err());
        assertEquals(List.of(header, "sample\tNA\tS1\tNA", "sample\tNA\tS2\tNA", "gene\tG1\tNA\t0.1", "carrier\tG1\tS2\t0.7",
                "gene\tG2\tNA\t0.2"), Files.readAllLines(dir.resolve("merged.tsv")));
    }
}
