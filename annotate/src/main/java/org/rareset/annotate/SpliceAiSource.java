package org.rareset.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;

/**
 * SpliceAI VCF ({@code SpliceAI=ALLELE|SYMBOL|DS_AG|DS_AL|DS_DG|DS_DL|DP_AG|...}): the delta
 * score is the largest of the four DS values. Per gene by symbol; for a gene SpliceAI does not
 * name, the largest delta over the allele's genes.
 */
public final class SpliceAiSource extends CursorSource {
    public static final String COLUMN = "SpliceAI_delta_score";

    private final String label;

    private SpliceAiSource(Path file, RecordStream stream) {
        super(file, stream);
        this.label = "SpliceAI (" + file.getFileName() + ")";
    }

    public static SpliceAiSource open(Path file) {
        if (!VcfText.infoFields(file).containsKey("SpliceAI")) {
            throw InputException.of(file, "no ##INFO=<ID=SpliceAI,...> header line", "give a SpliceAI-annotated VCF");
        }
        return new SpliceAiSource(file, VcfText.records(file, parser(file)));
    }

    private static LineParser parser(Path file) {
        return (String line, String location, Consumer<KeyedRecord> out) -> {
            String[] f = VcfText.fixedColumns(line);
            if (f == null) throw new InputException(file.toString(), location, "fewer than 8 VCF columns", null);
            String chrom = Contigs.canonical(f[0]);
            int pos = VcfText.position(file, location, f[1]);
            String[] alts = f[4].split(",");
            String info = VcfText.info(f[7], "SpliceAI");
            List<List<Entry>> perAllele = new ArrayList<>();
            for (int k = 0; k < alts.length; k++) perAllele.add(new ArrayList<>(1));
            if (info != null) {
                for (String e : info.split(",")) {
                    String[] v = e.split("\\|", -1);
                    if (v.length < 6) {
                        throw new InputException(file.toString(), location, "SpliceAI entry '" + e + "' has fewer than 6 fields",
                                "expected ALLELE|SYMBOL|DS_AG|DS_AL|DS_DG|DS_DL|...");
                    }
                    double ds = Double.NaN;
                    for (int i = 2; i < 6; i++) {
                        double x = parseNumber(v[i]);
                        if (!Double.isNaN(x)) ds = Double.isNaN(ds) ? x : Math.max(ds, x);
                    }
                    for (int k = 0; k < alts.length; k++) {
                        if (alts[k].equals(v[0])) perAllele.get(k).add(new Entry(v[1], ds));
                    }
                }
            }
            for (int k = 0; k < alts.length; k++) out.accept(new KeyedRecord(chrom, pos, f[3], alts[k], perAllele.get(k)));
        };
    }

    record Entry(String symbol, double delta) {}

    @Override public String name() { return label; }
    @Override public List<String> columns() { return List.of(COLUMN); }

    /** Records of one variant (one per gene in some SpliceAI files) are parts of one answer: their entries join. */
    @Override
    @SuppressWarnings("unchecked")
    protected Match toMatch(List<Object> payloads, org.rareset.genotypes.vcf.Variant v) {
        List<Entry> all = new ArrayList<>();
        for (Object p : payloads) all.addAll((List<Entry>) p);
        return toMatch(all);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Match toMatch(Object payload) {
        List<Entry> entries = (List<Entry>) payload;
        return (gene, out, offset) -> {
            double best = Double.NaN;
            if (gene != null) {
                for (Entry e : entries) if (e.symbol().equals(gene.name()) && !(e.delta() <= best)) best = e.delta();
            }
            if (Double.isNaN(best)) {
                for (Entry e : entries) if (!(e.delta() <= best)) best = e.delta();
            }
            out[offset] = best;
        };
    }
}
