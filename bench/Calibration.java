import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.rareset.association.nullmodel.NullModel;

/**
 * Helpers of bench/calibration.sh (run with the RareSet jar on the class path:
 * java -cp cli/target/rareset.jar bench/Calibration.java MODE ...).
 *
 * <ul>
 *   <li>{@code table SETTING results...}: per prevalence (from trait names NBT<percent>_<k>) and
 *       test, the number of tests, lambda = qchisq(1 - median p, 1) / qchisq(0.5, 1) and the
 *       empirical type I error at 1e-2, 1e-3, 1e-4 as a ratio to nominal with its 95%
 *       Clopper-Pearson interval; TSV on stdout.</li>
 *   <li>{@code markdown table.tsv}: the same as a Markdown table.</li>
 *   <li>{@code bootstrap-traits covar.tsv null_bt.tsv TRAIT B SEED out.tsv}: fits the logistic null
 *       of TRAIT on the covariates and draws B traits y* ~ Bernoulli(mu-hat) (the parametric
 *       bootstrap; each is refitted when assoc tests it).</li>
 *   <li>{@code pick-genes results TRAIT TEST K MAXP annotations.tsv out.tsv}: the K genes whose p of
 *       TEST for TRAIT lies just below MAXP (the largest p-values below it, so a bootstrap of modest
 *       size resolves them); writes the annotation rows of those genes only.</li>
 *   <li>{@code bootstrap-compare results boot-results TRAIT}: per picked gene and test, the reported p
 *       against the bootstrap p (1 + #{p* <= p}) / (B + 1) with its interval.</li>
 * </ul>
 */
