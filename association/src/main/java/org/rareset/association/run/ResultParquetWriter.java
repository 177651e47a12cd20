package org.rareset.association.run;

import java.nio.file.Path;
import java.util.List;
import org.rareset.core.table.Column;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriter;
import org.rareset.core.table.TableWriters;

/**
 * Results as Parquet through the annotate module's table writers (atomic), with the columns of
 * {@link ResultRow#COLUMNS}. {@code pval} is a double and so reads 0 below about 1e-308;
 * {@code neg_log10p} stays exact. Unknown values are null.
 */
final class ResultParquetWriter {
    static final TableSchema SCHEMA = TableSchema.of(Column.string("phenotype"), Column.string("gene"),
            Column.string("gene_name"), Column.string("chrom"), Column.int64("start"), Column.int64("end"),
            Column.string("mask"), Column.string("test"), Column.integer("n_variants"), Column.float64("mac"),
            Column.integer("n_carriers"), Column.float64("mac_case"), Column.float64("mac_control"),
            Column.integer("n_carriers_case"), Column.integer("n_carriers_control"),
            Column.float64("beta"), Column.float64("se"), Column.float64("beta_per_allele"), Column.float64("pval"),
            Column.float64("neg_log10p"));

    private ResultParquetWriter() {}

    static void write(Path out, List<ResultRow> rows, GeneInfo.Lookup genes) {
        TableWriters.write(out, SCHEMA, (TableWriter w) -> {
            for (ResultRow r : rows) {
                GeneInfo g = genes.of(r.gene());
                var cc = r.caseControl();
                w.setString(0, r.phenotype());
                w.setString(1, r.gene());
                if (g.name() != null) w.setString(2, g.name()); else w.setNull(2);
                if (g.chrom() != null) w.setString(3, g.chrom()); else w.setNull(3);
                if (g.start() >= 0) w.setLong(4, g.start()); else w.setNull(4);
                if (g.end() >= 0) w.setLong(5, g.end()); else w.setNull(5);
                w.setString(6, r.mask());
                w.setString(7, r.test());
                w.setInt(8, r.nVariants());
                w.setDouble(9, r.mac());
                w.setInt(10, r.nCarriers());
                if (cc.known()) {
                    w.setDouble(11, cc.macCase());
                    w.setDouble(12, cc.macControl());
                    w.setInt(13, cc.nCarriersCase());
                    w.setInt(14, cc.nCarriersControl());
                } else {
                    for (int c = 11; c <= 14; c++) w.setNull(c);
                }
                w.setDouble(15, r.beta());
                w.setDouble(16, r.se());
                w.setDouble(17, r.betaPerAllele());
                w.setDouble(18, Math.pow(10, r.log10P()));
                w.setDouble(19, PValueFormat.negate(r.log10P()));
                w.endRow();
            }
        });
    }
}
