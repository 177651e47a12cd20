package org.rareset.association.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;
import org.rareset.core.table.DuplicateRows;
import org.rareset.core.table.TextTable;

/**
 * Variant annotations: one row per variant and gene, keyed by {@code chrom pos ref alt} (or an
 * {@code id}-like column holding {@code chrom:pos:ref:alt}), with a {@code gene} or
 * {@code gene_id} column; every other column is an annotation usable in mask expressions and
 * as weights. Contig names are compared without a {@code chr} prefix.
 *
 * <p>Cells {@code NA}, {@code .} and empty are missing: a missing value fails every comparison.
 *
 * <p>One row per (variant, gene): tables written per transcript repeat a variant; identical
 * repeats are merged (counted in {@link #duplicateNote()}), differing ones follow a
 * {@link DuplicateRows} rule, so that a variant is never counted twice in a gene.
 */
public final class AnnotationTable {
    private final String source;
    private final List<String> annotationColumns;
    private final String[] genes;
    private final String[][] text;     // [row][annotation column], null when missing
    private final double[][] numbers;  // [row][annotation column], NaN when missing or not a number
    private final long[] lines;
    private final Map<String, int[]> rowsByKey;
    private final Map<String, String> chromOfGene = new HashMap<>();
    /** Also match a variant listed as chrom:pos:alt:ref (REGENIE/SAIGE ids need not follow REF/ALT order). */
    private boolean matchSwappedAlleles;
    private final java.util.concurrent.atomic.AtomicLong swappedMatches = new java.util.concurrent.atomic.AtomicLong();

    private AnnotationTable(String source, List<String> annotationColumns, String[] genes, String[][] text,
                            double[][] numbers, long[] lines, Map<String, int[]> rowsByKey) {
        this.source = source;
        this.annotationColumns = annotationColumns;
        this.genes = genes;
        this.text = text;
        this.numbers = numbers;
        this.lines = lines;
        this.rowsByKey = rowsByKey;
        rowsByKey.forEach((key, rows) -> {
            int colon = key.indexOf(':');
            if (colon < 0) return; // listed by id: the contig comes from the mask files (ofRows)
            for (int r : rows) chromOfGene.putIfAbsent(genes[r], key.substring(0, colon));
        });
    }

    /**
     * The gene's name from a {@code gene_name} annotation column (as {@code rareset annotate}
     * writes beside {@code gene_id}); null when there is no such column or value.
     */
    public String geneName(String gene) {
        Map<String, String> m = geneNames;
        if (m == null) {
            m = new HashMap<>();
            int col = annotationColumns.indexOf("gene_name");
            if (col >= 0) {
                for (int r = 0; r < genes.length; r++) if (text[r][col] != null) m.putIfAbsent(genes[r], text[r][col]);
            }
            geneNames = m;
        }
        return m.get(gene);
    }

    private volatile Map<String, String> geneNames;

    /** The contig (without {@code chr}) of a gene's variants, null for a gene not in the table. */
    public String chromOf(String gene) {
        return chromOfGene.get(gene);
    }

    public static AnnotationTable from(TextTable t) {
        return from(t, DuplicateRows.ERROR);
    }

