package org.rareset.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;
import org.rareset.core.table.TextInput;

/**
 * VEP {@code --tab} output. Fields come from the {@code #Uploaded_variation ...} header and from
 * the {@code Extra} column ({@code KEY=VALUE;...}). The tab format has no REF, so variants are
 * keyed by {@code Uploaded_variation}, which must read {@code chrom_pos_ref/alt} (VEP's own name
 * when the input VCF's ID is {@code .}) or {@code chrom:pos:ref:alt}; lines of one variant must
 * be adjacent and variants sorted by position, as VEP writes them for a sorted input.
 */
public final class VepTabSource extends CursorSource {
    private final String label;
    private final List<String> outputs;
    /** Output value indices of the user's fields found only in Extra, and their names. */
    private final int[] extraOnly;
    private final String[] extraOnlyNames;
    /** Per {@link #extraOnly} entry: matched variants that carried it. */
    private final long[] carried;
    private final TabParser parser;

    private VepTabSource(String label, Path file, TabParser parser, List<String> outputs) {
        super(file, LineRecordStream.open(file, parser));
        this.label = label;
        this.outputs = outputs;
        this.parser = parser;
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            int at = parser.layout.valueIndex(i);
            // SIFT and PolyPhen (0, 1) may be absent; only the user's named fields are checked.
            if (i >= 2 && at >= parser.nColumns) idx.add(i);
        }
        extraOnly = idx.stream().mapToInt(Integer::intValue).toArray();
        extraOnlyNames = new String[extraOnly.length];
        for (int j = 0; j < extraOnly.length; j++) extraOnlyNames[j] = parser.names.get(parser.layout.valueIndex(extraOnly[j]));
        carried = new long[extraOnly.length];
    }

    /** True when the file looks like VEP --tab output rather than a VCF. */
    public static boolean looksLikeTab(Path file) {
        try (BufferedReader in = TextInput.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("##fileformat=VCF")) return false;
                if (line.startsWith("#Uploaded_variation")) return true;
                if (!line.startsWith("#")) return false;
            }
            return false;
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), null);
        }
    }

    public static VepTabSource open(Path file, Map<String, String> fields) {
        List<String> header = null;
        try (BufferedReader in = TextInput.open(file)) {
            String line;
            while ((line = in.readLine()) != null && line.startsWith("#")) {
                if (line.startsWith("#Uploaded_variation")) header = Arrays.asList(line.substring(1).split("\t", -1));
            }
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), null);
        }
        if (header == null) {
            throw InputException.of(file, "no '#Uploaded_variation' header line", "give VEP --tab output (or --vcf output with CSQ)");
        }
        final List<String> columns = header;
        int extraCol = columns.indexOf("Extra");
        int uploaded = columns.indexOf("Uploaded_variation");
        // Extra keys become virtual columns after the real ones.
        List<String> names = new ArrayList<>(columns);
        for (String k : List.of("SYMBOL", "BIOTYPE", "SIFT", "PolyPhen", "ALLELE_NUM")) if (!names.contains(k)) names.add(k);
        for (String k : fields.keySet()) if (!names.contains(k)) names.add(k);
        VepFields layout = VepFields.resolve(file, names, fields);
        TabParser parser = new TabParser(file, columns.size(), names, extraCol, uploaded, layout);
        return new VepTabSource("VEP (" + file.getFileName() + ")", file, parser, layout.outputColumns());
    }

    @Override public String name() { return label; }
    @Override public List<String> columns() { return outputs; }
    @Override public boolean hasConsequences() { return true; }

    @Override
    protected Match toMatch(Object payload) {
        return count((VepCsqSource.VepAllele) payload);
    }

    /** Each tab line is one transcript: the lines of one variant are combined. */
    @Override
    protected Match toMatch(List<Object> payloads, org.rareset.genotypes.vcf.Variant v) {
        VepCsqSource.VepAllele all = new VepCsqSource.VepAllele(outputs.size());
        for (Object p : payloads) all.mergeFrom((VepCsqSource.VepAllele) p);
        return count(all);
    }

    /** Counts, per Extra-only field, the matched variants that carried it. */
    private VepCsqSource.VepAllele count(VepCsqSource.VepAllele a) {
        for (int j = 0; j < extraOnly.length; j++) if (a.carried[extraOnly[j]]) carried[j]++;
        return a;
    }

    @Override
    public List<AnnotationSummary.FieldCount> fieldCounts() {
        List<AnnotationSummary.FieldCount> out = new ArrayList<>();
        for (int j = 0; j < extraOnly.length; j++) out.add(new AnnotationSummary.FieldCount(extraOnlyNames[j], carried[j]));
        return out;
    }

    @Override
    public RuntimeException fieldNeverSeen(String field) {
        List<String> seen = parser.extraKeysSeen();
        return InputException.of(file, "VEP field '" + field + "' is in no header column and in no matched line's Extra column"
                        + " (Extra keys seen: " + (seen.isEmpty() ? "none" : String.join(", ", seen)) + ")",
                "check the field's spelling (names are case-sensitive) and that VEP ran with the plugin that adds it");
    }

    /** Parses one tab line into records keyed by Uploaded_variation. */
    private static final class TabParser implements LineParser {
        private final Path file;
        private final int nColumns;
        private final List<String> names;
        private final int extraCol;
        private final int uploaded;
        private final VepFields layout;
        /** Extra keys met while parsing (bounded), to list when a named field is never seen. */
        private final java.util.Set<String> keysSeen = java.util.Collections.synchronizedSet(new java.util.TreeSet<>());
        private static final int MAX_KEYS = 200;

        TabParser(Path file, int nColumns, List<String> names, int extraCol, int uploaded, VepFields layout) {
            this.file = file;
            this.nColumns = nColumns;
            this.names = names;
            this.extraCol = extraCol;
            this.uploaded = uploaded;
            this.layout = layout;
        }

        /** Each line becomes one record per ALT holding that line's entry (only for its allele). */
        @Override
        public void parse(String line, String location, java.util.function.Consumer<KeyedRecord> out) {
            String[] f = line.split("\t", -1);
            if (f.length != nColumns) {
                throw new InputException(file.toString(), location, "has " + f.length + " fields, the header " + nColumns, null);
            }
            String[] v = Arrays.copyOf(f, names.size());
            boolean[] present = new boolean[names.size()];
            for (int i = nColumns; i < v.length; i++) v[i] = "";
            if (extraCol >= 0) {
                for (String kv : f[extraCol].split(";")) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) continue;
                    String key = kv.substring(0, eq);
                    if (keysSeen.size() < MAX_KEYS) keysSeen.add(key);
                    int i = names.indexOf(key);
                    if (i >= nColumns) {
                        v[i] = kv.substring(eq + 1);
                        present[i] = true;
                    }
                }
            }
            String id = f[uploaded];
            String[] key = parseId(id);
            if (key == null) {
                throw new InputException(file.toString(), location, "Uploaded_variation '" + id
                        + "' does not name chrom, pos, ref and alt",
                        "run VEP on a VCF whose ID column is '.' or CHROM:POS:REF:ALT, or use VEP --vcf output");
            }
            int pos = VcfText.position(file, location, key[1]);
            String[] alts = key[3].split("/");
            int k = layout.alleleIndex(v, key[2], alts);
            for (int a = 0; a < alts.length; a++) {
                VepCsqSource.VepAllele allele = new VepCsqSource.VepAllele(layout.outputColumns().size());
                if (a == k) {
                    layout.addEntry(allele, v);
                    for (int i = 0; i < allele.carried.length; i++) {
                        int at = layout.valueIndex(i);
                        allele.carried[i] = at >= 0 && present[at];
                    }
                }
                out.accept(new KeyedRecord(Contigs.canonical(key[0]), pos, key[2], alts[a], allele));
            }
        }

        List<String> extraKeysSeen() {
            synchronized (keysSeen) {
                return new ArrayList<>(keysSeen);
            }
        }

        /** {@code chrom_pos_ref/alt[/alt2]} or {@code chrom:pos:ref:alt}; null otherwise. */
        static String[] parseId(String id) {
            String[] p = id.split("_");
            if (p.length >= 3) {
                String alleles = p[p.length - 1];
                int slash = alleles.indexOf('/');
                if (slash > 0) {
                    String chrom = String.join("_", Arrays.copyOfRange(p, 0, p.length - 2));
                    return new String[] {chrom, p[p.length - 2], alleles.substring(0, slash), alleles.substring(slash + 1)};
                }
            }
            String[] c = id.split(":");
            if (c.length == 4) return c;
            return null;
        }
    }
}
