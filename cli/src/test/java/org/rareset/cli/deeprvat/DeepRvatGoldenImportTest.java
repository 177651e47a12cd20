package org.rareset.cli.deeprvat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.table.Column;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriter;
import org.rareset.core.table.TableWriters;
import org.rareset.cli.CliRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DeepRVAT golden cohort (../shared/golden/deeprvat) in DeepRVAT's own file layout
 * (testdata/deeprvat/golden: genotypes.h5 written by make_golden.py with h5py), imported with
 * {@code rareset import deeprvat} and scored with DeepRVAT's pretrained models: every one of the
 * 3600 (sample, gene) scores must equal the golden burden to 1e-9. This checks that the import keeps
 * every call, genotype, variant and annotation value.
 */
class DeepRvatGoldenImportTest {
    static final Path SHARED = Path.of(System.getProperty("rareset.shared", "../shared"));
    static final Path GOLDEN = SHARED.resolve("golden/deeprvat");
    static final Path MODELS = SHARED.resolve("deeprvat-pretrained");
    static final Path FIXTURE = Path.of(System.getProperty("rareset.testdata", "../testdata"), "deeprvat", "golden");

    @TempDir Path tmp;

    @Test
    void importedGoldenCohortScoresAsTheGoldenBurdens() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(GOLDEN.resolve("expected_burdens.tsv"))
                && Files.isRegularFile(MODELS.resolve("model_config.yaml")), "shared golden data absent");
        Path exp = tmp.resolve("experiment");
        Files.createDirectories(exp);
        Files.copy(FIXTURE.resolve("genotypes.h5"), exp.resolve("genotypes.h5"));

        Map<String, Long> variantId = new HashMap<>();
        try (TableReader r = TableReaders.open(FIXTURE.resolve("variants.tsv"));
             TableWriter w = TableWriters.open(exp.resolve("variants.parquet"), TableSchema.of(Column.string("chrom"),
                     Column.int64("pos"), Column.string("ref"), Column.string("alt"), Column.int64("id")))) {
            for (Row row : r) {
                w.writeRow(row.getString(0), row.getLong(1), row.getString(2), row.getString(3), row.getLong(4));
                variantId.put(row.getString(0) + ":" + row.getString(1) + ":" + row.getString(2) + ":" + row.getString(3), row.getLong(4));
            }
        }
        List<String> annotationColumns;
        TreeSet<String> geneNames = new TreeSet<>();
        try (TableReader r = TableReaders.open(GOLDEN.resolve("annotations.tsv"))) {
            annotationColumns = r.columns().subList(5, r.columns().size());
            for (Row row : r) geneNames.add(row.getString(4));
        }
        List<String> genes = new ArrayList<>(geneNames);
        try (TableWriter w = TableWriters.open(exp.resolve("protein_coding_genes.parquet"),
                TableSchema.of(Column.int64("id"), Column.string("gene")))) {
            for (int i = 0; i < genes.size(); i++) w.writeRow((long) (100 + i), genes.get(i));
        }
        List<Column> annoSchema = new ArrayList<>(List.of(Column.int64("id"), Column.int64("gene_id")));
        for (String c : annotationColumns) annoSchema.add(Column.float64(c));
        try (TableReader r = TableReaders.open(GOLDEN.resolve("annotations.tsv"));
             TableWriter w = TableWriters.open(exp.resolve("annotations.parquet"), new TableSchema(annoSchema))) {
            for (Row row : r) {
                w.setLong(0, variantId.get(row.getString(0) + ":" + row.getString(1) + ":" + row.getString(2) + ":" + row.getString(3)));
                w.setLong(1, 100 + genes.indexOf(row.getString(4)));
                for (int c = 0; c < annotationColumns.size(); c++) w.setDouble(2 + c, row.getDouble(5 + c));
                w.endRow();
            }
        }
        try (TableWriter w = TableWriters.open(exp.resolve("phenotypes.parquet"),
                TableSchema.of(Column.string("sample"), Column.float64("QT")))) {
            for (int i = 1; i <= 300; i++) w.writeRow(String.format("S%04d", i), (double) i);
        }
        List<String> modelInputs = annotationColumns.subList(0, annotationColumns.size() - 2); // less MAF, CADD_PHRED
        Files.writeString(exp.resolve("deeprvat_input_config.yaml"), "phenotypes_for_association_testing: [QT]\n"
                + "gt_filename: genotypes.h5\nvariant_filename: variants.parquet\nphenotype_filename: phenotypes.parquet\n"
                + "annotation_filename: annotations.parquet\ngene_filename: protein_coding_genes.parquet\n"
                + "rare_variant_annotations: [" + String.join(", ", modelInputs) + "]\n"
                + "training_data_thresholds:\n  MAF: \"< 1e-2\"\n  CADD_PHRED: \"> 5\"\n");

        Path study = tmp.resolve("study");
        CliRun imported = CliRun.run("import", "deeprvat", exp.resolve("deeprvat_input_config.yaml").toString(), "--out", study.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.err().contains("imported 300 samples, 79 variants"), imported.err());
        assertTrue(imported.err().contains("81 rows in 12 genes"), imported.err());

        Path scores = tmp.resolve("scores.tsv");
        CliRun scored = CliRun.run("score", "--pretrained", MODELS.toString(), "--vcf", study.resolve("cohort.vcf.gz").toString(),
                "--annotations", study.resolve("annotations.tsv").toString(), "--out", scores.toString(), "--dense", "long", "-q");
        assertEquals(0, scored.exit(), scored.err());
        Map<String, Double> got = new HashMap<>();
        try (TableReader r = TableReaders.open(scores)) {
            int s = r.requireColumn("sample"), g = r.requireColumn("gene"), v = r.requireColumn("score");
            for (Row row : r) got.put(row.getString(s) + "\t" + row.getString(g), row.getDouble(v));
        }
        List<String> lines = Files.readAllLines(GOLDEN.resolve("expected_burdens.tsv"));
        int compared = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            Double value = got.get(f[0] + "\t" + f[1]);
            assertTrue(value != null, "no score for " + f[0] + " " + f[1]);
            assertEquals(Double.parseDouble(f[2]), value, 1e-9, f[0] + " " + f[1]);
            compared++;
        }
        assertEquals(3600, compared);
    }
}
