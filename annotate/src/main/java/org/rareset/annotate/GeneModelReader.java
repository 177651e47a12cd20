package org.rareset.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.core.table.TextInput;

/**
 * Reads gene bodies from a GENCODE/Ensembl GTF, a GFF3 or a BED file (gzipped or plain).
 *
 * <ul>
 *   <li>GTF: {@code gene} lines, with {@code gene_id}, {@code gene_name} and {@code gene_type}
 *   (GENCODE) or {@code gene_biotype} (Ensembl). A GTF without gene lines gets each gene's span
 *   from its transcript/exon lines.</li>
 *   <li>GFF3: features whose type is {@code gene}, {@code ncRNA_gene} or {@code pseudogene}, with
 *   {@code gene_id} or {@code ID} ({@code gene:} prefix dropped), {@code Name}, {@code biotype}
 *   or {@code gene_type}.</li>
 *   <li>BED: {@code chrom start end name [score strand biotype]}, 0-based half-open; the name
 *   is both id and symbol, or {@code id|symbol}; a non-numeric fifth column is taken as the
 *   symbol ({@code chrom start end gene_id gene_name strand}).</li>
 * </ul>
 */
public final class GeneModelReader {
    public enum Format { GTF, GFF3, BED }

    private GeneModelReader() {}

    public static Format formatOf(Path path) {
        String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        if (n.endsWith(".gtf")) return Format.GTF;
        if (n.endsWith(".gff3") || n.endsWith(".gff")) return Format.GFF3;
        if (n.endsWith(".bed")) return Format.BED;
        throw InputException.of(path, "cannot tell the gene file format from its name",
                "name it .gtf, .gff3 or .bed (optionally .gz)");
    }

    public static List<Gene> read(Path path) {
        return read(path, formatOf(path));
    }

    public static List<Gene> read(Path path, Format format) {
        try (BufferedReader in = TextInput.open(path)) {
            List<Gene> genes = switch (format) {
                case GTF -> readGtf(path, in);
                case GFF3 -> readGff3(path, in);
                case BED -> readBed(path, in);
            };
            if (genes.isEmpty()) {
                throw InputException.of(path, "no genes found", format == Format.BED
                        ? "expected lines 'chrom start end name'" : "expected feature lines of type gene");
            }
            return genes;
        } catch (IOException e) {
            throw InputException.of(path, "cannot read: " + e.getMessage(), null);
        }
    }

