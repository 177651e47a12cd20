package org.rareset.deepset.score;

import org.rareset.deepset.model.ScoringEnsemble;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.RandomAccess;
import org.rareset.core.InputException;
import org.rareset.core.InputNotes;
import org.rareset.core.formats.AnnotationTableFile;
import org.rareset.core.table.DuplicateRows;
import org.rareset.core.table.Row;
import org.rareset.genotypes.store.GenotypeStore;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VariantSource;
import org.rareset.deepset.model.DeepRvatInputs;
import org.rareset.deepset.model.VariantFilter;

/**
 * Joins an annotation table (one row per variant and gene, its key columns as
 * {@link AnnotationTableFile} reads them, and the model's annotation columns; TSV, CSV, gzipped or
 * Parquet) with a cohort's genotypes into per-gene {@link GeneRows}.
 *
 * <p>When the model reads {@code MAF_MB} and the table has no such column, it is computed from the
 * cohort's genotypes as DeepRVAT does ({@link DeepRvatInputs#mafMb}, with the ALT frequency over
 * called alleles: 10000 for a variant nobody carries).
 *
 * <p>Variants match on {@link AnnotationTableFile#key} (contig without {@code chr}, position, REF, ALT). Every
 * annotation row takes part (no variant filter: the table defines the model's input). The table
 * is checked completely before the genotypes are read.
 */
public final class ScoringInputReader {
    /** DeepRVAT's allele-frequency input, computed from the cohort when the table lacks it. */
    public static final String MAF_MB = "MAF_MB";

    private ScoringInputReader() {}

    /** Reads every row of the table, then streams the genotypes once. */
    public static ScoringInput read(Path annotations, ScoringEnsemble ensemble, VariantSource genotypes) {
        return read(annotations, ensemble, genotypes, null);
    }

    /**
     * Reads the table rows passing {@code filter} (all rows when null), then streams the genotypes
     * once. A row whose filter column is empty fails the filter, as in training.
     */
    public static ScoringInput read(Path annotations, ScoringEnsemble ensemble, VariantSource genotypes, VariantFilter filter) {
        return read(annotations, ensemble, genotypes, filter, DuplicateRows.ERROR);
    }

    /**
     * As {@link #read(Path, ScoringEnsemble, VariantSource, VariantFilter)}, one row per (variant,
     * gene): identical repeats merged and counted, differing ones resolved by {@code duplicates}.
     */
    public static ScoringInput read(Path annotations, ScoringEnsemble ensemble, VariantSource genotypes, VariantFilter filter,
                                    DuplicateRows duplicates) {
        Table table = readTable(annotations, ensemble, filter, duplicates);
        return join(table, ensemble.annotations().size(), genotypes);
    }

    /** The parsed annotation table: rows in file order, grouped by gene in order of first appearance. */
    static final class Table {
        final Map<String, Integer> variantIds = new HashMap<>();
        /** chrom, pos, ref, alt of each variant id as the table gives them (for per-variant output). */
        final List<String[]> variantText = new ArrayList<>();
        final List<String> geneNames = new ArrayList<>();
        final List<IntList> rowsOfGene = new ArrayList<>();
        final IntList variantOfRow = new IntList();
        double[] values = new double[1024];
        long rows;
        final Map<String, Long> filled = new LinkedHashMap<>();
        /** Index of MAF_MB among the model's inputs when it is computed from the genotypes, else -1. */
        int derivedMafMb = -1;
        /** The variant filter (null: every row is scored) and its column values per row, NaN when missing. */
        VariantFilter filter;
        double[] filterValues = new double[0];
        Path file;
    }

    static Table readTable(Path file, ScoringEnsemble ensemble) {
        return readTable(file, ensemble, null);
    }

    static Table readTable(Path file, ScoringEnsemble ensemble, VariantFilter filter) {
        return readTable(file, ensemble, filter, DuplicateRows.ERROR);
    }

