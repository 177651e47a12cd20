package org.rareset.report.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.table.MissingValues;

/**
 * {@link RiskJob} driven from settings alone, without a command line, on a simulated cohort whose
 * binary trait depends on the score of one causal gene (CAUSAL) and not on another (NULL): the
 * job chooses CAUSAL on the training split, its AUCs equal the case-control pair count on the
 * held-out individuals it wrote, and the same trait coded 1/2 (PLINK) gives the same files.
 */
class RiskJobTest {
    @TempDir Path dir;

    private Path[] simulate(boolean plinkCoding) throws IOException {
        Random r = new Random(11);
        List<String> ph = new ArrayList<>(List.of("sample\tBT"));
        List<String> cv = new ArrayList<>(List.of("sample\tage"));
        List<String> sc = new ArrayList<>(List.of("sample\tgene\tscore"));
        for (int i = 0; i < 2000; i++) {
            double age = 40 + 10 * r.nextGaussian();
            double causal = r.nextDouble() < 0.15 ? r.nextDouble() : 0;
            double nul = r.nextDouble() < 0.15 ? r.nextDouble() : 0;
            int bt = r.nextDouble() < 1 / (1 + Math.exp(-(-2 + 0.02 * (age - 40) + 4 * causal))) ? 1 : 0;
            ph.add("S" + i + "\t" + (plinkCoding ? bt + 1 : bt));
            cv.add(String.format(Locale.ROOT, "S%d\t%.3f", i, age));
            sc.add(String.format(Locale.ROOT, "S%d\tCAUSAL\t%.6f", i, causal));
            sc.add(String.format(Locale.ROOT, "S%d\tNULL\t%.6f", i, nul));
        }
        String tag = plinkCoding ? "12" : "01";
        return new Path[] {Files.write(dir.resolve("pheno" + tag + ".tsv"), ph), Files.write(dir.resolve("covar.tsv"), cv),
                Files.write(dir.resolve("scores.tsv"), sc)};
    }

    private RiskJob.Outcome run(Path[] in, Path out, List<String> log) throws IOException {
        return new RiskJob(new RiskSettings(in[0], in[1], MissingValues.defaults(), in[2], null, 0.05, 5, "BT", "auto", 0.8, 200, 3, out, 1),
                log::add).run();
    }

    @Test
    void choosesTheCausalGeneAndItsAucIsThePairCount() throws IOException {
        List<String> log = new ArrayList<>();
        Path out = dir.resolve("a/risk.BT.tsv");
        RiskJob.Outcome o = run(simulate(false), out, log);
        assertTrue(o.binary());
        assertEquals("AUC", o.metric());
        assertEquals(List.of("CAUSAL"), o.chosen(), String.join("\n", log));
        assertTrue(log.get(0).startsWith("risk: 2000 samples used"), log.get(0));
        List<double[]> ind = new ArrayList<>();
        for (String l : Files.readAllLines(out)) {
            if (l.startsWith("#") || l.startsWith("sample")) continue;
            String[] f = l.split("\t");
            ind.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[4])});
        }
        assertEquals(400, ind.size(), "20% of 2000 held out");
        assertEquals(pairAuc(ind, 1), o.result().metric().baseline().estimate(), 1e-4);
        assertEquals(pairAuc(ind, 2), o.result().metric().withScores().estimate(), 1e-4);
        assertTrue(Files.isRegularFile(RiskFiles.metricsPath(out)) && Files.isRegularFile(RiskFiles.binsPath(out))
                && Files.isRegularFile(RiskFiles.genesPath(out)));
    }

    @Test
    void plinkCodedTraitGivesTheSameFiles() throws IOException {
        Path a = dir.resolve("a/risk.BT.tsv");
        Path b = dir.resolve("b/risk.BT.tsv");
        run(simulate(false), a, new ArrayList<>());
        run(simulate(true), b, new ArrayList<>());
        assertEquals(Files.readString(RiskFiles.metricsPath(a)), Files.readString(RiskFiles.metricsPath(b)));
        assertEquals(Files.readString(RiskFiles.binsPath(a)), Files.readString(RiskFiles.binsPath(b)));
        assertEquals(Files.readString(RiskFiles.genesPath(a)), Files.readString(RiskFiles.genesPath(b)));
    }

    /** P(score of a case > score of a control), ties counting one half, over every case-control pair. */
    static double pairAuc(List<double[]> ind, int column) {
        double wins = 0;
        long pairs = 0;
        for (double[] c : ind) {
            if (c[0] != 1) continue;
            for (double[] k : ind) {
                if (k[0] != 0) continue;
                pairs++;
                wins += c[column] > k[column] ? 1 : c[column] == k[column] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }
}
