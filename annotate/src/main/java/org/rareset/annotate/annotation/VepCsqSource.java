package org.rareset.annotate.annotation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rareset.annotate.InputException;
import org.rareset.annotate.vcf.Contigs;

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

    private VepCsqSource(String label, Path file, RecordStream stream, List<String> outputs) {
        super(file, stream);
        this.label = label;
        this.outputs = outputs;
    }

    /**
     * @param fields extra CSQ fields to output (CSQ name to output column name), e.g.
     *               {@code am_pathogenicity=alphamissense}
     */
    public static VepCsqSource open(Path file, Map<String, String> fields) {
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
        return new VepCsqSource("VEP (" + file.getFileName() + ")", file,
                LineRecordStream.open(file, parser(file, layout)), outputs);
    }

    private static LineParser parser(Path file, VepFields layout) {
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
                for (String entry : csq.split(",")) {
                    String[] v = entry.split("\\|", -1);
                    int k = layout.alleleIndex(v, f[3], alts);
                    if (k < 0) continue;
                    VepAllele a = byAllele.get(Alleles.vepAllele(f[3], alts, alts[k]) + "#" + k);
                    layout.addEntry(a, v);
                }
            }
            int k = 0;
            for (VepAllele a : byAllele.values()) out.accept(new KeyedRecord(chrom, pos, f[3], alts[k++], a));
        };
    }

    @Override public String name() { return label; }
    @Override public List<String> columns() { return outputs; }
    @Override public boolean hasConsequences() { return true; }

    @Override
    protected Match toMatch(Object payload) {
        return (VepAllele) payload;
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
