package org.rareset.genotypes.vcf;

import java.nio.file.Path;

/**
 * A {@link VariantSource} read from a genotype file (VCF/BCF, PLINK 1 binary, BGEN): it knows its
 * file, for messages, and counts what it read and skipped, so ingest can report it.
 */
public interface GenotypeFileSource extends VariantSource {
    /** The file named in messages (for a PLINK fileset, its .bed). */
    Path file();

    /** Counts of what was read and skipped; complete once iteration has finished. */
    ReadStats stats();
}
