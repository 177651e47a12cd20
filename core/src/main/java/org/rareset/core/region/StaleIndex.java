package org.rareset.core.region;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rareset.core.InputException;

/**
 * Refuses an index that no longer describes its file: one older than the file (htslib warns about
 * the same thing), or one whose offsets point past the end of the file. Either way the reader
 * would seek to the wrong place, so the message names the index and the command that rebuilds it.
 */
public final class StaleIndex {
    /**
     * Slack for file times: a checkout or copy writes the file and its index a moment apart, and
     * some file systems keep whole seconds only.
     */
    static final long SLACK_MILLIS = 2_000;

    private StaleIndex() {}

    /** The command that rebuilds the index of {@code data}: tabix for VCF and tables, bcftools index for BCF. */
    public static String rebuildCommand(Path data, Path index) {
        String name = data.getFileName().toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean csi = index.getFileName().toString().endsWith(".csi");
        if (lower.endsWith(".bcf")) return "bcftools index -f " + name;
        if (lower.contains(".vcf")) return csi ? "bcftools index -f " + name : "tabix -f -p vcf " + name;
        return (csi ? "tabix -f -C" : "tabix -f") + " -s 1 -b 2 -e 2 " + name + " (with the table's own columns)";
    }

    /** Throws when {@code index} is older than {@code data}. */
    public static void checkAge(Path data, Path index) {
        try {
            long dataTime = Files.getLastModifiedTime(data).toMillis();
            long indexTime = Files.getLastModifiedTime(index).toMillis();
            if (indexTime + SLACK_MILLIS < dataTime) {
                throw InputException.of(index, "the index is older than " + data.getFileName()
                        + ", so it may point to the wrong places", "rebuild it: " + rebuildCommand(data, index));
            }
        } catch (IOException e) {
            // A file time that cannot be read is no evidence of staleness; reading the index will tell.
        }
    }

    /** Throws when the virtual file offset {@code virtualOffset} lies past the end of {@code data}. */
    public static void checkOffset(Path data, Path index, long virtualOffset) {
        long blockStart = virtualOffset >>> 16;
        long size;
        try {
            size = Files.size(data);
        } catch (IOException e) {
            return;
        }
        if (blockStart >= size) {
            throw InputException.of(index, "the index points to byte " + blockStart + ", past the end of "
                    + data.getFileName() + " (" + size + " bytes): it belongs to another version of the file",
                    "rebuild it: " + rebuildCommand(data, index));
        }
    }

    /** The {@code .tbi} or else {@code .csi} file beside {@code data}, or null. */
    public static Path besideFile(Path data) {
        Path tbi = data.resolveSibling(data.getFileName() + ".tbi");
        if (Files.isRegularFile(tbi)) return tbi;
        Path csi = data.resolveSibling(data.getFileName() + ".csi");
        return Files.isRegularFile(csi) ? csi : null;
    }
}
