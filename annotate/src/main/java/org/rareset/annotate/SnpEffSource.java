package org.rareset.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;

/**
 * snpEff output as an annotation source: a VCF whose INFO carries {@code ANN} (snpEff 4.1 and
 * later, the VCF annotation standard) or {@code EFF} (older snpEff, or {@code -formatEff}). It
 * gives the same consequence columns as VEP ({@code Consequence_*}, {@code is_plof}) and the
 * genes it names; snpEff has no SIFT or PolyPhen scores, so it adds no value columns.
 *
 * <p>Field positions come from the header's description ({@code Functional annotations: 'Allele |
 * Annotation | ...'} or {@code Format: 'Effect ( Effect_Impact | ... )'}); an entry with another
 * number of fields is an error naming the record (skipped and counted with {@code lenient}).
 * Terms are mapped to VEP's ({@link #vepTerm}): the Sequence Ontology names snpEff writes in
 * ANN are VEP's except for snpEff's split of in-frame indels into conservative and disruptive,
 * and EFF's own names ({@code NON_SYNONYMOUS_CODING}, {@code FRAME_SHIFT}, ...) are translated.
 * An ANN entry belongs to the ALT its {@code Allele} names (snpEff writes ALTs untrimmed); an EFF
 * entry to its {@code Genotype_Number} (1 = first ALT), or to the only ALT. Intergenic entries
 * name no gene.
 */
public final class SnpEffSource extends CursorSource {
    /** snpEff terms (ANN: Sequence Ontology; EFF: snpEff's own) whose VEP term differs, to that VEP term. */
    static final Map<String, String> TO_VEP = Map.ofEntries(
            Map.entry("conservative_inframe_insertion", "inframe_insertion"),
            Map.entry("disruptive_inframe_insertion", "inframe_insertion"),
            Map.entry("conservative_inframe_deletion", "inframe_deletion"),
            Map.entry("disruptive_inframe_deletion", "inframe_deletion"),
            Map.entry("SPLICE_SITE_ACCEPTOR", "splice_acceptor_variant"),
            Map.entry("SPLICE_SITE_DONOR", "splice_donor_variant"),
            Map.entry("SPLICE_SITE_REGION", "splice_region_variant"),
            Map.entry("STOP_GAINED", "stop_gained"),
            Map.entry("STOP_LOST", "stop_lost"),
            Map.entry("START_LOST", "start_lost"),
            Map.entry("FRAME_SHIFT", "frameshift_variant"),
            Map.entry("NON_SYNONYMOUS_CODING", "missense_variant"),
            Map.entry("CODON_INSERTION", "inframe_insertion"),
            Map.entry("CODON_CHANGE_PLUS_CODON_INSERTION", "inframe_insertion"),
            Map.entry("CODON_DELETION", "inframe_deletion"),
            Map.entry("CODON_CHANGE_PLUS_CODON_DELETION", "inframe_deletion"));

    private final String label;
    private final VepCsqSource.Skipped skipped;

    private SnpEffSource(String label, Path file, RecordStream stream, VepCsqSource.Skipped skipped) {
        super(file, stream);
        this.label = label;
        this.skipped = skipped;
    }

    /** The VEP term for one snpEff term (itself when snpEff and VEP agree). */
    static String vepTerm(String snpEffTerm) {
        return TO_VEP.getOrDefault(snpEffTerm, snpEffTerm);
    }

    /** Consequence bits of snpEff's {@code &}-joined terms. */
    static int consequences(String terms) {
        int mask = 0;
        for (String t : terms.split("&")) mask |= Consequences.bit(vepTerm(t.trim()));
        return mask;
    }

    /** True when the VCF's header declares snpEff's ANN or EFF field. */
    public static boolean hasSnpEffHeader(Path file) {
        Map<String, VcfText.InfoField> info = VcfText.infoFields(file);
        return isSnpEff(info.get("ANN")) || isSnpEff(info.get("EFF"));
    }

    private static boolean isSnpEff(VcfText.InfoField f) {
        return f != null && f.description() != null
                && (f.description().contains("Functional annotations:") || f.description().contains("Effect ("));
    }

    /** @param lenient skip and count malformed entries instead of stopping */
    public static SnpEffSource open(Path file, boolean lenient) {
        Map<String, VcfText.InfoField> info = VcfText.infoFields(file);
        VcfText.InfoField ann = info.get("ANN");
        VcfText.InfoField eff = info.get("EFF");
        VepCsqSource.Skipped skipped = new VepCsqSource.Skipped(lenient);
        LineParser parser;
        if (isSnpEff(ann)) {
            parser = annParser(file, fieldNames(file, ann.description(), "Functional annotations:"), skipped);
        } else if (isSnpEff(eff)) {
            parser = effParser(file, effFieldNames(file, eff.description()), skipped);
        } else {
            throw InputException.of(file, "no snpEff ##INFO=<ID=ANN,...Functional annotations: '...'> or ##INFO=<ID=EFF,...> header line",
                    "give snpEff's VCF output (snpEff ann writes ANN; -formatEff writes EFF)");
        }
        return new SnpEffSource("snpEff (" + file.getFileName() + ")", file, VcfText.records(file, parser), skipped);
    }

