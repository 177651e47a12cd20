package org.rareset.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code assoc --weights deepset:FILE} weights SKAT, ACAT-V and burden by max(0, contribution) of a
 * per-variant score file: the results must equal those of an annotation weight column holding the
 * same numbers, and differ from unweighted tests (so the weights reach the tests).
 */
class DeepsetWeightsTest {
    @TempDir Path dir;

    @Test
    void deepsetWeightsEqualTheSameNumbersAsAnAnnotationColumn() throws Exception {
        SmallCohort cohort = new SmallCohort(dir, 200, 11);
        Random r = new Random(5);
        Path pheno = cohort.table("pheno.tsv", new String[] {"QT"}, s -> new String[] {String.format("%.4f", r.nextGaussian())});
        List<String> lines = Files.readAllLines(cohort.annotations);
        StringBuilder annotations = new StringBuilder(lines.get(0) + "\tw\n");
        StringBuilder perVariant = new StringBuilder("chrom\tpos\tref\talt\tgene\tscore\tcontribution\n");
        Random c = new Random(9);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            double contribution = Math.round((c.nextDouble() * 0.6 - 0.1) * 1e6) / 1e6; // some negative: weight 0
            annotations.append(line).append('\t').append(Math.max(0, contribution)).append('\n');
            // the per-variant file names the contig chr1 where the annotations say 1: matched all the same
            perVariant.append("chr").append(f[0]).append('\t').append(f[1]).append('\t').append(f[2]).append('\t').append(f[3])
                    .append('\t').append(f[4]).append('\t').append(0.5 + contribution).append('\t').append(contribution).append('\n');
        }
        Path ann = Files.writeString(dir.resolve("annotations_w.tsv"), annotations.toString());
        Path per = Files.writeString(dir.resolve("per_variant.tsv"), perVariant.toString());

        String column = run(cohort, ann, pheno, "column.tsv", "w");
        String deepset = run(cohort, ann, pheno, "deepset.tsv", "deepset:" + per);
        String none = run(cohort, ann, pheno, "none.tsv", "none");
        assertTrue(column.lines().count() > 3, column);
        assertEquals(column, deepset);
        assertNotEquals(none, deepset);
    }

    private String run(SmallCohort cohort, Path ann, Path pheno, String out, String weights) throws Exception {
        List<String> a = new ArrayList<>(List.of("assoc", "--vcf", cohort.vcf.toString(), "--annotations", ann.toString(),
                "--pheno", pheno.toString(), "--out", dir.resolve(out).toString(), "--threads", "1", "--tests", "burden,skat,acatv",
                "--weights", weights, "--collapse-mac", "0", "--max-maf", "0.5", "--min-mac", "0"));
        CliRun r = CliRun.run(a.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        return Files.readString(dir.resolve(out));
    }
}
