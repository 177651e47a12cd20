/**
 * The genotype matrix of one gene or mask as the tests see it (sparse minor-allele counts over
 * analysed samples) and the per-variant weights. Must not depend on the gene tests, masks, the run
 * or any module after association.
 */
package org.rareset.association.genotype;
