package org.rareset.association.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rareset.annotate.InputException;
import org.rareset.annotate.table.TextTable;
import org.rareset.annotate.vcf.Contigs;

/**
 * Variant annotations: one row per variant and gene, keyed by {@code chrom pos ref alt} (or an
 * {@code id}-like column holding {@code chrom:pos:ref:alt}), with a {@code gene} or
 * {@code gene_id} column; every other column is an annotation usable in mask expressions and
 * as weights. Contig names are compared without a {@code chr} prefix.
 *
 * <p>Cells {@code NA}, {@code .} and empty are missing: a missing value fails every comparison.
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
            for (int r : rows) chromOfGene.putIfAbsent(genes[r], key.substring(0, key.indexOf(':')));
        });
    }

    /** The contig (without {@code chr}) of a gene's variants, null for a gene not in the table. */
    public String chromOf(String gene) {
        return chromOfGene.get(gene);
    }

    public static AnnotationTable from(TextTable t) {
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
        String[] genes = new String[n];
        String[][] text = new String[n][annCols.size()];
        double[][] numbers = new double[n][annCols.size()];
        long[] lines = new long[n];
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int r = 0; r < n; r++) {
            lines[r] = t.line(r);
            genes[r] = t.cell(r, gene);
            if (genes[r].isEmpty() || genes[r].equals("NA") || genes[r].equals(".")) {
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
            byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(r);
            for (int k = 0; k < annCols.size(); k++) {
                String cell = t.cell(r, annCols.get(k));
                boolean missing = cell.isEmpty() || cell.equals("NA") || cell.equals(".");
                text[r][k] = missing ? null : cell;
                numbers[r][k] = missing ? Double.NaN : parseOrNaN(cell);
            }
        }
        Map<String, int[]> rowsByKey = new HashMap<>(byKey.size() * 2);
        byKey.forEach((k, v) -> rowsByKey.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return new AnnotationTable(t.source(), annNames, genes, text, numbers, lines, rowsByKey);
    }

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

    /** The lookup key of a variant: contig without {@code chr}, position, alleles. */
    public static String key(String chrom, String pos, String ref, String alt) {
        // Alleles match whatever their case: the store keeps them upper-cased, as htsjdk does.
        return Contigs.canonical(chrom) + ":" + pos.trim() + ":" + ref.toUpperCase(java.util.Locale.ROOT) + ":"
                + alt.toUpperCase(java.util.Locale.ROOT);
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

    /** Annotation rows for a variant (one per gene it belongs to); empty when not annotated. */
    public int[] rowsFor(String chrom, int pos, String ref, String alt) {
        int[] rows = rowsByKey.get(key(chrom, Integer.toString(pos), ref, alt));
        return rows == null ? new int[0] : rows;
    }
}
