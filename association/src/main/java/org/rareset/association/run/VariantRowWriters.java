package org.rareset.association.run;

import org.rareset.core.formats.PValueFormat;
import org.rareset.core.formats.TsvLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rareset.core.table.Column;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriter;
import org.rareset.core.table.TableWriters;

/**
 * Single-variant results ({@link VariantRow#COLUMNS}) as Parquet or tab-separated text (gzipped for
 * {@code .gz}), written atomically like the gene results; {@code pval} in text is printed from
 * log10 p so it never underflows; {@code neg_log10p} = -log10 p.
 */
public final class VariantRowWriters {
    static final TableSchema SCHEMA = TableSchema.of(Column.string("phenotype"), Column.string("gene"),
            Column.string("mask"), Column.string("variant_id"), Column.string("chrom"), Column.int64("pos"),
            Column.string("ref"), Column.string("alt"), Column.float64("mac"), Column.integer("n_carriers"),
            Column.float64("beta"), Column.float64("se"), Column.float64("pval"), Column.float64("neg_log10p"));

    private VariantRowWriters() {}

    /**
     * The companion file of results {@code out}: {@code <stem>.single.parquet} for Parquet results,
     * else {@code <stem>.single.tsv} (plus {@code .gz} when {@code out} is gzipped).
     */
    public static Path path(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        String suffix = name.endsWith(".parquet") || name.endsWith(".pq") ? ".single.parquet"
                : name.endsWith(".gz") ? ".single.tsv.gz" : ".single.tsv";
        Path b = SummaryWriter.base(out);
        return b.resolveSibling(b.getFileName() + suffix);
    }

    public static void write(Path file, List<VariantRow> rows) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            writeParquet(file, rows);
        } else {
            writeTsv(file, rows);
        }
    }

    private static void writeTsv(Path out, List<VariantRow> rows) throws IOException {
        TsvLines.write(out, VariantRow.COLUMNS, rows, (r, sb) ->
            sb.append(r.phenotype()).append('\t').append(r.gene()).append('\t').append(r.mask()).append('\t')
                    .append(r.variantId()).append('\t').append(text(r.chrom())).append('\t')
                    .append(r.pos() < 0 ? "NA" : Long.toString(r.pos())).append('\t')
                    .append(text(r.ref())).append('\t').append(text(r.alt())).append('\t')
                    .append(PValueFormat.number(r.mac())).append('\t').append(r.nCarriers()).append('\t')
                    .append(PValueFormat.number(r.beta())).append('\t').append(PValueFormat.number(r.se())).append('\t')
                    .append(PValueFormat.format(r.log10P(), 6)).append('\t').append(PValueFormat.negLog10(r.log10P()))
                    .append('\n'));
    }

    private static String text(String s) {
        return s == null ? "NA" : s;
    }

    private static void writeParquet(Path out, List<VariantRow> rows) {
        TableWriters.write(out, SCHEMA, (TableWriter w) -> {
            for (VariantRow r : rows) {
                w.setString(0, r.phenotype());
                w.setString(1, r.gene());
                w.setString(2, r.mask());
                w.setString(3, r.variantId());
                if (r.chrom() != null) w.setString(4, r.chrom()); else w.setNull(4);
                if (r.pos() >= 0) w.setLong(5, r.pos()); else w.setNull(5);
                if (r.ref() != null) w.setString(6, r.ref()); else w.setNull(6);
                if (r.alt() != null) w.setString(7, r.alt()); else w.setNull(7);
                w.setDouble(8, r.mac());
                w.setInt(9, r.nCarriers());
                w.setDouble(10, r.beta());
                w.setDouble(11, r.se());
                w.setDouble(12, Math.pow(10, r.log10P()));
                w.setDouble(13, PValueFormat.negate(r.log10P()));
                w.endRow();
            }
        });
    }
}
