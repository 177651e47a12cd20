package org.rareset.genotypes.deeprvat;

import org.rareset.core.InputException;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readers of DeepRVAT's Parquet inputs (written by pandas with pyarrow; docs/deeprvat-files.md).
 * Column names are DeepRVAT's; each reader checks the columns it needs and names the file and row
 * of a bad value.
 */
public final class DeepRvatTables {
    /** pandas stores an unnamed index under this column name. */
    public static final String PANDAS_INDEX = "__index_level_0__";

    private DeepRvatTables() {}

    /** One row of variants.parquet. */
    public record Variant(long id, String chrom, int pos, String ref, String alt) {}

    /**
     * variants.parquet ({@code add_variant_ids}): {@code chrom pos ref alt id}, ids 0..n-1 in file
     * order; other columns (e.g. {@code matrix_index}) are ignored. Returns id to variant.
     */
    public static Map<Long, Variant> readVariants(Path path) {
        Map<Long, Variant> out = new HashMap<>();
        try (TableReader r = TableReaders.open(path)) {
            int chrom = r.requireColumn("chrom"), pos = r.requireColumn("pos"), ref = r.requireColumn("ref"),
                    alt = r.requireColumn("alt"), id = r.requireColumn("id");
            for (Row row : r) {
                long key = row.getLong(id);
                Variant v = new Variant(key, row.getString(chrom), row.getInt(pos), row.getString(ref), row.getString(alt));
                if (v.chrom() == null || v.ref() == null || v.alt() == null) {
                    throw row.error("missing chrom, ref or alt for variant id " + key, "every variant needs chrom pos ref alt");
                }
                if (out.put(key, v) != null) throw row.error("variant id " + key + " appears twice", "ids must be unique");
            }
        }
        return out;
    }

    /** protein_coding_genes.parquet: {@code id} (integer gene id) to {@code gene} (name). */
    public static Map<Long, String> readGenes(Path path) {
        Map<Long, String> out = new HashMap<>();
        try (TableReader r = TableReaders.open(path)) {
            int id = r.requireColumn("id"), gene = r.requireColumn("gene");
            for (Row row : r) {
                long key = row.getLong(id);
                String name = row.getString(gene);
                if (name == null) throw row.error("gene id " + key + " has no name", "fill the 'gene' column");
                if (out.put(key, name) != null) throw row.error("gene id " + key + " appears twice", "ids must be unique");
            }
        }
        return out;
    }

    /** A sample-indexed table: sample ids in file order and the requested columns as numbers (NaN = missing). */
    public record SampleValues(List<String> samples, Map<String, double[]> columns) {}

    /**
     * phenotypes.parquet: a pandas frame indexed by sample id (the index column is {@code sample}
     * when named so, {@value #PANDAS_INDEX} when unnamed); one column per phenotype or covariate.
     * Booleans (binary traits) read as 1/0.
     */
    public static SampleValues readSampleTable(Path path, List<String> wanted) {
        try (TableReader r = TableReaders.open(path)) {
            int sampleCol = r.columnIndex("sample");
            if (sampleCol < 0) sampleCol = r.columnIndex(PANDAS_INDEX);
            if (sampleCol < 0) {
                throw InputException.of(path, "no sample id column ('sample' or the pandas index '" + PANDAS_INDEX + "')",
                        "write the frame with its sample index (DataFrame.to_parquet keeps the index)");
            }
            int[] cols = new int[wanted.size()];
            for (int i = 0; i < cols.length; i++) cols[i] = r.requireColumn(wanted.get(i));
            List<String> samples = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            for (Row row : r) {
                String s = row.getString(sampleCol);
                if (s == null) throw row.error("missing sample id", "every row needs its sample id");
                double[] v = new double[cols.length];
                for (int i = 0; i < cols.length; i++) v[i] = number(row, cols[i]);
                samples.add(s);
                rows.add(v);
            }
            Map<String, double[]> out = new LinkedHashMap<>();
            for (int i = 0; i < cols.length; i++) {
                double[] col = new double[rows.size()];
                for (int k = 0; k < col.length; k++) col[k] = rows.get(k)[i];
                out.put(wanted.get(i), col);
            }
            return new SampleValues(samples, out);
        }
    }

    /** A number, with pandas' booleans read as 1/0. */
    static double number(Row row, int col) {
        if (row.isMissing(col)) return Double.NaN;
        String s = row.getString(col);
        if ("true".equalsIgnoreCase(s)) return 1;
        if ("false".equalsIgnoreCase(s)) return 0;
        return row.getDouble(col);
    }
}