    static Table readTable(Path file, ScoringEnsemble ensemble, VariantFilter filter, DuplicateRows duplicates) {
        List<String> cols = ensemble.annotations();
        int width = cols.size();
        Table t = new Table();
        Map<String, Integer> geneIds = new HashMap<>();
        Map<Long, Integer> seenRow = new HashMap<>();
        List<Long> lineOfRow = new ArrayList<>();
        long identical = 0;
        long resolved = 0;
        try (AnnotationTableFile.Reader annotationTable = AnnotationTableFile.open(file)) {
            List<String> names = annotationTable.table().columns();
            List<String> missing = new ArrayList<>(AnnotationTableFile.missingKeyColumns(names));
            int[] colIdx = new int[width];
            for (int c = 0; c < width; c++) {
                colIdx[c] = names.indexOf(cols.get(c));
                if (colIdx[c] < 0 && cols.get(c).equals(MAF_MB)) {
                    t.derivedMafMb = c;
                } else if (colIdx[c] < 0) {
                    missing.add(cols.get(c));
                }
            }
            if (!missing.isEmpty()) {
                String list = String.join(", ", missing.size() > 12 ? missing.subList(0, 12) : missing)
                        + (missing.size() > 12 ? ", ..." : "");
                throw InputException.atLine(file, 1, "missing " + missing.size() + " column(s) the model needs: " + list,
                        "add them to the annotation table (docs/annotate.md)");
            }
            int[] filterIdx = filter == null ? new int[0] : new int[filter.columns().size()];
            for (int k = 0; k < filterIdx.length; k++) {
                filterIdx[k] = names.indexOf(filter.columns().get(k));
                if (filterIdx[k] < 0 && !VariantFilter.FROM_GENOTYPES.contains(filter.columns().get(k))) {
                    throw InputException.atLine(file, 1, "the variant filter '" + filter + "' reads column '"
                            + filter.columns().get(k) + "', which the table lacks",
                            "add the column (rareset annotate writes MAF) or change the filter; 'none' scores every row");
                }
            }
            t.filter = filter;
            t.file = file;
            double[] fill = new double[width];
            boolean[] canFill = new boolean[width];
            for (int c = 0; c < width; c++) {
                OptionalDouble f = ensemble.missingValue(cols.get(c));
                canFill[c] = f.isPresent();
                fill[c] = f.orElse(Double.NaN);
            }
            long[] filled = new long[width];
            int fw = filterIdx.length;
            for (AnnotationTableFile.Entry entry : annotationTable) {
                Row row = entry.row();
                AnnotationTableFile.VariantKey variant = entry.variant();
                String gene = entry.gene();
                String key = variant.key();
                Integer vid = t.variantIds.get(key);
                if (vid == null) {
                    vid = t.variantIds.size();
                    t.variantIds.put(key, vid);
                    t.variantText.add(new String[] {variant.chrom(), Integer.toString(variant.pos()), variant.ref(), variant.alt()});
                }
                Integer gid = geneIds.get(gene);
                if (gid == null) {
                    gid = t.geneNames.size();
                    geneIds.put(gene, gid);
                    t.geneNames.add(gene);
                    t.rowsOfGene.add(new IntList());
                }
                Integer previous = seenRow.get(((long) vid << 32) | gid);
                int r = (int) t.rows;
                if ((long) (r + 1) * width > t.values.length) {
                    t.values = Arrays.copyOf(t.values, Math.max(t.values.length * 2, (r + 1) * width));
                }
                for (int c = 0; c < width; c++) {
                    double v;
                    if (c == t.derivedMafMb) {
                        v = Double.NaN; // set from the genotypes in join()
                    } else if (row.isMissing(colIdx[c])) {
                        if (!canFill[c]) throw row.error(cols.get(c) + " is missing", "the model needs a value");
                        v = fill[c];
                        filled[c]++;
                    } else {
                        v = row.getDouble(colIdx[c]);
                        if (!Double.isFinite(v)) {
                            throw row.error(cols.get(c) + " is " + v, "give a finite number or leave it empty");
                        }
                    }
                    t.values[r * width + c] = v;
                }
                if (fw > 0) {
                    if ((long) (r + 1) * fw > t.filterValues.length) {
                        t.filterValues = Arrays.copyOf(t.filterValues, Math.max(t.filterValues.length * 2, (r + 1) * fw));
                    }
                    for (int k = 0; k < fw; k++) {
                        t.filterValues[r * fw + k] = filterIdx[k] < 0 || row.isMissing(filterIdx[k]) ? Double.NaN : row.getDouble(filterIdx[k]);
                    }
                }
                if (previous != null) {
                    // The row was written at r, after the kept one: compare, merge by the rule, drop it.
                    int p = previous;
                    int differs = -1;
                    for (int c = 0; c < width && differs < 0; c++) {
                        if (Double.compare(t.values[p * width + c], t.values[r * width + c]) != 0) differs = c;
                    }
                    for (int k = 0; k < fw && differs < 0; k++) {
                        if (Double.compare(t.filterValues[p * fw + k], t.filterValues[r * fw + k]) != 0) differs = width + k;
                    }
                    if (differs < 0) {
                        identical++;
                        continue;
                    }
                    if (duplicates == DuplicateRows.ERROR) {
                        String column = differs < width ? cols.get(differs) : filter.columns().get(differs - width);
                        double a = differs < width ? t.values[p * width + differs] : t.filterValues[p * fw + differs - width];
                        double b = differs < width ? t.values[r * width + differs] : t.filterValues[r * fw + differs - width];
                        throw DuplicateRows.conflict(file.toString(), "variant " + key + " in gene " + gene, "line " + row.lineNumber(),
                                "line " + lineOfRow.get(p), column + " " + a + " vs " + b);
                    }
                    for (int c = 0; c < width; c++) t.values[p * width + c] = duplicates.merge(t.values[p * width + c], t.values[r * width + c]);
                    for (int k = 0; k < fw; k++) t.filterValues[p * fw + k] = duplicates.merge(t.filterValues[p * fw + k], t.filterValues[r * fw + k]);
                    resolved++;
                    continue;
                }
                seenRow.put(((long) vid << 32) | gid, r);
                lineOfRow.add(row.lineNumber());
                t.variantOfRow.add(vid);
                t.rowsOfGene.get(gid).add(r);
                t.rows++;
            }
            for (int c = 0; c < width; c++) if (filled[c] > 0) t.filled.put(cols.get(c), filled[c]);
        }
        if (t.rows == 0) throw InputException.of(file, "no annotation rows", "expected one row per variant and gene");
        if (identical > 0 || resolved > 0) {
            InputNotes.report(file + ": " + identical + " repeated identical row(s) of a (variant, gene) merged"
                    + (resolved > 0 ? "; " + resolved + " differing repeat(s) resolved by " + DuplicateRows.OPTION + " "
                    + duplicates.optionValue() : ""));
        }
        return t;
    }

