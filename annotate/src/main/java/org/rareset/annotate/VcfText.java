package org.rareset.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rareset.core.InputException;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import org.rareset.core.table.TextInput;
import org.rareset.genotypes.vcf.BcfReader;
import org.rareset.genotypes.vcf.VcfVariantSource;

/** Just enough VCF text handling for annotation VCFs: the INFO header lines and INFO lookups. */
final class VcfText {
    private VcfText() {}

    /** An {@code ##INFO} header line. */
    record InfoField(String id, String number, String type, String description) {}

    private static final Pattern INFO = Pattern.compile("^##INFO=<ID=([^,>]+),Number=([^,>]+),Type=([^,>]+)(?:,Description=\"(.*?)\")?");

    /** INFO definitions from the header (of a VCF, or of a BCF); checks the file looks like one. */
    static Map<String, InfoField> infoFields(Path file) {
        Map<String, InfoField> out = new LinkedHashMap<>();
        if (VcfVariantSource.isBcf(file)) return bcfInfoFields(file);
        try (BufferedReader in = TextInput.open(file)) {
            String line = in.readLine();
            if (line == null || !line.startsWith("##fileformat=VCF")) {
                throw InputException.atLine(file, 1, "not a VCF: the first line is not ##fileformat=VCF...",
                        "give a VCF (plain or bgzipped)");
            }
            while ((line = in.readLine()) != null && line.startsWith("##")) {
                Matcher m = INFO.matcher(line);
                if (m.find()) out.put(m.group(1), new InfoField(m.group(1), m.group(2), m.group(3), m.group(4)));
            }
            return out;
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), null);
        }
    }

    private static Map<String, InfoField> bcfInfoFields(Path file) {
        Map<String, InfoField> out = new LinkedHashMap<>();
        BcfReader reader;
        try {
            reader = new BcfReader(file);
        } catch (RuntimeException e) {
            throw InputException.of(file, "cannot read as BCF: " + e.getMessage(), "check it with 'bcftools view -h'");
        }
        try {
            for (VCFInfoHeaderLine h : reader.header().getInfoHeaderLines()) {
                String number = switch (h.getCountType()) {
                    case INTEGER -> Integer.toString(h.getCount());
                    case A -> "A";
                    case R -> "R";
                    case G -> "G";
                    default -> ".";
                };
                out.put(h.getID(), new InfoField(h.getID(), number, h.getType().toString(), h.getDescription()));
            }
            return out;
        } finally {
            reader.close();
        }
    }

    /** A reader of an annotation file's data lines: a BCF's records rendered as VCF text, or the text lines. */
    static RecordStream records(Path file, LineParser parser) {
        return VcfVariantSource.isBcf(file) ? new BcfLineStream(file, parser) : LineRecordStream.open(file, parser);
    }

    /** The first 8 columns (CHROM..INFO) of a data line; null when there are fewer. */
    static String[] fixedColumns(String line) {
        String[] f = new String[8];
        int from = 0;
        for (int i = 0; i < 8; i++) {
            int to = line.indexOf('\t', from);
            if (to < 0) {
                if (i < 7) return null;
                to = line.length();
            }
            f[i] = line.substring(from, to);
            from = to + 1;
        }
        return f;
    }

    /** The value of {@code key} in an INFO column, or null (flags give ""). */
    static String info(String infoColumn, String key) {
        int n = infoColumn.length();
        int from = 0;
        while (from < n) {
            int end = infoColumn.indexOf(';', from);
            if (end < 0) end = n;
            if (infoColumn.startsWith(key, from)) {
                int after = from + key.length();
                if (after == end) return "";
                if (infoColumn.charAt(after) == '=') return infoColumn.substring(after + 1, end);
            }
            from = end + 1;
        }
        return null;
    }

    static int position(Path file, String location, String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new InputException(file.toString(), location, "POS '" + s + "' is not a number", "is this a VCF?");
        }
    }
}
