/**
 * Multiple testing over a family of results: genomic inflation lambda, Bonferroni and
 * Benjamini-Hochberg in log10 space, and the per-family significance summary. Must not depend on
 * the run or any module after association.
 */
package org.rareset.association.multiple;
