/**
 * VCF/BCF reading and what every genotype reader shares: split, sparse {@link
 * org.rareset.genotypes.vcf.Variant}s and the {@link org.rareset.genotypes.vcf.VariantSource}
 * stream, BGZF line sources, the VCF line decoder, tabix/CSI indexes, regions, sample selection,
 * contig order and read statistics. The bottom of the genotypes module: uses only {@code core};
 * must not depend on the other genotypes packages (readers of other formats, the store) or any
 * later module.
 */
package org.rareset.genotypes.vcf;
