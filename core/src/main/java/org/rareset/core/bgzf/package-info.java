/**
 * Compressed text in and out: BGZF (SAM/BAM specification section 4.1) read on several threads
 * ({@link org.rareset.core.bgzf.BgzfChunkReader}) or from a seek point
 * ({@link org.rareset.core.bgzf.SeekableBgzfChunkReader}), gzip and plain text and pipes as the
 * same numbered lines ({@link org.rareset.core.bgzf.BgzfLineSource}), corruption turned into one
 * clear input error ({@link org.rareset.core.bgzf.Bgzf}), and the parallel BGZF writer
 * ({@link org.rareset.core.bgzf.ParallelBgzfOutputStream}). It knows bytes and lines only: no
 * file format (VCF, tables) and nothing outside {@code org.rareset.core}; a format that finds
 * line ends faster hands in its own {@link org.rareset.core.bgzf.BgzfLineSource.LineEnds}.
 */
package org.rareset.core.bgzf;
