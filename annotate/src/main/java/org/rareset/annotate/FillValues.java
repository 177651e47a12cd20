package org.rareset.annotate;

import java.util.HashMap;
import java.util.Map;

/**
 * What a missing annotation becomes in the output: 0 unless set otherwise, with DeepRVAT's
 * exceptions {@code sift_score} 1 (SIFT: low is damaging) and {@code MAF_MB} 10000. NaN keeps
 * the value missing (NA / null).
 */
public final class FillValues {
    public static final double DEFAULT = 0.0;

    private final Map<String, Double> values = new HashMap<>();

    public static FillValues deeprvat() {
        FillValues f = new FillValues();
        f.values.put(VepFields.SIFT, 1.0);
        f.values.put(DerivedColumns.MAF_MB, 10000.0);
        return f;
    }

    /** Sets a column's fill value; NaN keeps it missing. */
    public FillValues with(String column, double value) {
        values.put(column, value);
        return this;
    }

    public double of(String column) {
        return values.getOrDefault(column, DEFAULT);
    }

    /** Parses {@code COLUMN=VALUE} or {@code COLUMN=NA}. */
    public FillValues parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("fill value '" + spec + "' is not COLUMN=VALUE (or COLUMN=NA)");
        }
        String v = spec.substring(eq + 1);
        double x;
        if (v.equalsIgnoreCase("NA") || v.equalsIgnoreCase("NaN")) {
            x = Double.NaN;
        } else {
            try {
                x = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fill value '" + v + "' for " + spec.substring(0, eq) + " is not a number or NA");
            }
        }
        return with(spec.substring(0, eq), x);
    }
}