    /**
     * As {@link #read(Path, ScoringEnsemble, VariantSource, VariantFilter, DuplicateRows)}, but each
     * gene's carriers are read from {@code store} when the gene is asked for ({@link ScoringInput#genes()}
     * reads again on every {@code get}), so memory holds the genes being scored, not every gene's
     * carriers: at 500,000 samples x 20,000 genes those take several GB. The store must stay open
     * while the genes are used.
     */
    public static ScoringInput readLazily(Path annotations, ScoringEnsemble ensemble, GenotypeStore store, VariantFilter filter,
                                          DuplicateRows duplicates) {
        Table table = readTable(annotations, ensemble, filter, duplicates);
        return join(table, ensemble.annotations().size(), store, new VariantPass(table.variantIds.size(), false));
    }

    static ScoringInput join(Table t, int width, VariantSource genotypes) {
        return join(t, width, genotypes, new VariantPass(t.variantIds.size(), true));
    }

    private static ScoringInput join(Table t, int width, VariantSource genotypes, VariantPass pass) {
        int nSamples = genotypes.samples().size();
        for (Variant v : genotypes) {
            Integer vid = t.variantIds.get(variantKey(v.chrom(), Integer.toString(v.pos()), v.ref(), v.alt()));
            pass.add(v, vid, nSamples);
        }
        RowFilter filter = t.filter == null ? null : new RowFilter(t.filter, t.filterValues);
        long rowsWithoutRecord = 0;
        int genesWithoutRows = 0;
        List<GenePlan> plans = new ArrayList<>(t.geneNames.size());
        for (int g = 0; g < t.geneNames.size(); g++) {
            IntList rows = t.rowsOfGene.get(g);
            double[] values = new double[rows.size * width];
            int[] vids = new int[rows.size];
            String[][] rowVariants = new String[rows.size][];
            int kept = 0;
            for (int i = 0; i < rows.size; i++) {
                int row = rows.values[i];
                int vid = t.variantOfRow.values[row];
                boolean genotyped = pass.genotyped(vid);
                if (genotyped && filter != null && !filter.keeps(row, pass.af[vid], pass.altMajor[vid])) continue;
                System.arraycopy(t.values, row * width, values, kept * width, width);
                if (t.derivedMafMb >= 0) values[kept * width + t.derivedMafMb] = DeepRvatInputs.mafMb(genotyped ? pass.af[vid] : 0.0);
                if (!genotyped) rowsWithoutRecord++;
                rowVariants[kept] = t.variantText.get(vid);
                vids[kept++] = genotyped ? vid : -1;
            }
            if (kept == 0) {
                genesWithoutRows++;
                continue;
            }
            plans.add(new GenePlan(t.geneNames.get(g), Arrays.copyOf(values, kept * width), Arrays.copyOf(vids, kept),
                    Arrays.copyOf(rowVariants, kept)));
        }
        if (plans.isEmpty()) {
            throw InputException.of(t.file, "no annotation row passes the variant filter '" + t.filter + "' ("
                    + filter.failed + " failed it, " + filter.altMajor + " are of ALT-major variants)",
                    "check the filter against the annotation table, or score every row with --variant-filter none");
        }
        ScoringInput.Summary summary = new ScoringInput.Summary(t.rows, plans.size(), pass.alleles, pass.annotated,
                pass.unannotated, rowsWithoutRecord, pass.missingCalls, pass.duplicates, t.filled, t.derivedMafMb >= 0,
                filter == null ? null : new ScoringInput.FilterCounts(t.filter.toString(), filter.failed, filter.altMajor, genesWithoutRows));
        List<GeneRows> genes;
        if (pass.carriers != null) {
            genes = new ArrayList<>(plans.size());
            for (GenePlan plan : plans) genes.add(plan.rows(width, pass.carriers));
        } else {
            genes = new StoreGeneRows(plans, width, pass, (GenotypeStore) genotypes);
        }
        return new ScoringInput(genotypes.samples(), genes, summary);
    }

