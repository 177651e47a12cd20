package org.rareset.association.mask;

import java.util.Locale;
import org.apache.commons.math3.special.Beta;
import org.rareset.annotate.InputException;
import org.rareset.association.input.AnnotationTable;

/**
 * Variant weights for burden and SKAT-type tests, from the minor allele frequency in the analysed
 * samples and/or the variant's annotation row. {@code NaN} means the weight is unknown (a missing
 * annotation value): such variants are left out of the mask and counted.
 */
public interface Weighting {
    double weight(double maf, AnnotationTable annotations, int row);

    /**
     * True when the weight depends on the MAF alone; the pseudo-variant of collapsed ultra-rare
     * variants is then weighted by its own MAF, otherwise by the largest weight of its variants.
     */
    boolean frequencyOnly();

    /** A weighting that depends on the MAF alone. */
    static Weighting ofMaf(java.util.function.DoubleUnaryOperator f) {
        return new Weighting() {
            @Override public double weight(double maf, AnnotationTable t, int row) { return f.applyAsDouble(maf); }
            @Override public boolean frequencyOnly() { return true; }
        };
    }

    /** The weight of a variant from its MAF and annotation row. */
    @FunctionalInterface
    interface RowWeight {
        double weight(double maf, AnnotationTable annotations, int row);
    }

    /** A weighting that reads the annotation row (and possibly the MAF). */
    static Weighting ofRow(RowWeight f) {
        return new Weighting() {
            @Override public double weight(double maf, AnnotationTable t, int row) { return f.weight(maf, t, row); }
            @Override public boolean frequencyOnly() { return false; }
        };
    }

    /** Weight 1 for every variant. */
    static Weighting none() { return ofMaf(maf -> 1.0); }

    /** The Beta(a, b) density at the MAF (Wu et al. 2011; SKAT's default is a = 1, b = 25). */
    static Weighting beta(double a, double b) {
        double logNorm = Beta.logBeta(a, b);
        // (a - 1) log(maf) is skipped for a = 1 so that the density stays finite at the boundaries
        return ofMaf(maf -> Math.exp((a == 1 ? 0 : (a - 1) * Math.log(maf)) + (b == 1 ? 0 : (b - 1) * Math.log1p(-maf)) - logNorm));
    }

    /** The value of a numeric annotation column; must be finite and non-negative where present. */
    static Weighting column(AnnotationTable annotations, String name) {
        int c = annotations.annotationColumns().indexOf(name);
        if (c < 0) {
            throw new InputException(annotations.source(), null, "weight column '" + name + "' is not an annotation column",
                    "annotation columns are: " + String.join(", ", annotations.annotationColumns()));
        }
        return new Weighting() {
            @Override public boolean frequencyOnly() { return false; }
            @Override public double weight(double maf, AnnotationTable t, int row) {
            double w = t.number(row, c);
            if (Double.isNaN(w) && t.text(row, c) != null) {
                throw new InputException(t.source(), "line " + t.line(row), "weight column '" + name + "' value '" + t.text(row, c) + "' is not a number", null);
            }
            if (w < 0 || Double.isInfinite(w)) {
                throw new InputException(t.source(), "line " + t.line(row), "weight column '" + name + "' value " + w + " is negative or infinite",
                        "weights must be finite and >= 0");
            }
            return w;
            }
        };
    }

    /** Parses {@code --weights}: {@code beta:a,b}, {@code none}, or an annotation column name. */
    static Weighting parse(String spec, AnnotationTable annotations) {
        String s = spec.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("none")) return none();
        if (lower.startsWith("beta")) {
            String args = s.length() > 4 && (s.charAt(4) == ':' || s.charAt(4) == '(') ? s.substring(5).replace(")", "") : "1,25";
            String[] ab = args.split(",");
            try {
                double a = Double.parseDouble(ab[0].trim());
                double b = Double.parseDouble(ab[1].trim());
                if (a > 0 && b > 0) return beta(a, b);
            } catch (RuntimeException e) {
                // fall through to the error below
            }
            throw new InputException(null, null, "--weights '" + spec + "' is not beta:a,b with positive a and b", "for example --weights beta:1,25");
        }
        return column(annotations, s);
    }
}
