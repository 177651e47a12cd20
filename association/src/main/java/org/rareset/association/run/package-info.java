/**
 * One association run: genes x masks x traits through the tests, the GENE_P omnibus, timings, and
 * the results, settings and summary files it writes (TSV, Parquet, REGENIE, SAIGE-GENE+). Uses the packages
 * below it ({@code input}, {@code mask}, {@code gene}, {@code multiple}, ...), which must not
 * depend on it; must not depend on deepset, report or cli.
 */
package org.rareset.association.run;
