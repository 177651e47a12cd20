package org.rareset.core.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.rareset.core.InputException;
import org.rareset.core.table.Column;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriter;
import org.rareset.core.table.TableWriters;

/**
 * The association results that {@code rareset assoc} writes and {@code report}, {@code merge},
 * {@code export deeprvat} and the pipeline read: its columns, its writer and its one reader.
 *
 * <p>One row per phenotype x gene x mask x test ({@link ResultRow}), columns {@link #COLUMNS}:
 * {@code phenotype gene gene_name chrom start end mask test n_variants mac n_carriers mac_case
 * mac_control n_carriers_case n_carriers_control beta se beta_per_allele pval neg_log10p}.
 * {@code neg_log10p} = -log10 p at full double precision is the exact p-value; {@code pval} is a
 * convenience copy (text: 6 significant digits printed from log10 p, so {@code 1.23e-450} stays
 * right; Parquet: a double, which reads 0 below about 1e-308).
 *
 * <p>The format follows the name: {@code .parquet}/{@code .pq} is Parquet (unknown values null),
 * anything else tab-separated text, gzipped when the name ends in {@code .gz} (unknown values
 * {@code NA}). Files appear only when complete (temporary name, renamed).
 */
public final class ResultFile {
    public static final String PHENOTYPE = "phenotype";
    public static final String GENE = "gene";
    public static final String GENE_NAME = "gene_name";
    public static final String CHROM = "chrom";
    public static final String START = "start";
    public static final String END = "end";
    public static final String MASK = "mask";
    public static final String TEST = "test";
    public static final String N_VARIANTS = "n_variants";
    public static final String MAC = "mac";
    public static final String N_CARRIERS = "n_carriers";
    public static final String MAC_CASE = "mac_case";
    public static final String MAC_CONTROL = "mac_control";
    public static final String N_CARRIERS_CASE = "n_carriers_case";
    public static final String N_CARRIERS_CONTROL = "n_carriers_control";
    public static final String BETA = "beta";
    public static final String SE = "se";
    public static final String BETA_PER_ALLELE = "beta_per_allele";
    public static final String PVAL = "pval";
    public static final String NEG_LOG10P = "neg_log10p";
    /** Files from before {@code neg_log10p} carried log10 p (negative) under this name; read, never written. */
    public static final String LEGACY_LOG10P = "log10p";

    /** Column types as Parquet stores them; {@link #COLUMNS} in order. */
    public static final TableSchema SCHEMA = TableSchema.of(Column.string(PHENOTYPE), Column.string(GENE),
            Column.string(GENE_NAME), Column.string(CHROM), Column.int64(START), Column.int64(END),
            Column.string(MASK), Column.string(TEST), Column.integer(N_VARIANTS), Column.float64(MAC),
            Column.integer(N_CARRIERS), Column.float64(MAC_CASE), Column.float64(MAC_CONTROL),
            Column.integer(N_CARRIERS_CASE), Column.integer(N_CARRIERS_CONTROL),
            Column.float64(BETA), Column.float64(SE), Column.float64(BETA_PER_ALLELE), Column.float64(PVAL),
            Column.float64(NEG_LOG10P));

    /** The header, in order. */
    public static final String[] COLUMNS = SCHEMA.names().toArray(String[]::new);

    /** The mask of rows read from a file without a {@code mask} column. */
    public static final String NO_MASK = "all";

    private static final String COLUMNS_HINT = "expected the columns phenotype gene mask test n_variants mac n_carriers beta se pval neg_log10p";

    private ResultFile() {}

    // ---------------------------------------------------------------- writing

    public static void write(Path out, List<ResultRow> rows) throws IOException {
        write(out, rows, GeneInfo.Lookup.NONE);
    }

    /**
     * Writes the results, Parquet or text by the name (see the class comment).
     *
     * @param genes fills {@code gene_name chrom start end} (unknown where it knows nothing)
     */
    public static void write(Path out, List<ResultRow> rows, GeneInfo.Lookup genes) throws IOException {
        if (isParquet(out)) writeParquet(out, rows, genes);
        else writeTsv(out, rows, genes);
    }

    static boolean isParquet(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") || name.endsWith(".pq");
    }

    private static void writeTsv(Path out, List<ResultRow> rows, GeneInfo.Lookup genes) throws IOException {
        TsvLines.write(out, COLUMNS, rows, (r, sb) -> {
            GeneInfo g = genes.of(r.gene());
            CaseControlCounts cc = r.caseControl();
            sb.append(r.phenotype()).append('\t').append(r.gene()).append('\t')
                    .append(text(g.name())).append('\t').append(text(g.chrom())).append('\t')
                    .append(position(g.start())).append('\t').append(position(g.end())).append('\t')
                    .append(r.mask()).append('\t')
                    .append(r.test()).append('\t').append(r.nVariants()).append('\t')
                    .append(PValueFormat.number(r.mac())).append('\t').append(r.nCarriers()).append('\t')
                    .append(PValueFormat.number(cc.macCase())).append('\t').append(PValueFormat.number(cc.macControl())).append('\t')
                    .append(count(cc.nCarriersCase())).append('\t').append(count(cc.nCarriersControl())).append('\t')
                    .append(PValueFormat.number(r.beta())).append('\t').append(PValueFormat.number(r.se())).append('\t')
                    .append(PValueFormat.number(r.betaPerAllele())).append('\t')
                    .append(PValueFormat.format(r.log10P(), 6)).append('\t').append(PValueFormat.negLog10(r.log10P()))
                    .append('\n');
        });
    }

