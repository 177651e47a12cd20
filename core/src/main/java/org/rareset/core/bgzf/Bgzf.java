package org.rareset.core.bgzf;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.rareset.core.InputException;

/**
 * What every BGZF reader in rareset shares: htsjdk's {@link BlockCompressedInputStream} is told to
 * check each block's CRC32 (it does not by default), and a block that fails, in our reader or
 * htsjdk's, is reported the same way.
 */
public final class Bgzf {
    public static final String CRC_MISMATCH = "fails its CRC32 check: the file is corrupt";
    public static final String CORRUPT_HINT = "the file is damaged: copy or download it again, or re-create it with bgzip";

    private Bgzf() {}

    /** {@code in}, checking CRCs from now on. */
    public static BlockCompressedInputStream checked(BlockCompressedInputStream in) {
        in.setCheckCrcs(true);
        return in;
    }

    /** True when htsjdk's message says a block failed its CRC or could not be inflated. */
    public static boolean isCorruption(String message) {
        String m = String.valueOf(message).toLowerCase(Locale.ROOT);
        return m.contains("crc mismatch") || m.contains("dataformatexception") || m.contains("invalid block") || m.contains("inflate") || m.contains("unexpected compressed block length");
    }

    /** The one-line error for a BGZF block htsjdk could not read. */
    public static InputException corrupt(Path file, RuntimeException e) {
        String m = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
        String problem = m.toLowerCase(Locale.ROOT).contains("crc") ? "a BGZF block " + CRC_MISMATCH : "corrupt BGZF data (" + m + ")";
        return new InputException(file.toString(), null, problem, CORRUPT_HINT, e);
    }

    /**
     * Walks the block headers of a BGZF file (18 bytes and the 4-byte ISIZE of each block, read
     * positionally: cheap beside inflating) and refuses a block that claims to inflate to more
     * than the 64 KiB BGZF allows. htsjdk allocates whatever a block claims, up to 4 GiB, before
     * finding the damage; this finds it first. Anything else wrong is left to the reader.
     */
    public static void checkBlockSizes(Path file) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            long size = ch.size();
            long pos = 0;
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(18).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            while (pos + 18 <= size) {
                head.clear();
                while (head.hasRemaining() && ch.read(head, pos + head.position()) > 0) { }
                if (!BgzfChunkReader.isBgzf(head.array(), 18)) return;
                long bsize = head.getShort(16) & 0xffffL;
                long end = pos + bsize + 1;
                if (end > size) return;
                tail.clear();
                while (tail.hasRemaining() && ch.read(tail, end - 4 + tail.position()) > 0) { }
                long isize = tail.getInt(0) & 0xffffffffL;
                if (isize > 65536) {
                    throw new InputException(file.toString(), null, "the BGZF block at byte offset " + pos + " claims to hold "
                            + isize + " bytes, more than a BGZF block can", CORRUPT_HINT);
                }
                pos = end;
            }
        } catch (java.io.IOException e) {
            // unreadable here means unreadable for the reader too, which reports it
        }
    }
}
