package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfVariantSource;

/**
 * {@code assoc --scores} gives byte-identical results from the sparse score layout and from the
 * dense long one holding the same scores (golden association cohort).
 */
class SparseScoresAssocTest {
    @TempDir static Path dir;
    static Path golden;

    @BeforeAll
    static void locate() {
        AssocGoldenTest.locate();
        golden = AssocGoldenTest.golden;
    }

    @Test
    void sparseAndDenseScoresGiveTheSameResults() throws IOException {
        List<String> samples;
        // two genes: each carrier of the golden cohort's first 40 variants scores by its dosage
        double[][] dosage = new double[2][];
        try (VcfVariantSource src = VcfVariantSource.open(golden.resolve("cohort.vcf.gz"))) {
            samples = src.samples();
            int i = 0;
            for (Variant v : src) {
                double[] d = v.altDosages(samples.size(), null);
                double[] acc = dosage[i % 2] == null ? (dosage[i % 2] = new double[samples.size()]) : dosage[i % 2];
                for (int s = 0; s < d.length; s++) if (d[s] > 0) acc[s] = Math.max(acc[s], d[s]);
                if (++i == 40) break;
            }
        }
        Random rnd = new Random(3);
        double[] empty = {0.125, 0.3};
        StringBuilder dense = new StringBuilder("sample\tgene\tscore\n");
        StringBuilder sparse = new StringBuilder("kind\tgene\tsample\tscore\n");
        for (String s : samples) sparse.append("sample\tNA\t").append(s).append("\tNA\n");
        int carriers = 0;
        for (int g = 0; g < 2; g++) {
            String gene = "SCORED" + g;
            sparse.append("gene\t").append(gene).append("\tNA\t").append(empty[g]).append('\n');
            for (int s = 0; s < samples.size(); s++) {
                double score = empty[g];
                if (dosage[g][s] > 0) {
                    score = Double.parseDouble(String.format(Locale.ROOT, "%.6f", empty[g] + 0.2 * dosage[g][s] + 0.1 * rnd.nextDouble()));
                    sparse.append("carrier\t").append(gene).append('\t').append(samples.get(s)).append('\t').append(score).append('\n');
                    carriers++;
                }
                dense.append(samples.get(s)).append('\t').append(gene).append('\t').append(score).append('\n');
            }
        }
        assertTrue(carriers > 10 && carriers < samples.size(), "a sparse gene: " + carriers + " carriers");
        Path sparseFile = Files.writeString(dir.resolve("sparse.tsv"), sparse);
        Path denseFile = Files.writeString(dir.resolve("dense.tsv"), dense);
        byte[][] results = new byte[2][];
        int k = 0;
        for (Path scores : new Path[] {sparseFile, denseFile}) {
            Path out = dir.resolve("results" + k + ".tsv");
            CliRun r = CliRun.run("assoc", "--scores", scores.toString(), "--pheno", golden.resolve("pheno.tsv").toString(),
                    "--covar", golden.resolve("covar.tsv").toString(), "--phenotypes", "QT,BT", "--out", out.toString());
            assertEquals(0, r.exit(), r.err());
            results[k++] = Files.readAllBytes(out);
        }
        assertTrue(new String(results[0]).contains("SCORED1"));
        assertArrayEquals(results[1], results[0]);
    }
}
