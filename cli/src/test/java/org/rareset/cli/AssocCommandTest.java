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

/** Bad input to {@code rareset assoc}: one clear line and exit code 2, no output file. */
class AssocCommandTest {
    @TempDir Path dir;
    SmallCohort cohort;
    Path pheno;
    Path covar;

    @BeforeEach
    void setUp() throws Exception {
        cohort = new SmallCohort(dir, 60, 7);
        Random r = new Random(3);
        pheno = cohort.table("pheno.tsv", new String[] {"QT", "BT"},
                s -> new String[] {String.format("%.4f", r.nextGaussian()), s % 4 == 0 ? "1" : "0"});
        covar = cohort.table("covar.tsv", new String[] {"age", "sex"},
                s -> new String[] {Integer.toString(30 + (s * 7) % 40), Integer.toString(s % 2)});
    }

    CliRun assoc(Path phenoFile, Path covarFile, String... extra) {
        List<String> a = new ArrayList<>(List.of("assoc", "--vcf", cohort.vcf.toString(), "--annotations", cohort.annotations.toString(),
                "--pheno", phenoFile.toString(), "--out", dir.resolve("res.tsv").toString(), "--threads", "1"));
        if (covarFile != null) a.addAll(List.of("--covar", covarFile.toString()));
        a.addAll(List.of(extra));
        return run(a.toArray(new String[0]));
    }

    void assertBadInput(CliRun r, String... fragments) {
        assertEquals(2, r.exit(), r.err());
        String last = r.err().strip().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.startsWith("rareset: error: "), r.err());
        for (String f : fragments) assertTrue(last.contains(f), "'" + f + "' not in: " + last);
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
        assertFalse(Files.exists(dir.resolve("res.tsv")), "no output on error");
    }

    @Test
    void noSampleOverlap() throws Exception {
        Path other = Files.writeString(dir.resolve("other.tsv"), "sample\tQT\nX1\t1.5\nX2\t0.3\nX3\t2.0\n");
        assertBadInput(assoc(other, null), "no sample is in the genotypes", "S001", "X1");
    }

    @Test
    void constantTrait() throws Exception {
        Path p = cohort.table("const.tsv", new String[] {"QT"}, s -> new String[] {"1.5"});
        assertBadInput(assoc(p, covar), "trait 'QT' is constant");
    }

    @Test
    void collinearCovariates() throws Exception {
        Path c = cohort.table("collinear.tsv", new String[] {"age", "sex", "age_months"},
                s -> new String[] {Integer.toString(30 + s % 40), Integer.toString(s % 2), Integer.toString(12 * (30 + s % 40))});
        assertBadInput(assoc(pheno, c, "--phenotypes", "QT"), "covariate 'age_months'", "linear combination");
        Path constant = cohort.table("constant.tsv", new String[] {"age", "batch"}, s -> new String[] {Integer.toString(30 + s % 40), "1"});
        assertBadInput(assoc(pheno, constant, "--phenotypes", "QT"), "covariate 'batch'", "constant");
    }

    @Test
    void binaryTraitWithoutCases() throws Exception {
        Path p = cohort.table("nocase.tsv", new String[] {"BT"}, s -> new String[] {"0"});
        assertBadInput(assoc(p, covar, "--trait-type", "BT=binary"), "binary trait 'BT' has no cases");
    }

    @Test
    void nanAndInfValues() throws Exception {
        Path p = cohort.table("nan.tsv", new String[] {"QT"}, s -> new String[] {s == 5 ? "NaN" : "0." + s});
        assertBadInput(assoc(p, covar), "nan.tsv: line 7", "'NaN' is not finite");
        Path c = cohort.table("inf.tsv", new String[] {"age"}, s -> new String[] {s == 2 ? "Inf" : "4" + s});
        assertBadInput(assoc(pheno, c), "inf.tsv: line 4", "'Inf' is not finite");
    }

    @Test
    void maskNamingUnknownColumn() throws Exception {
        Path masks = Files.writeString(dir.resolve("masks.txt"), "plof: is_plof == 1\nmissense: CADD > 20\n");
        assertBadInput(assoc(pheno, covar, "--masks", masks.toString()), "masks.txt: line 2", "unknown annotation column 'CADD'",
                "is_plof, CADD_PHRED");
    }

    @Test
    void unknownPhenotypeAndTest() {
        assertBadInput(assoc(pheno, covar, "--phenotypes", "LDL"), "no phenotype column 'LDL'", "QT, BT");
        assertBadInput(assoc(pheno, covar, "--tests", "burden,skat2"), "unknown test 'skat2'",
                "(valid tests: burden,skat,skato,acatv,acato,burden-max,burden-sum)");
        String last = assoc(pheno, covar, "--tests", "skat2").err().strip().lines().reduce((x, y) -> y).orElse("");
        assertEquals(1, last.split("valid", -1).length - 1, "the valid tests are listed once: " + last);
    }

    @Test
    void conflictingMaskSourcesNameTheOptionsGiven() throws Exception {
        Path group = Files.writeString(dir.resolve("groups.txt"), "G1 var 1:100:A:G\nG1 anno lof\n");
        assertBadInput(assoc(pheno, covar, "--group-file", group.toString()), "--annotations and --group-file both assign variants to genes");
        assertBadInput(assoc(pheno, covar, "--build-mask", "comphet"), "--build-mask 'comphet' is not a mask rule", "use max or sum");
        Path scores = Files.writeString(dir.resolve("scores.tsv"), "sample\tgene\tscore\nS001\tG1\t0.5\n");
        assertBadInput(run("assoc", "--scores", scores.toString(), "--group-file", group.toString(), "--pheno", pheno.toString(),
                "--out", dir.resolve("res.tsv").toString()), "--scores tests precomputed gene scores", "--group-file");
    }

    @Test
    void missingValuesAreDroppedAndCounted() throws Exception {
        Path p = cohort.table("miss.tsv", new String[] {"QT", "BT"},
                s -> new String[] {s < 3 ? "NA" : s < 5 ? "-9" : s == 5 ? "" : "0." + s, s % 3 == 0 ? "2" : "1"});
        CliRun r = assoc(p, covar, "--tests", "burden,unknown"); // fails on --tests after the inputs are read
        assertEquals(2, r.exit());
        Path bad = Files.writeString(dir.resolve("m.tsv"), "sample\tQT\nS001\tabc\n");
        assertBadInput(assoc(bad, covar), "m.tsv: line 2", "'abc' is not a number");
    }
}
