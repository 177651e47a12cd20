package org.rareset.association.deeprvat;

import org.rareset.core.InputException;
import org.rareset.core.formats.PValueFormat;
import org.rareset.core.formats.ResultFile;
import org.rareset.core.table.Column;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriter;
import org.rareset.core.table.TableWriters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes RareSet association results as DeepRVAT's association and evaluation files
 * ({@code deeprvat/deeprvat/associate.py regress} and {@code evaluate.py}; docs/deeprvat-files.md):
 * <ul>
 *   <li>{@code burden_associations.parquet}: {@code phenotype gene beta pval}, the impairment-score
 *       tests (RareSet's {@code mask = test = score} rows);</li>
 *   <li>{@code all_results.parquet}: {@code phenotype gene Method "Discovery type" beta pval
 *       -log10pval pval_corrected significant}: the score tests as Method {@code DeepRVAT} (Discovery type
 *       {@code DeepRVAT discovery}), every other test as Method {@code "<test> <mask>"} (Discovery type
 *       {@code Baseline}), and {@code Burden/SKAT combined}: per phenotype and gene, DeepRVAT's
 *       min-Bonferroni aggregate of the baseline p-values, {@code min_i(p_i) * k} for k baseline
 *       tests of that gene;</li>
 *   <li>{@code significant.parquet}: the significant rows of all_results, sorted by phenotype, gene,
 *       Method, pval, one row per (phenotype, gene, Method).</li>
 * </ul>
 * Correction per (phenotype, Method), as DeepRVAT's {@code pval_correction}: Bonferroni
 * {@code pval_corrected = pval * n}, significant when {@code < alpha} (decided on -log10 p, so p-values
 * below the double range still count); FDR: Benjamini-Hochberg
 * {@code pval_corrected_(i) = min(1, min_{j>=i} p_(j) n / j)}, significant when {@code <= alpha}
 * (statsmodels' {@code fdrcorrection}). In all_results, phenotype names have '_' replaced by ' ',
 * as DeepRVAT's {@code get_pvals} does.
 */
public final class DeepRvatEvaluation {
    public static final String BURDEN_ASSOCIATIONS = "burden_associations.parquet";
    public static final String ALL_RESULTS = "all_results.parquet";
    public static final String SIGNIFICANT = "significant.parquet";
    public static final String DEEPRVAT = "DeepRVAT";
    public static final String COMBINED = "Burden/SKAT combined";
    static final String SCORE = "score";
    static final String OMNIBUS_MASK = "GENE_P";

    public enum Correction { BONFERRONI, FDR }

    /** One RareSet result row; {@code negLog10p} = -log10(p). */
    public record Result(String phenotype, String gene, String mask, String test, double beta, double negLog10p) {}

    /** One row of all_results. */
    public record Evaluated(String phenotype, String gene, String method, boolean deeprvat, double beta,
                            double negLog10p, double pvalCorrected, boolean significant) {
        public double pval() { return Math.pow(10, -negLog10p); }
    }

    /** Counts of what went where; omnibus rows are left out because the combined rows are recomputed as DeepRVAT does. */
    public record Summary(int deeprvatRows, int baselineRows, int combinedRows, int significantRows,
                          int omnibusRowsLeftOut, int rowsWithoutP) {}

    private DeepRvatEvaluation() {}

    /**
     * Reads RareSet results through their one reader ({@link ResultFile#forEach}: TSV or Parquet, as
     * {@code assoc} writes them). Rows without a p-value are counted in {@code noP[0]} and left out.
     */
    public static List<Result> read(Path file, int[] noP) {
        List<Result> out = new ArrayList<>();
        noP[0] += ResultFile.forEach(file, r -> out.add(new Result(r.phenotype(), r.gene(), r.mask(), r.test(), r.beta(),
                PValueFormat.negate(r.log10P()))));
        return out;
    }

    /**
     * Builds all_results as DeepRVAT's evaluate does. Returns the rows in input order per method:
     * DeepRVAT, then baselines, then combined.
     */
    public static List<Evaluated> evaluate(List<Result> results, double alpha, Correction correction, int[] omnibusLeftOut) {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        Map<String, List<Result>> baselineByGene = new LinkedHashMap<>();
        for (Result r : results) {
            if (OMNIBUS_MASK.equals(r.mask())) { omnibusLeftOut[0]++; continue; }
            boolean score = SCORE.equals(r.mask()) && SCORE.equals(r.test());
            String method = score ? DEEPRVAT : r.test() + " " + r.mask();
            groups.computeIfAbsent(r.phenotype() + "\t" + method, k -> new ArrayList<>()).add(r);
            if (!score) baselineByGene.computeIfAbsent(r.phenotype() + "\t" + r.gene(), k -> new ArrayList<>()).add(r);
        }
        List<Evaluated> out = new ArrayList<>();
        for (Map.Entry<String, List<Result>> g : groups.entrySet()) {
            String method = g.getKey().substring(g.getKey().indexOf('\t') + 1);
            List<Result> rows = g.getValue();
            double[] nl = rows.stream().mapToDouble(Result::negLog10p).toArray();
            Corrected c = correct(nl, alpha, correction);
            for (int i = 0; i < rows.size(); i++) {
                Result r = rows.get(i);
                out.add(new Evaluated(r.phenotype(), r.gene(), method, DEEPRVAT.equals(method), r.beta(), nl[i],
                        c.pvalCorrected[i], c.significant[i]));
            }
        }
        // Burden/SKAT combined: per phenotype, one min-Bonferroni p per gene, then corrected over genes.
        Map<String, List<String[]>> combinedByPhenotype = new LinkedHashMap<>();
        Map<String, List<Double>> combinedNl = new LinkedHashMap<>();
        for (List<Result> rows : baselineByGene.values()) {
            double best = rows.stream().mapToDouble(Result::negLog10p).max().orElseThrow();
            String ph = rows.get(0).phenotype();
            combinedByPhenotype.computeIfAbsent(ph, k -> new ArrayList<>()).add(new String[] {ph, rows.get(0).gene()});
            // not capped at 1, as DeepRVAT's min_Bonferroni_aggregate
            combinedNl.computeIfAbsent(ph, k -> new ArrayList<>()).add(best - Math.log10(rows.size()));
        }
        for (Map.Entry<String, List<String[]>> e : combinedByPhenotype.entrySet()) {
            double[] nl = combinedNl.get(e.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
            Corrected c = correct(nl, alpha, correction);
            for (int i = 0; i < nl.length; i++) {
                String[] pg = e.getValue().get(i);
                out.add(new Evaluated(pg[0], pg[1], COMBINED, false, Double.NaN, nl[i], c.pvalCorrected[i], c.significant[i]));
            }
        }
        return out;
    }

    private record Corrected(double[] pvalCorrected, boolean[] significant) {}

    /** DeepRVAT's pval_correction on -log10 p-values (see the class comment for the formulas). */
    static Corrected correct(double[] negLog10p, double alpha, Correction correction) {
        int n = negLog10p.length;
        double[] adj = new double[n];
        boolean[] sig = new boolean[n];
        double logN = Math.log10(n), threshold = -Math.log10(alpha);
        if (correction == Correction.BONFERRONI) {
            for (int i = 0; i < n; i++) {
                adj[i] = Math.pow(10, -negLog10p[i]) * n; // DeepRVAT does not cap at 1
                sig[i] = negLog10p[i] - logN > threshold;
            }
            return new Corrected(adj, sig);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> -negLog10p[i])); // ascending p
        double running = 1;
        for (int k = n - 1; k >= 0; k--) {
            int i = order[k];
            running = Math.min(running, Math.pow(10, -negLog10p[i]) * n / (k + 1));
            adj[i] = running;
            sig[i] = running <= alpha;
        }
        return new Corrected(adj, sig);
    }

    /**
     * Writes the three files into {@code outDir}. {@code geneIds}, when given (protein_coding_genes.parquet's
     * {@code gene -> id}), turns {@code gene} into DeepRVAT's integer id; a gene it lacks is an error.
     */
    public static Summary write(List<Result> results, int rowsWithoutP, Map<String, Long> geneIds, double alpha,
                                Correction correction, Path outDir) {
        int[] omnibus = {0};
        List<Evaluated> all = evaluate(results, alpha, correction, omnibus);
        Column geneColumn = geneIds == null ? Column.string("gene") : Column.int64("gene");
        int deeprvat = 0, baseline = 0, combined = 0;
        TableSchema burdenSchema = TableSchema.of(Column.string("phenotype"), geneColumn, Column.float64("beta"),
                Column.float64("pval"));
        try (TableWriter w = TableWriters.open(outDir.resolve(BURDEN_ASSOCIATIONS), burdenSchema)) {
            for (Evaluated e : all) {
                if (!e.deeprvat()) continue;
                w.writeRow(e.phenotype(), gene(e.gene(), geneIds), e.beta(), e.pval());
            }
        }
        TableSchema schema = TableSchema.of(Column.string("phenotype"), geneColumn, Column.string("Method"),
                Column.string("Discovery type"), Column.float64("beta"), Column.float64("pval"), Column.float64("-log10pval"),
                Column.float64("pval_corrected"), Column.bool("significant"));
        List<Evaluated> significant = new ArrayList<>();
        try (TableWriter w = TableWriters.open(outDir.resolve(ALL_RESULTS), schema)) {
            for (Evaluated e : all) {
                if (e.deeprvat()) deeprvat++;
                else if (COMBINED.equals(e.method())) combined++;
                else baseline++;
                row(w, e, geneIds);
                if (e.significant()) significant.add(e);
            }
        }
        Comparator<Evaluated> byGene = geneIds == null ? Comparator.comparing(Evaluated::gene)
                : Comparator.comparingLong(e -> geneIds.get(e.gene()));
        significant.sort(Comparator.comparing((Evaluated e) -> displayPhenotype(e.phenotype())).thenComparing(byGene)
                .thenComparing(Evaluated::method).thenComparing(Comparator.comparingDouble(Evaluated::negLog10p).reversed()));
        Set<String> seen = new HashSet<>();
        int kept = 0;
        try (TableWriter w = TableWriters.open(outDir.resolve(SIGNIFICANT), schema)) {
            for (Evaluated e : significant) {
                if (!seen.add(e.phenotype() + "\t" + e.gene() + "\t" + e.method())) continue;
                row(w, e, geneIds);
                kept++;
            }
        }
        return new Summary(deeprvat, baseline, combined, kept, omnibus[0], rowsWithoutP);
    }

    private static void row(TableWriter w, Evaluated e, Map<String, Long> geneIds) {
        w.writeRow(displayPhenotype(e.phenotype()), gene(e.gene(), geneIds), e.method(),
                e.deeprvat() ? "DeepRVAT discovery" : "Baseline", Double.isNaN(e.beta()) ? null : e.beta(), e.pval(),
                e.negLog10p(), e.pvalCorrected(), e.significant());
    }

    /** DeepRVAT's get_pvals: phenotype names with '_' written as ' '. */
    static String displayPhenotype(String phenotype) {
        return phenotype.replace('_', ' ');
    }

    private static Object gene(String gene, Map<String, Long> geneIds) {
        if (geneIds == null) return gene;
        Long id = geneIds.get(gene);
        if (id == null) {
            throw new InputException(null, null, "gene " + gene + " is not in the gene file",
                    "give the protein_coding_genes.parquet the study was imported with, or leave --genes out to write names");
        }
        return id;
    }
}
