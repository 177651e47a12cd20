package org.rareset.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code score --per-variant} on the DeepRVAT golden cohort: a variant's score is the gene score of a
 * sample carrying only it, so for every (sample, gene) where the sample carries exactly one of the
 * gene's annotated variants, the golden burden (expected_burdens.tsv) must equal that variant's score.
 */
class PerVariantScoresTest {
    static final Path SHARED = Path.of(System.getProperty("rareset.shared", "../shared"));
    static final Path GOLDEN = SHARED.resolve("golden/deeprvat");
    static final Path MODELS = SHARED.resolve("deeprvat-pretrained");
    static final double EMPTY = 0.497410443236;

    @TempDir Path tmp;

    @Test
    void singleVariantCarriersScoreAsTheirVariant() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(GOLDEN.resolve("expected_burdens.tsv"))
                && Files.isRegularFile(MODELS.resolve("model_config.yaml")), "shared golden data absent");
        Path per = tmp.resolve("per_variant.tsv");
        CliRun r = CliRun.run("score", "--pretrained", MODELS.toString(), "--vcf", GOLDEN.resolve("cohort.vcf.gz").toString(),
                "--annotations", GOLDEN.resolve("annotations.tsv").toString(), "--out", tmp.resolve("s.parquet").toString(),
                "--per-variant", per.toString());
        assertEquals(0, r.exit(), r.err());

        Map<String, Double> variantScore = new HashMap<>();
        try (TableReader t = TableReaders.open(per)) {
            assertEquals(List.of("chrom", "pos", "ref", "alt", "gene", "score", "contribution"), t.columns());
            for (Row row : t) {
                double score = row.getDouble(5);
                assertEquals(score - EMPTY, row.getDouble(6), 1e-9);
                variantScore.put(row.getString(0) + ":" + row.getString(1) + ":" + row.getString(2) + ":" + row.getString(3)
                        + "\t" + row.getString(4), score);
            }
        }
        assertEquals(81, variantScore.size()); // every annotation row, carried or not

        // Which annotated variants each sample carries, per gene, straight from the VCF.
        Map<String, List<String>> genesOfVariant = new HashMap<>();
        for (String line : Files.readAllLines(GOLDEN.resolve("annotations.tsv")).subList(1, 82)) {
            String[] f = line.split("\t");
            genesOfVariant.computeIfAbsent(f[0] + ":" + f[1] + ":" + f[2] + ":" + f[3], k -> new ArrayList<>()).add(f[4]);
        }
        Map<String, Set<String>> carried = new HashMap<>(); // sample \t gene -> variants
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(GOLDEN.resolve("cohort.vcf.gz")))))) {
            String[] samples = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("##")) continue;
                String[] f = line.split("\t");
                if (line.startsWith("#")) { samples = f; continue; }
                String key = f[0] + ":" + f[1] + ":" + f[3] + ":" + f[4];
                for (int i = 9; i < f.length; i++) {
                    if (f[i].equals("0/0")) continue;
                    for (String gene : genesOfVariant.getOrDefault(key, List.of())) {
                        carried.computeIfAbsent(samples[i] + "\t" + gene, k -> new HashSet<>()).add(key);
                    }
                }
            }
        }
        int checked = 0;
        List<String> lines = Files.readAllLines(GOLDEN.resolve("expected_burdens.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            Set<String> vars = carried.get(f[0] + "\t" + f[1]);
            if (vars == null || vars.size() != 1) continue;
            String v = vars.iterator().next();
            assertEquals(Double.parseDouble(f[2]), variantScore.get(v + "\t" + f[1]), 1e-9, f[0] + " " + f[1] + " " + v);
            checked++;
        }
        assertTrue(checked > 100, "only " + checked + " single-variant carriers");
    }
}
