package org.rareset.association.burden;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.rareset.core.output.OutputFiles;
import org.rareset.core.table.Column;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriters;

/**
 * Writes mask burdens ({@link MaskBurdens}) as a sparse table or as PLINK 1 binary files.
 *
 * <p>Table ({@code .tsv}, {@code .tsv.gz}, {@code .parquet}): {@code sample gene mask burden}, one row
 * per sample with a non-zero or unknown ({@code NA}) burden; absent rows are 0.
 *
 * <p>PLINK ({@code PREFIX.bed}): {@code PREFIX.bed/.bim/.fam}, one pseudo-variant per gene x mask as
 * REGENIE's {@code --write-mask}: {@code .bim} id {@code <gene>.<mask>}, A1 the mask name, A2
 * {@code ref} (REGENIE's "ref-last" encoding: the burden counts A1), position from the gene locus;
 * {@code .fam} FID = IID = the sample name (plink2's {@code --double-id}). The SNP-major {@code .bed}
 * codes burden 2 as {@code 00}, 1 as {@code 10}, 0 as {@code 11} and unknown as {@code 01}
 * (PLINK 1 format specification), so only burdens 0, 1, 2 fit: the {@code max} rule.
 */
public final class BurdenFiles {
    /** Where a gene's pseudo-variants go in a {@code .bim}. */
    public record Locus(String chrom, long pos) {}

    private BurdenFiles() {}

    public static boolean isBed(Path out) {
        return out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bed");
    }

    /** The sparse table; returns the rows written. */
    public static long writeTable(Path out, List<String> samples, List<MaskBurdens.GeneMask> burdens) {
        TableSchema schema = TableSchema.of(Column.string("sample"), Column.string("gene"), Column.string("mask"), Column.float64("burden"));
        return TableWriters.write(out, schema, w -> {
            for (MaskBurdens.GeneMask g : burdens) {
                for (int i = 0; i < g.samples().length; i++) {
                    w.setString(0, samples.get(g.samples()[i]));
                    w.setString(1, g.gene());
                    w.setString(2, g.mask());
                    w.setDouble(3, g.burdens()[i]);
                    w.endRow();
                }
            }
        });
    }

    /** PREFIX.bed/.bim/.fam; {@code out} is the .bed path. */
    public static void writeBed(Path out, List<String> samples, List<MaskBurdens.GeneMask> burdens, Function<String, Locus> locus) throws IOException {
        String name = out.getFileName().toString();
        String prefix = name.substring(0, name.length() - 4);
        Path bim = out.resolveSibling(prefix + ".bim");
        Path fam = out.resolveSibling(prefix + ".fam");
        int n = samples.size();
        OutputFiles.write(out, tmp -> {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                os.write(new byte[] {0x6c, 0x1b, 0x01});
                byte[] block = new byte[(n + 3) / 4];
                for (MaskBurdens.GeneMask g : burdens) {
                    // every sample starts at burden 0 (code 11)
                    java.util.Arrays.fill(block, (byte) 0xff);
                    for (int i = 0; i < g.samples().length; i++) {
                        int s = g.samples()[i];
                        double b = g.burdens()[i];
                        int code = Double.isNaN(b) ? 0b01 : b >= 2 ? 0b00 : b >= 1 ? 0b10 : 0b11;
                        int shift = 2 * (s % 4);
                        block[s / 4] = (byte) ((block[s / 4] & ~(0b11 << shift)) | (code << shift));
                    }
                    // unused high bits of the last byte stay 0, as the specification asks
                    if (n % 4 != 0) block[block.length - 1] &= (byte) ((1 << (2 * (n % 4))) - 1);
                    os.write(block);
                }
            }
        });
        OutputFiles.write(bim, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (MaskBurdens.GeneMask g : burdens) {
                    Locus l = locus.apply(g.gene());
                    w.write((l == null ? "0" : l.chrom()) + "\t" + g.gene() + "." + g.mask() + "\t0\t" + (l == null ? 0 : l.pos())
                            + "\t" + g.mask() + "\tref\n");
                }
            }
        });
        OutputFiles.write(fam, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (String s : samples) w.write(s + "\t" + s + "\t0\t0\t0\t-9\n");
            }
        });
    }
}
