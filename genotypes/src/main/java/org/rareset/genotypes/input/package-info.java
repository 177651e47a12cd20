/**
 * What names a genotype input on the command line ({@link
 * org.rareset.genotypes.input.GenotypeInput}: VCF/BCF, PLINK fileset or BGEN), how PLINK and BGEN
 * alleles and sample ids are read ({@link org.rareset.genotypes.input.ImportOptions}, {@link
 * org.rareset.genotypes.input.SampleIds}). Value types the format readers take; must not depend on
 * those readers ({@code bgen}, {@code plink}), the store or any later module.
 */
package org.rareset.genotypes.input;
