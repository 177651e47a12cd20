package org.rareset.deepset.score;

import java.util.List;
import java.util.Map;

/**
 * Everything {@link GeneScoringEngine} needs for one cohort: the sample names and each gene's
 * annotation rows with their carriers, plus counts of what was matched, filled or left out.
 */
public record ScoringInput(List<String> samples, List<GeneRows> genes, Summary summary) {

    /** What the variant filter left out: rows failing it, rows of ALT-major variants, genes left empty. */
    public record FilterCounts(String expression, long rowsFailed, long rowsAltMajor, int genesWithoutRows) {}

    /** What reading the inputs did, for the command's report: nothing is dropped silently. */
    public record Summary(long annotationRows, int genes, long vcfAlleles, long vcfAllelesAnnotated,
                          long vcfAllelesWithoutAnnotation, long annotationRowsWithoutVcfRecord,
                          long missingCallsAsNonCarriers, long duplicateVcfRecords,
                          Map<String, Long> filledMissingValues, boolean mafMbFromGenotypes,
                          FilterCounts filter) {

        /** Human-readable lines, one fact each. */
        public List<String> lines() {
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            out.add(annotationRows + " annotation rows in " + genes + " genes");
            if (filter != null) {
                out.add(filter.rowsFailed() + " annotation rows left out by the variant filter '" + filter.expression() + "'");
                if (filter.rowsAltMajor() > 0) {
                    out.add(filter.rowsAltMajor() + " annotation rows left out because ALT is the major allele (as in training)");
                }
                if (filter.genesWithoutRows() > 0) {
                    out.add(filter.genesWithoutRows() + " genes have no row left after the filter (not scored)");
                }
            }
            out.add(vcfAlleles + " genotyped ALT alleles (VCF records or store variants), " + vcfAllelesAnnotated + " with annotation rows, "
                    + vcfAllelesWithoutAnnotation + " without (not scored)");
            if (annotationRowsWithoutVcfRecord > 0) {
                out.add(annotationRowsWithoutVcfRecord + " annotation rows without a genotyped variant (carried by nobody)");
            }
            if (missingCallsAsNonCarriers > 0) {
                out.add(missingCallsAsNonCarriers + " missing genotype calls of annotated variants counted as non-carriers");
            }
            if (duplicateVcfRecords > 0) {
                out.add(duplicateVcfRecords + " repeated genotype records of one variant (carriers merged)");
            }
            if (mafMbFromGenotypes) out.add("MAF_MB computed from the cohort's genotypes (the table has no MAF_MB column)");
            filledMissingValues.forEach((col, n) -> out.add(n + " missing " + col + " values filled with the model's default"));
            return out;
        }
    }
}
