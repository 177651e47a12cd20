package org.rareset.association.mask;

import org.rareset.core.formats.AnnotationTableFile;
import java.util.Locale;
import org.apache.commons.math3.special.Beta;
import org.rareset.core.InputException;
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

    /**
     * Weights from a deep-set model's per-variant contributions ({@code rareset score --per-variant}:
     * {@code chrom pos ref alt gene ... contribution}): {@code w = max(0, contribution)}, the rise in the
     * gene impairment score a lone copy of the variant causes, so variants the model deems harmless
     * (contribution <= 0) weigh nothing. Matched to annotation rows by variant and gene; a row the file
     * lacks has no weight (NaN: left out of the mask and counted).
     */
    static Weighting deepset(java.nio.file.Path file, AnnotationTable annotations) {
        double[] byRow = new double[annotations.rowCount()];
        java.util.Arrays.fill(byRow, Double.NaN);
        // score --per-variant writes the annotation table's key columns: read them by its one layout rule
        try (org.rareset.core.table.TableReader r = org.rareset.core.table.TableReaders.open(file)) {
            AnnotationTableFile.Layout key = AnnotationTableFile.Layout.of(file.toString(), r.columns());
            int contribution = r.requireColumn("contribution");
            for (org.rareset.core.table.Row row : r) {
                double c = row.getDouble(contribution);
                if (!Double.isFinite(c)) throw row.error("contribution '" + row.getString(contribution) + "' is not a finite number", null);
                AnnotationTableFile.VariantKey v = key.variant(row.lineNumber(), row::getString);
                String g = key.gene(row.lineNumber(), row::getString);
                for (int a : annotations.rowsFor(v.chrom(), v.pos(), v.ref(), v.alt())) {
                    if (annotations.gene(a).equals(g)) byRow[a] = Math.max(0, c);
                }
            }
        }
        return ofRow((maf, t, row) -> byRow[row]);
    }

    /** Parses {@code --weights}: {@code beta:a,b}, {@code none}, {@code deepset:FILE}, or an annotation column name. */
    static Weighting parse(String spec, AnnotationTable annotations) {
        String s = spec.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("none")) return none();
        if (lower.startsWith("deepset:")) {
            java.nio.file.Path file = java.nio.file.Path.of(s.substring("deepset:".length()));
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw InputException.of(file, "per-variant score file not found", "write it with rareset score --per-variant FILE");
            }
            return deepset(file, annotations);
        }
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
