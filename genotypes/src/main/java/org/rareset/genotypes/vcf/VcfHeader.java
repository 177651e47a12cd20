package org.rareset.genotypes.vcf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rareset.core.InputException;
import org.rareset.core.bgzf.BgzfLineSource;

/** The meta lines and #CHROM line of a VCF, read from a {@link BgzfLineSource}: only the sample names matter here. */
final class VcfHeader {
    private static final String[] FIXED = {"#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"};

    final List<String> samples;
    final List<String> contigs;

    private VcfHeader(List<String> samples, List<String> contigs) {
        this.samples = samples;
        this.contigs = contigs;
    }

    /** Reads up to and including the #CHROM line; the source is then at the first record. */
    static VcfHeader read(Path file, BgzfLineSource lines) {
        List<String> contigs = new ArrayList<>();
        boolean first = true;
        while (lines.next()) {
            String line = new String(lines.buffer(), lines.lineStart(), lines.lineEnd() - lines.lineStart(), StandardCharsets.UTF_8);
            if (first && !line.startsWith("##fileformat=VCF")) {
                throw InputException.atLine(file, lines.lineNumber(), "not a VCF: the first line is not ##fileformat=VCFv4.x",
                        "give a VCF (.vcf, .vcf.gz) or BCF (.bcf) file");
            }
            first = false;
            if (line.startsWith("##")) {
                if (line.startsWith("##contig=<ID=")) {
                    int e = line.indexOf(',', 13);
                    int g = line.indexOf('>', 13);
                    int end = e < 0 ? g : g < 0 ? e : Math.min(e, g);
                    if (end > 13) contigs.add(line.substring(13, end));
                }
                continue;
            }
            if (!line.startsWith("#CHROM")) {
                throw InputException.atLine(file, lines.lineNumber(), "a record comes before the #CHROM header line",
                        "the header must end with the #CHROM line naming the samples");
            }
            String[] cols = line.split("\t", -1);
            for (int i = 0; i < FIXED.length; i++) {
                if (i >= cols.length || !cols[i].equals(FIXED[i])) {
                    throw InputException.atLine(file, lines.lineNumber(), "the #CHROM line does not have the 8 fixed tab-separated columns",
                            "it must start #CHROM POS ID REF ALT QUAL FILTER INFO, separated by tabs");
                }
            }
            List<String> samples = new ArrayList<>();
            for (int i = 9; i < cols.length; i++) samples.add(cols[i]);
            return new VcfHeader(List.copyOf(samples), List.copyOf(contigs));
        }
        throw InputException.of(file, first ? "the file is empty" : "the header has no #CHROM line",
                "give a complete VCF with a #CHROM header line");
    }
}
