package org.rareset.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;

/**
 * Where VEP's fields sit in one entry (CSQ or a --tab line) and how they turn into output
 * columns: {@code sift_score}, {@code polyphen_score}, then the user's fields.
 */
final class VepFields {
    static final String SIFT = "sift_score";
    static final String POLYPHEN = "polyphen_score";

    private final int allele;
    private final int alleleNum;
    private final int consequence;
    private final int gene;
    private final int symbol;
    private final int biotype;
    private final int[] valueIndex;
    private final boolean[] lowerIsWorse;
    private final List<String> outputs;

    private VepFields(int allele, int alleleNum, int consequence, int gene, int symbol, int biotype,
                      int[] valueIndex, boolean[] lowerIsWorse, List<String> outputs) {
        this.allele = allele;
        this.alleleNum = alleleNum;
        this.consequence = consequence;
        this.gene = gene;
        this.symbol = symbol;
        this.biotype = biotype;
        this.valueIndex = valueIndex;
        this.lowerIsWorse = lowerIsWorse;
        this.outputs = outputs;
    }

    static VepFields resolve(Path file, List<String> names, Map<String, String> extra) {
        // Allele may be absent (VEP --fields without it): ALLELE_NUM, or a single ALT, then tells the allele.
        int allele = names.indexOf("Allele");
        int consequence = names.indexOf("Consequence");
        int gene = names.indexOf("Gene");
        if (consequence < 0 || gene < 0) {
            throw InputException.of(file, "VEP fields lack Consequence or Gene (have: " + String.join("|", names) + ")",
                    "run VEP with its default fields, or add them with --fields");
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("SIFT", SIFT);
        wanted.put("PolyPhen", POLYPHEN);
        wanted.putAll(extra);
        List<String> outputs = new ArrayList<>();
        int[] idx = new int[wanted.size()];
        boolean[] lower = new boolean[wanted.size()];
        int k = 0;
        for (var e : wanted.entrySet()) {
            int i = names.indexOf(e.getKey());
            if (i < 0 && extra.containsKey(e.getKey())) {
                throw InputException.of(file, "VEP field '" + e.getKey() + "' is not in the output",
                        "fields present: " + String.join(", ", names));
            }
            idx[k] = i; // SIFT/PolyPhen may be absent: their columns are then filled
            lower[k] = e.getKey().equals("SIFT");
            outputs.add(e.getValue());
            k++;
        }
        return new VepFields(allele, names.indexOf("ALLELE_NUM"), consequence, gene, names.indexOf("SYMBOL"),
                names.indexOf("BIOTYPE"), idx, lower, outputs);
    }

    /** Where output value {@code i} sits in an entry; -1 when absent. */
    int valueIndex(int i) {
        return valueIndex[i];
    }

    List<String> outputColumns() {
        return outputs;
    }

    /** {@link #alleleIndex}: the entry does not say which of several ALTs it is about. */
    static final int UNKNOWN_ALLELE = -2;

    /**
     * Which ALT (0-based) a CSQ entry is about: its {@code ALLELE_NUM} (VEP --allele_number) when
     * present, else its {@code Allele} compared with each ALT as VEP writes it
     * ({@link Alleles#vepAllele}); without an Allele field the only ALT of a single-ALT record.
     * -1 when the entry names no ALT of the record, {@link #UNKNOWN_ALLELE} when it cannot tell.
     */
    int alleleIndex(String[] v, String ref, String[] alts) {
        if (alleleNum >= 0 && alleleNum < v.length && !v[alleleNum].isEmpty()) {
            try {
                int n = Integer.parseInt(v[alleleNum]);
                return n >= 1 && n <= alts.length ? n - 1 : -1;
            } catch (NumberFormatException e) {
                // fall through to the allele string
            }
        }
        if (allele < 0) return alts.length == 1 ? 0 : UNKNOWN_ALLELE;
        if (allele >= v.length) return -1;
        for (int k = 0; k < alts.length; k++) {
            if (Alleles.vepAllele(ref, alts, alts[k]).equalsIgnoreCase(v[allele]) || alts[k].equalsIgnoreCase(v[allele])) return k;
        }
        return -1;
    }

    /** True when entries carry neither Allele nor ALLELE_NUM. */
    boolean lacksAllele() {
        return allele < 0 && alleleNum < 0;
    }

    String allele(String[] v) {
        return allele >= 0 && allele < v.length ? v[allele] : "";
    }

    /** Adds one entry (one transcript or regulatory feature) to its allele. */
    void addEntry(VepCsqSource.VepAllele a, String[] v) {
        String geneId = gene < v.length ? v[gene] : "";
        String sym = symbol >= 0 && symbol < v.length ? v[symbol] : "";
        String bio = biotype >= 0 && biotype < v.length ? v[biotype] : "";
        VepCsqSource.VepGene g = a.gene(Gene.stripVersion(geneId), sym, bio);
        g.consequences |= Consequences.parse(consequence < v.length ? v[consequence] : "");
        for (int i = 0; i < valueIndex.length; i++) {
            if (valueIndex[i] < 0 || valueIndex[i] >= v.length) continue;
            double x = score(v[valueIndex[i]], lowerIsWorse[i]);
            if (Double.isNaN(x)) continue;
            double old = g.values[i];
            g.values[i] = Double.isNaN(old) ? x : lowerIsWorse[i] ? Math.min(old, x) : Math.max(old, x);
        }
    }

    /**
     * A VEP value as a number: {@code deleterious(0.01)} gives 0.01, {@code 0.3&0.5} (several
     * values joined by VEP) the worst of them; anything not numeric is missing.
     */
    static double score(String s, boolean lowerIsWorse) {
        if (s == null || s.isEmpty() || s.equals("-") || s.equals(".")) return Double.NaN;
        int open = s.indexOf('(');
        if (open >= 0 && s.endsWith(")")) s = s.substring(open + 1, s.length() - 1);
        double best = Double.NaN;
        for (String part : s.split("&")) {
            double x = CursorSource.parseNumber(part);
            if (Double.isNaN(x)) continue;
            best = Double.isNaN(best) ? x : lowerIsWorse ? Math.min(best, x) : Math.max(best, x);
        }
        return best;
    }
}
