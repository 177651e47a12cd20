package org.rareset.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rareset.core.formats.SampleTableFile;

/**
 * Covariates and traits. Genetic traits depend on a few causal genes through their variants'
 * annotations: one copy of allele v in causal gene g adds {@code effect_g x w_v}, summed over the
 * sample's true genotypes (also where the VCF writes the call missing). The weight {@code w_v} is
 * the allele's latent damage (1 for pLoF, the missense/splice damage the scores read out, 0 for
 * synonymous) or a function of its annotation scores, and {@code effect_g} either a per-allele size
 * or rescaled to a target variance per gene ({@link CausalEffects}).
 * <ul>
 *   <li>{@code QT} = covariates + genetic + N(0, 1); causal effects of either sign.</li>
 *   <li>{@code BT}: liability = covariates + genetic + N(0, 1), risk-raising effects; the samples
 *       with the highest liability are cases, exactly round(case rate x n) of them.</li>
 *   <li>{@code NULL_QT}, {@code NULL_BT}: the same without any genetic part.</li>
 * </ul>
 * Covariates: age (40..70), sex (0/1), PC1..PC4 (standard normal).
 */
final class TraitModel {
    static final List<String> TRAITS = List.of("QT", "BT", "NULL_QT", "NULL_BT");
    static final List<String> GENETIC_TRAITS = List.of("QT", "BT");
    static final int MIN_CAUSAL_GENE_VARIANTS = 10;
    static final double DAMAGING = 0.5;

    private final SimulationSettings settings;
    private final List<SimGene> genes;
    private final int n;
    private final int[] age;
    private final int[] sex;
    private final double[][] pcs;
    /** Per genetic trait: causal gene indexes, their effects, and each one's per-sample contribution. */
    private final int[][] causal;
    private final double[][] effects;
    private final double[][][] contribution;
    private final int[][] slotOfGene;
    private final int[][] nVariants;
    private final int[][] nDamaging;
    private final CausalEffects model;
    /** Draws of the effect model (annotation-model noise, per-gene variance targets), apart from the rest. */
    private final SplittableRandom effectRng;
    /** Per genetic trait and causal gene: target variance of its part (0 when not rescaled). */
    private final double[][] targetVariance;
    /** Per genetic trait and causal gene: its alleles with their weights, for causal_variants.tsv. */
    private final List<List<List<CausalAllele>>> alleles = new ArrayList<>();

    /** One ALT allele of a causal gene and its weight w_v. */
    private record CausalAllele(String chrom, int pos, String ref, String alt, double weight) {}

    TraitModel(SimulationSettings s, List<SimGene> genes, SplittableRandom rng) {
        this(s, CausalEffects.DEFAULT, genes, rng);
    }

    TraitModel(SimulationSettings s, CausalEffects model, List<SimGene> genes, SplittableRandom rng) {
        this.settings = s;
        this.model = model;
        this.effectRng = Draws.stream(s.seed(), "effects");
        this.genes = genes;
        this.n = s.samples();
        age = new int[n];
        sex = new int[n];
        pcs = new double[4][n];
        for (int i = 0; i < n; i++) {
            age[i] = 40 + rng.nextInt(31);
            sex[i] = rng.nextInt(2);
            for (int k = 0; k < 4; k++) pcs[k][i] = AnnotationModel.round(rng.nextGaussian(), 4);
        }
        int traits = GENETIC_TRAITS.size();
        causal = new int[traits][];
        effects = new double[traits][];
        contribution = new double[traits][][];
        slotOfGene = new int[traits][genes.size()];
        nVariants = new int[traits][];
        nDamaging = new int[traits][];
        targetVariance = new double[traits][];
        for (int t = 0; t < traits; t++) {
            causal[t] = pickCausal(rng, s.causalGenes());
            effects[t] = new double[causal[t].length];
            contribution[t] = new double[causal[t].length][n];
            nVariants[t] = new int[causal[t].length];
            nDamaging[t] = new int[causal[t].length];
            Arrays.fill(slotOfGene[t], -1);
            for (int k = 0; k < causal[t].length; k++) {
                slotOfGene[t][causal[t][k]] = k;
                double magnitude = s.effectSize() * (0.75 + 0.5 * rng.nextDouble());
                boolean negative = t == 0 && rng.nextBoolean();
                effects[t][k] = AnnotationModel.round(negative ? -magnitude : magnitude, 4);
            }
            targetVariance[t] = new double[causal[t].length];
            List<List<CausalAllele>> perGene = new ArrayList<>();
            for (int k = 0; k < causal[t].length; k++) {
                perGene.add(new ArrayList<>());
                if (model.geneVariance() > 0) {
                    targetVariance[t][k] = Draws.logUniform(effectRng, model.geneVariance() / 2, model.geneVariance() * 2);
                }
            }
            alleles.add(perGene);
        }
    }

