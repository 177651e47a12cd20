package org.rareset.association.run;

import org.rareset.core.formats.ResultRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.association.pvalue.Cauchy;

/**
 * One p-value per gene and trait: REGENIE's {@code GENE_P} (its {@code --rgc-gene-p} over all
 * masks), an equal-weight Cauchy combination (ACAT) in two levels:
 * <ol>
 *   <li>per test family, ACAT over the gene's masks: BURDEN-ACAT over every burden row (weighted
 *       burden, burden-max, burden-sum), SKATO-ACAT over the SKAT-O rows, ACATV-ACAT over the
 *       ACAT-V rows;</li>
 *   <li>GENE_P = ACAT over those family p-values.</li>
 * </ol>
 * ACAT-O rows never enter: ACAT-O already combines burden, SKAT and ACAT-V of the same mask, so
 * entering it would count those tests twice. SKAT enters only when SKAT-O was not run (SKAT-O
 * contains SKAT as its rho = 0 end, which is why REGENIE leaves SKAT out); when none of burden,
 * SKAT-O, SKAT or ACAT-V was run the combination falls back to the ACAT-O rows.
 *
 * <p>As REGENIE ({@code get_acat_robust}): a single p-value is returned as it is; p below 1e-15
 * enter as w / (p pi) in log space; others are capped at 0.999; rows without a p-value are left
 * out. A combination of tests that are each calibrated is calibrated whatever their dependence
 * (Liu and Xie 2020), so one Bonferroni over genes is the whole correction.
 *
 * <p>The row has mask {@value #MASK} and test {@value #TEST}; n_variants, mac, n_carriers and the
 * case/control counts are those of the gene's combined mask with the most variants; beta and se
 * are NA.
 */
public final class GeneOmnibus {
    public static final String MASK = "GENE_P";
    public static final String TEST = "omnibus";
    /** REGENIE's ACAT: p below this enter as w / (p pi). */
    static final double TINY = 1e-15;
    /** REGENIE's ACAT: p above this are capped (tan would blow up at p = 1). */
    static final double CAP = 0.999;

    private GeneOmnibus() {}

    /** The family a test's rows join, or null when it does not enter GENE_P. */
    static String family(String test, boolean skatoRun, boolean anyCoreRun) {
        switch (test) {
            case "burden": case "burden-max": case "burden-sum": return "burden";
            case "skato": return "skato";
            case "skat": return skatoRun ? null : "skato";
            case "acatv": return "acatv";
            case "acato": return anyCoreRun ? null : "acato";
            default: return null;
        }
    }

    /**
     * The rows with each (phenotype, gene) block followed by its GENE_P row, in the blocks' order.
     * Genes where no row has a p-value get no GENE_P row.
     */
    public static List<ResultRow> append(List<ResultRow> rows) {
        boolean skatoRun = false, anyCore = false;
        for (ResultRow r : rows) {
            if (r.test().equals("skato")) skatoRun = true;
            if (!r.test().equals("acato") && family(r.test(), true, true) != null) anyCore = true;
            if (r.test().equals("skat")) anyCore = true;
        }
        Map<String, List<ResultRow>> blocks = new LinkedHashMap<>();
        for (ResultRow r : rows) blocks.computeIfAbsent(r.phenotype() + "\t" + r.gene(), k -> new ArrayList<>()).add(r);
        List<ResultRow> out = new ArrayList<>(rows.size() + blocks.size());
        for (List<ResultRow> block : blocks.values()) {
            out.addAll(block);
            ResultRow g = combine(block, skatoRun, anyCore);
            if (g != null) out.add(g);
        }
        return out;
    }

    /** GENE_P of one gene's rows (one phenotype), or null when none enters. */
    static ResultRow combine(List<ResultRow> gene, boolean skatoRun, boolean anyCoreRun) {
        Map<String, List<Double>> byFamily = new LinkedHashMap<>();
        ResultRow largest = null;
        for (ResultRow r : gene) {
            String f = family(r.test(), skatoRun, anyCoreRun);
            if (f == null || Double.isNaN(r.log10P())) continue;
            byFamily.computeIfAbsent(f, k -> new ArrayList<>()).add(r.log10P());
            if (largest == null || r.nVariants() > largest.nVariants()) largest = r;
        }
        if (byFamily.isEmpty()) return null;
        List<Double> familyP = new ArrayList<>();
        for (List<Double> lp : byFamily.values()) familyP.add(acat(lp));
        ResultRow first = gene.get(0);
        return new ResultRow(first.phenotype(), first.gene(), MASK, TEST, largest.nVariants(), largest.mac(),
                largest.nCarriers(), largest.caseControl(), Double.NaN, Double.NaN, Double.NaN, acat(familyP));
    }

    /** Equal-weight ACAT of log10 p-values, REGENIE's rules (one value returned unchanged). */
    static double acat(List<Double> log10P) {
        if (log10P.size() == 1) return log10P.get(0);
        double[] lp = new double[log10P.size()];
        double[] w = new double[lp.length];
        for (int i = 0; i < lp.length; i++) {
            lp[i] = log10P.get(i);
            w[i] = 1;
        }
        return Cauchy.log10Combine(lp, w, TINY, CAP);
    }
}
