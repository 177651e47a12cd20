package org.rareset.association.run;

import org.rareset.core.formats.ResultRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.rareset.association.pvalue.ChiSquare;
import org.rareset.core.output.OutputFiles;

/**
 * Gene results in REGENIE's step-2 layout, one space-separated file per phenotype
 * {@code <base>_<phenotype>.regenie} (gzipped as {@code .regenie.gz} when the results are):
 * <pre>CHROM GENPOS ID ALLELE0 ALLELE1 A1FREQ N TEST BETA SE CHISQ LOG10P EXTRA</pre>
 * as REGENIE writes gene-based tests: {@code ID = <gene>.<mask>}, {@code ALLELE0 = ref},
 * {@code ALLELE1 = <mask>}, {@code LOG10P} = -log10(p) (positive), {@code CHISQ} the 1-df
 * chi-square with that p (REGENIE's convention for every test), {@code NA} where a value does not
 * apply. Test names: {@code burden-max}/{@code burden-sum} (REGENIE's burden mask) are {@code ADD},
 * {@code skat} {@code ADD-SKAT}, {@code skato} {@code ADD-SKATO}, {@code acatv} {@code ADD-ACATV},
 * {@code acato} {@code ADD-ACATO}, the per-gene omnibus {@code GENE_P}; RareSet's weighted
 * {@code burden}, which REGENIE does not have, is {@code ADD-BURDEN-WEIGHTED}.
 *
 * <p>A1FREQ is {@code NA}: RareSet's result rows carry the mask's minor allele count, not the
 * ALT frequency of the combined burden REGENIE reports (docs/regenie.md).
 */
public final class RegenieResultWriter {
    public static final String[] COLUMNS = {"CHROM", "GENPOS", "ID", "ALLELE0", "ALLELE1", "A1FREQ", "N", "TEST", "BETA", "SE",
            "CHISQ", "LOG10P", "EXTRA"};
    /** The omnibus rows' mask name, as REGENIE's. */
    static final String GENE_P = "GENE_P";

    /** Where a gene is reported. */
    public record Locus(String chrom, long pos) {}

    private RegenieResultWriter() {}

    /** REGENIE's TEST name for a RareSet test. */
    public static String testName(String test, String mask) {
        if (GENE_P.equals(mask)) return GENE_P;
        switch (test.toLowerCase(Locale.ROOT)) {
            case "burden-max": case "burden-sum": return "ADD";
            case "skat": return "ADD-SKAT";
            case "skato": return "ADD-SKATO";
            case "acatv": return "ADD-ACATV";
            case "acato": return "ADD-ACATO";
            case "burden": return "ADD-BURDEN-WEIGHTED";
            case "omnibus": return GENE_P;
            default: return "ADD-" + test.toUpperCase(Locale.ROOT);
        }
    }

    /** {@code <base>_<phenotype>.regenie}, with {@code .gz} when the results file is gzipped. */
    public static Path path(Path out, String phenotype) {
        String gz = out.getFileName().toString().endsWith(".gz") ? ".gz" : "";
        Path base = SummaryWriter.base(out);
        return base.resolveSibling(base.getFileName() + "_" + phenotype + ".regenie" + gz);
    }

    /**
     * Writes one file per phenotype, rows in result order.
     *
     * @param locus       a gene's chromosome and position (REGENIE: from the set list)
     * @param sampleSize  a phenotype's analysed samples
     * @param headerLines lines written first, each starting {@code ##} (e.g. the mask definitions)
     * @return the files written
     */
    public static List<Path> write(Path out, List<ResultRow> rows, Function<String, Locus> locus,
                                   Function<String, Integer> sampleSize, List<String> headerLines) throws IOException {
        Map<String, List<ResultRow>> byPhenotype = new LinkedHashMap<>();
        for (ResultRow r : rows) byPhenotype.computeIfAbsent(r.phenotype(), p -> new ArrayList<>()).add(r);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<ResultRow>> e : byPhenotype.entrySet()) {
            Path file = path(out, e.getKey());
            int n = sampleSize.apply(e.getKey());
            OutputFiles.write(file, tmp -> {
                try (OutputStream raw = Files.newOutputStream(tmp);
                     OutputStream os = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
                     BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
                    for (String h : headerLines) w.write(h + "\n");
                    w.write(String.join(" ", COLUMNS) + "\n");
                    for (ResultRow r : e.getValue()) w.write(line(r, locus.apply(r.gene()), n) + "\n");
                }
            });
            written.add(file);
        }
        return written;
    }

    static String line(ResultRow r, Locus locus, int n) {
        String test = testName(r.test(), r.mask());
        String maskName = GENE_P.equals(test) ? GENE_P : r.mask();
        boolean failed = Double.isNaN(r.log10P());
        String chisq = failed ? "NA" : number(ChiSquare.upperQuantileLog(r.log10P() * Math.log(10), 1));
        String log10p = failed ? "NA" : number(-r.log10P());
        return String.join(" ", locus == null || locus.chrom() == null ? "NA" : locus.chrom(), locus == null || locus.pos() < 0 ? "NA" : Long.toString(locus.pos()),
                r.gene() + "." + maskName, "ref", maskName, "NA", Integer.toString(n), test,
                number(r.beta()), number(r.se()), chisq, log10p, failed ? "TEST_FAIL" : "NA");
    }

    /** Six significant digits, as REGENIE prints; NA for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) return "NA";
        if (v == 0) return "0";
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String[] p = s.split("e");
            String m = p[0].contains(".") ? p[0].replaceAll("0+$", "").replaceAll("\\.$", "") : p[0];
            int exp = Integer.parseInt(p[1]);
            return m + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
