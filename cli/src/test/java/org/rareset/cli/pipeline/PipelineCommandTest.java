package org.rareset.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.cli.CliRun;

/**
 * The pipeline end to end on the bundled cohort with real commands (ingest, annotate with the
 * bundled scores as a keyed table, association tests, report; the slow deep-set steps switched off to keep the test short), then
 * again: every step is up to date. A switched-off step's dependant is reported as unable to run.
 */
class PipelineCommandTest {
    @TempDir Path dir;

    /** The bundled table's score columns: all but its keys, gene, MAF and MAF_MB (annotate derives those). */
    static final String SCORE_COLUMNS = "is_plof,Consequence_splice_acceptor_variant,Consequence_splice_donor_variant,"
            + "Consequence_stop_gained,Consequence_frameshift_variant,Consequence_stop_lost,Consequence_start_lost,"
            + "Consequence_inframe_insertion,Consequence_inframe_deletion,Consequence_missense_variant,"
            + "Consequence_protein_altering_variant,Consequence_splice_region_variant,CADD_PHRED,CADD_raw,sift_score,"
            + "polyphen_score,SpliceAI_delta_score,alphamissense,AbSplice_DNA,PrimateAI_score,condel_score";

    Path config(String steps) throws Exception {
        Path demo = Path.of(System.getProperty("rareset.testdata"), "demo").toAbsolutePath();
        Path cfg = dir.resolve("study.yaml");
        Files.writeString(cfg, """
                study: quick
                output: out
                threads: 1
                inputs:
                  vcf: %1$s/cohort.vcf.gz
                  genes: %1$s/genes.bed
                  pheno: %1$s/pheno.tsv
                  covar: %1$s/covar.tsv
                phenotypes: [QT]
                steps:
                %2$s
                annotate:
                  genes: %1$s/genes.bed
                  table: "%1$s/annotations.tsv:%3$s"
                assoc:
                  tests: [burden, skat]
                """.formatted(demo, steps, SCORE_COLUMNS));
        return cfg;
    }

    @Test
    void runsEndToEndThenEverythingIsUpToDate() throws Exception {
        Path cfg = config("  seed_genes: false\n  train: false\n  score: false\n  risk: false");
        CliRun first = run("pipeline", "--config", cfg.toString());
        assertEquals(0, first.exit(), first.err());
        Path html = dir.resolve("out/8-report/quick.html");
        assertTrue(first.out().contains("report: " + html.toAbsolutePath()), first.out());
        String page = Files.readString(html);
        assertTrue(page.contains("G00178"), "the strongest causal gene of QT is in the report");
        String manifest = Files.readString(dir.resolve("out/6-assoc/manifest.json"));
        assertTrue(manifest.contains("assoc --store " + dir.resolve("out/1-ingest/cohort.rsg").toAbsolutePath()), "assoc reads the ingested store: " + manifest);
        // 200 genes, 4 of them below --min-mac 5 under the default mask all.0.01: 196 x (burden, skat, GENE_P) + header
        assertEquals(1 + 196 * 3, Files.readAllLines(dir.resolve("out/6-assoc/results.tsv")).size());
        assertTrue(Files.readString(dir.resolve("out/6-assoc/results.skipped.tsv")).contains("QT\tall.0.01\tthe mask's minor allele count is below --min-mac\t4"));
        assertAnnotateRan(dir.resolve("out/2-annotate/annotations.tsv"));

        CliRun second = run("pipeline", "--config", cfg.toString());
        assertEquals(0, second.exit(), second.err());
        for (String step : new String[] {"ingest", "annotate", "assoc", "report"}) {
            assertTrue(second.err().contains("pipeline: step " + step + ": up to date"), second.err());
        }
        assertTrue(second.err().contains("pipeline: step train: switched off"), second.err());
    }

    /**
     * The annotate step wrote its own table: one row per (variant, gene) as in the bundled table,
     * and MAF computed from the genotypes equal to the bundled table's MAF for the same variant.
     */
    static void assertAnnotateRan(Path made) throws Exception {
        Path bundled = Path.of(System.getProperty("rareset.testdata"), "demo", "annotations.tsv");
        Map<String, Double> expected = mafByKey(bundled, "gene");
        Map<String, Double> got = mafByKey(made, "gene_id");
        assertEquals(6024, got.size(), "rows of " + made);
        assertEquals(expected.keySet(), got.keySet());
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            // the bundled table prints MAF to 8 significant digits
            assertEquals(e.getValue(), got.get(e.getKey()), 1e-7 * e.getValue() + 1e-12, "MAF of " + e.getKey());
        }
        List<String> header = List.of(Files.readAllLines(made).get(0).split("\t"));
        for (String c : List.of("MAF_MB", "is_plof", "CADD_PHRED", "alphamissense", "SpliceAI_delta_score")) {
            assertTrue(header.contains(c), c + " in " + header);
        }
    }

    private static Map<String, Double> mafByKey(Path table, String geneColumn) throws Exception {
        List<String> lines = Files.readAllLines(table);
        List<String> h = List.of(lines.get(0).split("\t"));
        int g = h.indexOf(geneColumn), maf = h.indexOf("MAF");
        Map<String, Double> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            String key = f[0] + ":" + f[1] + ":" + f[2] + ":" + f[3] + ":" + f[g];
            assertTrue(out.put(key, Double.parseDouble(f[maf])) == null, "duplicate row " + key + " in " + table);
        }
        return out;
    }

    @Test
    void bundledDemoConfigurationRunsAnnotateOnTheCohort() {
        Path demo = Path.of(System.getProperty("rareset.testdata"), "demo").toAbsolutePath().normalize();
        CliRun r = run("pipeline", "--config", demo.resolve("study.yaml").toString(), "--output", dir.resolve("out").toString(), "--dry-run");
        assertEquals(0, r.exit(), r.err());
        String annotate = r.out().lines().dropWhile(l -> !l.startsWith("annotate ")).skip(1).findFirst().orElseThrow();
        assertTrue(r.out().contains("annotate   runs: not run yet"), r.out());
        assertTrue(annotate.contains("annotate --vcf " + demo.resolve("cohort.vcf.gz")), annotate);
        assertTrue(annotate.contains("--table " + demo.resolve("annotations.tsv") + ":is_plof,"), "section paths resolve against the config folder: " + annotate);
        assertTrue(annotate.contains(demo.resolve("genes.bed").toString()), annotate);
        assertTrue(!annotate.contains(":MAF"), "annotate derives MAF itself: " + annotate);
    }

    @Test
    void dependantsOfASwitchedOffStepAreNotRunAndSaySo() throws Exception {
        Path cfg = config("  train: false");
        CliRun r = run("pipeline", "--config", cfg.toString(), "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("score      NOT AVAILABLE: needs the outputs of step train, which is switched off"), r.out());
        assertTrue(r.out().contains("risk       NOT AVAILABLE: needs the outputs of step score, which cannot run"), r.out());
        assertTrue(r.out().contains("train      switched off"), r.out());
    }
}
