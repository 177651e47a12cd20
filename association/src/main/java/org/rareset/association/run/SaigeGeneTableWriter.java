package org.rareset.association.run;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.association.mask.Mask;
import org.rareset.association.pvalue.Cauchy;
import org.rareset.core.formats.CaseControlCounts;
import org.rareset.core.formats.PValueFormat;
import org.rareset.core.formats.ResultRow;
import org.rareset.core.formats.TsvLines;

/**
 * Gene results in SAIGE-GENE+'s region-test table, one tab-separated file per phenotype
 * {@code <base>_<phenotype>.saige.txt} ({@code .saige.txt.gz} when the results are gzipped):
 * <pre>Region Group max_MAF Pvalue Pvalue_Burden Pvalue_SKAT BETA_Burden SE_Burden MAC MAC_case MAC_control Number_rare Number_ultra_rare</pre>
 * One line per gene x mask, in result order, taken from the RareSet rows of that gene and mask:
 * {@code Pvalue} is SKAT-O's p ({@code skato} row), {@code Pvalue_Burden}, {@code BETA_Burden} and
 * {@code SE_Burden} the weighted burden's ({@code burden} row), {@code Pvalue_SKAT} SKAT's
 * ({@code skat} row); a test that was not run is {@code NA}. {@code Group} is the mask without its
 * frequency suffix, categories joined by {@code ;} as SAIGE-GENE+ prints them ({@code missense;lof}),
 * {@code max_MAF} the mask's frequency limit. {@code MAC}, {@code MAC_case}, {@code MAC_control} are
 * the rows' {@code mac}, {@code mac_case}, {@code mac_control} (NA for a quantitative trait);
 * {@code Number_ultra_rare} counts the variants collapsed into the pseudo-variant
 * ({@code --collapse-mac}) and {@code Number_rare} the others.
 *
 * <p>When more than one mask is tested, each gene ends with SAIGE-GENE+'s {@code Cauchy} line:
 * {@code Pvalue}, {@code Pvalue_Burden} and {@code Pvalue_SKAT} are the equal-weight Cauchy
 * combinations (Liu and Xie 2020) of that column over the gene's lines, missing values left out,
 * with SAIGE-GENE+'s rules ({@code CCT} in its {@code CCT_modified.R}): a p of 0 gives 0; a p of 1
 * gives min(1, n min p); p below 1e-16 enter as w/(p pi). Every other cell is {@code NA}.
 *
 * <p>Departures (docs/saige.md): SAIGE-GENE+ counts MAC after collapsing (the pseudo-variant's
 * carriers once), RareSet sums every variant's MAC; SAIGE-GENE+ leaves out the case/control columns
 * for quantitative traits, here they are {@code NA} so that every file has the same columns.
 */
public final class SaigeGeneTableWriter {
    public static final String[] COLUMNS = {"Region", "Group", "max_MAF", "Pvalue", "Pvalue_Burden", "Pvalue_SKAT",
            "BETA_Burden", "SE_Burden", "MAC", "MAC_case", "MAC_control", "Number_rare", "Number_ultra_rare"};
    /** The combined line's Group, as SAIGE-GENE+'s. */
    public static final String CAUCHY = "Cauchy";
    /** Significant digits of p-values and effects: R's default print precision, as SAIGE-GENE+ writes. */
    static final int DIGITS = 15;
    /** SAIGE-GENE+'s CCT: p below this enter as w / (p pi). */
    static final double TINY = 1e-16;

    private SaigeGeneTableWriter() {}

    /** How many variants of a phenotype x gene x mask were collapsed, or -1 when unknown. */
    @FunctionalInterface
    public interface Collapsed {
        int of(String phenotype, String gene, String mask);
    }

    /** {@code <base>_<phenotype>.saige.txt}, with {@code .gz} when the results file is gzipped. */
    public static Path path(Path out, String phenotype) {
        String gz = out.getFileName().toString().endsWith(".gz") ? ".gz" : "";
        Path base = SummaryWriter.base(out);
        return base.resolveSibling(base.getFileName() + "_" + phenotype + ".saige.txt" + gz);
    }