    /**
     * Reads the table keeping one row per (variant, gene): a repeated row that is identical is
     * merged into the first and counted; one that differs follows {@code duplicates}.
     */
    public static AnnotationTable from(TextTable t, DuplicateRows duplicates) {
        int gene = t.indexOf("gene");
        if (gene < 0) gene = t.indexOf("gene_id");
        if (gene < 0) gene = t.indexOf("gene_name");
        if (gene < 0) {
            throw new InputException(t.source(), "line 1", "no 'gene' or 'gene_id' column (columns: " + String.join(", ", t.columns()) + ")",
                    "annotations need the gene each variant belongs to");
        }
        int chrom = firstOf(t, "chrom", "chr", "chromosome", "CHROM");
        int pos = firstOf(t, "pos", "position", "POS");
        int ref = firstOf(t, "ref", "REF");
        int alt = firstOf(t, "alt", "ALT");
        int id = -1;
        if (chrom < 0 || pos < 0 || ref < 0 || alt < 0) {
            id = firstOf(t, "variant", "variant_id", "id", "ID");
            if (id < 0) {
                throw new InputException(t.source(), "line 1", "no variant columns (need chrom, pos, ref, alt or a variant id 'chrom:pos:ref:alt'; columns: "
                        + String.join(", ", t.columns()) + ")", null);
            }
        }
        List<Integer> annCols = new ArrayList<>();
        List<String> annNames = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            if (c == gene || c == chrom || c == pos || c == ref || c == alt || c == id) continue;
            annCols.add(c);
            annNames.add(t.columns().get(c));
        }
        int n = t.rowCount();
        int width = annCols.size();
        List<String> genes = new ArrayList<>(n);
        List<String[]> text = new ArrayList<>(n);
        List<double[]> numbers = new ArrayList<>(n);
        List<Long> lines = new ArrayList<>(n);
        Map<String, List<Integer>> byKey = new HashMap<>();
        Map<String, Integer> rowOfKeyAndGene = new HashMap<>();
        long identical = 0;
        long resolved = 0;
        for (int r = 0; r < n; r++) {
            String geneName = t.cell(r, gene);
            if (geneName.isEmpty() || geneName.equals("NA") || geneName.equals(".")) {
                throw new InputException(t.source(), "line " + t.line(r), "empty gene", "every annotation row needs a gene");
            }
            String key;
            if (id >= 0) {
                String[] parts = t.cell(r, id).split(":");
                if (parts.length != 4) {
                    throw new InputException(t.source(), "line " + t.line(r), "variant '" + t.cell(r, id) + "' is not chrom:pos:ref:alt", null);
                }
                key = key(parts[0], parts[1], parts[2], parts[3]);
            } else {
                key = key(t.cell(r, chrom), t.cell(r, pos), t.cell(r, ref), t.cell(r, alt));
            }
            String[] rowText = new String[width];
            double[] rowNumbers = new double[width];
            for (int k = 0; k < width; k++) {
                String cell = t.cell(r, annCols.get(k));
                boolean missing = cell.isEmpty() || cell.equals("NA") || cell.equals(".");
                rowText[k] = missing ? null : cell;
                rowNumbers[k] = missing ? Double.NaN : parseOrNaN(cell);
            }
            Integer earlier = rowOfKeyAndGene.get(key + "\t" + geneName);
            if (earlier != null) {
                int differs = firstDifference(text.get(earlier), rowText);
                if (differs < 0) {
                    identical++;
                    continue;
                }
                if (duplicates == DuplicateRows.ERROR) {
                    throw DuplicateRows.conflict(t.source(), "variant " + key + " in gene " + geneName, "line " + t.line(r),
                            "line " + lines.get(earlier), annNames.get(differs) + " '" + text.get(earlier)[differs]
                                    + "' vs '" + rowText[differs] + "'");
                }
                if (duplicates == DuplicateRows.MAX) merge(text.get(earlier), numbers.get(earlier), rowText, rowNumbers);
                resolved++;
                continue;
            }
            int row = genes.size();
            rowOfKeyAndGene.put(key + "\t" + geneName, row);
            genes.add(geneName);
            text.add(rowText);
            numbers.add(rowNumbers);
            lines.add(t.line(r));
            byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(row);
        }
        Map<String, int[]> rowsByKey = new HashMap<>(byKey.size() * 2);
        byKey.forEach((k, v) -> rowsByKey.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        AnnotationTable table = new AnnotationTable(t.source(), annNames, genes.toArray(new String[0]),
                text.toArray(new String[0][]), numbers.toArray(new double[0][]),
                lines.stream().mapToLong(Long::longValue).toArray(), rowsByKey);
        table.identicalDuplicates = identical;
        table.resolvedDuplicates = resolved;
        table.duplicateRule = duplicates;
        return table;
    }

    /** The first annotation column whose texts differ, -1 when the rows are the same. */
    private static int firstDifference(String[] a, String[] b) {
        for (int k = 0; k < a.length; k++) if (!java.util.Objects.equals(a[k], b[k])) return k;
        return -1;
    }

    /** {@link DuplicateRows#MAX}: per column the larger number; a missing cell takes the other's value. */
    private static void merge(String[] keptText, double[] keptNumbers, String[] text, double[] numbers) {
        for (int k = 0; k < keptText.length; k++) {
            if (keptText[k] == null) {
                keptText[k] = text[k];
                keptNumbers[k] = numbers[k];
            } else if (!Double.isNaN(numbers[k]) && !Double.isNaN(keptNumbers[k]) && numbers[k] > keptNumbers[k]) {
                keptText[k] = text[k];
                keptNumbers[k] = numbers[k];
            }
        }
    }

    /** Repeated (variant, gene) rows: identical ones merged, differing ones resolved by the rule. */
    private long identicalDuplicates;
    private long resolvedDuplicates;
    private DuplicateRows duplicateRule = DuplicateRows.ERROR;

    public long identicalDuplicates() { return identicalDuplicates; }
    public long resolvedDuplicates() { return resolvedDuplicates; }

    /** One line on repeated rows for the log, or null when every (variant, gene) had one row. */
    public String duplicateNote() {
        if (identicalDuplicates == 0 && resolvedDuplicates == 0) return null;
        return source + ": " + identicalDuplicates + " repeated identical row(s) of a (variant, gene) merged"
                + (resolvedDuplicates > 0 ? "; " + resolvedDuplicates + " differing repeat(s) resolved by "
                + DuplicateRows.OPTION + " " + duplicateRule.optionValue() : "");
    }

