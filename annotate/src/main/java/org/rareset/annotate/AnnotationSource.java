package org.rareset.annotate;

import java.util.List;
import org.rareset.genotypes.vcf.Variant;

/**
 * One annotation input (VEP, CADD, SpliceAI, a score table, VCF INFO fields), matched to cohort
 * variants on (chrom, pos, ref, alt). {@link #lookup} is called in cohort order: sorted by
 * position within each contig.
 */
public interface AnnotationSource extends AutoCloseable {
    /** Label for the summary, e.g. {@code CADD (whole_genome.tsv.gz)}. */
    String name();

    /** Numeric output columns this source fills, in order. */
    List<String> columns();

    /** True for VEP, which also yields consequence terms and gene names. */
    default boolean hasConsequences() {
        return false;
    }

    /** The source's values for {@code variant}, or null when the source does not have it. */
    Match lookup(Variant variant, String canonicalChrom);

    /** The first record in the source, to show next to a cohort key when nothing matches. */
    String exampleKey();

    /**
     * For sources whose named fields cannot be checked against a header (VEP --tab {@code Extra}
     * keys): per such field, how many matched variants carried it. Empty for the others.
     */
    default List<AnnotationSummary.FieldCount> fieldCounts() {
        return List.of();
    }

    /** Lines for the run summary: what the source merged or skipped, and why (empty when nothing). */
    default List<String> notes() {
        return List.of();
    }

    /** The error for a named field that no matched record carried (see {@link #fieldCounts}). */
    default RuntimeException fieldNeverSeen(String field) {
        return new org.rareset.core.InputException(name(), null, "no record carries the field '" + field + "'",
                "check the field name's spelling");
    }

    @Override
    void close();

    /** What a source knows about one variant. */
    interface Match {
        /**
         * Writes {@link #columns()} values for the variant in {@code gene} (null: no particular
         * gene) into {@code out} from {@code offset}; NaN where the source has no value.
         */
        void values(Gene gene, double[] out, int offset);

        /** Consequence bits ({@link Consequences}) for {@code gene}; 0 when unknown. */
        default int consequences(Gene gene) {
            return 0;
        }

        /** Genes the source names for this variant (VEP), for mapping without a gene file. */
        default List<Gene> genes() {
            return List.of();
        }
    }
}
