package org.rareset.deepset.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rareset.deepset.model.AnnotationScaling;

/**
 * Everything a network trains on, kept sparse and sample-major.
 *
 * <p>Variant rows are (variant, seed gene) pairs: a variant annotated to two seed genes gives two
 * rows, as its gene-level annotations may differ. For each sample, {@link #entries(int)} lists the
 * (gene slot, variant row) pairs it carries, sorted by gene slot then row. No samples x genes x
 * variants array exists: memory is proportional to the number of carried (sample, variant) pairs.
 *
 * <p>Traits hold one value per sample ({@code NaN} where missing, already normalised); covariates
 * are standardised. Built by {@link Builder}.
 */
public final class TrainingData {
    private final List<String> annotations;
    private final AnnotationScaling scaling;
    private final double[] rawValues;
    private final int nRows;
    private final int[] plofColumns;
    private final List<String> genes;
    private final List<String> samples;
    private final int[] sampleStart;
    private final int[] entryGene;
    private final int[] entryRow;
    private final List<String> covariateNames;
    private final float[] covariates;
    private final List<Trait> traits;
    private final double[] signRows;

    /**
     * One trait: training values per sample ({@code NaN} missing) and its seed genes as slots. With
     * {@code raw} and {@code method} given, {@link TrainingData#withTraitsOver} can redo the
     * transform over a subset of samples (cross-validation folds); without them the values are used
     * as they are in every fold.
     */
    public record Trait(String name, boolean binary, float[] values, int[] seedSlots, double[] raw,
                        TraitTransforms.Method method) {
        public Trait(String name, boolean binary, float[] values, int[] seedSlots) {
            this(name, binary, values, seedSlots, null, null);
        }

        /** The trait prepared over {@code samples} only (others NaN), or this trait when it has no raw values. */
        Trait over(int[] samples) {
            if (raw == null || method == null) return this;
            double[] sub = new double[samples.length];
            for (int i = 0; i < samples.length; i++) sub[i] = raw[samples[i]];
            double[] z = TraitTransforms.prepare(sub, method);
            float[] v = new float[raw.length];
            java.util.Arrays.fill(v, Float.NaN);
            for (int i = 0; i < samples.length; i++) v[samples[i]] = (float) z[i];
            return new Trait(name, binary, v, seedSlots, raw, method);
        }

        /** Number of samples with a value. */
        public int observed() {
            int n = 0;
            for (float v : values) if (!Float.isNaN(v)) n++;
            return n;
        }
    }

    private TrainingData(TrainingData d, List<Trait> traits) {
        this.annotations = d.annotations;
        this.scaling = d.scaling;
        this.nRows = d.nRows;
        this.rawValues = d.rawValues;
        this.plofColumns = d.plofColumns;
        this.genes = d.genes;
        this.samples = d.samples;
        this.sampleStart = d.sampleStart;
        this.entryGene = d.entryGene;
        this.entryRow = d.entryRow;
        this.covariateNames = d.covariateNames;
        this.covariates = d.covariates;
        this.traits = List.copyOf(traits);
        this.signRows = d.signRows;
    }

    private TrainingData(Builder b, int[] sampleStart, int[] entryGene, int[] entryRow) {
        this.annotations = List.copyOf(b.annotations);
        this.scaling = b.scaling;
        this.nRows = b.nRows;
        this.rawValues = Arrays.copyOf(b.raw, b.nRows * b.annotations.size());
        this.plofColumns = b.plofColumns.clone();
        this.genes = List.copyOf(b.genes);
        this.samples = List.copyOf(b.samples);
        this.sampleStart = sampleStart;
        this.entryGene = entryGene;
        this.entryRow = entryRow;
        this.covariateNames = List.copyOf(b.covariateNames);
        this.covariates = b.covariates;
        this.traits = List.copyOf(b.traits);
        if (b.nSignRows > 0) {
            this.signRows = Arrays.copyOf(b.signRows, b.nSignRows * b.annotations.size());
        } else { // no annotation-table rows given: the training rows with a pLoF flag
            int w = b.annotations.size();
            int n = 0;
            for (int r = 0; r < nRows; r++) if (b.plof[r]) n++;
            double[] rows = new double[n * w];
            for (int r = 0, k = 0; r < nRows; r++) {
                if (b.plof[r]) System.arraycopy(rawValues, r * w, rows, w * k++, w);
            }
            this.signRows = rows;
        }
    }

