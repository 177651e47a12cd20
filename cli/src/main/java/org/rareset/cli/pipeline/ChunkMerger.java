package org.rareset.cli.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Puts the rows of chunk outputs (each the rows of one contiguous block of genes, in the order a
 * single run writes them) back into single-run order.
 *
 * <p>A table's rows are nested loops over the columns before {@code gene} (the key, for example the
 * phenotype) and the genes. The chunk with the most rows tells which loop is outer: when the key
 * changes less often than the gene, the key is the outer loop (phenotype-major results, sample-major
 * scores) and rows are grouped by key in order of first appearance, chunks in order within each
 * key; otherwise genes are outer and the chunks are simply concatenated.
 */
public final class ChunkMerger {
    private ChunkMerger() {}

    /** Rows of each chunk, as the key (columns before gene) and gene of each row; returns the row order. */
    public record Ref(int chunk, int row) {}

    public static List<Ref> order(List<List<String>> keys, List<List<String>> genes) {
        int biggest = 0;
        for (int c = 1; c < keys.size(); c++) if (keys.get(c).size() > keys.get(biggest).size()) biggest = c;
        boolean keyOuter = changes(keys.get(biggest)) < changes(genes.get(biggest)) && changes(keys.get(biggest)) > 0;
        List<Ref> out = new ArrayList<>();
        if (!keyOuter) {
            for (int c = 0; c < keys.size(); c++) for (int r = 0; r < keys.get(c).size(); r++) out.add(new Ref(c, r));
            return out;
        }
        Map<String, List<List<Integer>>> byKey = new LinkedHashMap<>();
        for (int c = 0; c < keys.size(); c++) {
            for (int r = 0; r < keys.get(c).size(); r++) {
                List<List<Integer>> perChunk = byKey.computeIfAbsent(keys.get(c).get(r), k -> {
                    List<List<Integer>> l = new ArrayList<>();
                    for (int i = 0; i < keys.size(); i++) l.add(new ArrayList<>());
                    return l;
                });
                perChunk.get(c).add(r);
            }
        }
        for (List<List<Integer>> perChunk : byKey.values()) {
            for (int c = 0; c < perChunk.size(); c++) for (int r : perChunk.get(c)) out.add(new Ref(c, r));
        }
        return out;
    }

    /**
     * Order of the sparse gene-score layout ({@code kind gene sample score}, see
     * {@code GeneScoreFile}): every chunk starts with the same sample roster ({@code kind = sample}),
     * kept once from the first chunk, then each chunk's gene and carrier rows in chunk order.
     *
     * @param kinds the {@code kind} value of each row, per chunk
     */
    public static List<Ref> orderSparseScores(List<List<String>> kinds) {
        List<Ref> out = new ArrayList<>();
        for (int r = 0; r < kinds.get(0).size(); r++) if (ROSTER.equals(kinds.get(0).get(r))) out.add(new Ref(0, r));
        for (int c = 0; c < kinds.size(); c++) {
            for (int r = 0; r < kinds.get(c).size(); r++) if (!ROSTER.equals(kinds.get(c).get(r))) out.add(new Ref(c, r));
        }
        return out;
    }

    /** The {@code kind} of a sparse score file's roster rows. */
    public static final String ROSTER = org.rareset.core.formats.GeneScoreFile.KIND_SAMPLE;

    /** Positions of {@code kind} and {@code sample} in the sparse gene-score layout (the header equals its schema). */
    public static final int KIND_COLUMN = org.rareset.core.formats.GeneScoreFile.SPARSE.names().indexOf(org.rareset.core.formats.GeneScoreFile.KIND);
    public static final int SAMPLE_COLUMN = org.rareset.core.formats.GeneScoreFile.SPARSE.names().indexOf(org.rareset.core.formats.GeneScoreFile.SAMPLE);

    /** Whether a header is the sparse gene-score layout's. */
    public static boolean isSparseScores(List<String> header) {
        return header.equals(org.rareset.core.formats.GeneScoreFile.SPARSE.names());
    }

    static int changes(List<String> values) {
        int n = 0;
        for (int i = 1; i < values.size(); i++) if (!Objects.equals(values.get(i), values.get(i - 1))) n++;
        return n;
    }
}
