package org.rareset.genotypes.bgen;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes small BGEN files for tests, straight from the specification
 * (https://www.well.ox.ac.uk/~gav/bgen_format/spec/latest.html), for what plink2 cannot write:
 * multi-allelic records, 32-bit probabilities, phased and haploid data, no embedded ids.
 */
final class BgenTestWriter {
    /**
     * One variant. {@code probs[s]} is sample s's full distribution (unphased: over its genotypes in
     * colex order; phased: {@code ploidy x K} haplotype probabilities); the last value of each
     * distribution is left out when writing, as the format does.
     */
    record Rec(String chrom, int pos, String id, List<String> alleles, int bits, boolean phased, int[] ploidy,
               boolean[] missing, double[][] probs) {}

    private BgenTestWriter() {}

    static byte[] file(int layout, BgenCompression compression, List<String> ids, int n, List<Rec> recs) {
        Out header = new Out();
        header.u32(20);
        header.u32(recs.size());
        header.u32(n);
        header.bytes("bgen".getBytes(StandardCharsets.US_ASCII));
        header.u32(compression.ordinal() | layout << 2 | (ids != null ? 0x80000000 : 0));
        Out idBlock = new Out();
        if (ids != null) {
            Out list = new Out();
            for (String id : ids) list.str16(id);
            idBlock.u32(8 + list.size());
            idBlock.u32(n);
            idBlock.bytes(list.toBytes());
        }
        Out f = new Out();
        f.u32(header.size() + idBlock.size());
        f.bytes(header.toBytes());
        f.bytes(idBlock.toBytes());
        for (Rec r : recs) f.bytes(layout == 1 ? variant1(r, n, compression) : variant2(r, n, compression));
        return f.toBytes();
    }

    private static byte[] variant2(Rec r, int n, BgenCompression compression) {
        Out v = new Out();
        v.str16(r.id);
        v.str16(r.id);
        v.str16(r.chrom);
        v.u32(r.pos);
        v.u16(r.alleles.size());
        for (String a : r.alleles) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            v.u32(b.length);
            v.bytes(b);
        }
        Out p = new Out();
        p.u32(n);
        p.u16(r.alleles.size());
        int min = Arrays.stream(r.ploidy).min().orElse(0);
        int max = Arrays.stream(r.ploidy).max().orElse(0);
        p.u8(min);
        p.u8(max);
        for (int s = 0; s < n; s++) p.u8(r.ploidy[s] | (r.missing[s] ? 0x80 : 0));
        p.u8(r.phased ? 1 : 0);
        p.u8(r.bits);
        Bits bits = new Bits();
        int k = r.alleles.size();
        for (int s = 0; s < n; s++) {
            double[] d = r.probs[s];
            int per = r.phased ? k : d.length;
            for (int start = 0; start < d.length; start += per) {
                for (int i = start; i < start + per - 1; i++) {
                    bits.put(r.missing[s] ? 0 : Math.round(d[i] * ((1L << r.bits) - 1)), r.bits);
                }
            }
        }
        p.bytes(bits.toBytes());
        byte[] raw = p.toBytes();
        if (compression == BgenCompression.NONE) {
            v.u32(raw.length);
            v.bytes(raw);
        } else {
            byte[] c = compress(raw, compression);
            v.u32(c.length + 4);
            v.u32(raw.length);
            v.bytes(c);
        }
        return v.toBytes();
    }

    private static byte[] variant1(Rec r, int n, BgenCompression compression) {
        Out v = new Out();
        v.u32(n);
        v.str16(r.id);
        v.str16(r.id);
        v.str16(r.chrom);
        v.u32(r.pos);
        for (String a : r.alleles) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            v.u32(b.length);
            v.bytes(b);
        }
        Out p = new Out();
        for (int s = 0; s < n; s++) {
            for (int g = 0; g < 3; g++) p.u16(r.missing[s] ? 0 : (int) Math.round(r.probs[s][g] * 32768));
        }
        byte[] raw = p.toBytes();
        if (compression == BgenCompression.NONE) {
            v.bytes(raw);
        } else {
            byte[] c = compress(raw, compression);
            v.u32(c.length);
            v.bytes(c);
        }
        return v.toBytes();
    }

    private static byte[] compress(byte[] raw, BgenCompression compression) {
        if (compression == BgenCompression.ZSTD) return Zstd.compress(raw);
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return out.toByteArray();
    }

    private static final class Out {
        private final ByteArrayOutputStream b = new ByteArrayOutputStream();

        void u8(int v) { b.write(v); }
        void u16(int v) { b.write(v); b.write(v >>> 8); }
        void u32(long v) { u16((int) (v & 0xFFFF)); u16((int) (v >>> 16 & 0xFFFF)); }
        void bytes(byte[] x) { b.writeBytes(x); }
        void str16(String s) {
            byte[] x = s.getBytes(StandardCharsets.UTF_8);
            u16(x.length);
            bytes(x);
        }
        int size() { return b.size(); }
        byte[] toBytes() { return b.toByteArray(); }
    }

    /** Little-endian bit packing: value i occupies the next {@code bits} bits, lowest first. */
    private static final class Bits {
        private final ByteArrayOutputStream b = new ByteArrayOutputStream();
        private long acc;
        private int n;

        void put(long v, int bits) {
            for (int i = 0; i < bits; i++) {
                acc |= ((v >>> i) & 1L) << n;
                if (++n == 8) {
                    b.write((int) acc);
                    acc = 0;
                    n = 0;
                }
            }
        }

        byte[] toBytes() {
            if (n > 0) b.write((int) acc);
            acc = 0;
            n = 0;
            return b.toByteArray();
        }
    }
}
