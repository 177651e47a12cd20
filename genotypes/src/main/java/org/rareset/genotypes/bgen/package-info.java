/**
 * The BGEN reader (v1.1-1.3, zlib/zstd, layouts 1 and 2), its {@code .sample} file and hard calls
 * as plink2 makes them. Uses {@code core}, {@code genotypes.vcf} and {@code genotypes.input}; must
 * not depend on the store, other format readers or any later module.
 */
package org.rareset.genotypes.bgen;