    /** The '|'-separated names between the quotes after {@code marker}. */
    private static List<String> fieldNames(Path file, String description, String marker) {
        int at = description.indexOf(marker);
        int open = description.indexOf('\'', at);
        int close = description.lastIndexOf('\'');
        if (open < 0 || close <= open) {
            throw InputException.of(file, "snpEff header description '" + description + "' does not list its fields in quotes",
                    "give the VCF as snpEff wrote it");
        }
        List<String> names = new ArrayList<>();
        for (String n : description.substring(open + 1, close).split("\\|")) names.add(n.trim());
        return names;
    }

    /** EFF's {@code Effect ( A | B | ... [ | ERRORS | WARNINGS ] )}: the names inside the parentheses, optional ones left out. */
    private static List<String> effFieldNames(Path file, String description) {
        String quoted = String.join("|", fieldNames(file, description, "Format:"));
        int open = quoted.indexOf('(');
        int close = quoted.lastIndexOf(')');
        if (open < 0 || close <= open) {
            throw InputException.of(file, "snpEff EFF header '" + description + "' is not 'Effect ( ... )'", "give the VCF as snpEff wrote it");
        }
        String inner = quoted.substring(open + 1, close);
        int optional = inner.indexOf('[');
        if (optional >= 0) inner = inner.substring(0, optional);
        List<String> names = new ArrayList<>();
        for (String n : inner.split("\\|")) if (!n.isBlank()) names.add(n.trim());
        return names;
    }

