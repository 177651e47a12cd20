package org.rareset.annotate;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.tribble.SimpleFeature;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndexCreator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small input files for annotation tests, bgzipped and tabix-indexed with htsjdk where asked. */
final class TestFiles {
    private TestFiles() {}

    /** Tabix layout of CADD tables: sequence column 1, position column 2, '#' comments. */
    static final TabixFormat CADD = new TabixFormat(TabixFormat.GENERIC_FLAGS, 1, 2, 0, '#', 0);

    static Path text(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    /**
     * Writes {@code lines} (header lines start with '#') as BGZF and a .tbi index beside it,
     * indexing data lines by their {@code chromCol}/{@code posCol} (1-based) columns.
     */
    static Path bgzipTabix(Path file, TabixFormat format, List<String> lines) throws IOException {
        TabixIndexCreator index = new TabixIndexCreator(format);
        try (BlockCompressedOutputStream out = new BlockCompressedOutputStream(file.toFile())) {
            for (String line : lines) {
                long pointer = out.getFilePointer();
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                if (line.startsWith("#")) continue;
                String[] f = line.split("\t");
                int pos = Integer.parseInt(f[format.startPositionColumn - 1]);
                int len = format == TabixFormat.VCF ? f[3].length() : 1;
                index.addFeature(new SimpleFeature(f[format.sequenceColumn - 1], pos, pos + len - 1), pointer);
            }
            out.flush();
            index.finalizeIndex(out.getFilePointer()).write(Path.of(file + ".tbi"));
        }
        return file;
    }

    static String tsv(String... fields) {
        return String.join("\t", fields);
    }
}