    private static void writeParquet(Path out, List<ResultRow> rows, GeneInfo.Lookup genes) {
        TableWriters.write(out, SCHEMA, (TableWriter w) -> {
            for (ResultRow r : rows) {
                GeneInfo g = genes.of(r.gene());
                CaseControlCounts cc = r.caseControl();
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
                w.setDouble(18, r.pval());
                w.setDouble(19, PValueFormat.negate(r.log10P()));
                w.endRow();
            }
        });
    }

    /** A text cell: the value, or {@code NA} for null. */
    public static String text(String s) {
        return s == null ? "NA" : s;
    }

    /** A position cell: {@code NA} for an unknown (negative) position. */
    public static String position(long p) {
        return p < 0 ? "NA" : Long.toString(p);
    }

    /** A count cell: {@code NA} for an unknown (negative) count. */
    public static String count(int n) {
        return n < 0 ? "NA" : Integer.toString(n);
    }

    // ---------------------------------------------------------------- reading

    /**
     * Rows read from one or more results files, the gene names and positions they carry, and the
     * number of rows left out because their p-value is missing (counted, never dropped silently).
     */
    public record Table(List<ResultRow> rows, GeneInfo.Lookup genes, int skipped) {}

    /** Reads several results files as one table, in order. */
    public static Table read(List<Path> files) {
        List<ResultRow> rows = new ArrayList<>();
        Map<String, GeneInfo> genes = new LinkedHashMap<>();
        int skipped = 0;
        for (Path f : files) {
            skipped += scan(f, rows::add, genes);
        }
        return new Table(rows, lookup(genes), skipped);
    }

    /**
     * Reads a results file (TSV, CSV, gzipped or not, or Parquet). Required: {@code phenotype gene
     * test} and a p-value: {@code neg_log10p} (preferred, exact), else {@code pval}; files from
     * before {@code neg_log10p} may carry {@code log10p} = log10 p instead (a {@code log10p} column
     * whose values are all non-negative is taken as -log10 p). The other columns are optional:
     * {@code mask} reads {@value #NO_MASK} when absent, numbers NaN (counts 0), case/control counts
     * {@link CaseControlCounts#NONE}.
     */
    public static Table read(Path file) {
        return read(List.of(file));
    }

    /**
     * Streams a results file's rows with a p-value to {@code sink}, by the rules of
     * {@link #read(Path)}, without holding them or the genes' names and positions: for consumers that
     * keep only part of each row. Returns the number of rows left out for a missing p-value.
     */
    public static int forEach(Path file, Consumer<ResultRow> sink) {
        return scan(file, sink, null);
    }

    private static GeneInfo.Lookup lookup(Map<String, GeneInfo> genes) {
        return genes.isEmpty() ? GeneInfo.Lookup.NONE : gene -> genes.getOrDefault(gene, GeneInfo.UNKNOWN);
    }

