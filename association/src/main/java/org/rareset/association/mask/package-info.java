/**
 * Masks: which variants of a gene enter a test (annotation expressions, MAF limits, REGENIE mask
 * files, SAIGE-GENE+ group files, indicator burdens, case-control counts). Uses {@code input},
 * {@code genotype} and {@code nullmodel}; must not depend on the run or any module after
 * association.
 */
package org.rareset.association.mask;
