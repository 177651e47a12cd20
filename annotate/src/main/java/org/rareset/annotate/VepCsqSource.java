package org.rareset.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;

/**
 * VEP output as a VCF with a {@code CSQ} INFO field, whose field order comes from its header
 * ({@code Format: Allele|Consequence|...}). Per allele and gene it keeps the consequence terms,
 * SIFT and PolyPhen scores ({@code deleterious(0.01)} gives 0.01) and any fields the user names.
 * Transcripts of one gene are combined: terms united, SIFT the lowest (most damaging), PolyPhen
 * and other fields the highest.
 */
public final class VepCsqSource extends CursorSource {
    private final String label;
    private final List<String> outputs;
    private final Skipped skipped;

    private VepCsqSource(String label, Path file, RecordStream stream, List<String> outputs, Skipped skipped) {
        super(file, stream);
        this.label = label;
        this.outputs = outputs;
        this.skipped = skipped;
    }

    /** CSQ entries left out under --lenient, by reason; the first record of each, to name it. */
    static final class Skipped {
        final boolean lenient;
        long wrongFieldCount;
        String firstWrongFieldCount;
        long unknownAllele;
        String firstUnknownAllele;

        Skipped(boolean lenient) {
            this.lenient = lenient;
        }
    }

    /**
     * @param fields extra CSQ fields to output (CSQ name to output column name), e.g.
     *               {@code am_pathogenicity=alphamissense}
     */
    public static VepCsqSource open(Path file, Map<String, String> fields) {
        return open(file, fields, false);
    }

    /**
     * @param lenient skip (and count) CSQ entries whose field count differs from the header's
     *                Format, or whose ALT cannot be told, instead of stopping with an error
     */
    public static VepCsqSource open(Path file, Map<String, String> fields, boolean lenient) {
        Map<String, VcfText.InfoField> info = VcfText.infoFields(file);
        VcfText.InfoField csq = info.get("CSQ");
        if (csq == null || csq.description() == null || !csq.description().contains("Format: ")) {
            throw InputException.of(file, "no ##INFO=<ID=CSQ,...Format: ...> header line",
                    "annotate with VEP --vcf (the header names the CSQ fields), or give --tab output");
        }
        String format = csq.description().substring(csq.description().indexOf("Format: ") + 8).trim();
        List<String> names = Arrays.asList(format.split("\\|", -1));
        VepFields layout = VepFields.resolve(file, names, fields);
        List<String> outputs = layout.outputColumns();
        Skipped skipped = new Skipped(lenient);
        return new VepCsqSource("VEP (" + file.getFileName() + ")", file,
                VcfText.records(file, parser(file, layout, names.size(), skipped)), outputs, skipped);
    }

    private static LineParser parser(Path file, VepFields layout, int nFields, Skipped skipped) {
        return (String line, String location, Consumer<KeyedRecord> out) -> {
            String[] f = VcfText.fixedColumns(line);
            if (f == null) throw new InputException(file.toString(), location, "fewer than 8 VCF columns", null);
            String chrom = Contigs.canonical(f[0]);
            int pos = VcfText.position(file, location, f[1]);
            String[] alts = f[4].split(",");
            String csq = VcfText.info(f[7], "CSQ");
            Map<String, VepAllele> byAllele = new LinkedHashMap<>();
            for (int k = 0; k < alts.length; k++) {
                byAllele.put(Alleles.vepAllele(f[3], alts, alts[k]) + "#" + k, new VepAllele(layout.outputColumns().size()));
            }
            if (csq != null && !csq.isEmpty()) {
                int n = 0;
                for (String entry : csq.split(",")) {
                    n++;
                    String[] v = entry.split("\\|", -1);
                    // A missing or extra '|' shifts every later field: never read such an entry.
                    if (v.length != nFields) {
                        String record = f[0] + ":" + f[1] + ":" + f[3] + ":" + f[4];
                        if (!skipped.lenient) {
                            throw new InputException(file.toString(), location, "record " + record + ": CSQ entry " + n + " has "
                                    + v.length + " fields, the header's CSQ Format names " + nFields,
                                    "the file was cut or edited after VEP; rerun VEP, or skip such entries with --lenient");
                        }
                        synchronized (skipped) {
                            if (skipped.wrongFieldCount++ == 0) skipped.firstWrongFieldCount = record + " (" + location + ")";
                        }
                        continue;
                    }
                    int k = layout.alleleIndex(v, f[3], alts);
                    if (k == VepFields.UNKNOWN_ALLELE) {
                        String record = f[0] + ":" + f[1] + ":" + f[3] + ":" + f[4];
                        if (!skipped.lenient) {
                            throw new InputException(file.toString(), location, "record " + record + " has " + alts.length
                                    + " ALT alleles and its CSQ entries carry neither Allele nor ALLELE_NUM",
                                    "run VEP with --allele_number (or keep the Allele field), split multi-allelic records "
                                            + "first (bcftools norm -m-), or skip such entries with --lenient");
                        }
                        synchronized (skipped) {
                            if (skipped.unknownAllele++ == 0) skipped.firstUnknownAllele = record + " (" + location + ")";
                        }
                        continue;
                    }
                    if (k < 0) continue;
                    VepAllele a = byAllele.get(Alleles.vepAllele(f[3], alts, alts[k]) + "#" + k);
                    layout.addEntry(a, v);
                }
            }
            int k = 0;
            for (VepAllele a : byAllele.values()) out.accept(new KeyedRecord(chrom, pos, f[3], alts[k++], a));
        };
    }

