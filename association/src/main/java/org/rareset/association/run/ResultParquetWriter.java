package org.rareset.association.run;

import java.nio.file.Path;
import java.util.List;
import org.rareset.annotate.table.Column;
import org.rareset.annotate.table.TableSchema;
import org.rareset.annotate.table.TableWriter;
import org.rareset.annotate.table.TableWriters;

/**
 * Results as Parquet through the annotate module's table writers (atomic). {@code pval} is a
 * double and so reads 0 below about 1e-308; {@code log10p} stays exact.
 */
final class ResultParquetWriter {
    static final TableSchema SCHEMA = TableSchema.of(Column.string("phenotype"), Column.string("gene"),
            Column.string("mask"), Column.string("test"), Column.integer("n_variants"), Column.float64("mac"),
            Column.integer("n_carriers"), Column.float64("beta"), Column.float64("se"), Column.float64("pval"),
            Column.float64("log10p"));

    private ResultParquetWriter() {}

    static void write(Path out, List<ResultRow> rows) {
        TableWriters.write(out, SCHEMA, (TableWriter w) -> {
            for (ResultRow r : rows) {
                w.setString(0, r.phenotype());
                w.setString(1, r.gene());
                w.setString(2, r.mask());
                w.setString(3, r.test());
                w.setInt(4, r.nVariants());
                w.setDouble(5, r.mac());
                w.setInt(6, r.nCarriers());
                w.setDouble(7, r.beta());
                w.setDouble(8, r.se());
                w.setDouble(9, Math.pow(10, r.log10P()));
                w.setDouble(10, r.log10P());
                w.endRow();
            }
        });
    }
}
