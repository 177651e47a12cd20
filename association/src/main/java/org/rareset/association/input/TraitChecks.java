package org.rareset.association.input;

import org.rareset.association.nullmodel.TraitType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * One-line warnings and notes about traits whose p-values the linear or logistic score tests cannot
 * be trusted to calibrate, found on null traits (docs/calibration.md).
 * <ul>
 *   <li>A quantitative trait with |skewness| &gt; {@value #MAX_ABS_SKEWNESS} or a value more than
 *       {@value #OUTLIER_SD} SD from the mean: score tests of rare variants are then far from their
 *       nominal level (lognormal null traits gave 68-159x at 1e-4), since a carrier who is an
 *       outlier alone makes a gene "significant". A rank-based inverse-normal transform fixes it.</li>
 *   <li>A binary trait with few cases: genes whose carriers expect fewer than
 *       {@value #FEW_CASE_CARRIERS} case carriers (n_carriers x cases / n) have discrete p-values
 *       that the SPA and the chi2 mixtures only approximate.</li>
 *   <li>A binary trait with few cases analysed without collapsing ultra-rare variants
 *       ({@code --collapse-mac 0}): below {@value #MIN_CASES_UNCOLLAPSED} cases SKAT and SKAT-O
 *       hold their level less well than with collapsing (their ultra-rare columns are discrete; see
 *       docs/calibration.md for the measured rates).</li>
 * </ul>
 */
public final class TraitChecks {
    /** |sample skewness| above which a quantitative trait is flagged. */
    public static final double MAX_ABS_SKEWNESS = 1.0;
    /** Distance from the mean, in SD, beyond which a value is an outlier. */
    public static final double OUTLIER_SD = 6.0;
    /** Expected case carriers per gene below which a gene counts as having few cases. */
    public static final double FEW_CASE_CARRIERS = 1.0;
    /** Cases below which SKAT/SKAT-O without collapsing are flagged. */
    public static final int MIN_CASES_UNCOLLAPSED = 1000;

    private TraitChecks() {}

    /** The warning for a skewed or outlying quantitative trait, empty for anything else. */
    public static Optional<String> quantitativeWarning(TraitData t) {
        if (t.type() != TraitType.QUANTITATIVE || t.sampleCount() < 3) return Optional.empty();
        double[] y = t.y();
        double mean = 0;
        for (double v : y) mean += v;
        mean /= y.length;
        double m2 = 0, m3 = 0, maxDev = 0;
        for (double v : y) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            maxDev = Math.max(maxDev, Math.abs(d));
        }
        m2 /= y.length;
        m3 /= y.length;
        if (!(m2 > 0)) return Optional.empty();
        double sd = Math.sqrt(m2);
        double skew = m3 / (m2 * sd);
        double maxSd = maxDev / sd;
        if (Math.abs(skew) <= MAX_ABS_SKEWNESS && maxSd <= OUTLIER_SD) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT,
                "warning: quantitative trait %s has skewness %.2f and a value %.1f SD from its mean; rare-variant score "
                        + "tests are anti-conservative on such traits: consider --qt-transform rint", t.name(), skew, maxSd));
    }

    /**
     * The note for a binary trait whose genes have few case carriers, empty when none do.
     *
     * @param genes       the gene x mask units tested for this trait, one element per unit
     * @param nCarriers   the number of carriers of a unit
     */
    public static <T> Optional<String> fewCasesNote(TraitData t, List<T> genes, ToIntFunction<T> nCarriers) {
        if (t.type() != TraitType.BINARY || genes.isEmpty()) return Optional.empty();
        double rate = (double) t.cases() / t.sampleCount();
        int few = 0;
        for (T g : genes) if (nCarriers.applyAsInt(g) * rate < FEW_CASE_CARRIERS) few++;
        if (few == 0) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT,
                "note: binary trait %s (%d cases, %.1f%%): %d of %d gene x mask tests expect fewer than %s case carrier; "
                        + "their p-values are discrete and approximate", t.name(), t.cases(), 100 * rate, few, genes.size(),
                FEW_CASE_CARRIERS == 1.0 ? "1" : String.valueOf(FEW_CASE_CARRIERS)));
    }

    /** The warning for SKAT/SKAT-O on a binary trait with few cases and collapsing off, empty otherwise. */
    public static Optional<String> uncollapsedWarning(TraitData t, int collapseMac) {
        if (t.type() != TraitType.BINARY || collapseMac > 0 || t.cases() >= MIN_CASES_UNCOLLAPSED) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT,
                "warning: binary trait %s has %d cases and --collapse-mac 0: at low case counts SKAT and SKAT-O hold their level "
                        + "less well without collapsing (docs/calibration.md); the default --collapse-mac 10 collapses ultra-rare "
                        + "variants (SAIGE-GENE+'s rule)", t.name(), t.cases()));
    }
}
