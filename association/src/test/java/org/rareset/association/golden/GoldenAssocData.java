package org.rareset.association.golden;

import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import org.rareset.annotate.vcf.Variant;

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
 * The golden association fixture (testdata/golden/assoc): genotypes read with htsjdk directly into
 * {@link Variant}s (a small test-only adapter), traits, covariates and gene membership.
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
        try (VCFFileReader reader = new VCFFileReader(dir.resolve("cohort.vcf.gz"), false)) {
            samples.addAll(reader.getFileHeader().getGenotypeSamples());
            for (VariantContext vc : reader) {
                Variant v = toVariant(vc);
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

    /** Minor-allele carriers of a biallelic VCF record, as the ingest module stores them. */
    static Variant toVariant(VariantContext vc) {
        int n = vc.getNSamples();
        int ac = 0;
        int an = 0;
        int[] alt = new int[n];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Genotype g = vc.getGenotype(i);
            if (g.isNoCall()) {
                missing.add(i);
                continue;
            }
            for (var a : g.getAlleles()) {
                an++;
                if (a.equals(vc.getAlternateAllele(0))) {
                    alt[i]++;
                    ac++;
                }
            }
        }
        boolean altMinor = ac <= an - ac;
        List<Integer> carriers = new ArrayList<>();
        List<Byte> counts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (missing.contains(i)) continue;
            int minor = altMinor ? alt[i] : 2 - alt[i];
            if (minor > 0) {
                carriers.add(i);
                counts.add((byte) minor);
            }
        }
        int[] cs = carriers.stream().mapToInt(Integer::intValue).toArray();
        byte[] cc = new byte[counts.size()];
        for (int k = 0; k < cc.length; k++) cc[k] = counts.get(k);
        return new Variant(vc.getContig(), vc.getStart(), vc.getReference().getBaseString(),
                vc.getAlternateAllele(0).getBaseString(), vc.getID(), ac, an, altMinor, cs, cc,
                missing.stream().mapToInt(Integer::intValue).toArray());
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