    private static int require(Path file, List<String> names, String... choices) {
        for (String c : choices) {
            for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(c)) return i;
        }
        throw InputException.of(file, "snpEff fields lack " + choices[0] + " (have: " + String.join(" | ", names) + ")",
                "give the VCF as snpEff wrote it");
    }

    private static int optional(List<String> names, String... choices) {
        for (String c : choices) {
            for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(c)) return i;
        }
        return -1;
    }

    private static LineParser annParser(Path file, List<String> names, VepCsqSource.Skipped skipped) {
        int allele = require(file, names, "Allele");
        int annotation = require(file, names, "Annotation", "Effect");
        int geneName = require(file, names, "Gene_Name");
        int geneId = optional(names, "Gene_ID");
        int featureType = optional(names, "Feature_Type");
        int biotype = optional(names, "Transcript_BioType");
        int n = names.size();
        return (String line, String location, Consumer<KeyedRecord> out) -> {
            Record r = Record.of(file, line, location);
            String ann = VcfText.info(r.fields[7], "ANN");
            if (ann != null && !ann.isEmpty()) {
                for (String entry : ann.split(",")) {
                    String[] v = entry.split("\\|", -1);
                    if (v.length != n) {
                        r.skip(skipped, "ANN entry has " + v.length + " fields, the header names " + n);
                        continue;
                    }
                    int k = -1;
                    for (int a = 0; a < r.alts.length; a++) if (r.alts[a].equalsIgnoreCase(v[allele].trim())) k = a;
                    if (k < 0) continue; // snpEff's cancer comparisons (ALT-REF) name no ALT of the record
                    boolean intergenic = featureType >= 0 && v[featureType].equals("intergenic_region");
                    String id = intergenic ? "" : geneId >= 0 && !v[geneId].isEmpty() ? v[geneId] : v[geneName];
                    r.add(k, id, intergenic ? "" : v[geneName], biotype >= 0 ? v[biotype] : "", consequences(v[annotation]));
                }
            }
            r.emit(out);
        };
    }

    private static LineParser effParser(Path file, List<String> names, VepCsqSource.Skipped skipped) {
        int geneName = require(file, names, "Gene_Name");
        int biotype = optional(names, "Transcript_BioType", "Gene_BioType");
        int genotype = optional(names, "Genotype_Number", "GenotypeNum", "Genotype");
        int n = names.size();
        return (String line, String location, Consumer<KeyedRecord> out) -> {
            Record r = Record.of(file, line, location);
            String eff = VcfText.info(r.fields[7], "EFF");
            if (eff != null && !eff.isEmpty()) {
                for (String entry : eff.split(",")) {
                    int open = entry.indexOf('(');
                    if (open <= 0 || !entry.endsWith(")")) {
                        r.skip(skipped, "EFF entry '" + entry + "' is not EFFECT(...)");
                        continue;
                    }
                    String[] v = entry.substring(open + 1, entry.length() - 1).split("\\|", -1);
                    // ERRORS and WARNINGS may follow the named fields.
                    if (v.length < n || v.length > n + 2) {
                        r.skip(skipped, "EFF entry has " + v.length + " fields, the header names " + n + " (and up to 2 optional)");
                        continue;
                    }
                    int k = effAllele(genotype >= 0 ? v[genotype] : "", r.alts);
                    if (k == VepFields.UNKNOWN_ALLELE) {
                        r.skip(skipped, "EFF entry names no ALT of a record with " + r.alts.length + " ALTs (Genotype_Number '"
                                + (genotype >= 0 ? v[genotype] : "") + "')");
                        continue;
                    }
                    String gene = v[geneName];
                    r.add(k, gene, gene, biotype >= 0 ? v[biotype] : "", consequences(entry.substring(0, open)));
                }
            }
            r.emit(out);
        };
    }

    /** EFF's Genotype_Number (1 = first ALT), an ALT itself, or the only ALT. */
    private static int effAllele(String genotype, String[] alts) {
        try {
            int g = Integer.parseInt(genotype.trim());
            if (g >= 1 && g <= alts.length) return g - 1;
        } catch (NumberFormatException e) {
            for (int a = 0; a < alts.length; a++) if (alts[a].equalsIgnoreCase(genotype.trim())) return a;
        }
        return alts.length == 1 ? 0 : VepFields.UNKNOWN_ALLELE;
    }

    /** One VCF record being parsed: its alleles and, per ALT, what the entries say. */
    private static final class Record {
        final Path file;
        final String location;
        final String[] fields;
        final String[] alts;
        final VepCsqSource.VepAllele[] perAlt;

        private Record(Path file, String location, String[] fields) {
            this.file = file;
            this.location = location;
            this.fields = fields;
            this.alts = fields[4].split(",");
            this.perAlt = new VepCsqSource.VepAllele[alts.length];
            for (int k = 0; k < alts.length; k++) perAlt[k] = new VepCsqSource.VepAllele(0);
        }

        static Record of(Path file, String line, String location) {
            String[] f = VcfText.fixedColumns(line);
            if (f == null) throw new InputException(file.toString(), location, "fewer than 8 VCF columns", null);
            return new Record(file, location, f);
        }

        String name() {
            return fields[0] + ":" + fields[1] + ":" + fields[3] + ":" + fields[4];
        }

        /** A malformed entry: an error naming the record, or counted under --lenient. */
        void skip(VepCsqSource.Skipped skipped, String problem) {
            if (!skipped.lenient) {
                throw new InputException(file.toString(), location, "record " + name() + ": " + problem,
                        "the file was cut or edited after snpEff; rerun snpEff, or skip such entries with --lenient");
            }
            synchronized (skipped) {
                if (skipped.wrongFieldCount++ == 0) skipped.firstWrongFieldCount = name() + " (" + location + ")";
            }
        }

        void add(int alt, String geneId, String symbol, String biotype, int consequences) {
            VepCsqSource.VepGene g = perAlt[alt].gene(Gene.stripVersion(geneId), symbol, biotype);
            g.consequences |= consequences;
        }

        void emit(Consumer<KeyedRecord> out) {
            String chrom = Contigs.canonical(fields[0]);
            int pos = VcfText.position(file, location, fields[1]);
            for (int k = 0; k < alts.length; k++) out.accept(new KeyedRecord(chrom, pos, fields[3], alts[k], perAlt[k]));
        }
    }

    @Override public String name() { return label; }
    @Override public List<String> columns() { return List.of(); }
    @Override public boolean hasConsequences() { return true; }

    @Override
    protected Match toMatch(Object payload) {
        return (VepCsqSource.VepAllele) payload;
    }

    @Override
    protected Match toMatch(List<Object> payloads, org.rareset.genotypes.vcf.Variant v) {
        VepCsqSource.VepAllele all = new VepCsqSource.VepAllele(0);
        for (Object p : payloads) all.mergeFrom((VepCsqSource.VepAllele) p);
        return all;
    }

    @Override
    public List<String> notes() {
        List<String> out = new ArrayList<>(super.notes());
        synchronized (skipped) {
            if (skipped.wrongFieldCount > 0) {
                out.add(label + ": " + skipped.wrongFieldCount + " malformed entr(ies) skipped (--lenient), first at "
                        + skipped.firstWrongFieldCount);
            }
        }
        return out;
    }
}