    /**
     * This data with every trait prepared over {@code samples} only (a cross-validation fold's
     * training samples): DeepRVAT transforms a fold's traits after choosing its samples.
     */
    public TrainingData withTraitsOver(int[] samples) {
        List<Trait> t = new ArrayList<>();
        for (Trait trait : traits) t.add(trait.over(samples));
        return new TrainingData(this, t);
    }

    /** Rows (raw model inputs) the {@link SignCheck} scores: variants with a pLoF flag equal to 1. */
    public int nSignCheckRows() {
        return signRows.length / width();
    }

    /** A copy of sign-check row {@code k}'s raw values. */
    public double[] signCheckRow(int k) {
        return Arrays.copyOfRange(signRows, k * width(), (k + 1) * width());
    }

    public List<String> annotations() { return annotations; }
    public int width() { return annotations.size(); }
    public AnnotationScaling scaling() { return scaling; }
    public int nRows() { return nRows; }
    public List<String> genes() { return genes; }
    public List<String> samples() { return samples; }
    public int nSamples() { return samples.size(); }
    public List<String> covariateNames() { return covariateNames; }
    public int nCovariates() { return covariateNames.size(); }
    public List<Trait> traits() { return traits; }
    public int[] plofColumns() { return plofColumns.clone(); }

    /** Raw (unstandardised) annotation value of a variant row. */
    public double raw(int row, int column) {
        return rawValues[row * width() + column];
    }

    /** A copy of one row's raw values. */
    public double[] rawRow(int row) {
        return Arrays.copyOfRange(rawValues, row * width(), (row + 1) * width());
    }

    /** All rows, standardised, row-major float32: the network's input matrix. */
    public float[] standardisedRows() {
        int w = width();
        float[] out = new float[nRows * w];
        for (int r = 0; r < nRows; r++) {
            for (int j = 0; j < w; j++) out[r * w + j] = (float) scaling.apply(j, rawValues[r * w + j]);
        }
        return out;
    }

    /** Start of sample s's entries; they run to {@code entryStart(s + 1)}. */
    public int entryStart(int sample) { return sampleStart[sample]; }
    public int entryGene(int entry) { return entryGene[entry]; }
    public int entryRow(int entry) { return entryRow[entry]; }
    public int nEntries() { return entryGene.length; }

    public float covariate(int sample, int k) {
        return covariates[sample * covariateNames.size() + k];
    }

    /** Collects rows, carriers, traits and covariates, then sorts the carriers sample-major. */
    public static final class Builder {
        private final List<String> annotations;
        private final AnnotationScaling scaling;
        private final int[] plofColumns;
        private final List<String> genes;
        private final List<String> samples;
        private double[] raw = new double[0];
        private boolean[] plof = new boolean[0];
        private int nRows;
        private long[] pairs = new long[0]; // (sample << 32 | row) for each carrier
        private int[] rowGene = new int[0];
        private int nPairs;
        private List<String> covariateNames = List.of();
        private float[] covariates;
        private final List<Trait> traits = new ArrayList<>();
        private double[] signRows = new double[0];
        private int nSignRows;

        /**
         * @param annotations model input columns, in order
         * @param scaling the input standardisation
         * @param plofColumns indexes of the pLoF flag columns among {@code annotations}
         * @param genes seed genes; their index is the gene slot
         * @param samples the samples, in index order
         */
        public Builder(List<String> annotations, AnnotationScaling scaling, int[] plofColumns, List<String> genes,
                       List<String> samples) {
            this.annotations = List.copyOf(annotations);
            this.scaling = scaling;
            this.plofColumns = plofColumns.clone();
            this.genes = List.copyOf(genes);
            this.samples = List.copyOf(samples);
            this.covariates = new float[0];
        }