    /**
     * Checks that {@code column} holds numbers wherever it has a value, since a mask reads it as
     * a number (a text there would silently fail every comparison).
     *
     * @throws InputException counting the non-numeric cells and naming the first
     */
    public void requireNumbers(String column, String usedBy) {
        int c = annotationColumns.indexOf(column);
        if (c < 0) return;
        long bad = 0;
        int first = -1;
        for (int r = 0; r < genes.length; r++) {
            if (text[r][c] != null && Double.isNaN(numbers[r][c]) && !isNaNText(text[r][c])) {
                if (first < 0) first = r;
                bad++;
            }
        }
        if (bad > 0) {
            throw new InputException(source, "line " + lines[first], "column '" + column + "' (read as a number by "
                    + usedBy + ") has " + bad + " value(s) that are not numbers, the first '" + text[first][c] + "'",
                    "fix the values, write missing ones as NA, or compare text with quotes (column == 'text')");
        }
    }

    private static boolean isNaNText(String s) {
        return s.equalsIgnoreCase("nan");
    }

    /**
     * A table from rows built elsewhere (REGENIE or SAIGE-GENE+ mask files).
     *
     * @param keys  per row the variant as {@link #key}
     * @param cells per row the annotation cells (null = missing), in the order of {@code annotationColumns}
     * @param matchSwappedAlleles also match genotyped variants whose REF and ALT are the other way
     *                            round, counted in {@link #swappedMatches()}, and variants by their id
     * @param geneChrom           each gene's contig where the files give it (else taken from its variants)
     */
    public static AnnotationTable ofRows(String source, List<String> annotationColumns, List<String> keys, List<String> genes,
                                         List<String[]> cells, long[] lines, boolean matchSwappedAlleles, Map<String, String> geneChrom) {
        int n = keys.size();
        String[][] text = new String[n][];
        double[][] numbers = new double[n][annotationColumns.size()];
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int r = 0; r < n; r++) {
            text[r] = cells.get(r);
            for (int k = 0; k < text[r].length; k++) numbers[r][k] = text[r][k] == null ? Double.NaN : parseOrNaN(text[r][k]);
            byKey.computeIfAbsent(keys.get(r), x -> new ArrayList<>(1)).add(r);
        }
        Map<String, int[]> rowsByKey = new HashMap<>(byKey.size() * 2);
        byKey.forEach((k, v) -> rowsByKey.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        AnnotationTable t = new AnnotationTable(source, List.copyOf(annotationColumns), genes.toArray(new String[0]), text, numbers, lines, rowsByKey);
        t.matchSwappedAlleles = matchSwappedAlleles;
        geneChrom.forEach((gene, chrom) -> t.chromOfGene.put(gene, Contigs.canonical(chrom)));
        return t;
    }

    /** Genotyped variants matched with REF and ALT swapped (only when the table allows it). */
    public long swappedMatches() { return swappedMatches.get(); }

    private static int firstOf(TextTable t, String... names) {
        for (String n : names) {
            int i = t.indexOf(n);
            if (i >= 0) return i;
        }
        return -1;
    }

    private static double parseOrNaN(String s) {
        char c = s.charAt(0);
        if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.') return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The lookup key of a variant: contig without {@code chr}, position, alleles in upper case
     * (tables that keep soft-masked lower-case bases match the store either way).
     */
    public static String key(String chrom, String pos, String ref, String alt) {
        return Contigs.canonical(chrom) + ":" + pos.trim() + ":" + ref.toUpperCase(Locale.ROOT) + ":" + alt.toUpperCase(Locale.ROOT);
    }

    public String source() { return source; }
    public int rowCount() { return genes.length; }
    public List<String> annotationColumns() { return annotationColumns; }
    public String gene(int row) { return genes[row]; }
    public long line(int row) { return lines[row]; }
    /** Text of an annotation cell; null when missing. */
    public String text(int row, int column) { return text[row][column]; }
    /** Numeric value of an annotation cell; NaN when missing or not a number. */
    public double number(int row, int column) { return numbers[row][column]; }

    /** The key of a variant listed by its genotype-file id (e.g. an rsid) rather than chrom:pos:ref:alt. */
    public static String idKey(String id) {
        return "id=" + id;
    }

    /**
     * Annotation rows for a genotyped variant: by chrom:pos:ref:alt, else (tables built with
     * {@link #ofRows}) by its id in the genotype file.
     */
    public int[] rowsFor(org.rareset.genotypes.vcf.Variant v) {
        int[] rows = rowsFor(v.chrom(), v.pos(), v.ref(), v.alt());
        if (rows.length == 0 && matchSwappedAlleles && v.id() != null && !v.id().isEmpty() && !v.id().equals(".")) {
            int[] byId = rowsByKey.get(idKey(v.id()));
            if (byId != null) return byId;
        }
        return rows;
    }

    /** Annotation rows for a variant (one per gene it belongs to); empty when not annotated. */
    public int[] rowsFor(String chrom, int pos, String ref, String alt) {
        int[] rows = rowsByKey.get(key(chrom, Integer.toString(pos), ref, alt));
        if (rows == null && matchSwappedAlleles) {
            rows = rowsByKey.get(key(chrom, Integer.toString(pos), alt, ref));
            if (rows != null) swappedMatches.incrementAndGet();
        }
        return rows == null ? new int[0] : rows;
    }
}
