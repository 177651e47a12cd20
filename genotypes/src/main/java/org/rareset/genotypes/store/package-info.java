/**
 * The sparse genotype store ({@code .rsg}: format, writer, memory-mapped reader, checksums) and the
 * ingest stage with its variant QC and report (docs/genotype-store.md). Reads inputs through {@link
 * org.rareset.genotypes.GenotypeSources}; must not depend on annotation, association, deepset or
 * any later module.
 */
package org.rareset.genotypes.store;
