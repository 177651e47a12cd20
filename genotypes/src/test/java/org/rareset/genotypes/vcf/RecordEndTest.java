package org.rareset.genotypes.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link VcfLineDecoder#recordEnd}: the first '\n' of a record, against a plain byte-by-byte search. */
class RecordEndTest {
    private static int plain(byte[] b, int from, int limit) {
        for (int i = from; i < limit; i++) if (b[i] == '\n') return i;
        return -1;
    }

    @Test
    void findsTheLineEndAtEveryAlignmentAndCallMix() {
        String site = "chr1\t100\t.\tA\tG\t.\tPASS\t.\tGT";
        String[] calls = {"0/0", "0|0", "0/1", "1|0", "./.", "0", "1", "10/0", "0/0:12"};
        java.util.Random rnd = new java.util.Random(5);
        for (int trial = 0; trial < 2000; trial++) {
            StringBuilder sb = new StringBuilder();
            String prefix = "x".repeat(rnd.nextInt(9));
            sb.append(prefix).append(site);
            int n = rnd.nextInt(40);
            for (int s = 0; s < n; s++) {
                sb.append('\t').append(rnd.nextInt(4) == 0 ? calls[rnd.nextInt(calls.length)] : (rnd.nextBoolean() ? "0/0" : "0|0"));
            }
            sb.append('\n').append(site).append("\t0/0\t0/0\n");
            byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
            int from = prefix.length();
            int limit = rnd.nextInt(3) == 0 ? b.length : from + rnd.nextInt(b.length - from + 1);
            assertEquals(plain(b, from, limit), VcfLineDecoder.recordEnd(b, from, limit), sb.toString());
        }
    }

    @Test
    void shortRecordsEndBeforeTheirNinthColumn() {
        byte[] b = "chr1\t100\t.\tA\n0/0\t0/0\t0/0\t0/0\t0/0\t0/0\t0/0\t0/0\t0/0\t0/0\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(12, VcfLineDecoder.recordEnd(b, 0, b.length));
        assertEquals(-1, VcfLineDecoder.recordEnd(b, 13, b.length - 1));
    }
}
