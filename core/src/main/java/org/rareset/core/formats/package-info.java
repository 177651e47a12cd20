/**
 * The files that stages hand each other, one class per file: its column names, its layouts and its
 * one reader, so that every consumer reads it by the same rules. Today: gene impairment scores
 * ({@link org.rareset.core.formats.GeneScoreFile}).
 */
package org.rareset.core.formats;
