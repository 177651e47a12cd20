package org.rareset.core.region;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSI index (htslib's coordinate-sorted index, https://samtools.github.io/hts-specs/CSIv1.pdf)
 * of a bgzipped VCF, read just far enough for region reads: per contig its bins with their
 * chunks and {@code loffset}. htsjdk reads CSI only for BAM, hence this small reader.
 */
public final class CsiIndex implements RegionIndex {
    private final int minShift;
    private final int depth;
    private final List<String> contigs;
    private final List<Map<Integer, long[]>> binsByContig;
    private final List<Map<Integer, Long>> loffsetByContig;

    private CsiIndex(int minShift, int depth, List<String> contigs, List<Map<Integer, long[]>> bins,
                     List<Map<Integer, Long>> loffsets) {
        this.minShift = minShift;
        this.depth = depth;
        this.contigs = contigs;
        this.binsByContig = bins;
        this.loffsetByContig = loffsets;
    }

    public static CsiIndex read(Path csi) throws IOException {
        return read(csi, null);
    }

    /**
     * Reads {@code csi}; {@code headerContigs} names the contigs when the index itself does not
     * (a BCF's CSI numbers contigs in the order of the BCF header's contig lines).
     */
    public static CsiIndex read(Path csi, List<String> headerContigs) throws IOException {
        IndexBytes in = IndexBytes.read(csi);
        byte[] magic = new byte[4];
        in.fully(magic);
        if (magic[0] != 'C' || magic[1] != 'S' || magic[2] != 'I' || magic[3] != 1) throw new IOException("not a CSI index");
        int minShift = in.int32();
        int depth = in.int32();
        byte[] aux = new byte[in.count(1, "bytes of auxiliary data")];
        in.fully(aux);
        int nRef = in.int32();
        List<String> names;
        if (aux.length < 28 && headerContigs != null) {
            if (nRef > headerContigs.size()) {
                throw new IOException("CSI index has " + nRef + " contigs but the header names " + headerContigs.size());
            }
            names = List.copyOf(headerContigs.subList(0, nRef));
        } else {
            names = auxNames(aux, nRef);
        }
        List<Map<Integer, long[]>> bins = new ArrayList<>();
        List<Map<Integer, Long>> loffsets = new ArrayList<>();
        for (int r = 0; r < nRef; r++) {
            int nBin = in.int32();
            Map<Integer, long[]> chunks = new HashMap<>();
            Map<Integer, Long> loff = new HashMap<>();
            for (int b = 0; b < nBin; b++) {
                int bin = in.int32();
                long loffset = in.int64();
                int nChunk = in.count(16, "chunks");
                long[] c = new long[2 * nChunk];
                for (int k = 0; k < 2 * nChunk; k++) c[k] = in.int64();
                chunks.put(bin, c);
                loff.put(bin, loffset);
            }
            bins.add(chunks);
            loffsets.add(loff);
        }
        return new CsiIndex(minShift, depth, names, bins, loffsets);
    }

    /** Contig names from the tabix-style auxiliary data ({@code l_nm} then NUL-terminated names). */
    private static List<String> auxNames(byte[] aux, int nRef) throws IOException {
        if (aux.length < 28) throw new IOException("CSI index without contig names (l_aux " + aux.length + ")");
        int lNm = (aux[24] & 0xff) | (aux[25] & 0xff) << 8 | (aux[26] & 0xff) << 16 | (aux[27] & 0xff) << 24;
        List<String> names = new ArrayList<>();
        int s = 28;
        for (int i = 28; i < 28 + lNm && i < aux.length; i++) {
            if (aux[i] == 0) {
                names.add(new String(aux, s, i - s, StandardCharsets.UTF_8));
                s = i + 1;
            }
        }
        if (names.size() != nRef) throw new IOException("CSI index names " + names.size() + " contigs but has " + nRef);
        return List.copyOf(names);
    }

    @Override
    public List<String> contigs() {
        return contigs;
    }

    @Override
    public long firstOffset(String contig, int start, int end) {
        int ref = contigs.indexOf(contig);
        if (ref < 0) return -1;
        Map<Integer, long[]> bins = binsByContig.get(ref);
        long beg = start - 1L;
        long endExclusive = end == Integer.MAX_VALUE ? 1L << (minShift + 3 * depth) : end;
        long minOff = minOffset(ref, beg);
        long first = -1;
        // Bins overlapping [beg, end) at each level, as htslib's hts_reg2bins.
        int s = minShift + 3 * depth;
        long last = Math.min(endExclusive, 1L << s) - 1;
        long t = 0;
        for (int l = 0; l <= depth; l++, s -= 3) {
            long b = t + (beg >> s);
            long e = t + (last >> s);
            for (long bin = b; bin <= e; bin++) {
                long[] c = bins.get((int) bin);
                if (c == null) continue;
                for (int k = 0; k < c.length; k += 2) {
                    if (Long.compareUnsigned(c[k + 1], minOff) <= 0) continue;
                    if (first < 0 || Long.compareUnsigned(c[k], first) < 0) first = c[k];
                }
            }
            t += 1L << (3 * l);
        }
        return first;
    }

    /** The {@code loffset} of the leaf bin holding {@code beg}, or of its nearest ancestor present. */
    private long minOffset(int ref, long beg) {
        Map<Integer, Long> loff = loffsetByContig.get(ref);
        long bin = ((1L << (3 * depth)) - 1) / 7 + (beg >> minShift);
        while (bin > 0) {
            Long o = loff.get((int) bin);
            if (o != null) return o;
            bin = (bin - 1) >> 3;
        }
        Long o = loff.get(0);
        return o == null ? 0 : o;
    }
}
