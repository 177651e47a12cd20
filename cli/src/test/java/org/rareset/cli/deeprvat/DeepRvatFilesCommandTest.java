package org.rareset.cli.deeprvat;

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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rareset import deeprvat} and {@code rareset export deeprvat} end to end. */
class DeepRvatFilesCommandTest {
    static final Path DIR = Path.of(System.getProperty("rareset.testdata", "../testdata"), "deeprvat");

    @TempDir Path tmp;

    private Path deeprvatExperiment() throws IOException {
        Path exp = tmp.resolve("experiment");
        Files.createDirectories(exp);
        Files.copy(DIR.resolve("genotypes.h5"), exp.resolve("genotypes.h5"));
        Files.copy(DIR.resolve("variants.parquet"), exp.resolve("variants.parquet"));
        Files.copy(DIR.resolve("protein_coding_genes.parquet"), exp.resolve("protein_coding_genes.parquet"));
        try (TableWriter w = TableWriters.open(exp.resolve("annotations.parquet"), TableSchema.of(Column.int64("id"),
                Column.int64("gene_id"), Column.float64("CADD_raw"), Column.float64("MAF"), Column.float64("CADD_PHRED")))) {
            w.writeRow(13L, 0L, 4.5, 1e-3, 20.0);
            w.writeRow(17L, 1L, 2.0, 2e-3, 10.0);
        }
        try (TableWriter w = TableWriters.open(exp.resolve("phenotypes.parquet"), TableSchema.of(Column.float64("Calcium"),
                Column.float64("age"), Column.string("sample")))) {
            for (int i = 1; i <= 30; i++) w.writeRow(9.0 + i / 10.0, 40.0 + i, String.format("S%07d", i));
        }
        Files.writeString(exp.resolve("deeprvat_input_config.yaml"), """
                phenotypes_for_association_testing:
                  - Calcium
                phenotypes_for_training:
                  - Calcium
                gt_filename: genotypes.h5
                variant_filename: variants.parquet
                phenotype_filename: phenotypes.parquet
                annotation_filename: annotations.parquet
                gene_filename: protein_coding_genes.parquet
                rare_variant_annotations:
                  - CADD_raw
                covariates:
                  - age
                training_data_thresholds:
                  MAF: "< 1e-2"
                  CADD_PHRED: "> 5"
                n_repeats: 6
                """);
        return exp.resolve("deeprvat_input_config.yaml");
    }

    @Test
    void importWritesAStudyThePipelineAccepts() throws IOException {
        Path config = deeprvatExperiment();
        Path out = tmp.resolve("study");
        CliRun r = CliRun.run("import", "deeprvat", config.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("imported 30 samples"), r.err());
        assertTrue(r.err().contains("left out: 0 rows whose variant id"), r.err());
        String study = Files.readString(out.resolve("study.yaml"));
        assertTrue(study.contains("train_filter: \"MAF < 1e-2 && CADD_PHRED > 5\""), study);
        assertTrue(study.contains("phenotypes: [Calcium]"), study);
        try (TableReader t = TableReaders.open(out.resolve("annotations.tsv"))) {
            assertEquals(List.of("chrom", "pos", "ref", "alt", "gene", "CADD_raw", "MAF", "CADD_PHRED"), t.columns());
        }
        CliRun dry = CliRun.run("pipeline", "--config", out.resolve("study.yaml").toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.err() + dry.out());
    }

