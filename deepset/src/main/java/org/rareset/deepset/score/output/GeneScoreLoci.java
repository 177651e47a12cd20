package org.rareset.deepset.score.output;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.annotate.Gene;
import org.rareset.core.InputException;
import org.rareset.deepset.score.GeneRows;

/**
 * Where a gene's score pseudo-variant is placed ({@link GeneScoreBgenWriter}): the midpoint
 * floor((start + end) / 2) of the gene body in the gene model (1-based, inclusive), the gene
 * matched by its id (version ignored) or, failing that, its name. A gene missing from the model,
 * or every gene when no model is given, is placed at the midpoint of its scored variants (first
 * to last position of its annotation rows) on their chromosome; those genes are counted
 * ({@link #fromVariants}). REGENIE uses the chromosome for its LOCO predictions, so it must be
 * right; the position only orders the pseudo-variants.
 *
 * @param loci          chromosome and position per gene
 * @param fromVariants  genes placed by their variants rather than by the gene model
 */
public record GeneScoreLoci(Map<String, Locus> loci, int fromVariants) {
    /** A chromosome as named in the gene model (or the genotypes) and a 1-based position. */
    public record Locus(String chrom, long pos) {}

    /**
     * @param model the gene model, or null
     * @throws InputException for a gene with neither a model entry nor variant coordinates, or
     *                        whose variants lie on more than one chromosome
     */
    public static GeneScoreLoci of(List<Gene> model, List<GeneRows> genes) {
        Map<String, Gene> byId = new HashMap<>();
        Map<String, Gene> byName = new HashMap<>();
        if (model != null) {
            for (Gene g : model) {
                byId.putIfAbsent(Gene.stripVersion(g.id()), g);
                if (g.name() != null && !g.name().isEmpty()) byName.putIfAbsent(g.name(), g);
            }
        }
        Map<String, Locus> loci = new LinkedHashMap<>();
        int fromVariants = 0;
        for (GeneRows rows : genes) {
            Gene g = byId.get(Gene.stripVersion(rows.gene()));
            if (g == null) g = byName.get(rows.gene());
            if (g != null) {
                loci.put(rows.gene(), new Locus(g.chrom(), ((long) g.start() + g.end()) / 2));
                continue;
            }
            loci.put(rows.gene(), fromVariants(rows));
            fromVariants++;
        }
        return new GeneScoreLoci(loci, fromVariants);
    }

    private static Locus fromVariants(GeneRows rows) {
        if (rows.rowVariants() == null || rows.nRows() == 0) {
            throw new InputException(null, null, "gene " + rows.gene() + " has no position: it is not in the gene model and has no variant coordinates",
                    "give --gene-model with this gene");
        }
        String chrom = null;
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (String[] v : rows.rowVariants()) {
            if (chrom == null) chrom = v[0];
            else if (!chrom.equals(v[0])) {
                throw new InputException(null, null, "gene " + rows.gene() + " has variants on " + chrom + " and " + v[0],
                        "give --gene-model to place the gene");
            }
            long pos = Long.parseLong(v[1]);
            lo = Math.min(lo, pos);
            hi = Math.max(hi, pos);
        }
        return new Locus(chrom, (lo + hi) / 2);
    }
}
