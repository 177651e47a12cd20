package org.rareset.association.input;

import java.util.List;
import org.rareset.genotypes.vcf.Variant;

/**
 * The variants of one gene with, for each, its row in the {@link AnnotationTable}.
 */
public record GeneVariants(String gene, List<Variant> variants, int[] annotationRows) {
    public int size() { return variants.size(); }
}
