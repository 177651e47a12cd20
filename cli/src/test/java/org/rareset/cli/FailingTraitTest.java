package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trait that cannot be analysed is named, reported and left out; the other traits are analysed.
 * BT is perfectly separated by the covariate {@code sep} (sep = BT), so its logistic null model has
 * no maximum-likelihood estimate (the coefficient of sep diverges) and cannot converge; QT is an
 * ordinary quantitative trait; CONST is constant.
 */
class FailingTraitTest {
    @TempDir Path dir;
    SmallCohort cohort;
    Path pheno;
    Path covar;

    @BeforeEach
    void setUp() throws Exception {
        cohort = new SmallCohort(dir, 80, 21);
        Random r = new Random(8);
        pheno = cohort.table("pheno.tsv", new String[] {"QT", "BT", "CONST"},
                s -> new String[] {String.format("%.4f", r.nextGaussian()), s % 4 == 0 ? "1" : "0", "2.5"});
        covar = cohort.table("covar.tsv", new String[] {"age", "sep"},
                s -> new String[] {Integer.toString(30 + (s * 7) % 40), s % 4 == 0 ? "1" : "0"});
    }

    CliRun assoc(String phenotypes, String... extra) {
        List<String> a = new ArrayList<>(List.of("assoc", "--vcf", cohort.vcf.toString(), "--annotations", cohort.annotations.toString(),
                "--pheno", pheno.toString(), "--covar", covar.toString(), "--phenotypes", phenotypes, "--tests", "burden,skat",
                "--collapse-mac", "0", "--out", dir.resolve("res.tsv").toString(), "--threads", "1"));
        a.addAll(List.of(extra));
        return run(a);
    }

    @Test
    void aTraitWhoseNullModelFailsIsNamedAndLeftOut() throws Exception {
        CliRun r = assoc("QT,BT,CONST");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("trait BT left out: phenotype BT: the logistic null model did not converge"), r.err());
        assertTrue(r.err().contains("trait CONST left out: ") && r.err().contains("trait 'CONST' is constant"), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("res.tsv"));
        assertTrue(rows.size() > 1, "QT is analysed");
        for (String row : rows.subList(1, rows.size())) assertTrue(row.startsWith("QT\t"), row);
        List<String> skipped = Files.readAllLines(dir.resolve("res.skipped.tsv"));
        assertTrue(skipped.stream().anyMatch(l -> l.startsWith("BT\t*\ttrait not analysed: phenotype BT: the logistic null model did not converge")
                && l.endsWith("\t" + SmallCohort.GENES)), String.join("\n", skipped));
        assertTrue(skipped.stream().anyMatch(l -> l.startsWith("CONST\t*\ttrait not analysed: ")), String.join("\n", skipped));
    }

    @Test
    void failOnTraitErrorStopsAtTheFirstFailingTrait() {
        CliRun r = assoc("QT,BT", "--fail-on-trait-error");
        assertEquals(2, r.exit(), r.err());
        String last = r.err().strip().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.startsWith("rareset: error: phenotype BT: the logistic null model did not converge"), last);
        assertFalse(Files.exists(dir.resolve("res.tsv")));
    }

    @Test
    void noTraitLeftIsAnError() {
        CliRun r = assoc("BT,CONST");
        assertEquals(2, r.exit(), r.err());
        String last = r.err().strip().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.startsWith("rareset: error: no trait could be analysed: "), last);
        assertTrue(last.contains("phenotype BT: the logistic null model did not converge") && last.contains("'CONST' is constant"), last);
        assertFalse(Files.exists(dir.resolve("res.tsv")));
    }
}
