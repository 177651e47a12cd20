package org.rareset.report;

import org.rareset.core.formats.AssocSideFile;
import org.rareset.core.formats.AssocSideFile.Settings;
import org.rareset.core.formats.AssocSideFile.Summary;
import org.rareset.core.formats.ResultRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rareset.core.InputException;
import org.rareset.core.table.TableFiles;
import org.rareset.core.table.TextTable;
import org.rareset.association.run.SettingsWriter;
import org.rareset.association.run.SummaryWriter;

/**
 * What {@code rareset assoc} concluded, read from the side files it writes beside each results
 * file, so that the report shows assoc's own lambda, thresholds and significant rows instead of
 * recomputing them: {@code <base>.summary.tsv} (per phenotype and test), {@code
 * <base>.significant.tsv} (genes by their gene-level test, with a Bonferroni flag over genes),
 * when present {@code <base>.significant_per_test.tsv} (gene x mask rows with a Bonferroni flag
 * within their test) and {@code <base>.settings.tsv} (the run's settings and per-trait sample counts).
 */
public final class AssocSummary {
    /** One row of {@code summary.tsv}. */
    public record TestSummary(String phenotype, String test, int nTests, double lambda, double alpha,
                              double bonferroniLog10, int nBonferroni, int nBenjaminiHochberg) {}

    private final Map<String, TestSummary> byTraitAndTest = new LinkedHashMap<>();
    private final Set<String> bonferroniRows = new HashSet<>();
    private final Map<Path, Map<String, Map<String, String>>> settings = new LinkedHashMap<>();
    private final Map<Path, List<Path>> sideFiles = new LinkedHashMap<>();

    /** Reads the side files of every results file; summary and significant files must exist. */
    public static AssocSummary read(List<Path> results) {
        AssocSummary s = new AssocSummary();
        for (Path r : results) s.add(r);
        return s;
    }

    private void add(Path results) {
        Path summary = SummaryWriter.summaryPath(results);
        Path significant = SummaryWriter.significantPath(results);
        for (Path p : List.of(summary, significant)) {
            if (!Files.isRegularFile(p)) {
                throw InputException.of(results, "no " + p.getFileName() + " beside the results",
                        "the report shows what rareset assoc wrote beside its results (rareset merge writes it for merged chunks); rerun it");
            }
        }
        TextTable t = TableFiles.read(summary);
        for (int r = 0; r < t.rowCount(); r++) {
            TestSummary ts = new TestSummary(cell(t, r, AssocSideFile.PHENOTYPE), cell(t, r, AssocSideFile.TEST),
                    (int) number(t, r, Summary.N_TESTS), number(t, r, Summary.LAMBDA), number(t, r, Summary.ALPHA),
                    log10OfText(t, r, Summary.BONFERRONI_PVAL), (int) number(t, r, Summary.N_BONFERRONI),
                    (int) number(t, r, Summary.N_BH_FDR));
            if (byTraitAndTest.put(key(ts.phenotype(), ts.test()), ts) != null) {
                throw InputException.atLine(summary, t.line(r), "phenotype " + ts.phenotype() + ", test " + ts.test()
                        + " is summarised in two results files", "give each trait and test once");
            }
        }
        // significant.tsv lists genes by their gene-level test (GENE_P omnibus, score): no mask column;
        // significant_per_test.tsv lists gene x mask rows within each test.
        TextTable sig = TableFiles.read(significant);
        boolean perGene = sig.indexOf(AssocSideFile.MASK) < 0;
        for (int r = 0; r < sig.rowCount(); r++) {
            if (cell(sig, r, AssocSideFile.BONFERRONI_SIGNIFICANT).equals("1")) {
                bonferroniRows.add(String.join("\t", cell(sig, r, AssocSideFile.PHENOTYPE), cell(sig, r, AssocSideFile.GENE),
                        perGene ? GENE_LEVEL : cell(sig, r, AssocSideFile.MASK), cell(sig, r, AssocSideFile.TEST)));
            }
        }
        List<Path> files = new java.util.ArrayList<>(List.of(results, summary, significant));
        Path perTest = SummaryWriter.significantPerTestPath(results);
        if (Files.isRegularFile(perTest)) {
            TextTable pt = TableFiles.read(perTest);
            for (int r = 0; r < pt.rowCount(); r++) {
                if (cell(pt, r, AssocSideFile.BONFERRONI_SIGNIFICANT).equals("1")) {
                    bonferroniRows.add(String.join("\t", cell(pt, r, AssocSideFile.PHENOTYPE), cell(pt, r, AssocSideFile.GENE),
                            cell(pt, r, AssocSideFile.MASK), cell(pt, r, AssocSideFile.TEST)));
                }
            }
            files.add(perTest);
        }
        Path settingsFile = SettingsWriter.path(results);
        if (Files.isRegularFile(settingsFile)) {
            TextTable st = TableFiles.read(settingsFile);
            Map<String, Map<String, String>> mine = settings.computeIfAbsent(results, k -> new LinkedHashMap<>());
            for (int r = 0; r < st.rowCount(); r++) {
                mine.computeIfAbsent(cell(st, r, Settings.SCOPE), k -> new LinkedHashMap<>())
                        .put(cell(st, r, Settings.KEY), cell(st, r, Settings.VALUE));
            }
            files.add(settingsFile);
        }
        Path skipped = SummaryWriter.skippedPath(results);
        if (Files.isRegularFile(skipped)) files.add(skipped);
        sideFiles.put(results, files);
    }

