/**
 * The BGEN reader (v1.1-1.3, zlib/zstd, layouts 1 and 2), its {@code .sample} file and hard calls
 * as plink2 makes them, and the BGEN v1.2 writer of dosages ({@link org.rareset.genotypes.bgen.BgenWriter}). Uses {@code core}, {@code genotypes.vcf} and {@code genotypes.input}; must
 * not depend on the store, other format readers or any later module.
 */
package org.rareset.genotypes.bgen;
