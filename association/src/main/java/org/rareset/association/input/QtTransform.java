package org.rareset.association.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.rareset.association.nullmodel.TraitType;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.rareset.core.stats.QuantileNormal;

/**
 * Transformation of quantitative traits before the null model ({@code --qt-transform}).
 *
 * <p>{@link #RINT} is REGENIE's {@code --apply-rint}: over the trait's analysed samples, rank r
 * (1 = smallest; tied values share the mean of their ranks), then
 * y' = Phi^-1((r - 3/8) / (n + 1/4)), Blom's offset k = 3/8 in (r - k) / (n - 2k + 1). The
 * transformed trait is N(0, 1)-shaped whatever the raw distribution, so one extreme value can no
 * longer carry a rare-variant test; betas are then in standard-normal units, not trait units.
 * Binary traits are never transformed.
 *
 * <p>{@link #QUANTILE} is DeepRVAT's quantile transform to a normal ({@link QuantileNormal}), which
 * its seed-gene discovery and training apply to quantitative traits.
 */
public enum QtTransform {
    NONE("no transform"),
    RINT("rank-based inverse normal transform (--qt-transform rint)"),
    QUANTILE("quantile transform to a normal, as DeepRVAT (--qt-transform quantile)");

    /** What the transform does, for logs. */
    public final String description;

    QtTransform(String description) {
        this.description = description;
    }

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    public static QtTransform parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "rint" -> RINT;
            case "quantile" -> QUANTILE;
            default -> throw new IllegalArgumentException("unknown transform '" + s + "'");
        };
    }

    /** The trait with its outcome transformed (the same object for NONE and for binary traits). */
    public TraitData apply(TraitData t) {
        if (this == NONE || t.type() != TraitType.QUANTITATIVE) return t;
        double[] y = this == RINT ? rint(t.y()) : QuantileNormal.transform(t.y());
        return new TraitData(t.name(), t.type(), t.genotypeIndex(), t.analysisIndex(), y, t.x(),
                t.covariateNames(), t.droppedMissing(), t.sampleIds(), t.fidIids());
    }

    /** Each trait after {@link #apply}, saying in {@code log} which traits were transformed. */
    public List<TraitData> applyAll(List<TraitData> traits, Consumer<String> log) {
        List<TraitData> out = new ArrayList<>(traits.size());
        for (TraitData t : traits) {
            TraitData u = apply(t);
            if (u != t) log.accept("trait " + t.name() + ": " + description);
            out.add(u);
        }
        return out;
    }

    /** Rank-based inverse normal transform (Blom, mean ranks for ties), as REGENIE's {@code rint_pheno}. */
    public static double[] rint(double[] y) {
        int n = y.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(y[a], y[b]));
        double[] out = new double[n];
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && y[order[j]] == y[order[i]]) j++;
            double rank = (i + 1 + j) / 2.0; // mean of ranks i+1 .. j
            double z = NORMAL.inverseCumulativeProbability((rank - 0.375) / (n + 0.25));
            for (int k = i; k < j; k++) out[order[k]] = z;
            i = j;
        }
        return out;
    }
}