    /** assoc's summary of a trait and test, or null. */
    public TestSummary summary(String phenotype, String test) {
        return byTraitAndTest.get(key(phenotype, test));
    }

    /** True when assoc flagged this row Bonferroni-significant (a gene-level row: over genes; others within their test). */
    public boolean bonferroni(ResultRow r) {
        return bonferroniRows.contains(String.join("\t", r.phenotype(), r.gene(), r.mask(), r.test()))
                || bonferroniRows.contains(String.join("\t", r.phenotype(), r.gene(), GENE_LEVEL, r.test()));
    }

    /** Stands for the mask of rows read from the per-gene significant.tsv, which has no mask column. */
    private static final String GENE_LEVEL = "*gene*";

    /** Settings per results file that has a settings file: scope {@code run} or a phenotype, then key to value. */
    public Map<Path, Map<String, Map<String, String>>> settings() {
        return settings;
    }

    /** The first recorded value of a phenotype's (or the run's) setting over the results files, or null. */
    public String setting(String scope, String key) {
        for (Map<String, Map<String, String>> s : settings.values()) {
            String v = s.getOrDefault(scope, Map.of()).get(key);
            if (v != null) return v;
        }
        return null;
    }

    /** Each results file with the side files read for it. */
    public Map<Path, List<Path>> files() {
        return sideFiles;
    }

    private static String key(String phenotype, String test) {
        return phenotype + "\t" + test;
    }

    private static String cell(TextTable t, int r, String column) {
        int c = t.indexOf(column);
        if (c < 0) throw InputException.of(Path.of(t.source()), "no column '" + column + "'", "give the files rareset assoc writes");
        return t.cell(r, c);
    }

    private static double number(TextTable t, int r, String column) {
        String s = cell(t, r, column);
        if (s.isEmpty() || s.equals("NA")) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw InputException.atLine(Path.of(t.source()), t.line(r), "'" + s + "' in column " + column + " is not a number",
                    "give the files rareset assoc writes");
        }
    }

    /** log10 of a p-value written as text, also below the double range ({@code 1.5e-450}). */
    static double log10OfText(TextTable t, int r, String column) {
        String s = cell(t, r, column);
        try {
            int e = s.toLowerCase(java.util.Locale.ROOT).indexOf('e');
            if (e < 0) return Math.log10(Double.parseDouble(s));
            return Math.log10(Double.parseDouble(s.substring(0, e))) + Long.parseLong(s.substring(e + 1));
        } catch (NumberFormatException ex) {
            throw InputException.atLine(Path.of(t.source()), t.line(r), "'" + s + "' in column " + column + " is not a p-value",
                    "give the files rareset assoc writes");
        }
    }
}
