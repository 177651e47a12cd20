/**
 * DeepRVAT's input files: its {@code genotypes.h5} and Parquet tables, and their conversion into
 * RareSet's inputs (docs/deeprvat-files.md). Uses only {@code core} and the genotypes module; must
 * not depend on any later module.
 */
package org.rareset.genotypes.deeprvat;
