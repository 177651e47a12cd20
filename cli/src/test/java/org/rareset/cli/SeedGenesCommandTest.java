package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rareset seed-genes} on the golden association cohort: at least three genes per trait,
 * ranked, none with fewer than --min-mac minor alleles in its mask.
 */
class SeedGenesCommandTest {
    @TempDir static Path dir;

    @BeforeAll
    static void locate() {
        AssocGoldenTest.locate();
    }

    @Test
    void choosesRankedSeedGenesPerTrait() throws Exception {
        Path g = AssocGoldenTest.golden;
        Path out = dir.resolve("seeds.tsv");
        CliRun r = CliRun.run("seed-genes", "--vcf", g.resolve("cohort.vcf.gz").toString(), "--annotations", g.resolve("annotations.tsv").toString(),
                "--pheno", g.resolve("pheno.tsv").toString(), "--covar", g.resolve("covar.tsv").toString(), "--phenotypes", "QT,BT",
                "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("phenotype\tgene\tneg_log10p\tpval\tmask\ttest\tn_variants\tmac\tbonferroni\trank", lines.get(0));
        for (String trait : new String[] {"QT", "BT"}) {
            List<String[]> rows = lines.stream().skip(1).map(l -> l.split("\t")).filter(f -> f[0].equals(trait)).toList();
            assertTrue(rows.size() >= 3, trait + ": " + rows.size() + " seed genes");
            for (int i = 0; i < rows.size(); i++) {
                String[] f = rows.get(i);
                assertEquals(i + 1, Integer.parseInt(f[9]));
                assertTrue(Double.parseDouble(f[7]) >= 5, "default --min-mac 5: " + String.join(" ", f));
                assertEquals(Double.parseDouble(f[2]), -Math.log10(Double.parseDouble(f[3])), 1e-5, "neg_log10p is -log10 p");
                assertTrue(f[4].equals("plof") || f[4].equals("missense"), f[4]);
                assertTrue(f[5].equals("burden") || f[5].equals("skat"), f[5]);
                if (i > 0) assertTrue(Double.parseDouble(f[2]) <= Double.parseDouble(rows.get(i - 1)[2]), "ranked by p");
                // beyond the minimum of three, only Bonferroni-significant genes
                if (i >= 3) assertEquals("1", f[8]);
            }
        }
        assertTrue(r.err().contains("seed genes"), r.err());
    }
}
