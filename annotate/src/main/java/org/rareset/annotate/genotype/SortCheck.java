package org.rareset.annotate.genotype;

import java.nio.file.Path;
import org.rareset.annotate.InputException;
import org.rareset.annotate.vcf.ContigOrder;

/**
 * The store needs each contig in one block and positions not decreasing within it; this checks a
 * PLINK or BGEN file's variants against that as they are read and names the offending variant.
 */
public final class SortCheck {
    private final ContigOrder order = new ContigOrder();
    private final Path file;
    private final String sortHint;

    /** @param sortHint how to sort this format, e.g. a plink2 command */
    public SortCheck(Path file, String sortHint) {
        this.file = file;
        this.sortHint = sortHint;
    }

    /** @param location where the variant is, e.g. "line 12" of the .bim or "variant 12" */
    public void next(String chrom, int pos, Path where, String location) {
        switch (order.next(chrom, pos)) {
            case POSITION_BACK -> throw new InputException(where.toString(), location,
                    "variants are not sorted: " + chrom + ":" + pos + " comes after " + chrom + ":" + order.lastPos(), sortHint);
            case CONTIG_AGAIN -> throw new InputException(where.toString(), location,
                    "variants are not sorted: contig " + chrom + " appears again after " + order.contig(), sortHint);
            default -> { }
        }
    }

    public Path file() {
        return file;
    }
}
