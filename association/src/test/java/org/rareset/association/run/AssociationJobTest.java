package org.rareset.association.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.association.mask.RegenieMaskInputs;
import org.rareset.association.mask.SaigeGroupInputs;
import org.rareset.core.concurrent.Chunk;
import org.rareset.core.table.DuplicateRows;
import org.rareset.core.table.MissingValues;
import org.rareset.genotypes.input.GenotypeFiles;

/**
 * {@link AssociationJob} driven from settings alone, without a command line, on the golden
 * association cohort (R SKAT 2.2.5 and REGENIE 4.1.2 references, testdata/golden/assoc/README.md):
 * p-values within the golden tolerance of {@code oracle.tsv} (|log10(p / p_ref)| at most 0.01 for
 * p_ref >= 1e-6, 0.05 below), and a run split into two gene chunks gives exactly the rows of the
 * whole run.
 */
class AssociationJobTest {
    @TempDir static Path dir;
    static Path golden;

    @BeforeAll
    static void locate() {
        golden = Path.of(System.getProperty("rareset.testdata", "../testdata"), "golden", "assoc");
        assertTrue(Files.isRegularFile(golden.resolve("oracle.tsv")), "the repository ships " + golden.resolve("oracle.tsv"));
    }

    /** The references' definitions: every variant (no MAF cap, no minimum MAC), no collapsing, plain score tests. */
    static AssociationSettings settings(Path out, Chunk chunk) {
        CohortInputs cohort = new CohortInputs(golden.resolve("cohort.vcf.gz"), null,
                new GenotypeFiles(List.of(), null, null, null, List.of(), null, false, false, 0.1),
                golden.resolve("annotations.tsv"), DuplicateRows.ERROR, golden.resolve("pheno.tsv"), golden.resolve("covar.tsv"),
                List.of("QT", "BT"), null, false, MissingValues.defaults());
        return new AssociationSettings(cohort, new RegenieMaskInputs(null, null, null, List.of(0.01), "max", false),
                new SaigeGroupInputs(null, "lof"), null, List.of(0.5), 0, "none", null, 0, "beta:1,25", "burden,skat,acatv",
                false, 0, true, 0.05, null, null, out, null, "rareset", 2, false, chunk);
    }

    static List<String> run(Path out, Chunk chunk) throws IOException {
        List<String> log = new ArrayList<>();
        new AssociationJob(settings(out, chunk), log::add, AssociationJob.Progress.NONE).run();
        assertTrue(log.stream().anyMatch(l -> l.startsWith("wrote ")), "the job logs what it wrote: " + log);
        return Files.readAllLines(out);
    }

    @Test
    void skatoMethodIsCheckedAndRecorded() {
        AssociationSettings s = settings(dir.resolve("m.tsv"), null);
        assertEquals(org.rareset.association.gene.TestOptions.SkatoMethod.OPTIMAL_ADJ, s.skato());
        AssociationSettings exact = new AssociationSettings(s.cohort(), s.regenieMasks(), s.saigeGroups(), s.maskFile(), s.maxMaf(),
                s.minMac(), s.qtTransform(), s.geneModel(), s.collapseMac(), s.weights(), s.tests(), s.singleVariant(),
                s.firthThreshold(), s.noSpa(), s.alpha(), s.scores(), s.pred(), s.out(), s.writeBurdens(), s.outFormat(),
                s.threads(), s.timeGenes(), s.chunk(), "Exact");
        assertEquals(org.rareset.association.gene.TestOptions.SkatoMethod.EXACT, exact.skato());
        AssociationSettings bad = new AssociationSettings(s.cohort(), s.regenieMasks(), s.saigeGroups(), s.maskFile(), s.maxMaf(),
                s.minMac(), s.qtTransform(), s.geneModel(), s.collapseMac(), s.weights(), s.tests(), s.singleVariant(),
                s.firthThreshold(), s.noSpa(), s.alpha(), s.scores(), s.pred(), s.out(), s.writeBurdens(), s.outFormat(),
                s.threads(), s.timeGenes(), s.chunk(), "davies");
        org.rareset.core.InputException e = org.junit.jupiter.api.Assertions.assertThrows(org.rareset.core.InputException.class, bad::check);
        assertTrue(e.getMessage().contains("--skato-method 'davies'"), e.getMessage());
    }

    @Test
    void matchesTheOracleWithoutACommandLine() throws IOException {
        List<String> lines = run(dir.resolve("all.tsv"), null);
        List<String> header = List.of(lines.get(0).split("\t"));
        int test = header.indexOf("test"), nVariants = header.indexOf("n_variants"), negLog10p = header.indexOf("neg_log10p");
        Map<String, String[]> rows = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t", -1);
            rows.put(f[0] + "\t" + f[1] + "\t" + f[test], f);
        }
        int compared = 0;
        for (String l : Files.readAllLines(golden.resolve("oracle.tsv")).subList(1, 301)) {
            String[] o = l.split("\t");
            if (!List.of("burden", "skat", "acatv").contains(o[2])) continue;
            String[] r = rows.get(o[0] + "\t" + o[1] + "\t" + o[2]);
            assertTrue(r != null, "no result for " + l);
            assertEquals(o[3], r[nVariants], l);
            double ref = Math.log10(Double.parseDouble(o[5]));
            double got = -Double.parseDouble(r[negLog10p]);
            assertEquals(ref, got, ref >= -6 ? 0.01 : 0.05, l);
            compared++;
        }
        assertEquals(2 * 30 * 3, compared);
        for (Path side : List.of(SummaryWriter.summaryPath(dir.resolve("all.tsv")), SummaryWriter.significantPath(dir.resolve("all.tsv")),
                SummaryWriter.skippedPath(dir.resolve("all.tsv")), SettingsWriter.path(dir.resolve("all.tsv")))) {
            assertTrue(Files.isRegularFile(side), "side file " + side);
        }
    }

    /** Chunks 1/2 and 2/2 of the genes (15 each), run apart, hold exactly the whole run's rows. */
    @Test
    void genePartsTogetherAreTheWholeRun() throws IOException {
        List<String> whole = run(dir.resolve("whole.tsv"), null);
        List<String> first = run(dir.resolve("first.tsv"), new Chunk(1, 2));
        List<String> rest = run(dir.resolve("rest.tsv"), new Chunk(2, 2));
        List<String> joined = new ArrayList<>(first.subList(1, first.size()));
        joined.addAll(rest.subList(1, rest.size()));
        assertEquals(sorted(whole.subList(1, whole.size())), sorted(joined));
        assertTrue(first.size() > 1 && rest.size() > 1, "both parts have rows");
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }
}