    /** Causal genes among those with at least 10 planned sites (the largest genes when too few have). */
    private int[] pickCausal(SplittableRandom rng, int k) {
        List<Integer> eligible = new ArrayList<>();
        for (SimGene g : genes) if (g.plannedVariants() >= MIN_CAUSAL_GENE_VARIANTS) eligible.add(g.index());
        if (eligible.size() < k) {
            Integer[] bySize = new Integer[genes.size()];
            for (int i = 0; i < bySize.length; i++) bySize[i] = i;
            Arrays.sort(bySize, (a, b) -> genes.get(a).plannedVariants() != genes.get(b).plannedVariants()
                    ? Integer.compare(genes.get(b).plannedVariants(), genes.get(a).plannedVariants()) : Integer.compare(a, b));
            eligible = new ArrayList<>(Arrays.asList(bySize).subList(0, k));
        }
        // Partial Fisher-Yates shuffle: the first k are a uniform sample.
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(eligible.size() - i);
            Integer tmp = eligible.get(i);
            eligible.set(i, eligible.get(j));
            eligible.set(j, tmp);
        }
        int[] picked = eligible.subList(0, k).stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(picked);
        return picked;
    }

    /** Adds one site's true genotypes to the traits of the causal genes it lies in. */
    void accumulate(SimSite site, GenotypeSampler g) {
        for (int t = 0; t < causal.length; t++) {
            for (int gene : site.genes()) {
                int slot = slotOfGene[t][gene];
                if (slot < 0) continue;
                for (int a = 1; a <= site.alts().length; a++) {
                    double weight = model.weight(site.annotations()[a - 1], site.frequencies()[a - 1], effectRng);
                    nVariants[t][slot]++;
                    if (weight >= DAMAGING) nDamaging[t][slot]++;
                    alleles.get(t).get(slot).add(new CausalAllele(site.chrom(), site.pos(), site.ref(), site.alts()[a - 1], weight));
                    double w = effects[t][slot] * weight;
                    if (w == 0) continue;
                    double[] c = contribution[t][slot];
                    for (int i = 0; i < g.carriers; i++) {
                        int dose = g.dosage(i, a);
                        if (dose > 0) c[g.carrierSample[i]] += dose * w;
                    }
                }
            }
        }
    }

    double[] covariatePart(boolean binary) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = binary ? 0.04 * (age[i] - 55) + 0.3 * sex[i] + 0.1 * pcs[0][i]
                    : 0.03 * (age[i] - 55) + 0.25 * sex[i] + 0.15 * pcs[0][i] - 0.1 * pcs[1][i];
        }
        return x;
    }

    private double[] genetic(int t) {
        double[] x = new double[n];
        for (double[] c : contribution[t]) for (int i = 0; i < n; i++) x[i] += c[i];
        return x;
    }

    /**
     * With a target variance per gene: scales each causal gene's part c_g (and its per-allele effect)
     * by sqrt(h_g / var(c_g)), so that var(c_g) = h_g. A gene none of whose alleles is carried keeps 0.
     */
    private void rescaleToTargets() {
        for (int t = 0; t < causal.length; t++) {
            for (int k = 0; k < causal[t].length; k++) {
                double v = variance(contribution[t][k]);
                if (targetVariance[t][k] <= 0 || v <= 0) continue;
                double factor = Math.sqrt(targetVariance[t][k] / v);
                double[] c = contribution[t][k];
                for (int i = 0; i < n; i++) c[i] *= factor;
                effects[t][k] *= factor;
            }
        }
    }

    /** The four traits, columns in {@link #TRAITS} order; draws the noise from {@code rng}. */
    Phenotypes phenotypes(SplittableRandom rng) {
        rescaleToTargets();
        double[] qtCov = covariatePart(false);
        double[] btCov = covariatePart(true);
        double[] gQt = genetic(0);
        double[] gBt = genetic(1);
        double[] qt = new double[n];
        double[] btLiability = new double[n];
        double[] nullQt = new double[n];
        double[] nullLiability = new double[n];
        for (int i = 0; i < n; i++) {
            qt[i] = qtCov[i] + gQt[i] + rng.nextGaussian();
            btLiability[i] = btCov[i] + gBt[i] + rng.nextGaussian();
            nullQt[i] = qtCov[i] + rng.nextGaussian();
            nullLiability[i] = btCov[i] + rng.nextGaussian();
        }
        int cases = (int) Math.round(settings.caseRate() * n);
        return new Phenotypes(qt, threshold(btLiability, cases), nullQt, threshold(nullLiability, cases),
                variance(qt), variance(btLiability));
    }

    record Phenotypes(double[] qt, int[] bt, double[] nullQt, int[] nullBt, double qtVariance, double btLiabilityVariance) {}

    /** The {@code cases} samples of highest liability (ties by sample order) become 1, the rest 0. */
    private static int[] threshold(double[] liability, int cases) {
        Integer[] order = new Integer[liability.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> liability[a] != liability[b] ? Double.compare(liability[b], liability[a]) : Integer.compare(a, b));
        int[] y = new int[liability.length];
        for (int k = 0; k < cases; k++) y[order[k]] = 1;
        return y;
    }

    private static double variance(double[] x) {
        double mean = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        double ss = 0;
        for (double v : x) ss += (v - mean) * (v - mean);
        return x.length > 1 ? ss / (x.length - 1) : 0;
    }

    void writeCovariates(Path file, List<String> samples) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(SampleTableFile.SAMPLE + "\tage\tsex\tPC1\tPC2\tPC3\tPC4\n");
            for (int i = 0; i < n; i++) {
                w.write(samples.get(i) + "\t" + age[i] + "\t" + sex[i]);
                for (int k = 0; k < 4; k++) w.write("\t" + String.format(Locale.ROOT, "%.4f", pcs[k][i]));
                w.write('\n');
            }
        }
    }

    static void writePhenotypes(Path file, List<String> samples, Phenotypes p) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(SampleTableFile.SAMPLE + "\t" + String.join("\t", TRAITS) + "\n");
            for (int i = 0; i < samples.size(); i++) {
                w.write(samples.get(i) + "\t" + String.format(Locale.ROOT, "%.5f", p.qt()[i]) + "\t" + p.bt()[i]
                        + "\t" + String.format(Locale.ROOT, "%.5f", p.nullQt()[i]) + "\t" + p.nullBt()[i] + "\n");
            }
        }
    }

    /**
     * null_bt.tsv: {@code sample} and one 0/1 column per replicate null binary trait, each thresholded
     * from its own liability = binary covariate part + N(0, 1) at its prevalence.
     */
    void writeNullReplicates(Path file, List<String> samples, NullReplicates spec, SplittableRandom rng) throws IOException {
        double[] cov = covariatePart(true);
        List<String> names = spec.columns();
        int[][] traits = new int[names.size()][];
        int t = 0;
        for (double prevalence : spec.prevalences()) {
            int cases = (int) Math.round(prevalence * n);
            for (int k = 0; k < spec.replicates(); k++) {
                double[] liability = new double[n];
                for (int i = 0; i < n; i++) liability[i] = cov[i] + rng.nextGaussian();
                traits[t++] = threshold(liability, cases);
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(SampleTableFile.SAMPLE + "\t" + String.join("\t", names) + "\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                line.setLength(0);
                line.append(samples.get(i));
                for (int[] trait : traits) line.append('\t').append(trait[i]);
                w.write(line.append('\n').toString());
            }
        }
    }

    /**
     * causal_variants.tsv: per genetic trait, causal gene and ALT allele, its weight w_v and its
     * effect per copy, effect_g x w_v (after any rescaling to a target variance).
     */
    void writeCausalVariants(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("trait\tgene\tchrom\tpos\tref\talt\tweight\teffect\n");
            for (int t = 0; t < causal.length; t++) {
                for (int k = 0; k < causal[t].length; k++) {
                    String gene = genes.get(causal[t][k]).id();
                    for (CausalAllele a : alleles.get(t).get(k)) {
                        w.write(GENETIC_TRAITS.get(t) + "\t" + gene + "\t" + a.chrom() + "\t" + a.pos() + "\t" + a.ref() + "\t" + a.alt()
                                + "\t" + String.format(Locale.ROOT, "%.6g", a.weight())
                                + "\t" + String.format(Locale.ROOT, "%.6g", effects[t][k] * a.weight()) + "\n");
                    }
                }
            }
        }
    }

    /**
     * truth.tsv: per genetic trait and causal gene, the effect per allele of a fully damaging
     * variant (weight 1), the gene's variant alleles, those with weight of at least 0.5, the samples whose
     * trait it changes, and the fraction of the trait's (liability's) variance it explains.
     */
    void writeTruth(Path file, Phenotypes p) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("trait\tgene\tgene_name\tchrom\tstart\tend\teffect\tn_variants\tn_damaging_variants\tcarriers\tvariance_explained\n");
            for (int t = 0; t < causal.length; t++) {
                double total = t == 0 ? p.qtVariance() : p.btLiabilityVariance();
                for (int k = 0; k < causal[t].length; k++) {
                    SimGene g = genes.get(causal[t][k]);
                    int carriers = 0;
                    for (double v : contribution[t][k]) if (v != 0) carriers++;
                    double share = total > 0 ? variance(contribution[t][k]) / total : 0;
                    w.write(GENETIC_TRAITS.get(t) + "\t" + g.id() + "\t" + g.name() + "\t" + g.chrom() + "\t" + g.start0()
                            + "\t" + g.end() + "\t" + String.format(Locale.ROOT, effects[t][k] != 0 && Math.abs(effects[t][k]) < 0.01 ? "%.4g" : "%.4f", effects[t][k]) + "\t" + nVariants[t][k]
                            + "\t" + nDamaging[t][k] + "\t" + carriers + "\t" + String.format(Locale.ROOT, "%.5f", share) + "\n");
                }
            }
        }
    }

    int causalGeneCount(int trait) {
        return causal[trait].length;
    }
}