    /**
     * What one pass over the genotypes keeps per annotated variant id: its ALT frequency and
     * whether ALT is the major allele, and either its carriers (eager) or its store rows (lazy).
     */
    private static final class VariantPass {
        final double[] af;
        final boolean[] altMajor;
        /** Per variant id: ALT carriers (several records of one variant merged), or null when lazy. */
        final int[][] carriers;
        /** Per variant id: its store rows (usually one), or null when eager. */
        final long[][] rows;
        final boolean[] seen;
        long row;
        long alleles;
        long annotated;
        long unannotated;
        long missingCalls;
        long duplicates;

        VariantPass(int nVariants, boolean eager) {
            af = new double[nVariants];
            altMajor = new boolean[nVariants];
            seen = new boolean[nVariants];
            carriers = eager ? new int[nVariants][] : null;
            rows = eager ? null : new long[nVariants][];
        }

        void add(Variant v, Integer vid, int nSamples) {
            alleles++;
            long r = row++;
            if (vid == null) {
                unannotated++;
                return;
            }
            annotated++;
            missingCalls += v.missingCount();
            if (seen[vid]) duplicates++;
            if (carriers != null) {
                int[] c = altCarriers(v, nSamples);
                carriers[vid] = seen[vid] ? union(carriers[vid], c) : c;
            } else {
                long[] old = rows[vid];
                long[] grown = old == null ? new long[1] : Arrays.copyOf(old, old.length + 1);
                grown[grown.length - 1] = r;
                rows[vid] = grown;
            }
            seen[vid] = true;
            af[vid] = v.altFrequency();
            altMajor[vid] = !v.altIsMinor() && v.alleleCount() > 0;
        }

        boolean genotyped(int vid) {
            return seen[vid];
        }
    }

    /** One gene's kept annotation rows: their values, variant ids (-1: not genotyped) and coordinates. */
    private record GenePlan(String gene, double[] values, int[] vids, String[][] rowVariants) {
        GeneRows rows(int width, int[][] carriersOfVariant) {
            int[][] carriers = new int[vids.length][];
            for (int i = 0; i < vids.length; i++) carriers[i] = vids[i] < 0 ? NONE : carriersOfVariant[vids[i]];
            return new GeneRows(gene, width, values, carriers, rowVariants);
        }
    }

