package org.rareset.genotypes.bgen;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rareset.core.InputException;

/**
 * The start of a BGEN file (spec: https://www.well.ox.ac.uk/~gav/bgen_format/spec/latest.html):
 * {@code offset} (u32; the first variant block starts at {@code offset + 4}), the header block
 * {@code LH, M, N, magic "bgen", free data, flags}, and, when flag bit 31 is set, the sample
 * identifier block {@code LSI, N, (u16 length, id) x N}. All integers little-endian.
 *
 * @param firstVariant file offset of the first variant block
 * @param variants     M, the number of variant blocks
 * @param samples      N
 * @param compression  flags bits 0-1
 * @param layout       flags bits 2-5: 1 (v1.1) or 2 (v1.2, v1.3)
 * @param sampleIds    the embedded ids, or null when the file has none
 */
public record BgenHeader(long firstVariant, long variants, int samples, BgenCompression compression, int layout,
                         List<String> sampleIds) {

    static BgenHeader read(Path file, BgenInput in) {
        try {
            in.seek(0);
            long offset = in.u32();
            long lh = in.u32();
            long m = in.u32();
            long n = in.u32();
            byte[] magic = new byte[4];
            in.bytes(magic, 4);
            boolean bgen = magic[0] == 'b' && magic[1] == 'g' && magic[2] == 'e' && magic[3] == 'n';
            boolean zero = magic[0] == 0 && magic[1] == 0 && magic[2] == 0 && magic[3] == 0;
            if (!bgen && !zero) {
                throw InputException.of(file, "not a BGEN file (no 'bgen' magic number at byte 12)", "give a .bgen v1.1-1.3 file");
            }
            if (lh < 20 || lh > offset) {
                throw InputException.of(file, "header length " + lh + " does not fit the first-variant offset " + offset,
                        "the file is damaged; re-export it");
            }
            in.skip(lh - 20);
            long flags = in.u32();
            BgenCompression compression = BgenCompression.fromFlags((int) flags);
            int layout = (int) ((flags >>> 2) & 0xF);
            if (compression == null) {
                throw InputException.of(file, "undefined compression code 3 in the header flags", "give a BGEN v1.1-1.3 file");
            }
            if (layout != 1 && layout != 2) {
                throw InputException.of(file, "layout " + layout + " (header flags bits 2-5) is not 1 or 2",
                        "BGEN v1.1 has layout 1, v1.2 and v1.3 layout 2; re-export with `qctool` or `plink2 --export bgen-1.2`");
            }
            if (layout == 1 && compression == BgenCompression.ZSTD) {
                throw InputException.of(file, "layout 1 with zstd compression, which the BGEN spec does not allow", "re-export the file");
            }
            if (n > Integer.MAX_VALUE - 8 || n == 0) {
                throw InputException.of(file, "header says " + n + " samples", "the file is damaged or has no samples");
            }
            List<String> ids = null;
            if ((flags & 0x80000000L) != 0) ids = readSampleIds(file, in, n, offset + 4);
            return new BgenHeader(offset + 4, m, (int) n, compression, layout, ids);
        } catch (EOFException e) {
            throw InputException.of(file, "truncated: the file ends inside its header", "the file is damaged; re-export it");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> readSampleIds(Path file, BgenInput in, long n, long firstVariant) throws IOException {
        long start = in.offset();
        long lsi = in.u32();
        long count = in.u32();
        if (count != n) {
            throw InputException.of(file, "the sample id block lists " + count + " samples, the header " + n, "the file is damaged; re-export it");
        }
        if (start + lsi > firstVariant) {
            throw InputException.of(file, "the sample id block (" + lsi + " bytes) runs into the variant data", "the file is damaged; re-export it");
        }
        List<String> ids = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) ids.add(in.string(in.u16()));
        return ids;
    }
}
