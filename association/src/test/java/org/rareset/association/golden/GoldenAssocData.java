package org.rareset.association.golden;

import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfVariantSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden association fixture (testdata/golden/assoc): genotypes read by {@link VcfVariantSource}
 * into sparse {@link Variant}s, traits, covariates and gene membership.
 */
final class GoldenAssocData {
    final Path dir;
    final List<String> samples = new ArrayList<>();
    final Map<String, List<Variant>> genes = new LinkedHashMap<>();
    final double[] qt;
    final double[] bt;
    /** Design [1, age, sex] per sample, in VCF sample order. */
    final double[][] design;

    private static GoldenAssocData cached;

    static synchronized GoldenAssocData load() {
        if (cached == null) cached = new GoldenAssocData(dir());
        return cached;
    }

    static Path dir() {
        String td = System.getProperty("rareset.testdata", "../testdata");
        return Path.of(td, "golden", "assoc");
    }

    private GoldenAssocData(Path dir) {
        this.dir = dir;
        Map<String, String> geneOf = new HashMap<>();
        for (String[] f : table(dir.resolve("annotations.tsv"))) {
            geneOf.put(f[0] + ":" + f[1] + ":" + f[2] + ":" + f[3], f[4]);
        }
        try (VcfVariantSource source = VcfVariantSource.open(dir.resolve("cohort.vcf.gz"))) {
            samples.addAll(source.samples());
            for (Variant v : source) {
                String gene = geneOf.get(v.key());
                if (gene == null) throw new IllegalStateException("variant without gene: " + v.key());
                genes.computeIfAbsent(gene, g -> new ArrayList<>()).add(v);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) index.put(samples.get(i), i);
        int n = samples.size();
        qt = new double[n];
        bt = new double[n];
        design = new double[n][3];
        for (String[] f : table(dir.resolve("pheno.tsv"))) {
            int i = index.get(f[0]);
            qt[i] = Double.parseDouble(f[1]);
            bt[i] = Double.parseDouble(f[2]);
        }
        for (String[] f : table(dir.resolve("covar.tsv"))) {
            int i = index.get(f[0]);
            design[i][0] = 1;
            design[i][1] = Double.parseDouble(f[1]);
            design[i][2] = Double.parseDouble(f[2]);
        }
    }

    /** Rows of a tab-separated file without its header. */
    static List<String[]> table(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String[]> rows = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                if (!l.isBlank()) rows.add(l.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Header columns of a tab-separated file. */
    static Map<String, Integer> header(Path file) {
        try (var r = Files.newBufferedReader(file)) {
            String[] h = r.readLine().split("\t");
            Map<String, Integer> m = new HashMap<>();
            for (int i = 0; i < h.length; i++) m.put(h[i], i);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
