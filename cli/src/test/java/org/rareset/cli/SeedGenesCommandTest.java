package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rareset seed-genes} on the golden association cohort (2,000 samples): DeepRVAT's EAC &gt; 50
 * leaves nothing at this size, which is bad input naming --min-eac; with --min-eac 1 every chosen
 * row obeys each rule, and its EAC is recomputed here from its MAC and the trait's counts.
 */
class SeedGenesCommandTest {
    @TempDir static Path dir;

    @BeforeAll
    static void locate() {
        AssocGoldenTest.locate();
    }

    private static CliRun run(Path out, String... extra) {
        Path g = AssocGoldenTest.golden;
        List<String> args = new java.util.ArrayList<>(List.of("seed-genes", "--vcf", g.resolve("cohort.vcf.gz").toString(),
                "--annotations", g.resolve("annotations.tsv").toString(), "--pheno", g.resolve("pheno.tsv").toString(),
                "--covar", g.resolve("covar.tsv").toString(), "--phenotypes", "QT,BT", "--out", out.toString(), "--threads", "2"));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void deepRvatsExpectedAlleleCountLimitIsTooHighForTwoThousandSamples() {
        Path out = dir.resolve("none.tsv");
        CliRun r = run(out);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("no seed genes for any trait") && r.err().contains("--min-eac"), r.err());
        assertTrue(r.err().contains("the largest EAC is"), r.err());
        assertTrue(!Files.exists(out), "nothing written");
    }

    @Test
    void everyChosenRowObeysTheRules() throws Exception {
        Path out = dir.resolve("seeds.tsv");
        CliRun r = run(out, "--min-eac", "1");
        assertEquals(0, r.exit(), r.err());
        Matcher bt = Pattern.compile("trait BT: binary, (\\d+) samples analysed \\((\\d+) cases").matcher(r.err());
        assertTrue(bt.find(), r.err());
        double btRatio = Double.parseDouble(bt.group(2)) / (2.0 * Double.parseDouble(bt.group(1)));
        List<String> lines = Files.readAllLines(out);
        assertEquals("phenotype\tgene\tneg_log10p\tpval\tpval_corrected\tmask\ttest\tn_variants\tmac\tn_carriers\teac\tbonferroni\trank",
                lines.get(0));
        for (String trait : new String[] {"QT", "BT"}) {
            List<String[]> rows = lines.stream().skip(1).map(l -> l.split("\t")).filter(f -> f[0].equals(trait)).toList();
            // QT has many candidates, so at least three; BT (302 cases) has EAC > 1 in two genes only
            assertTrue(rows.size() >= (trait.equals("QT") ? 3 : 1), trait + ": " + rows.size() + " seed genes");
            for (int i = 0; i < rows.size(); i++) {
                String[] f = rows.get(i);
                String line = String.join(" ", f);
                assertEquals(i + 1, Integer.parseInt(f[12]));
                double mac = Double.parseDouble(f[8]);
                double eac = Double.parseDouble(f[10]);
                // EAC = CAF x N (quantitative) or CAF x cases (binary), CAF = MAC / 2N
                assertEquals(trait.equals("QT") ? mac / 2 : mac * btRatio, eac, 1e-5 * eac, line);
                assertTrue(eac > 1, "--min-eac 1: " + line);
                assertTrue(Integer.parseInt(f[9]) >= 2, "--min-carriers 2: " + line);
                assertEquals(Double.parseDouble(f[2]), -Math.log10(Double.parseDouble(f[3])), 1e-5, "neg_log10p is -log10 p");
                double corrected = Double.parseDouble(f[4]);
                assertEquals(corrected < 0.05 ? "1" : "0", f[11], "bonferroni flag agrees with pval_corrected: " + line);
                assertTrue(corrected >= Double.parseDouble(f[3]) && corrected <= 1, line);
                assertTrue(f[5].equals("plof") || f[5].equals("missense"), f[5]);
                assertTrue(f[6].equals("burden") || f[6].equals("skat"), f[6]);
                if (i > 0) assertTrue(Double.parseDouble(f[2]) <= Double.parseDouble(rows.get(i - 1)[2]), "ranked by p");
                // beyond the minimum of three, only Bonferroni-significant genes
                if (i >= 3) assertEquals("1", f[11]);
            }
        }
        assertTrue(r.err().contains("candidates (Bonferroni m)"), r.err());
        assertTrue(r.err().contains("trait QT: quantile transform to a normal"), r.err());
    }
}
