package org.rareset.deepset.score;

import org.rareset.deepset.model.ScoringEnsemble;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.rareset.core.InputException;
import org.rareset.core.InputNotes;
import org.rareset.core.region.Contigs;
import org.rareset.core.table.DuplicateRows;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VariantSource;
import org.rareset.deepset.model.DeepRvatInputs;
import org.rareset.deepset.model.VariantFilter;

/**
 * Joins an annotation table (one row per variant and gene: {@code chrom pos ref alt gene} and the
 * model's annotation columns; TSV, CSV, gzipped or Parquet) with a cohort's genotypes into
 * per-gene {@link GeneRows}.
 *
 * <p>When the model reads {@code MAF_MB} and the table has no such column, it is computed from the
 * cohort's genotypes as DeepRVAT does ({@link DeepRvatInputs#mafMb}, with the ALT frequency over
 * called alleles: 10000 for a variant nobody carries).
 *
 * <p>Variants match on contig (ignoring a {@code chr} prefix), position, REF and ALT. Every
 * annotation row takes part (no variant filter: the table defines the model's input). The table
 * is checked completely before the genotypes are read.
 */
public final class ScoringInputReader {
    static final List<String> KEY_COLUMNS = List.of("chrom", "pos", "ref", "alt", "gene");
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
        if (!Files.isRegularFile(file)) throw InputException.of(file, "no such file", "check the --annotations path");
        try (TableReader reader = TableReaders.open(file)) {
            List<String> names = reader.columns();
            List<String> missing = new ArrayList<>();
            int[] keyIdx = new int[KEY_COLUMNS.size()];
            for (int k = 0; k < keyIdx.length; k++) {
                keyIdx[k] = names.indexOf(KEY_COLUMNS.get(k));
                // 'rareset annotate' names the gene column gene_id (DeepRVAT's name); 'gene' wins when both exist
                if (keyIdx[k] < 0 && KEY_COLUMNS.get(k).equals("gene")) keyIdx[k] = names.indexOf("gene_id");
                if (keyIdx[k] < 0) missing.add(KEY_COLUMNS.get(k));
            }
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
                        "add them to the annotation table; it needs chrom pos ref alt gene (or gene_id) and the model's annotations");
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
            for (Row row : reader) {
                String pos = row.getString(keyIdx[1]);
                String chrom = row.getString(keyIdx[0]);
                String ref = row.getString(keyIdx[2]);
                String alt = row.getString(keyIdx[3]);
                String gene = row.getString(keyIdx[4]);
                if (chrom == null || pos == null || ref == null || alt == null || gene == null) {
                    throw row.error("chrom, pos, ref, alt and gene must all be given", null);
                }
                try {
                    if (Integer.parseInt(pos) < 1) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    throw row.error("pos '" + pos + "' is not a position", "1-based integer");
                }
                String key = variantKey(chrom, pos, ref, alt);
                Integer vid = t.variantIds.get(key);
                if (vid == null) {
                    vid = t.variantIds.size();
                    t.variantIds.put(key, vid);
                    t.variantText.add(new String[] {chrom, pos, ref, alt});
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

    static ScoringInput join(Table t, int width, VariantSource genotypes) {
        int nSamples = genotypes.samples().size();
        int nVariants = t.variantIds.size();
        int[][] carriersOfVariant = new int[nVariants][];
        double[] afOfVariant = new double[nVariants];
        boolean[] altMajor = new boolean[nVariants];
        long alleles = 0;
        long annotated = 0;
        long unannotated = 0;
        long missingCalls = 0;
        long duplicates = 0;
        for (Variant v : genotypes) {
            alleles++;
            Integer vid = t.variantIds.get(variantKey(v.chrom(), Integer.toString(v.pos()), v.ref(), v.alt()));
            if (vid == null) {
                unannotated++;
                continue;
            }
            annotated++;
            missingCalls += v.missingCount();
            int[] carriers = altCarriers(v, nSamples);
            if (carriersOfVariant[vid] != null) {
                duplicates++;
                carriers = union(carriersOfVariant[vid], carriers);
            }
            carriersOfVariant[vid] = carriers;
            afOfVariant[vid] = v.altFrequency();
            altMajor[vid] = !v.altIsMinor() && v.alleleCount() > 0;
        }
        RowFilter filter = t.filter == null ? null : new RowFilter(t.filter, t.filterValues);
        long rowsWithoutRecord = 0;
        int genesWithoutRows = 0;
        int[] none = new int[0];
        List<GeneRows> genes = new ArrayList<>(t.geneNames.size());
        for (int g = 0; g < t.geneNames.size(); g++) {
            IntList rows = t.rowsOfGene.get(g);
            double[] values = new double[rows.size * width];
            int[][] carriers = new int[rows.size][];
            String[][] rowVariants = new String[rows.size][];
            int kept = 0;
            for (int i = 0; i < rows.size; i++) {
                int row = rows.values[i];
                int vid = t.variantOfRow.values[row];
                int[] c = carriersOfVariant[vid];
                if (c != null && filter != null && !filter.keeps(row, afOfVariant[vid], altMajor[vid])) continue;
                System.arraycopy(t.values, row * width, values, kept * width, width);
                if (t.derivedMafMb >= 0) values[kept * width + t.derivedMafMb] = DeepRvatInputs.mafMb(c == null ? 0.0 : afOfVariant[vid]);
                if (c == null) rowsWithoutRecord++;
                rowVariants[kept] = t.variantText.get(vid);
                carriers[kept++] = c == null ? none : c;
            }
            if (kept == 0) {
                genesWithoutRows++;
                continue;
            }
            genes.add(new GeneRows(t.geneNames.get(g), width, Arrays.copyOf(values, kept * width), Arrays.copyOf(carriers, kept),
                    Arrays.copyOf(rowVariants, kept)));
        }
        if (genes.isEmpty()) {
            throw InputException.of(t.file, "no annotation row passes the variant filter '" + t.filter + "' ("
                    + filter.failed + " failed it, " + filter.altMajor + " are of ALT-major variants)",
                    "check the filter against the annotation table, or score every row with --variant-filter none");
        }
        ScoringInput.Summary summary = new ScoringInput.Summary(t.rows, genes.size(), alleles, annotated,
                unannotated, rowsWithoutRecord, missingCalls, duplicates, t.filled, t.derivedMafMb >= 0,
                filter == null ? null : new ScoringInput.FilterCounts(t.filter.toString(), filter.failed, filter.altMajor, genesWithoutRows));
        return new ScoringInput(genotypes.samples(), genes, summary);
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
        return Contigs.canonical(chrom) + ":" + pos + ":" + ref.toUpperCase() + ":" + alt.toUpperCase();
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
