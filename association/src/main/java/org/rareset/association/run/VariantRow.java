package org.rareset.association.run;

import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.gene.SingleVariant;

/**
 * One line of the single-variant results: one phenotype x gene x mask x variant (column of the
 * mask's genotype matrix). A collapsed pseudo-variant keeps its name in {@code variantId} and has
 * no position ({@code chrom}, {@code ref}, {@code alt} null, {@code pos} -1).
 *
 * @param mac       minor allele count among the analysed samples with a call
 * @param nCarriers analysed samples with an observed non-zero dosage
 * @param beta      effect per copy of the coded allele (one-step score estimate), NaN when untestable
 * @param log10P    log10 of the score-test p-value, exact even where p underflows a double;
 *                  written as {@code neg_log10p} = -log10 p
 */
public record VariantRow(String phenotype, String gene, String mask, String variantId, String chrom, long pos,
                         String ref, String alt, double mac, int nCarriers, double beta, double se, double log10P) {

    public static final String[] COLUMNS = {"phenotype", "gene", "mask", "variant_id", "chrom", "pos", "ref", "alt",
            "mac", "n_carriers", "beta", "se", "pval", "neg_log10p"};

    /** The row of a tested column; the position comes from a {@code chrom:pos:ref:alt} id. */
    public static VariantRow of(String phenotype, String gene, String mask, GeneGenotypes.Column column,
                                SingleVariant.Result r) {
        String id = column.id();
        String[] f = id.split(":", -1);
        String chrom = null;
        long pos = -1;
        String ref = null;
        String alt = null;
        if (f.length == 4) {
            try {
                pos = Long.parseLong(f[1]);
                chrom = f[0];
                ref = f[2];
                alt = f[3];
            } catch (NumberFormatException e) {
                pos = -1; // a name, not a variant key
            }
        }
        return new VariantRow(phenotype, gene, mask, id, chrom, pos, ref, alt, column.mac(), column.carriers(),
                r.beta(), r.se(), r.log10P());
    }
}
