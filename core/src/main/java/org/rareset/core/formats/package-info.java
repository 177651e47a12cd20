/**
 * The files that stages hand each other, one class per file: its column names, its layouts and its
 * one reader, so that every consumer reads it by the same rules. Today: gene impairment scores
 * ({@link org.rareset.core.formats.GeneScoreFile}), association results
 * ({@link org.rareset.core.formats.ResultFile}, rows {@link org.rareset.core.formats.ResultRow},
 * p-values printed by {@link org.rareset.core.formats.PValueFormat}) and the columns of their side
 * files ({@link org.rareset.core.formats.AssocSideFile}).
 */
package org.rareset.core.formats;