public class Calibration {
    static final double[] ALPHAS = {1e-2, 1e-3, 1e-4};
    static final double MEDIAN_CHI2 = new ChiSquaredDistribution(1).inverseCumulativeProbability(0.5);

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "table" -> table(a[1], Arrays.copyOfRange(a, 2, a.length));
            case "markdown" -> markdown(Path.of(a[1]));
            case "bootstrap-traits" -> bootstrapTraits(Path.of(a[1]), Path.of(a[2]), a[3], Integer.parseInt(a[4]), Long.parseLong(a[5]), Path.of(a[6]));
            case "pick-genes" -> pickGenes(Path.of(a[1]), a[2], a[3], Integer.parseInt(a[4]), Double.parseDouble(a[5]), Path.of(a[6]), Path.of(a[7]));
            case "bootstrap-compare" -> bootstrapCompare(Path.of(a[1]), Path.of(a[2]), a[3]);
            case "carrier-p" -> carrierP(Path.of(a[1]), Path.of(a[2]), a[3], Path.of(a[4]), Integer.parseInt(a[5]), Long.parseLong(a[6]));
            default -> throw new IllegalArgumentException("unknown mode " + a[0]);
        }
    }

    /** One result row: trait, gene, test and -log10 p (NaN when untested). */
    record Row(String trait, String gene, String test, double negLog10P) {}

    static BufferedReader open(Path p) throws IOException {
        var in = Files.newInputStream(p);
        return new BufferedReader(new InputStreamReader(p.toString().endsWith(".gz") ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8));
    }

    /** Reads results with either a neg_log10p column (-log10 p) or a log10p column (log10 p). */
    static List<Row> read(Path p) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = open(p)) {
            List<String> head = Arrays.asList(r.readLine().split("\t"));
            int trait = head.indexOf("phenotype"), gene = head.indexOf("gene"), test = head.indexOf("test");
            int neg = head.indexOf("neg_log10p"), pos = head.indexOf("log10p");
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                String v = neg >= 0 ? f[neg] : f[pos];
                double x = v.isEmpty() || v.equals("NA") ? Double.NaN : Double.parseDouble(v);
                rows.add(new Row(f[trait], f[gene], f[test], neg >= 0 ? x : -x));
            }
        }
        return rows;
    }

    static String prevalence(String trait) {
        int u = trait.lastIndexOf('_');
        return trait.startsWith("NBT") && u > 3 ? trait.substring(3, u) + "%" : trait;
    }

    static double prevalenceValue(String label) {
        try {
            return Double.parseDouble(label.replace("%", ""));
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }

    /** Clopper-Pearson 95% interval for k successes in n. */
    static double[] clopperPearson(long k, long n) {
        double lo = k == 0 ? 0 : new BetaDistribution(k, n - k + 1).inverseCumulativeProbability(0.025);
        double hi = k == n ? 1 : new BetaDistribution(k + 1, n - k).inverseCumulativeProbability(0.975);
        return new double[] {lo, hi};
    }

    static void table(String setting, String[] files) throws IOException {
        // ordered by numeric prevalence, then test
        Map<String, List<Double>> groups = new TreeMap<>(java.util.Comparator
                .comparingDouble((String k) -> prevalenceValue(k.split("\t")[0])).thenComparing(k -> k));
        for (String f : files) {
            for (Row r : read(Path.of(f))) {
                if (Double.isNaN(r.negLog10P())) continue;
                groups.computeIfAbsent(prevalence(r.trait()) + "\t" + r.test(), k -> new ArrayList<>()).add(r.negLog10P());
            }
        }
        PrintWriter out = new PrintWriter(System.out);
        for (var e : groups.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = x.length;
            double medNeg = n % 2 == 1 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
            double medP = Math.pow(10, -medNeg);
            double lambda = new ChiSquaredDistribution(1).inverseCumulativeProbability(Math.max(0, 1 - medP)) / MEDIAN_CHI2;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s\t%s\t%d\t%.3f", setting, e.getKey(), n, lambda));
            for (double alpha : ALPHAS) {
                double cut = -Math.log10(alpha);
                long k = Arrays.stream(x).filter(v -> v >= cut).count();
                double[] ci = clopperPearson(k, n);
                line.append(String.format(Locale.ROOT, "\t%d\t%.2f\t%.2f\t%.2f", k, k / (n * alpha), ci[0] / alpha, ci[1] / alpha));
            }
            out.println(line);
        }
        out.flush();
    }

    static void markdown(Path table) throws IOException {
        System.out.println("| setting | prevalence | test | tests | lambda | 1e-2: x nominal [95% CI] | 1e-3 | 1e-4 |");
        System.out.println("| --- | --- | --- | ---: | ---: | --- | --- | --- |");
        for (String line : Files.readAllLines(table)) {
            String[] f = line.split("\t");
            StringBuilder s = new StringBuilder("| " + f[0] + " | " + f[1] + " | " + f[2] + " | " + f[3] + " | " + f[4]);
            for (int i = 0; i < 3; i++) {
                int b = 5 + 4 * i;
                boolean inside = Double.parseDouble(f[b + 2]) <= 1 && Double.parseDouble(f[b + 3]) >= 1;
                s.append(" | ").append(inside ? "" : "**").append(f[b + 1]).append(inside ? "" : "**")
                        .append(" [").append(f[b + 2]).append(", ").append(f[b + 3]).append("] (").append(f[b]).append(")");
            }
            System.out.println(s.append(" |"));
        }
    }

    static Map<String, String[]> readTable(Path p) throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(p);
        for (String l : lines.subList(1, lines.size())) rows.put(l.split("\t")[0], l.split("\t", -1));
        return rows;
    }

    static void carrierP(Path covar, Path pheno, String trait, Path genotypes, int b, long seed) throws IOException {
        Map<String, String[]> cov = readTable(covar);
        List<String> pheLines = Files.readAllLines(pheno);
        int col = Arrays.asList(pheLines.get(0).split("\t")).indexOf(trait);
        int n = pheLines.size() - 1;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = pheLines.get(i + 1).split("\t");
            String[] c = cov.get(f[0]);
            x[i] = new double[c.length];
            x[i][0] = 1;
            for (int k = 1; k < c.length; k++) x[i][k] = Double.parseDouble(c[k]);
            y[i] = Double.parseDouble(f[col]);
        }
        NullModel model = NullModel.logistic(y, x);
        // columns: sample -> dosage, the sample order of the VCF being that of null_bt.tsv
        List<Map<Integer, Integer>> cols = new ArrayList<>();
        Map<Integer, Integer> collapsed = new HashMap<>();
        for (String line : Files.readAllLines(genotypes)) {
            String[] f = line.split("\t");
            Map<Integer, Integer> c = new HashMap<>();
            int mac = 0;
            for (int i = 0; i < n; i++) {
                String gt = f[i + 1];
                int d = (gt.charAt(0) == '1' ? 1 : 0) + (gt.length() > 2 && gt.charAt(2) == '1' ? 1 : 0);
                if (d > 0) {
                    c.put(i, d);
                    mac += d;
                }
            }
            if (mac == 0) continue;
            if (mac < 10) c.forEach((i, d) -> collapsed.merge(i, d, Math::max));
            else cols.add(c);
        }
        if (!collapsed.isEmpty()) cols.add(collapsed);
        int m = cols.size();
        TreeMap<Integer, Integer> carrierIndex = new TreeMap<>();
        for (Map<Integer, Integer> c : cols) for (int i : c.keySet()) carrierIndex.putIfAbsent(i, 0);
        int[] carriers = carrierIndex.keySet().stream().mapToInt(Integer::intValue).toArray();
        for (int k = 0; k < carriers.length; k++) carrierIndex.put(carriers[k], k);
        double[][] wg = new double[carriers.length][m];
        for (int j = 0; j < m; j++) {
            int mac = cols.get(j).values().stream().mapToInt(Integer::intValue).sum();
            double maf = mac / (2.0 * n);
            double w = 25 * Math.pow(1 - maf, 24);   // dbeta(maf, 1, 25)
            for (var e : cols.get(j).entrySet()) wg[carrierIndex.get(e.getKey())][j] = w * e.getValue();
        }
        double[] mu = new double[carriers.length];
        double[] obsY = new double[carriers.length];
        for (int k = 0; k < carriers.length; k++) {
            mu[k] = model.fitted(carriers[k]);
            obsY[k] = y[carriers[k]];
        }
        double qObs = skatQ(wg, mu, obsY);
        double bObs = Math.abs(burden(wg, mu, obsY));
        SplittableRandom rng = new SplittableRandom(seed);
        double[] yStar = new double[carriers.length];
        long hits = 0, burdenHits = 0;
        for (int r = 0; r < b; r++) {
            for (int k = 0; k < carriers.length; k++) yStar[k] = rng.nextDouble() < mu[k] ? 1 : 0;
            if (skatQ(wg, mu, yStar) >= qObs * (1 - 1e-12)) hits++;
            if (Math.abs(burden(wg, mu, yStar)) >= bObs * (1 - 1e-12)) burdenHits++;
        }
        System.out.printf(Locale.ROOT, "columns=%d carriers=%d carrier_skat_p=%s carrier_burden_p=%s%n", m, carriers.length,
                mcP(hits, b), mcP(burdenHits, b));
    }

    /** (1 + hits) / (B + 1) with the 95% Clopper-Pearson interval of hits / B. */
    static String mcP(long hits, int b) {
        double lo = hits == 0 ? 0.0 : new BetaDistribution(hits, b - hits + 1.0).inverseCumulativeProbability(0.025);
        double hi = new BetaDistribution(hits + 1.0, b - hits).inverseCumulativeProbability(0.975);
        return String.format(Locale.ROOT, "%.3g[%.3g,%.3g]", (1.0 + hits) / (b + 1.0), lo, hi);
    }

    /** Weighted burden score sum_j sum_k wg_kj (y_k - mu_k). */
    static double burden(double[][] wg, double[] mu, double[] y) {
        double s = 0;
        for (int k = 0; k < wg.length; k++) for (double v : wg[k]) s += v * (y[k] - mu[k]);
        return s;
    }

    /** Q = sum_j (sum_k wg_kj (y_k - mu_k))^2. */
    static double skatQ(double[][] wg, double[] mu, double[] y) {
        int m = wg.length == 0 ? 0 : wg[0].length;
        double[] u = new double[m];
        for (int k = 0; k < wg.length; k++) {
            double r = y[k] - mu[k];
            if (r == 0) continue;
            for (int j = 0; j < m; j++) u[j] += wg[k][j] * r;
        }
        double q = 0;
        for (double v : u) q += v * v;
        return q;
    }

    static void bootstrapTraits(Path covar, Path pheno, String trait, int b, long seed, Path out) throws IOException {
        Map<String, String[]> cov = readTable(covar);
        List<String> pheLines = Files.readAllLines(pheno);
        int col = Arrays.asList(pheLines.get(0).split("\t")).indexOf(trait);
        List<String> samples = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (String l : pheLines.subList(1, pheLines.size())) {
            String[] f = l.split("\t");
            String[] c = cov.get(f[0]);
            double[] row = new double[c.length];
            row[0] = 1;
            for (int k = 1; k < c.length; k++) row[k] = Double.parseDouble(c[k]);
            samples.add(f[0]);
            x.add(row);
            y.add(Double.parseDouble(f[col]));
        }
        NullModel model = NullModel.logistic(y.stream().mapToDouble(Double::doubleValue).toArray(), x.toArray(new double[0][]));
        SplittableRandom rng = new SplittableRandom(seed);
        int n = samples.size();
        int[][] draws = new int[b][n];
        for (int r = 0; r < b; r++) for (int i = 0; i < n; i++) draws[r][i] = rng.nextDouble() < model.fitted(i) ? 1 : 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            StringBuilder h = new StringBuilder("sample");
            for (int r = 1; r <= b; r++) h.append("\tBOOT_").append(r);
            w.println(h);
            for (int i = 0; i < n; i++) {
                StringBuilder s = new StringBuilder(samples.get(i));
                for (int r = 0; r < b; r++) s.append('\t').append(draws[r][i]);
                w.println(s);
            }
        }
    }

    static void pickGenes(Path results, String trait, String test, int k, double maxP, Path annotations, Path out) throws IOException {
        double floor = -Math.log10(maxP);
        List<Row> rows = new ArrayList<>(read(results).stream().filter(r -> r.trait().equals(trait) && r.test().equals(test)
                && r.negLog10P() >= floor).toList());
        rows.sort((p, q) -> Double.compare(p.negLog10P(), q.negLog10P()));
        java.util.Set<String> genes = new java.util.LinkedHashSet<>();
        for (Row r : rows) if (genes.size() < k) genes.add(r.gene());
        List<String> lines = Files.readAllLines(annotations);
        int g = Arrays.asList(lines.get(0).split("\t")).indexOf("gene");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println(lines.get(0));
            for (String l : lines.subList(1, lines.size())) if (genes.contains(l.split("\t", -1)[g])) w.println(l);
        }
        System.out.println(String.join(",", genes));
    }

    static void bootstrapCompare(Path results, Path boot, String trait) throws IOException {
        Map<String, Double> observed = new LinkedHashMap<>();
        for (Row r : read(results)) if (r.trait().equals(trait)) observed.put(r.gene() + "\t" + r.test(), r.negLog10P());
        Map<String, long[]> counts = new HashMap<>();
        for (Row r : read(boot)) {
            String key = r.gene() + "\t" + r.test();
            Double obs = observed.get(key);
            if (obs == null || Double.isNaN(obs)) continue;
            long[] c = counts.computeIfAbsent(key, x -> new long[2]);
            c[1]++;
            if (!Double.isNaN(r.negLog10P()) && r.negLog10P() >= obs - 1e-9) c[0]++;
        }
        System.out.println("gene\ttest\treported_p\tbootstrap_p\tci_low\tci_high\treplicates\tratio");
        for (var e : counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            long k = e.getValue()[0], b = e.getValue()[1];
            double p = Math.pow(10, -observed.get(e.getKey()));
            double pb = (1.0 + k) / (b + 1);
            double[] ci = clopperPearson(k, b);
            System.out.printf(Locale.ROOT, "%s\t%.3g\t%.3g\t%.3g\t%.3g\t%d\t%.2f%n", e.getKey(), p, pb, ci[0], ci[1], b, p / pb);
        }
    }
}
