/**
 * The entry point to genotype files: {@link org.rareset.genotypes.GenotypeSources} opens a VCF/BCF,
 * PLINK 1 binary or BGEN input with the reader of its format. It sits above the reader packages
 * ({@code vcf}, {@code plink}, {@code bgen}, {@code input}), which must not depend on it; uses only
 * {@code core} and this module.
 */
package org.rareset.genotypes;