    /**
     * Hands the file's rows to {@code sink} and, when {@code genes} is not null, collects each gene's
     * name and position; returns the rows without a p-value. Rows stream as read, except from old
     * files with {@code log10p}, whose sign is known only after the last row.
     */
    private static int scan(Path file, Consumer<ResultRow> sink, Map<String, GeneInfo> genes) {
        try (TableReader r = TableReaders.open(file)) {
            Columns c = new Columns(r);
            boolean legacy = c.negLog10p < 0 && c.log10p >= 0;
            List<ResultRow> held = legacy ? new ArrayList<>() : null;
            int skipped = 0;
            boolean sawPositiveLog = false, sawNegativeLog = false;
            for (Row row : r) {
                double lp = c.negLog10p >= 0 ? 0.0 - number(row, c.negLog10p, NEG_LOG10P)
                        : c.log10p >= 0 ? number(row, c.log10p, LEGACY_LOG10P) : Double.NaN;
                if (Double.isNaN(lp) && c.pval >= 0) lp = Math.log10(number(row, c.pval, PVAL));
                if (Double.isNaN(lp)) {
                    skipped++;
                    continue;
                }
                if (lp > 0) {
                    if (c.negLog10p >= 0) {
                        throw InputException.of(file, "column neg_log10p has negative values", "neg_log10p must be -log10 of the p-value (>= 0)");
                    }
                    sawPositiveLog = true;
                }
                if (lp < 0) sawNegativeLog = true;
                String gene = string(row, c.gene);
                if (genes != null && c.geneName >= 0 && c.chrom >= 0 && c.start >= 0 && c.end >= 0 && !genes.containsKey(gene)) {
                    genes.put(gene, new GeneInfo(textOrNull(row, c.geneName), textOrNull(row, c.chrom),
                            positionOrUnknown(row, c.start, START), positionOrUnknown(row, c.end, END)));
                }
                CaseControlCounts cc = c.nCarriersCase >= 0 && !row.isMissing(c.nCarriersCase)
                        ? new CaseControlCounts(optional(row, c.macCase, MAC_CASE), optional(row, c.macControl, MAC_CONTROL),
                                (int) number(row, c.nCarriersCase, N_CARRIERS_CASE),
                                (int) optional(row, c.nCarriersControl, N_CARRIERS_CONTROL))
                        : CaseControlCounts.NONE;
                ResultRow out = new ResultRow(string(row, c.phenotype), gene, c.mask >= 0 ? string(row, c.mask) : NO_MASK,
                        string(row, c.test), (int) optional(row, c.nVariants, N_VARIANTS), optional(row, c.mac, MAC),
                        (int) optional(row, c.nCarriers, N_CARRIERS), cc, optional(row, c.beta, BETA),
                        optional(row, c.se, SE), optional(row, c.betaPerAllele, BETA_PER_ALLELE), lp);
                if (legacy) held.add(out); else sink.accept(out);
            }
            if (sawPositiveLog && sawNegativeLog) {
                throw InputException.of(file, "column log10p has both positive and negative values",
                        "log10p must be log10 of the p-value (<= 0)");
            }
            if (legacy) {
                for (ResultRow x : held) {
                    // an old file carrying -log10 p under log10p: convert
                    sink.accept(!sawPositiveLog ? x : new ResultRow(x.phenotype(), x.gene(), x.mask(), x.test(), x.nVariants(),
                            x.mac(), x.nCarriers(), x.caseControl(), x.beta(), x.se(), x.betaPerAllele(), -x.log10P()));
                }
            }
            return skipped;
        }
    }

    /** Column indexes by name (case-insensitive, trimmed), -1 when absent. */
    private static final class Columns {
        final int phenotype, gene, geneName, chrom, start, end, mask, test, nVariants, mac, nCarriers, macCase, macControl,
                nCarriersCase, nCarriersControl, beta, se, betaPerAllele, pval, negLog10p, log10p;

        Columns(TableReader r) {
            List<String> header = new ArrayList<>();
            for (String h : r.columns()) header.add(h.trim().toLowerCase(Locale.ROOT));
            phenotype = required(r, header, PHENOTYPE);
            gene = required(r, header, GENE);
            test = required(r, header, TEST);
            pval = header.indexOf(PVAL);
            negLog10p = header.indexOf(NEG_LOG10P);
            log10p = header.indexOf(LEGACY_LOG10P);
            if (pval < 0 && negLog10p < 0 && log10p < 0) required(r, header, PVAL);
            geneName = header.indexOf(GENE_NAME);
            chrom = header.indexOf(CHROM);
            start = header.indexOf(START);
            end = header.indexOf(END);
            mask = header.indexOf(MASK);
            nVariants = header.indexOf(N_VARIANTS);
            mac = header.indexOf(MAC);
            nCarriers = header.indexOf(N_CARRIERS);
            macCase = header.indexOf(MAC_CASE);
            macControl = header.indexOf(MAC_CONTROL);
            nCarriersCase = header.indexOf(N_CARRIERS_CASE);
            nCarriersControl = header.indexOf(N_CARRIERS_CONTROL);
            beta = header.indexOf(BETA);
            se = header.indexOf(SE);
            betaPerAllele = header.indexOf(BETA_PER_ALLELE);
        }

        private static int required(TableReader r, List<String> header, String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw InputException.of(r.path(), "column '" + name + "' is missing (header: " + String.join(" ", r.columns()) + ")",
                        COLUMNS_HINT);
            }
            return i;
        }
    }

    private static String string(Row row, int c) {
        String s = row.getString(c);
        return s == null ? "" : s.trim();
    }

    private static String textOrNull(Row row, int c) {
        String s = row.getString(c);
        return s == null || s.isBlank() || s.trim().equals("NA") ? null : s.trim();
    }

    private static long positionOrUnknown(Row row, int c, String name) {
        double x = number(row, c, name);
        return Double.isNaN(x) ? -1 : (long) x;
    }

    private static double optional(Row row, int c, String name) {
        return c < 0 ? Double.NaN : number(row, c, name);
    }

    /** A number cell; NaN when missing ({@code NA}, {@code nan}, empty); a bad value names the line and column. */
    private static double number(Row row, int c, String name) {
        String s = row.getString(c);
        if (s == null) return Double.NaN;
        s = s.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("nan")) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw row.error("'" + s + "' is not a number in column " + name, "use NA for missing values");
        }
    }
}