    private static List<Gene> readGtf(Path path, BufferedReader in) throws IOException {
        List<Gene> genes = new ArrayList<>();
        // Spans from transcript/exon lines, used only when the file has no gene lines.
        Map<String, Gene> spans = new LinkedHashMap<>();
        String line;
        long n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isEmpty() || line.charAt(0) == '#') continue;
            String[] f = line.split("\t", -1);
            if (f.length < 9) {
                throw InputException.atLine(path, n, "GTF line has " + f.length + " tab-separated fields, not 9",
                        "GTF columns are seqname source feature start end score strand frame attributes");
            }
            String feature = f[2];
            boolean gene = feature.equals("gene");
            if (!gene && !feature.equals("transcript") && !feature.equals("exon")) continue;
            int start = parseInt(path, n, f[3], "start");
            int end = parseInt(path, n, f[4], "end");
            if (end < start) throw InputException.atLine(path, n, "end " + end + " is before start " + start, null);
            Map<String, String> attrs = gtfAttributes(path, n, f[8]);
            String id = attrs.get("gene_id");
            if (id == null) throw InputException.atLine(path, n, "no gene_id attribute", "every GTF line needs gene_id \"...\";");
            String name = attrs.getOrDefault("gene_name", id);
            String biotype = attrs.getOrDefault("gene_type", attrs.getOrDefault("gene_biotype", ""));
            Gene g = new Gene(Gene.stripVersion(id), name, biotype, f[0], start, end);
            if (gene) {
                genes.add(g);
            } else {
                spans.merge(g.id(), g, (a, b) -> new Gene(a.id(), a.name(), a.biotype(), a.chrom(),
                        Math.min(a.start(), b.start()), Math.max(a.end(), b.end())));
            }
        }
        return genes.isEmpty() ? new ArrayList<>(spans.values()) : genes;
    }

    /** {@code key "value"; key "value";} */
    static Map<String, String> gtfAttributes(Path path, long line, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int len = text.length();
        while (i < len) {
            while (i < len && (text.charAt(i) == ' ' || text.charAt(i) == ';')) i++;
            if (i >= len) break;
            int keyEnd = text.indexOf(' ', i);
            if (keyEnd < 0) throw InputException.atLine(path, line, "attribute without value: '" + text.substring(i) + "'",
                    "GTF attributes look like gene_id \"ENSG...\";");
            String key = text.substring(i, keyEnd);
            i = keyEnd + 1;
            String value;
            if (i < len && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) throw InputException.atLine(path, line, "unclosed quote in attribute " + key, null);
                value = text.substring(i + 1, close);
                i = close + 1;
            } else {
                int semi = text.indexOf(';', i);
                if (semi < 0) semi = len;
                value = text.substring(i, semi).trim();
                i = semi;
            }
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private static List<Gene> readGff3(Path path, BufferedReader in) throws IOException {
        List<Gene> genes = new ArrayList<>();
        String line;
        long n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.startsWith("##FASTA")) break;
            if (line.isEmpty() || line.charAt(0) == '#') continue;
            String[] f = line.split("\t", -1);
            if (f.length < 9) {
                throw InputException.atLine(path, n, "GFF3 line has " + f.length + " tab-separated fields, not 9", null);
            }
            String type = f[2];
            if (!type.equals("gene") && !type.equals("ncRNA_gene") && !type.equals("pseudogene")) continue;
            int start = parseInt(path, n, f[3], "start");
            int end = parseInt(path, n, f[4], "end");
            Map<String, String> attrs = new LinkedHashMap<>();
            for (String kv : f[8].split(";")) {
                int eq = kv.indexOf('=');
                if (eq > 0) attrs.put(kv.substring(0, eq).trim(), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
            String id = attrs.getOrDefault("gene_id", attrs.get("ID"));
            if (id == null) throw InputException.atLine(path, n, "gene without ID or gene_id", null);
            if (id.startsWith("gene:")) id = id.substring(5);
            String name = attrs.getOrDefault("Name", attrs.getOrDefault("gene_name", id));
            String biotype = attrs.getOrDefault("biotype", attrs.getOrDefault("gene_type", attrs.getOrDefault("gene_biotype", "")));
            genes.add(new Gene(Gene.stripVersion(id), name, biotype, f[0], start, end));
        }
        return genes;
    }

    private static List<Gene> readBed(Path path, BufferedReader in) throws IOException {
        List<Gene> genes = new ArrayList<>();
        String line;
        long n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("track") || line.startsWith("browser")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 4) {
                throw InputException.atLine(path, n, "BED line has " + f.length + " fields; a gene needs 4",
                        "chrom start end name (name = gene id, or id|symbol)");
            }
            int start0 = parseInt(path, n, f[1], "start");
            int end = parseInt(path, n, f[2], "end");
            // BED is 0-based half-open: a gene needs start < end, else it is empty and holds no variant.
            if (start0 < 0 || start0 >= end) {
                throw InputException.atLine(path, n, "BED interval of '" + f[3] + "' has start " + start0 + " and end " + end
                        + (start0 < 0 ? " (a negative start)" : start0 > end ? " (start after end)" : " (empty)"),
                        "BED is 0-based, half-open: start >= 0 and end > start; are the columns swapped?");
            }
            String id = f[3];
            String name = id;
            int bar = id.indexOf('|');
            if (bar > 0) {
                name = id.substring(bar + 1);
                id = id.substring(0, bar);
            }
            // Column 5 is a score in BED proper; some gene lists put the symbol there instead.
            if (bar < 0 && f.length >= 5 && !f[4].isEmpty() && !f[4].equals(".") && !isNumber(f[4])) name = f[4];
            String biotype = f.length >= 7 ? f[6] : "";
            genes.add(new Gene(Gene.stripVersion(id), name, biotype, f[0], start0 + 1, end));
        }
        return genes;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int parseInt(Path path, long line, String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw InputException.atLine(path, line, what + " '" + s + "' is not a position", null);
        }
    }
}