    @Test
    void importNamesAMissingFileInOneLineWithExitCode2() throws IOException {
        Path config = deeprvatExperiment();
        Files.delete(config.getParent().resolve("variants.parquet"));
        CliRun r = CliRun.run("import", "deeprvat", config.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("variant_filename:") && r.err().contains("does not exist"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    /**
     * Closed-form reference: three DeepRVAT score rows (p = 1e-3, 0.02, 0.5) and two baseline tests per
     * gene. Bonferroni over 3 genes: 3e-3 (significant at 0.05), 0.06 (not), 1.5. Combined for G1:
     * min(1e-4, 0.3) * 2 = 2e-4; corrected over 3 genes 6e-4.
     */
    @Test
    void exportWritesDeepRvatsColumnsAndCorrections() throws IOException {
        Path results = tmp.resolve("results.tsv");
        Files.writeString(results, String.join("\n",
                "phenotype\tgene\tmask\ttest\tn_variants\tbeta\tpval\tneg_log10p",
                "LDL_direct\tG1\tscore\tscore\t1\t0.5\t0.001\t3",
                "LDL_direct\tG2\tscore\tscore\t1\t-0.2\t0.02\t" + -Math.log10(0.02),
                "LDL_direct\tG3\tscore\tscore\t1\t0.1\t0.5\t" + -Math.log10(0.5),
                "LDL_direct\tG1\tplof\tburden\t2\t0.3\t1e-4\t4",
                "LDL_direct\tG1\tplof\tskat\t2\tNA\t0.3\t" + -Math.log10(0.3),
                "LDL_direct\tG2\tplof\tburden\t2\t0.3\t0.9\t" + -Math.log10(0.9),
                "LDL_direct\tG2\tplof\tskat\t2\tNA\t0.8\t" + -Math.log10(0.8),
                "LDL_direct\tG3\tplof\tburden\t2\t0.3\t0.7\t" + -Math.log10(0.7),
                "LDL_direct\tG3\tplof\tskat\t2\tNA\tNA\tNA",
                "LDL_direct\tG3\tGENE_P\tomnibus\t2\tNA\t0.7\t" + -Math.log10(0.7)) + "\n");
        Path out = tmp.resolve("eval");
        CliRun r = CliRun.run("export", "deeprvat", "--results", results.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("left out: 1 omnibus rows") && r.err().contains("1 rows without a p-value"), r.err());

        List<Values> burden = rows(out.resolve("burden_associations.parquet"), List.of("phenotype", "gene", "beta", "pval"));
        assertEquals(3, burden.size());
        assertEquals("LDL_direct", burden.get(0).getString(0));
        assertEquals(1e-3, burden.get(0).getDouble(3), 1e-15);

        List<String> columns = List.of("phenotype", "gene", "Method", "Discovery type", "beta", "pval", "-log10pval",
                "pval_corrected", "significant");
        List<Values> all = rows(out.resolve("all_results.parquet"), columns);
        assertEquals(3 + 5 + 3, all.size());
        Values g1 = find(all, "G1", "DeepRVAT");
        assertEquals("LDL direct", g1.getString(0));
        assertEquals("DeepRVAT discovery", g1.getString(3));
        assertEquals(3e-3, g1.getDouble(7), 1e-15);
        assertEquals("true", g1.getString(8));
        Values g2 = find(all, "G2", "DeepRVAT");
        assertEquals(0.06, g2.getDouble(7), 1e-12);
        assertEquals("false", g2.getString(8));
        assertEquals(1.5, find(all, "G3", "DeepRVAT").getDouble(7), 1e-12);
        Values burdenG1 = find(all, "G1", "burden plof");
        assertEquals("Baseline", burdenG1.getString(3));
        assertEquals(1e-4 * 3, burdenG1.getDouble(7), 1e-15);
        assertEquals(3, find(all, "G3", "burden plof").getDouble(7) / 0.7, 1e-12); // 3 burden tests
        Values combined = find(all, "G1", "Burden/SKAT combined");
        assertEquals(2e-4, combined.getDouble(5), 1e-15);
        assertEquals(6e-4, combined.getDouble(7), 1e-15);
        assertTrue(combined.isMissing(4));

        List<Values> significant = rows(out.resolve("significant.parquet"), columns);
        List<String> methods = new ArrayList<>();
        for (Values s : significant) methods.add(s.getString(1) + "/" + s.getString(2));
        assertEquals(List.of("G1/Burden/SKAT combined", "G1/DeepRVAT", "G1/burden plof"), methods);
    }

    @Test
    void exportWithFdrUsesBenjaminiHochberg() throws IOException {
        Path results = tmp.resolve("results.tsv");
        // p = 0.01, 0.04, 0.03 over 3 genes: BH adjusted 0.03, 0.04, 0.04.
        Files.writeString(results, "phenotype\tgene\tmask\ttest\tbeta\tneg_log10p\n"
                + "T\tA\tscore\tscore\t1\t2\nT\tB\tscore\tscore\t1\t" + -Math.log10(0.04) + "\nT\tC\tscore\tscore\t1\t"
                + -Math.log10(0.03) + "\n");
        Path out = tmp.resolve("fdr");
        CliRun r = CliRun.run("export", "deeprvat", "--results", results.toString(), "--out", out.toString(), "--correction", "FDR");
        assertEquals(0, r.exit(), r.err());
        List<Values> all = rows(out.resolve("all_results.parquet"), List.of("phenotype", "gene", "Method", "Discovery type",
                "beta", "pval", "-log10pval", "pval_corrected", "significant"));
        assertEquals(0.03, find(all, "A", "DeepRVAT").getDouble(7), 1e-12);
        assertEquals(0.04, find(all, "B", "DeepRVAT").getDouble(7), 1e-12);
        assertEquals(0.04, find(all, "C", "DeepRVAT").getDouble(7), 1e-12);
        CliRun bad = CliRun.run("export", "deeprvat", "--results", results.toString(), "--out", out.toString(), "--correction", "holm");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--correction takes Bonferroni or FDR"), bad.err());
    }

    /** A row's values as text, copied out of the reader. */
    record Values(String[] v) {
        String getString(int i) { return v[i]; }
        double getDouble(int i) { return Double.parseDouble(v[i]); }
        boolean isMissing(int i) { return v[i] == null; }
    }

    private static Values find(List<Values> rows, String gene, String method) {
        for (Values r : rows) if (gene.equals(r.getString(1)) && method.equals(r.getString(2))) return r;
        throw new AssertionError("no row " + gene + " " + method);
    }

    private static List<Values> rows(Path parquet, List<String> columns) {
        List<Values> out = new ArrayList<>();
        try (TableReader r = TableReaders.open(parquet)) {
            assertEquals(columns, r.columns());
            for (Row row : r) {
                String[] v = new String[row.size()];
                for (int i = 0; i < v.length; i++) v[i] = row.isMissing(i) ? null : row.getString(i);
                out.add(new Values(v));
            }
        }
        return out;
    }
}
