/**
 * The PLINK 1 binary reader ({@code .bed}/{@code .bim}/{@code .fam}) as sparse variants. Uses
 * {@code core}, {@code genotypes.vcf} and {@code genotypes.input}; must not depend on the store,
 * other format readers or any later module.
 */
package org.rareset.genotypes.plink;
