package org.rareset.association.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.rareset.core.InputException;
import org.rareset.core.formats.SampleTable;
import org.rareset.association.nullmodel.TraitType;

/**
 * Matches genotype samples with the phenotype and covariate tables and builds one
 * {@link TraitData} per trait.
 *
 * <p>Samples analysed are those present in all three inputs with every covariate observed (in
 * genotype order); per trait, samples whose trait value is missing are dropped as well. Every
 * count is reported through the {@code log} callback so nothing disappears silently. Bad input
 * (no overlap, constant or case-less traits, collinear covariates) is an {@link InputException}.
 */
public final class CohortBuilder {
    /** Relative residual norm below which a covariate counts as a linear combination of earlier ones. */
    static final double COLLINEARITY_TOLERANCE = 1e-8;

    private final List<String> genotypeSamples;
    private final SampleTable pheno;
    private final SampleTable covar; // may be null: intercept only
    private final Consumer<String> log;

    public CohortBuilder(List<String> genotypeSamples, SampleTable pheno, SampleTable covar, Consumer<String> log) {
        this.genotypeSamples = genotypeSamples;
        this.pheno = pheno;
        this.covar = covar;
        this.log = log;
    }

    /**
     * @param traits    trait columns to analyse, in output order
     * @param overrides trait name to forced type; a {@code "*"} key applies to every trait
     */
    public List<TraitData> build(List<String> traits, Map<String, TraitType> overrides) {
        return build(traits, overrides, null);
    }

    /**
     * As {@link #build(List, Map)}, but a trait that cannot be analysed (missing for every sample,
     * constant, no cases or no controls, collinear covariates among its samples) goes to
     * {@code failed} and is left out, so that the other traits are still analysed. A trait that is
     * not a column of the phenotypes is always an error: the request itself is wrong.
     *
     * @param failed receives each trait left out with its error; null makes the first one an error
     */
    public List<TraitData> build(List<String> traits, Map<String, TraitType> overrides,
                                 java.util.function.BiConsumer<String, InputException> failed) {
        for (String trait : traits) {
            if (pheno.columnIndex(trait) < 0) {
                throw new InputException(pheno.source(), "line 1", "no phenotype column '" + trait + "'",
                        "phenotype columns are: " + String.join(", ", pheno.columns()));
            }
        }
        int nGeno = genotypeSamples.size();
        int[] phenoRow = new int[nGeno];
        int[] covarRow = new int[nGeno];
        int inPheno = 0;
        int inCovar = 0;
        int inAll = 0;
        int missingCovar = 0;
        List<Integer> common = new ArrayList<>();
        for (int g = 0; g < nGeno; g++) {
            String s = genotypeSamples.get(g);
            phenoRow[g] = pheno.rowOf(s);
            covarRow[g] = covar == null ? 0 : covar.rowOf(s);
            if (phenoRow[g] >= 0) inPheno++;
            if (covarRow[g] >= 0) inCovar++;
            if (phenoRow[g] < 0 || covarRow[g] < 0) continue;
            inAll++;
            if (covar != null && anyMissingCovariate(covarRow[g])) { missingCovar++; continue; }
            common.add(g);
        }
        log.accept(String.format("samples: %d with genotypes, %d in phenotypes (%d of them genotyped), %s; %d in all inputs%s",
                nGeno, pheno.sampleCount(), inPheno,
                covar == null ? "no covariates" : covar.sampleCount() + " in covariates (" + inCovar + " genotyped)",
                inAll, missingCovar > 0 ? ", " + missingCovar + " dropped for missing covariates" : ""));
        if (inAll == 0) {
            throw new InputException(pheno.source(), null, "no sample is in the genotypes, the phenotypes"
                    + (covar == null ? "" : " and the covariates") + " at once (genotype samples look like '"
                    + (nGeno > 0 ? genotypeSamples.get(0) : "") + "', phenotype samples like '"
                    + (pheno.sampleCount() > 0 ? pheno.samples().get(0) : "") + "')",
                    "sample identifiers must match the VCF sample names exactly (with FID IID columns, IID is used)");
        }
        if (common.isEmpty()) {
            throw InputException.of(null, "every sample has a missing covariate", "fill in or drop the covariate columns with missing values");
        }
        List<TraitData> out = new ArrayList<>();
        for (String trait : traits) {
            try {
                out.add(buildTrait(trait, common, phenoRow, covarRow, overrides));
            } catch (InputException e) {
                if (failed == null) throw e;
                failed.accept(trait, e);
            }
        }
        return out;
    }

    private boolean anyMissingCovariate(int row) {
        for (int c = 0; c < covar.columns().size(); c++) if (Double.isNaN(covar.value(c, row))) return true;
        return false;
    }

