package org.rareset.association.run;

import java.nio.file.Path;
import java.util.List;
import org.rareset.association.mask.RegenieMaskInputs;
import org.rareset.association.mask.SaigeGroupInputs;

/**
 * Everything one {@code assoc} run is told: the cohort, where masks come from, the tests and their
 * options, and the outputs. {@link AssociationJob} checks the combination and runs it; the
 * meaning of each value is the help text of the {@code assoc} option of the same name.
 *
 * @param maskFile       {@code --masks}, or null for one mask 'all'
 * @param maxMaf         {@code --max-maf}, or null for {@link AssociationJob#DEFAULT_MAX_MAF}
 * @param minMac         skip a gene x mask with fewer minor alleles
 * @param qtTransform    {@code none} or {@code rint}
 * @param geneModel      gene model for the gene_name chrom start end columns, or null
 * @param collapseMac    collapse variants below this MAC (0 = off)
 * @param weights        variant weight specification ({@code beta:1,25}, {@code none}, a column, {@code deepset:FILE})
 * @param tests          comma-separated test names
 * @param scores         gene impairment scores to test instead of variants, or null
 * @param pred           REGENIE step-1 {@code _pred.list}, or null
 * @param out            the results file ({@code .tsv}, {@code .tsv.gz}, {@code .parquet}); side files go beside it
 * @param writeBurdens   where to write each sample's burdens, or null
 * @param outFormat      {@code rareset} or {@code regenie}
 * @param threads        worker threads (1 or more)
 * @param timeGenes      log the CPU time of every gene x mask and test
 * @param part           which genes this run tests ({@link GenePartition#ALL} for all)
 */
public record AssociationSettings(CohortInputs cohort, RegenieMaskInputs regenieMasks, SaigeGroupInputs saigeGroups,
                                  Path maskFile, List<Double> maxMaf, double minMac, String qtTransform, Path geneModel,
                                  int collapseMac, String weights, String tests, boolean singleVariant, double firthThreshold,
                                  boolean noSpa, double alpha, Path scores, Path pred, Path out, Path writeBurdens, String outFormat,
                                  int threads, boolean timeGenes, GenePartition part) {
    /** Which part of the genes a run tests, in the run's gene order (e.g. one chunk of a cluster job). */
    @FunctionalInterface
    public interface GenePartition {
        /** Every gene. */
        GenePartition ALL = new GenePartition() {
            @Override
            public <T> List<T> select(List<T> genes) {
                return genes;
            }
        };

        /** This part's genes, in their order. */
        <T> List<T> select(List<T> genes);
    }
}