    @Override
    public List<String> notes() {
        List<String> out = new ArrayList<>(super.notes());
        synchronized (skipped) {
            if (skipped.wrongFieldCount > 0) {
                out.add(label + ": " + skipped.wrongFieldCount + " CSQ entr(ies) skipped (--lenient): field count differs from the header's"
                        + " Format, first at " + skipped.firstWrongFieldCount);
            }
            if (skipped.unknownAllele > 0) {
                out.add(label + ": " + skipped.unknownAllele + " CSQ entr(ies) skipped (--lenient): no Allele or ALLELE_NUM on a"
                        + " multi-allelic record, first at " + skipped.firstUnknownAllele);
            }
        }
        return out;
    }

    @Override public String name() { return label; }
    @Override public List<String> columns() { return outputs; }
    @Override public boolean hasConsequences() { return true; }

    @Override
    protected Match toMatch(Object payload) {
        return (VepAllele) payload;
    }

    /** Two records of one variant (a file annotated twice, or concatenated) are joined like transcripts. */
    @Override
    protected Match toMatch(List<Object> payloads, org.rareset.genotypes.vcf.Variant v) {
        VepAllele all = new VepAllele(outputs.size());
        for (Object p : payloads) all.mergeFrom((VepAllele) p);
        return all;
    }

    /** Everything VEP says about one allele, gene by gene. */
    static final class VepAllele implements Match {
        final List<VepGene> genes = new ArrayList<>(2);
        private final int nValues;
        /** Per output value: some entry of this allele carried the field (VEP --tab Extra keys). */
        final boolean[] carried;

        VepAllele(int nValues) {
            this.nValues = nValues;
            this.carried = new boolean[nValues];
        }

        VepGene gene(String id, String symbol, String biotype) {
            for (VepGene g : genes) if (g.id.equals(id)) return g;
            VepGene g = new VepGene(id, symbol, biotype, nValues);
            genes.add(g);
            return g;
        }

        /** Adds another entry set of the same allele (more transcripts). SIFT (column 0) keeps the lowest. */
        void mergeFrom(VepAllele other) {
            for (int i = 0; i < carried.length; i++) carried[i] |= other.carried[i];
            for (VepGene o : other.genes) {
                VepGene g = gene(o.id, o.symbol, o.biotype);
                g.consequences |= o.consequences;
                for (int i = 0; i < o.values.length; i++) {
                    double x = o.values[i];
                    if (Double.isNaN(x)) continue;
                    double old = g.values[i];
                    g.values[i] = Double.isNaN(old) ? x : i == 0 ? Math.min(old, x) : Math.max(old, x);
                }
            }
        }

        private VepGene find(Gene gene) {
            if (gene == null) return genes.isEmpty() ? null : genes.get(0);
            for (VepGene g : genes) if (g.id.equals(gene.id())) return g;
            for (VepGene g : genes) if (!g.symbol.isEmpty() && g.symbol.equals(gene.name())) return g;
            return null;
        }

        @Override
        public void values(Gene gene, double[] out, int offset) {
            VepGene g = find(gene);
            if (g == null) {
                Arrays.fill(out, offset, offset + nValues, Double.NaN);
                return;
            }
            System.arraycopy(g.values, 0, out, offset, g.values.length);
        }

        @Override
        public int consequences(Gene gene) {
            VepGene g = find(gene);
            return g == null ? 0 : g.consequences;
        }

        @Override
        public List<Gene> genes() {
            List<Gene> out = new ArrayList<>(genes.size());
            for (VepGene g : genes) if (!g.id.isEmpty()) out.add(new Gene(g.id, g.symbol.isEmpty() ? g.id : g.symbol, g.biotype, "", 0, 0));
            return out;
        }
    }

    static final class VepGene {
        final String id;
        final String symbol;
        final String biotype;
        final double[] values;
        int consequences;

        VepGene(String id, String symbol, String biotype, int n) {
            this.id = id;
            this.symbol = symbol;
            this.biotype = biotype;
            this.values = new double[n];
            Arrays.fill(values, Double.NaN);
        }
    }
}
