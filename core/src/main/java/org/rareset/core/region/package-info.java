/**
 * Genomic regions and the indexes that find them: 1-based inclusive regions and their parsing
 * ({@link org.rareset.core.region.GenomicRegion}, {@link org.rareset.core.region.RegionSet}),
 * contig naming ({@link org.rareset.core.region.Contigs}: {@code 1} is {@code chr1}), tabix and CSI
 * index reading ({@link org.rareset.core.region.RegionIndex}, {@link org.rareset.core.region.CsiIndex})
 * and the check that an index still describes its file ({@link org.rareset.core.region.StaleIndex}).
 * It serves every bgzipped, indexed input (VCF, BCF, score tables) and may use only
 * {@code org.rareset.core} and {@code org.rareset.core.bgzf}; it knows no file format's records.
 */
package org.rareset.core.region;