    /**
     * Writes one file per phenotype.
     *
     * @param rows      result rows (GENE_P rows are left out here)
     * @param masks     the run's masks, in order (their names, groups and limits)
     * @param collapsed collapsed variants per phenotype x gene x mask
     * @return the files written
     */
    public static List<Path> write(Path out, List<ResultRow> rows, List<Mask> masks, Collapsed collapsed) throws IOException {
        Map<String, Mask> byName = new LinkedHashMap<>();
        for (Mask m : masks) byName.put(m.name(), m);
        boolean combine = masks.size() > 1;
        Map<String, Map<String, Map<String, Line>>> lines = new LinkedHashMap<>(); // phenotype -> gene -> mask
        for (ResultRow r : rows) {
            if (GeneOmnibus.MASK.equals(r.mask())) continue;
            Line l = lines.computeIfAbsent(r.phenotype(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(r.gene(), g -> new LinkedHashMap<>())
                    .computeIfAbsent(r.mask(), m -> new Line(r, byName.get(m), collapsed.of(r.phenotype(), r.gene(), m)));
            l.add(r);
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<String, Line>>> e : lines.entrySet()) {
            Path file = path(out, e.getKey());
            // Each phenotype has at least one gene here, so TsvLines never writes its empty-table marker.
            TsvLines.write(file, COLUMNS, new ArrayList<>(e.getValue().entrySet()), (gene, sb) -> {
                List<Line> geneLines = new ArrayList<>(gene.getValue().values());
                for (Line l : geneLines) sb.append(l.text(gene.getKey())).append('\n');
                if (combine) sb.append(cauchyLine(gene.getKey(), geneLines)).append('\n');
            });
            written.add(file);
        }
        return written;
    }

    /** A gene's Cauchy line: each p-value column combined over its lines. */
    static String cauchyLine(String gene, List<Line> lines) {
        List<Double> p = new ArrayList<>(), burden = new ArrayList<>(), skat = new ArrayList<>();
        for (Line l : lines) {
            p.add(l.skatoLog10P);
            burden.add(l.burden == null ? Double.NaN : l.burden.log10P());
            skat.add(l.skatLog10P);
        }
        String[] cells = new String[COLUMNS.length];
        java.util.Arrays.fill(cells, "NA");
        cells[0] = gene;
        cells[1] = CAUCHY;
        cells[3] = PValueFormat.format(cct(p), DIGITS);
        cells[4] = PValueFormat.format(cct(burden), DIGITS);
        cells[5] = PValueFormat.format(cct(skat), DIGITS);
        return String.join("\t", cells);
    }

    /**
     * SAIGE-GENE+'s equal-weight Cauchy combination of log10 p-values: NaN entries left out (NaN
     * when none is left); any p = 0 gives 0; any p = 1 gives min(1, n min p); otherwise ACAT with
     * p below 1e-16 entering as w/(p pi), computed in log space.
     */
    static double cct(List<Double> log10P) {
        List<Double> kept = new ArrayList<>();
        for (double lp : log10P) if (!Double.isNaN(lp)) kept.add(lp);
        if (kept.isEmpty()) return Double.NaN;
        double min = Double.POSITIVE_INFINITY;
        boolean one = false;
        for (double lp : kept) {
            if (lp == Double.NEGATIVE_INFINITY) return Double.NEGATIVE_INFINITY;
            if (lp >= 0) one = true;
            min = Math.min(min, lp);
        }
        if (one) return Math.min(0, min + Math.log10(kept.size()));
        double[] lp = kept.stream().mapToDouble(Double::doubleValue).toArray();
        double[] w = new double[lp.length];
        java.util.Arrays.fill(w, 1);
        return Cauchy.log10Combine(lp, w, TINY, 1.0);
    }

    /** The rows of one phenotype x gene x mask, gathered into one table line. */
    static final class Line {
        final ResultRow first;
        final Mask mask;
        final int collapsed;
        ResultRow burden;
        double skatoLog10P = Double.NaN;
        double skatLog10P = Double.NaN;

        Line(ResultRow first, Mask mask, int collapsed) {
            this.first = first;
            this.mask = mask;
            this.collapsed = collapsed;
        }

        void add(ResultRow r) {
            switch (r.test()) {
                case "skato" -> skatoLog10P = r.log10P();
                case "skat" -> skatLog10P = r.log10P();
                case "burden" -> burden = r;
                default -> { }
            }
        }

        String text(String gene) {
            CaseControlCounts cc = first.caseControl();
            return String.join("\t", gene, group(first.mask(), mask), maxMaf(mask),
                    PValueFormat.format(skatoLog10P, DIGITS),
                    PValueFormat.format(burden == null ? Double.NaN : burden.log10P(), DIGITS),
                    PValueFormat.format(skatLog10P, DIGITS),
                    number(burden == null ? Double.NaN : burden.beta()), number(burden == null ? Double.NaN : burden.se()),
                    PValueFormat.number(first.mac()),
                    cc.known() ? PValueFormat.number(cc.macCase()) : "NA", cc.known() ? PValueFormat.number(cc.macControl()) : "NA",
                    collapsed < 0 ? "NA" : Integer.toString(first.nVariants() - collapsed),
                    collapsed < 0 ? "NA" : Integer.toString(collapsed));
        }
    }

    /** The mask's name without its {@code .<max MAF>} suffix, categories joined by {@code ;}. */
    static String group(String name, Mask mask) {
        String g = name;
        if (mask != null && mask.hasMafLimit()) {
            String suffix = "." + plain(mask.maxMaf());
            if (g.endsWith(suffix)) g = g.substring(0, g.length() - suffix.length());
        }
        return g.replace(':', ';');
    }

    /** The mask's frequency limit as written in its name, NA without one. */
    static String maxMaf(Mask mask) {
        return mask == null || !mask.hasMafLimit() ? "NA" : plain(mask.maxMaf());
    }

    private static String plain(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** Full precision as R prints (15 significant digits); NA for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) return "NA";
        if (v == 0) return "0";
        BigDecimal b = new BigDecimal(v).round(new java.math.MathContext(DIGITS)).stripTrailingZeros();
        double a = Math.abs(v);
        return a >= 1e-4 && a < 1e15 ? b.toPlainString() : b.toString().replace("E", "e");
    }
}