        /**
         * Adds a variant row of gene slot {@code gene}, carried by {@code carriers} (distinct sample
         * indexes). Returns its row index.
         */
        public int addRow(int gene, double[] rawRow, int[] carriers) {
            int w = annotations.size();
            if (rawRow.length != w) throw new IllegalArgumentException("row has " + rawRow.length + " values, expected " + w);
            if (nRows == plof.length) {
                int cap = Math.max(16, nRows * 2);
                raw = Arrays.copyOf(raw, cap * w);
                plof = Arrays.copyOf(plof, cap);
                rowGene = Arrays.copyOf(rowGene, cap);
            }
            System.arraycopy(rawRow, 0, raw, nRows * w, w);
            plof[nRows] = hasPlofFlag(rawRow);
            rowGene[nRows] = gene;
            if (nPairs + carriers.length > pairs.length) {
                pairs = Arrays.copyOf(pairs, Math.max(nPairs + carriers.length, pairs.length * 2 + 16));
            }
            for (int s : carriers) pairs[nPairs++] = ((long) s << 32) | nRows;
            return nRows++;
        }

        /** Whether any pLoF column of {@code rawRow} equals 1 (DeepRVAT: {@code plof_df[PLOF_COLS].eq(1).any(axis=1)}). */
        public boolean hasPlofFlag(double[] rawRow) {
            for (int c : plofColumns) if (rawRow[c] == 1) return true;
            return false;
        }

        /**
         * Adds an annotation-table row (any gene, any filter) for the sign check; only rows with a pLoF
         * flag equal to 1 are kept. Without any such call the training rows with a flag are used.
         */
        public Builder signCheckRow(double[] rawRow) {
            int w = annotations.size();
            if (rawRow.length != w) throw new IllegalArgumentException("row has " + rawRow.length + " values, expected " + w);
            if (!hasPlofFlag(rawRow)) return this;
            if ((nSignRows + 1) * w > signRows.length) signRows = Arrays.copyOf(signRows, Math.max(16 * w, signRows.length * 2));
            System.arraycopy(rawRow, 0, signRows, nSignRows * w, w);
            nSignRows++;
            return this;
        }

        /** Standardised covariates, row-major {@code nSamples x names.size()}. */
        public Builder covariates(List<String> names, float[] values) {
            if (values.length != names.size() * samples.size()) throw new IllegalArgumentException("covariate size");
            this.covariateNames = List.copyOf(names);
            this.covariates = values.clone();
            return this;
        }

        public Builder trait(Trait t) {
            if (t.values().length != samples.size()) throw new IllegalArgumentException("trait size");
            traits.add(t);
            return this;
        }

        public TrainingData build() {
            long[] p = Arrays.copyOf(pairs, nPairs);
            // Sort by sample, then gene slot, then row: each sample's entries grouped by gene.
            long[] keyed = new long[p.length];
            int nSamples = samples.size();
            int[] counts = new int[nSamples + 1];
            for (long x : p) counts[(int) (x >>> 32) + 1]++;
            for (int s = 0; s < nSamples; s++) counts[s + 1] += counts[s];
            int[] start = counts.clone();
            int[] fill = counts.clone();
            for (long x : p) keyed[fill[(int) (x >>> 32)]++] = ((long) rowGene[(int) x] << 32) | (x & 0xffffffffL);
            int[] gene = new int[p.length];
            int[] row = new int[p.length];
            for (int s = 0; s < nSamples; s++) {
                Arrays.sort(keyed, start[s], start[s + 1]);
                for (int i = start[s]; i < start[s + 1]; i++) {
                    gene[i] = (int) (keyed[i] >>> 32);
                    row[i] = (int) keyed[i];
                }
            }
            return new TrainingData(this, start, gene, row);
        }
    }
}
