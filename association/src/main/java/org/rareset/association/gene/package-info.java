/**
 * The gene tests: burden, SKAT, SKAT-O, ACAT-V, ACAT-O and single-variant, with their options and
 * results. Uses {@code genotype}, {@code nullmodel}, {@code pvalue} and {@code regression}; must
 * not depend on masks, the run or any module after association.
 */
package org.rareset.association.gene;
