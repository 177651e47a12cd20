package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command refuses to write over one of its inputs (exit 2, one line naming both), before any
 * work, and the input is left byte for byte as it was. The cases of the issue: annotate's --table,
 * assoc's --pheno, merge's first chunk; then side files, links, the log file and ingest's VCF.
 */
class NoInputIsAnOutputTest {
    @TempDir Path dir;
    SmallCohort cohort;
    Path pheno;

    @BeforeEach
    void setUp() throws Exception {
        cohort = new SmallCohort(dir, 40, 11);
        Random r = new Random(5);
        pheno = cohort.table("pheno.tsv", new String[] {"QT"}, s -> new String[] {String.format("%.4f", r.nextGaussian())});
    }

    /** Exit 2, one error line naming both paths and no stack trace, and {@code input} unchanged. */
    static void assertRefused(CliRun r, Path input, String before, String... fragments) throws Exception {
        assertEquals(2, r.exit(), r.err());
        String line = r.err().strip().lines().reduce((x, y) -> y).orElse("");
        assertTrue(line.startsWith("rareset: error: "), r.err());
        assertTrue(line.contains("would destroy that input"), line);
        for (String f : fragments) assertTrue(line.contains(f), "'" + f + "' not in: " + line);
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(before, Files.readString(input), "the input is unchanged");
    }

    @Test
    void assocOutIsThePhenotypes() throws Exception {
        String before = Files.readString(pheno);
        CliRun r = run("assoc", "--vcf", cohort.vcf.toString(), "--annotations", cohort.annotations.toString(),
                "--pheno", pheno.toString(), "--out", pheno.toString(), "--threads", "1");
        assertRefused(r, pheno, before, "--pheno " + pheno, "(--out)");
    }

    @Test
    void assocSideFileIsAnInput() throws Exception {
        Path covar = cohort.table("res.summary.tsv", new String[] {"age"}, s -> new String[] {Integer.toString(20 + s)});
        String before = Files.readString(covar);
        CliRun r = run("assoc", "--vcf", cohort.vcf.toString(), "--annotations", cohort.annotations.toString(),
                "--pheno", pheno.toString(), "--covar", covar.toString(), "--out", dir.resolve("res.tsv").toString());
        assertRefused(r, covar, before, "summary beside --out", "--covar");
        assertFalse(Files.exists(dir.resolve("res.tsv")));
    }

    @Test
    void annotateOutIsTheTableThroughASymbolicLink() throws Exception {
        Path table = Files.writeString(dir.resolve("t.tsv"), "chrom\tpos\tref\talt\tCADD_PHRED\n1\t1100\tA\tG\t12\n");
        Path link = Files.createSymbolicLink(dir.resolve("t-link.tsv"), table);
        String before = Files.readString(table);
        CliRun r = run("annotate", "--vcf", cohort.vcf.toString(), "--table", link + ":CADD_PHRED", "--out", table.toString());
        assertRefused(r, table, before, "--table", link.toString());
    }

    @Test
    void mergeOutIsAChunk() throws Exception {
        Path p1 = Files.writeString(dir.resolve("part1.tsv"), "phenotype\tgene\tpval\nQT\tG1\t0.5\n");
        Path p2 = Files.writeString(dir.resolve("part2.tsv"), "phenotype\tgene\tpval\nQT\tG2\t0.25\n");
        String before = Files.readString(p1);
        CliRun r = run("merge", "--out", p1.toString(), p1.toString(), p2.toString());
        assertRefused(r, p1, before, "CHUNK " + p1);
    }

    @Test
    void ingestOutIsTheVcfOrItsIndexAndLogFileIsAnInput() throws Exception {
        String before = Files.readString(cohort.vcf);
        assertRefused(run("ingest", "--vcf", cohort.vcf.toString(), "--out", cohort.vcf.toString()), cohort.vcf, before, "--vcf");
        String phenoBefore = Files.readString(pheno);
        CliRun r = run("assoc", "--vcf", cohort.vcf.toString(), "--annotations", cohort.annotations.toString(),
                "--pheno", pheno.toString(), "--out", dir.resolve("res.tsv").toString(), "--log-file", pheno.toString());
        assertRefused(r, pheno, phenoBefore, "(--log-file)", "--pheno");
    }

    /** A PLINK prefix names three inputs; none may be the output. */
    @Test
    void ingestOutIsAFileOfTheBfilePrefix() throws Exception {
        for (String ext : new String[] {".bed", ".bim", ".fam"}) {
            Files.copy(Path.of("../testdata/genotypes/cohort" + ext), dir.resolve("plink" + ext));
        }
        Path fam = dir.resolve("plink.fam");
        String before = Files.readString(fam);
        CliRun r = run("ingest", "--bfile", dir.resolve("plink").toString(), "--out", fam.toString());
        assertRefused(r, fam, before, "--bfile");
    }

    @Test
    void anOutputThatIsAFolderIsOneLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("res.tsv"));
        CliRun r = run("assoc", "--vcf", cohort.vcf.toString(), "--annotations", cohort.annotations.toString(),
                "--pheno", pheno.toString(), "--out", folder.toString(), "--threads", "1");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("rareset: error: " + folder + ": cannot write: the output (--out) is a folder"), r.err());
    }
}
