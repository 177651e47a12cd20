package org.rareset.simulate;

import java.io.IOException;

/**
 * Where a simulation writes each site's genotypes: a bgzipped VCF with its tabix index
 * ({@link SimulatedVcfWriter}) or a genotype store ({@link SimulatedStoreWriter}, {@code simulate --store}).
 * The files are written under temporary names that the caller renames.
 */
interface SimulatedGenotypes {
    void write(SimSite site, GenotypeSampler g) throws IOException;

    /** Completes the files under their temporary names. */
    void finish() throws IOException;

    /** Stops without completing them (the caller deletes the temporary files). */
    void abort();
}
