package org.rareset.simulate;

import org.rareset.core.InputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Replicate null binary traits for calibration studies: for each prevalence, {@code replicates}
 * traits drawn as {@code NULL_BT} is (liability = the binary covariate part + N(0, 1), the
 * round(prevalence x n) highest liabilities are cases), each with fresh noise, so every replicate
 * depends on the covariates and on nothing genetic. Written to {@link SimulationSummary#NULL_REPLICATES}
 * with columns {@code NBT<percent>_<k>}, e.g. {@code NBT1_1}..{@code NBT1_50} at 1%.
 *
 * @param prevalences fractions of cases, each strictly between 0 and 1
 * @param replicates  traits per prevalence, at least 1
 */
public record NullReplicates(double[] prevalences, int replicates) {
    /** At most this many columns (each is a trait the association step fits a null model for). */
    public static final int MAX_TRAITS = 10_000;

    public NullReplicates {
        prevalences = prevalences.clone();
    }

    /** The column names, prevalence-major. */
    public List<String> columns() {
        List<String> out = new ArrayList<>();
        for (double p : prevalences) {
            String pct = new BigDecimal(Double.toString(p * 100)).stripTrailingZeros().toPlainString();
            for (int k = 1; k <= replicates; k++) out.add("NBT" + pct + "_" + k);
        }
        return out;
    }

    /** Checks the values against the cohort size; each problem names its option. */
    public NullReplicates validate(int samples) {
        if (replicates < 1) {
            throw new InputException("--null-replicates", null, "must be at least 1 (got " + replicates + ")", "e.g. --null-replicates 50");
        }
        if ((long) replicates * prevalences.length > MAX_TRAITS) {
            throw new InputException("--null-replicates", null, replicates + " x " + prevalences.length + " prevalences is more than "
                    + MAX_TRAITS + " traits", "simulate fewer replicates");
        }
        if (prevalences.length == 0) {
            throw new InputException("--null-prevalence", null, "no prevalence given", "e.g. --null-prevalence 0.01,0.03");
        }
        for (double p : prevalences) {
            long cases = Math.round(p * samples);
            if (!(p > 0 && p < 1) || cases < 1 || cases >= samples) {
                throw new InputException("--null-prevalence", null, "prevalence " + p + " gives " + cases + " cases among " + samples
                        + " samples", "use values strictly between 0 and 1 that leave both cases and controls");
            }
        }
        if (columns().stream().distinct().count() != columns().size()) {
            throw new InputException("--null-prevalence", null, "a prevalence is given twice", "list each prevalence once");
        }
        return this;
    }
}
