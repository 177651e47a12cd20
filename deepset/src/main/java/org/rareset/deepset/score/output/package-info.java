/**
 * Writers of gene impairment scores (sparse, long, wide, and as a BGEN of one pseudo-variant per
 * gene) and of per-variant contributions. Uses {@code deepset.score}, {@code core}, the BGEN writer
 * of {@code genotypes.bgen} and the gene model of {@code annotate}; never association, simulate,
 * report or cli.
 */
package org.rareset.deepset.score.output;
