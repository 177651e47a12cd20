package org.rareset.genotypes.deeprvat;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import org.rareset.core.InputException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * DeepRVAT's sparse genotype file, {@code genotypes.h5} as {@code deeprvat/preprocessing/preprocess.py}
 * writes it (docs/deeprvat-files.md):
 * <ul>
 *   <li>{@code samples}: variable-length strings, one per sample;</li>
 *   <li>{@code variant_matrix}: int32, samples x L, the ids (column {@code id} of variants.parquet)
 *       of the variants each sample carries, ascending, padded on the right with -1;</li>
 *   <li>{@code genotype_matrix}: int8, samples x L, the matching genotype: 1 heterozygous, 2
 *       homozygous ALT, -1 padding;</li>
 *   <li>{@code count_variants} (optional): int32, the number of non-padding entries per sample.</li>
 * </ul>
 * Read with jHDF, a pure-Java HDF5 reader (no native HDF5 library). The whole file is loaded:
 * its size is the number of carried calls, not samples x variants.
 */
public final class DeepRvatGenotypeFile {
    private final Path path;
    private final List<String> samples;
    private final int[][] variantIds;
    private final byte[][] genotypes;

    private DeepRvatGenotypeFile(Path path, List<String> samples, int[][] variantIds, byte[][] genotypes) {
        this.path = path;
        this.samples = samples;
        this.variantIds = variantIds;
        this.genotypes = genotypes;
    }

    /** Reads and checks the file; every inconsistency is an InputException naming the dataset and sample. */
    public static DeepRvatGenotypeFile read(Path path) {
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw InputException.of(path, "genotype file not found", "give the genotypes.h5 that DeepRVAT's preprocessing wrote");
        }
        try (HdfFile hdf = new HdfFile(path)) {
            String[] names = strings(path, dataset(hdf, path, "samples").getData(), "samples");
            int[][] ids = matrix(path, dataset(hdf, path, "variant_matrix").getData(), "variant_matrix", int[][].class);
            byte[][] gts = matrix(path, dataset(hdf, path, "genotype_matrix").getData(), "genotype_matrix", byte[][].class);
            int[] counts = null;
            Node countNode = hdf.getChildren().get("count_variants");
            if (countNode instanceof Dataset d) counts = vector(path, d.getData(), "count_variants");
            if (ids.length != names.length || gts.length != names.length) {
                throw InputException.of(path, "samples has " + names.length + " entries but variant_matrix has "
                        + ids.length + " rows and genotype_matrix " + gts.length,
                        "the three datasets must have one row per sample");
            }
            int[][] keptIds = new int[names.length][];
            byte[][] keptGts = new byte[names.length][];
            for (int s = 0; s < names.length; s++) {
                int[] row = ids[s];
                byte[] gtRow = gts[s];
                if (row.length != gtRow.length) {
                    throw InputException.of(path, "sample " + names[s] + ": variant_matrix and genotype_matrix rows differ in length",
                            "the file is not in DeepRVAT's layout");
                }
                int n = 0;
                while (n < row.length && row[n] >= 0) n++;
                for (int j = n; j < row.length; j++) {
                    if (row[j] != -1) {
                        throw InputException.of(path, "sample " + names[s] + ": variant id " + row[j]
                                + " after -1 padding in variant_matrix", "padding (-1) must come after all variant ids");
                    }
                }
                for (int j = 0; j < n; j++) {
                    if (gtRow[j] != 1 && gtRow[j] != 2) {
                        throw InputException.of(path, "sample " + names[s] + ": genotype " + gtRow[j] + " for variant id "
                                + row[j] + " in genotype_matrix", "DeepRVAT stores carried genotypes as 1 (het) or 2 (hom ALT)");
                    }
                    if (j > 0 && row[j] <= row[j - 1]) {
                        throw InputException.of(path, "sample " + names[s] + ": variant ids not strictly ascending ("
                                + row[j - 1] + " then " + row[j] + ")", "DeepRVAT sorts each sample's variant ids");
                    }
                }
                if (counts != null && counts[s] != n) {
                    throw InputException.of(path, "sample " + names[s] + ": count_variants says " + counts[s]
                            + " but variant_matrix holds " + n, "the file is inconsistent; rerun DeepRVAT's preprocessing");
                }
                keptIds[s] = Arrays.copyOf(row, n);
                keptGts[s] = Arrays.copyOf(gtRow, n);
            }
            return new DeepRvatGenotypeFile(path, List.of(names), keptIds, keptGts);
        } catch (HdfException e) {
            throw new InputException(path.toString(), null, "not a readable HDF5 file: " + e.getMessage(),
                    "give the genotypes.h5 that DeepRVAT's preprocessing wrote", e);
        }
    }

    public Path path() { return path; }
    public List<String> samples() { return samples; }
    public int sampleCount() { return samples.size(); }

    /** Ids of the variants sample {@code s} carries, ascending (no padding). */
    public int[] variantIds(int s) { return variantIds[s]; }

    /** Genotypes (1 or 2 ALT alleles) matching {@link #variantIds(int)}. */
    public byte[] genotypes(int s) { return genotypes[s]; }

    public long callCount() {
        long n = 0;
        for (int[] row : variantIds) n += row.length;
        return n;
    }

    private static Dataset dataset(HdfFile hdf, Path path, String name) {
        Node node = hdf.getChildren().get(name);
        if (!(node instanceof Dataset d)) {
            throw InputException.of(path, "no dataset '" + name + "'", "datasets are: " + hdf.getChildren().keySet()
                    + "; DeepRVAT's genotypes.h5 has samples, variant_matrix and genotype_matrix");
        }
        return d;
    }

    private static String[] strings(Path path, Object data, String name) {
        if (data instanceof String[] s) return s;
        throw InputException.of(path, "dataset '" + name + "' is not a 1-d string array (" + describe(data) + ")",
                "DeepRVAT writes sample ids as variable-length strings");
    }

    private static int[] vector(Path path, Object data, String name) {
        if (data instanceof int[] v) return v;
        if (data instanceof long[] v) return Arrays.stream(v).mapToInt(Math::toIntExact).toArray();
        throw InputException.of(path, "dataset '" + name + "' is not a 1-d integer array (" + describe(data) + ")",
                "DeepRVAT writes count_variants as int32");
    }

    private static <T> T matrix(Path path, Object data, String name, Class<T> type) {
        if (type.isInstance(data)) return type.cast(data);
        throw InputException.of(path, "dataset '" + name + "' is " + describe(data) + ", expected " + type.getSimpleName(),
                "DeepRVAT writes variant_matrix as int32 and genotype_matrix as int8, both 2-d");
    }

    private static String describe(Object data) {
        return data == null ? "empty" : data.getClass().getSimpleName();
    }
}
