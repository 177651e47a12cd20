package org.rareset.annotate;

import java.nio.file.Path;
import java.util.List;
import org.rareset.core.table.DuplicateRows;
import org.rareset.core.table.NonFinite;

/**
 * Everything one {@code annotate} run is told; {@link AnnotationJob} checks and runs it. The
 * meaning of each value is the help text of the {@code annotate} option of the same name.
 *
 * @param genes     gene model (GTF, GFF3 or BED), or null for the genes VEP/snpEff name
 * @param vepFields extra VEP fields, {@code FIELD[=COLUMN]} each
 * @param tables    {@code FILE:COL[=NAME][,...]} each ({@link ColumnSpec})
 * @param infos     {@code FILE:FIELD[=NAME][,...]} each ({@link ColumnSpec})
 * @param fills     {@code COLUMN=VALUE} each
 * @param threads   worker threads (1 or more)
 */
public record AnnotationSettings(Path vcf, Path out, Path genes, boolean proteinCodingOnly, int geneWindow, List<Path> vep,
                                 List<Path> snpeff, List<String> vepFields, List<Path> cadd, List<Path> spliceai,
                                 List<String> tables, List<String> infos, List<String> fills, DuplicateRows duplicateRows,
                                 NonFinite nonFinite, boolean lenient, boolean allowUnmatched, int threads) {}
