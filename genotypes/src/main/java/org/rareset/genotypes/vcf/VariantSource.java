package org.rareset.genotypes.vcf;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/**
 * A stream of split, sparse {@link Variant}s in file order, from a VCF/BCF or a genotype store.
 * Sample indexes in each Variant refer to {@link #samples()}.
 */
public interface VariantSource extends Iterable<Variant>, Closeable {
    /** Sample names in index order (after any sample subsetting). */
    List<String> samples();

    /** Iterates the variants once, in file order. */
    @Override
    Iterator<Variant> iterator();

    @Override
    void close();
}