    private TraitData buildTrait(String trait, List<Integer> common, int[] phenoRow, int[] covarRow, Map<String, TraitType> overrides) {
        int col = pheno.columnIndex(trait);
        if (col < 0) {
            throw new InputException(pheno.source(), "line 1", "no phenotype column '" + trait + "'",
                    "phenotype columns are: " + String.join(", ", pheno.columns()));
        }
        List<Integer> kept = new ArrayList<>();
        for (int g : common) if (!Double.isNaN(pheno.value(col, phenoRow[g]))) kept.add(g);
        int dropped = common.size() - kept.size();
        int n = kept.size();
        if (n == 0) {
            throw new InputException(pheno.source(), null, "trait '" + trait + "' is missing for every analysed sample", "check the column and --missing");
        }
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) raw[i] = pheno.value(col, phenoRow[kept.get(i)]);
        // the type is read from the whole column, so that it does not depend on which samples overlap
        TreeSet<Double> distinct = new TreeSet<>();
        for (int r = 0; r < pheno.sampleCount() && distinct.size() <= 2; r++) {
            double v = pheno.value(col, r);
            if (!Double.isNaN(v)) distinct.add(v);
        }
        TraitType forced = overrides.getOrDefault(trait, overrides.get("*"));
        TraitType type = forced != null ? forced : distinct.size() == 2 ? TraitType.BINARY : TraitType.QUANTITATIVE;
        TreeSet<Double> analysed = new TreeSet<>();
        for (double v : raw) { analysed.add(v); if (analysed.size() > 2) break; }
        double[] y = raw;
        if (type == TraitType.BINARY) {
            if (distinct.size() > 2) {
                throw new InputException(pheno.source(), null, "trait '" + trait + "' is declared binary but has more than two values ("
                        + distinct.first() + ", " + distinct.higher(distinct.first()) + ", " + distinct.last() + ", ...)",
                        "code cases 1 and controls 0, or declare it quantitative with --trait-type");
            }
            y = binaryCoding(trait, raw, distinct, analysed);
        } else if (analysed.size() < 2) {
            throw new InputException(pheno.source(), null, "trait '" + trait + "' is constant (" + analysed.first()
                    + ") over the " + n + " analysed samples", "a constant trait cannot be tested; drop it from --phenotypes");
        }
        int[] genotypeIndex = kept.stream().mapToInt(Integer::intValue).toArray();
        int[] analysisIndex = new int[genotypeSamples.size()];
        Arrays.fill(analysisIndex, -1);
        for (int i = 0; i < n; i++) analysisIndex[genotypeIndex[i]] = i;
        List<String> covNames = covar == null ? List.of() : covar.columns();
        double[][] x = new double[n][1 + covNames.size()];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1.0;
            for (int c = 0; c < covNames.size(); c++) x[i][1 + c] = covar.value(c, covarRow[genotypeIndex[i]]);
        }
        checkCollinearity(trait, x, covNames);
        List<String> ids = new ArrayList<>(n);
        List<String> fidIids = new ArrayList<>(n);
        for (int g : genotypeIndex) {
            ids.add(genotypeSamples.get(g));
            fidIids.add(pheno.fidIid().get(phenoRow[g]));
        }
        TraitData td = new TraitData(trait, type, genotypeIndex, analysisIndex, y, x, covNames, dropped, ids, fidIids);
        log.accept(String.format("trait %s: %s, %d samples analysed%s%s", trait,
                type == TraitType.BINARY ? "binary" : "quantitative", n,
                type == TraitType.BINARY ? " (" + td.cases() + " cases, " + (n - td.cases()) + " controls)" : "",
                dropped > 0 ? ", " + dropped + " dropped for a missing value" : ""));
        return td;
    }

    /** 0/1 as given; any other two values map the smaller to 0 (control) and the larger to 1 (PLINK's 1/2). */
    private double[] binaryCoding(String trait, double[] raw, TreeSet<Double> distinct, TreeSet<Double> analysed) {
        // a single value in the whole column: 1 means cases only, anything else controls only
        double lo = distinct.size() == 2 ? distinct.first() : distinct.first() == 1.0 ? 0.0 : distinct.first();
        double hi = distinct.size() == 2 ? distinct.last() : distinct.first() == 1.0 ? 1.0 : Double.NaN;
        boolean zeroOne = lo == 0.0 && hi == 1.0;
        if (analysed.size() == 1) {
            boolean onlyControls = analysed.first() != hi;
            throw new InputException(pheno.source(), null, "binary trait '" + trait + "' has " + (onlyControls ? "no cases" : "no controls")
                    + " among the " + raw.length + " analysed samples (every value is " + analysed.first() + ")",
                    "check the coding (cases 1, controls 0) and that cases are in the genotypes");
        }
        double[] y = new double[raw.length];
        for (int i = 0; i < raw.length; i++) y[i] = raw[i] == hi ? 1.0 : 0.0;
        if (!zeroOne) log.accept("trait " + trait + ": values " + lo + "/" + hi + " coded as control/case");
        return y;
    }

    /**
     * Gram-Schmidt over the columns of x: a column whose residual, after projecting out the earlier
     * ones, is below {@link #COLLINEARITY_TOLERANCE} of its norm is a linear combination of them.
     */
    void checkCollinearity(String trait, double[][] x, List<String> covNames) {
        int n = x.length;
        int p = x[0].length;
        double[][] q = new double[p][];
        for (int c = 0; c < p; c++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = x[i][c];
            double norm0 = Math.sqrt(dot(v, v));
            for (int k = 0; k < c; k++) {
                if (q[k] == null) continue;
                double proj = dot(q[k], v);
                for (int i = 0; i < n; i++) v[i] -= proj * q[k][i];
            }
            for (int k = 0; k < c; k++) { // second pass for numerical stability
                if (q[k] == null) continue;
                double proj = dot(q[k], v);
                for (int i = 0; i < n; i++) v[i] -= proj * q[k][i];
            }
            double norm = Math.sqrt(dot(v, v));
            if (norm0 == 0 || norm <= COLLINEARITY_TOLERANCE * norm0) {
                String name = c == 0 ? "intercept" : covNames.get(c - 1);
                String what = c == 0 ? "" : norm0 == 0 || isConstant(x, c) ? " is constant (collinear with the intercept)"
                        : " is a linear combination of the covariates before it";
                throw new InputException(covar == null ? null : covar.source(), null,
                        "covariate '" + name + "'" + what + " among the " + n + " samples analysed for trait '" + trait + "'",
                        "drop that covariate: the null model cannot be fitted with collinear covariates");
            }
            for (int i = 0; i < n; i++) v[i] /= norm;
            q[c] = v;
        }
    }

    private static boolean isConstant(double[][] x, int c) {
        for (double[] row : x) if (row[c] != x[0][c]) return false;
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
