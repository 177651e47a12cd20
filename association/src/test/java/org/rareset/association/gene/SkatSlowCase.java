package org.rareset.association.gene;

import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.genotype.VariantWeights;
import org.rareset.association.nullmodel.NullModel;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfVariantSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** testdata/skato: one gene's 205 variants and five null binary traits with six covariates. */
record SkatSlowCase(List<Variant> variants, NullModel[] models, int n) {
    static SkatSlowCase load() throws IOException {
        Path dir = Path.of(System.getProperty("rareset.testdata", "../testdata"), "skato");
        List<Variant> variants = new ArrayList<>();
        List<String> samples;
        try (VcfVariantSource source = VcfVariantSource.open(dir.resolve("gene18.vcf.gz"))) {
            samples = source.samples();
            for (Variant v : source) variants.add(v);
        }
        int n = samples.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) index.put(samples.get(i), i);
        double[][] traits = new double[5][n];
        double[][] design = new double[n][7];
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(dir.resolve("traits.tsv.gz"))), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t");
                int i = index.get(f[0]);
                for (int t = 0; t < 5; t++) traits[t][i] = Double.parseDouble(f[1 + t]);
                design[i][0] = 1;
                for (int c = 0; c < 6; c++) design[i][1 + c] = Double.parseDouble(f[6 + c]);
            }
        }
        NullModel[] models = new NullModel[5];
        for (int t = 0; t < 5; t++) models[t] = NullModel.logistic(traits[t], design);
        return new SkatSlowCase(variants, models, n);
    }

    GeneScores scores(int offset, int m, int trait, TestOptions options) {
        GeneGenotypes g = GeneGenotypes.fromVariants(variants.subList(offset, offset + m), null, n);
        return GeneScores.compute(models[trait], g, VariantWeights.defaultBeta(g), options);
    }
}