    private static final int[] NONE = new int[0];

    /**
     * Genes whose carriers are read from a store on each {@link #get}: the rows of a gene's
     * variants, sorted, with one positional read per run of consecutive rows (a gene's variants
     * are neighbours in the store).
     */
    private static final class StoreGeneRows extends AbstractList<GeneRows> implements RandomAccess {
        private final List<GenePlan> plans;
        private final int width;
        private final long[][] rowsOfVariant;
        private final GenotypeStore store;
        private final int nSamples;

        StoreGeneRows(List<GenePlan> plans, int width, VariantPass pass, GenotypeStore store) {
            this.plans = plans;
            this.width = width;
            this.rowsOfVariant = pass.rows;
            this.store = store;
            this.nSamples = store.samples().size();
        }

        @Override
        public int size() {
            return plans.size();
        }

        @Override
        public GeneRows get(int i) {
            GenePlan plan = plans.get(i);
            long[] wanted = java.util.stream.IntStream.of(plan.vids()).filter(v -> v >= 0)
                    .mapToObj(v -> rowsOfVariant[v]).flatMapToLong(java.util.stream.LongStream::of).sorted().distinct().toArray();
            List<Variant> read = store.variantsAtRows(wanted);
            int[][] carriers = new int[plan.vids().length][];
            for (int r = 0; r < carriers.length; r++) {
                int vid = plan.vids()[r];
                if (vid < 0) {
                    carriers[r] = NONE;
                    continue;
                }
                int[] c = null;
                for (long row : rowsOfVariant[vid]) {
                    int[] more = altCarriers(read.get(Arrays.binarySearch(wanted, row)), nSamples);
                    c = c == null ? more : union(c, more);
                }
                carriers[r] = c;
            }
            return new GeneRows(plan.gene(), width, plan.values(), carriers, plan.rowVariants());
        }
    }

    /**
     * The training rules for rows of variants in the genotypes: the filter (its MAF and MAF_MB
     * computed from the cohort when the table lacks them), and ALT the minor allele. Rows without a
     * VCF record are carried by nobody, so they change no score and are not filtered.
     */
    private static final class RowFilter {
        private final VariantFilter filter;
        private final double[] values;
        private final int width;
        private final double[] row;
        long failed;
        long altMajor;

        RowFilter(VariantFilter filter, double[] values) {
            this.filter = filter;
            this.values = values;
            this.width = filter.columns().size();
            this.row = new double[width];
        }

        boolean keeps(int r, double af, boolean isAltMajor) {
            System.arraycopy(values, r * width, row, 0, width);
            if (!filter.passesWithCohortFrequencies(row, af)) {
                failed++;
                return false;
            }
            if (isAltMajor) {
                altMajor++;
                return false;
            }
            return true;
        }
    }

    /**
     * Samples carrying at least one ALT copy. When REF is the minor allele the carriers listed are
     * REF carriers, so ALT carriers are the called samples without two REF copies (diploid calls).
     */
    static int[] altCarriers(Variant v, int nSamples) {
        if (v.altIsMinor()) return v.carrierSamples().clone();
        boolean[] notAlt = new boolean[nSamples];
        for (int s : v.missingSamples()) notAlt[s] = true;
        for (int i = 0; i < v.carrierSamples().length; i++) {
            if (v.carrierCounts()[i] >= 2) notAlt[v.carrierSamples()[i]] = true;
        }
        IntList out = new IntList();
        for (int s = 0; s < nSamples; s++) if (!notAlt[s]) out.add(s);
        return out.toArray();
    }

    private static int[] union(int[] a, int[] b) {
        IntList out = new IntList();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            int x = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            if (i < a.length && a[i] == x) i++;
            if (j < b.length && b[j] == x) j++;
            out.add(x);
        }
        return out.toArray();
    }

    static String variantKey(String chrom, String pos, String ref, String alt) {
        return AnnotationTableFile.key(chrom, pos, ref, alt);
    }

    /** A growable int array. */
    static final class IntList {
        int[] values = new int[4];
        int size;

        void add(int v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
