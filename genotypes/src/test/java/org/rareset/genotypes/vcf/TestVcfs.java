package org.rareset.genotypes.vcf;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.tribble.index.IndexFactory;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndex;
import htsjdk.variant.vcf.VCFCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small VCFs for tests: plain, bgzipped, and bgzipped with a tabix index. */
public final class TestVcfs {
    private TestVcfs() {}

    /** A header for {@code samples} with contigs {@code contigs} and a GT FORMAT line. */
    public static String header(List<String> contigs, String... samples) {
        StringBuilder sb = new StringBuilder("##fileformat=VCFv4.2\n");
        sb.append("##FILTER=<ID=PASS,Description=\"All filters passed\">\n");
        sb.append("##FILTER=<ID=LowQual,Description=\"Low quality\">\n");
        for (String c : contigs) sb.append("##contig=<ID=").append(c).append(",length=250000000>\n");
        sb.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
        sb.append("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n");
        sb.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        for (String s : samples) sb.append('\t').append(s);
        return sb.append('\n').toString();
    }

    /** A data line; {@code gts} are the sample columns. */
    public static String line(String chrom, int pos, String id, String ref, String alt, String filter, String... gts) {
        StringBuilder sb = new StringBuilder();
        sb.append(chrom).append('\t').append(pos).append('\t').append(id).append('\t').append(ref).append('\t')
                .append(alt).append("\t.\t").append(filter).append("\t.\tGT");
        for (String g : gts) sb.append('\t').append(g);
        return sb.append('\n').toString();
    }

    public static Path writePlain(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path writeBgzip(Path file, String text) {
        try (OutputStream out = new BlockCompressedOutputStream(file.toFile())) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bgzips {@code text} into {@code file} and writes {@code file.tbi} beside it. */
    public static Path writeIndexed(Path file, String text) {
        writeBgzip(file, text);
        try {
            TabixIndex index = IndexFactory.createTabixIndex(file, new VCFCodec(), TabixFormat.VCF, null);
            index.write(file.resolveSibling(file.getFileName() + ".tbi"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static List<Variant> readAll(VariantSource src) {
        List<Variant> out = new ArrayList<>();
        try (src) {
            for (Variant v : src) out.add(v);
        }
        return out;
    }
}
