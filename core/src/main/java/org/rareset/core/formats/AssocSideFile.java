package org.rareset.core.formats;

import java.util.List;

/**
 * The columns of the side files {@code rareset assoc} writes beside its results ({@link ResultFile}),
 * defined once for their writer ({@code association.run.SummaryWriter}, {@code SettingsWriter}), the
 * merge of chunks and the report, which reads assoc's conclusions from them instead of recomputing
 * them (docs/association.md, "Outputs").
 */
public final class AssocSideFile {
    private AssocSideFile() {}

    public static final String PHENOTYPE = ResultFile.PHENOTYPE;
    public static final String GENE = ResultFile.GENE;
    public static final String MASK = ResultFile.MASK;
    public static final String TEST = ResultFile.TEST;

    /** {@code <base>.summary.tsv}: one row per phenotype and test. */
    public static final class Summary {
        private Summary() {}

        public static final String COUNTED = "counted";
        public static final String N_TESTS = "n_tests";
        /** Genomic inflation: median 1-df chi-square of the p-values / 0.4549, 4 decimals. */
        public static final String LAMBDA = "lambda";
        public static final String ALPHA = "alpha";
        /** The Bonferroni p threshold alpha / n_tests, printed from its log10 ({@link PValueFormat}). */
        public static final String BONFERRONI_PVAL = "bonferroni_pval";
        public static final String N_BONFERRONI = "n_bonferroni";
        public static final String N_BH_FDR = "n_bh_fdr";
        public static final List<String> COLUMNS = List.of(PHENOTYPE, TEST, COUNTED, N_TESTS, LAMBDA, ALPHA, BONFERRONI_PVAL,
                N_BONFERRONI, N_BH_FDR);
    }

    /** Flag column of both significant files: 1 when Bonferroni-significant, else 0. */
    public static final String BONFERRONI_SIGNIFICANT = "bonferroni_significant";

    /** {@code <base>.significant.tsv}: the per-gene list (gene-level test, corrected over genes). */
    public static final class SignificantGenes {
        private SignificantGenes() {}

        public static final List<String> COLUMNS = List.of(PHENOTYPE, GENE, ResultFile.GENE_NAME, ResultFile.CHROM,
                ResultFile.START, ResultFile.END, TEST, ResultFile.PVAL, ResultFile.NEG_LOG10P, "n_genes",
                "pval_bonferroni_over_genes", "qval_bh_over_genes", BONFERRONI_SIGNIFICANT, "best_mask", "best_test", "best_pval");
    }

    /** {@code <base>.significant_per_test.tsv}: gene x mask rows, corrected within their test. */
    public static final class SignificantPerTest {
        private SignificantPerTest() {}

        public static final List<String> COLUMNS = List.of(PHENOTYPE, GENE, MASK, TEST, ResultFile.N_VARIANTS, ResultFile.MAC,
                ResultFile.PVAL, ResultFile.NEG_LOG10P, Summary.N_TESTS, "pval_bonferroni_within_test", "qval_bh_within_test",
                BONFERRONI_SIGNIFICANT);
    }

    /** {@code <base>.skipped.tsv}: genes with nothing to test, per phenotype, mask and reason. */
    public static final class Skipped {
        private Skipped() {}

        public static final String REASON = "reason";
        public static final String N_GENES = "n_genes";
        public static final List<String> COLUMNS = List.of(PHENOTYPE, MASK, REASON, N_GENES);
    }

    /** {@code <base>.settings.tsv}: {@code scope key value}, scope {@link #RUN} or a phenotype. */
    public static final class Settings {
        private Settings() {}

        public static final String SCOPE = "scope";
        public static final String KEY = "key";
        public static final String VALUE = "value";
        public static final List<String> COLUMNS = List.of(SCOPE, KEY, VALUE);
        /** The scope of run-wide settings. */
        public static final String RUN = "run";
        /** The run-wide key holding the number of genes tested. */
        public static final String N_GENES = "n_genes";
    }

    /** A header line: the columns joined by tabs, newline included. */
    public static String header(List<String> columns) {
        return String.join("\t", columns) + "\n";
    }
}
