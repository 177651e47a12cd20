package org.rareset.annotate.vcf;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.rareset.annotate.InputException;

/**
 * What every BGZF reader in rareset shares: htsjdk's {@link BlockCompressedInputStream} is told to
 * check each block's CRC32 (it does not by default), and a block that fails, in our reader or
 * htsjdk's, is reported the same way.
 */
public final class Bgzf {
    static final String CRC_MISMATCH = "fails its CRC32 check: the file is corrupt";
    static final String CORRUPT_HINT = "the file is damaged: copy or download it again, or re-create it with bgzip";

    private Bgzf() {}

    /** {@code in}, checking CRCs from now on. */
    public static BlockCompressedInputStream checked(BlockCompressedInputStream in) {
        in.setCheckCrcs(true);
        return in;
    }

    /** True when htsjdk's message says a block failed its CRC or could not be inflated. */
    static boolean isCorruption(String message) {
        String m = String.valueOf(message).toLowerCase(Locale.ROOT);
        return m.contains("crc mismatch") || m.contains("dataformatexception") || m.contains("invalid block") || m.contains("inflate") || m.contains("unexpected compressed block length");
    }

    /** The one-line error for a BGZF block htsjdk could not read. */
    public static InputException corrupt(Path file, RuntimeException e) {
        String m = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
        String problem = m.toLowerCase(Locale.ROOT).contains("crc") ? "a BGZF block " + CRC_MISMATCH : "corrupt BGZF data (" + m + ")";
        return new InputException(file.toString(), null, problem, CORRUPT_HINT, e);
    }
}
