/**
 * Generic table I/O: TSV/CSV (gzipped or not) and Parquet readers and writers with named, typed
 * columns, rows that know their file and line, missing-value rules and atomic commit/abort. Knows
 * no file of a particular stage (those are in {@code core.formats}); uses only {@code core} and
 * {@code core.output}, never a later module.
 */
package org.rareset.core.table;
