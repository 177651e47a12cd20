package org.rareset.genotypes.bgen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rareset.core.InputException;
import org.rareset.genotypes.input.SampleIds;

/**
 * An Oxford {@code .sample} file: a header line ({@code ID_1 ID_2 missing ...}), a line of column
 * types ({@code 0 0 0 ...}), then one sample per line in BGEN order. As plink2 imports it,
 * {@code ID_1} is the FID and {@code ID_2} the IID, so the sample name is {@code ID_2}, or
 * {@code ID_1_ID_2} with {@code --fid-iid} (see {@link SampleIds}). A QCTOOL v2 file with a
 * single {@code ID} column uses that column.
 */
public final class BgenSampleFile {
    private BgenSampleFile() {}

    /**
     * Writes {@code ids} as a {@code .sample} file with {@code ID_1 = ID_2 = id} (plink2's
     * {@code --double-id}), through a temporary name.
     */
    public static void write(Path file, List<String> ids) throws IOException {
        for (String id : ids) {
            if (id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
                throw InputException.of(file, "sample id '" + id + "' is empty or has white space, which a .sample file cannot hold", "rename the sample");
            }
        }
        org.rareset.core.output.OutputFiles.write(file, tmp -> {
            try (java.io.BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("ID_1 ID_2 missing\n0 0 0\n");
                for (String id : ids) w.write(id + " " + id + " 0\n");
            }
        });
    }

    static List<String> sampleNames(Path file, boolean fidIid) {
        List<String> names = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            String types = in.readLine();
            if (header == null || types == null) {
                throw InputException.of(file, "a .sample file needs two header lines (column names, column types)", "see the Oxford .sample format");
            }
            String[] cols = header.strip().split("\\s+");
            boolean twoIds = cols.length >= 2 && cols[0].equalsIgnoreCase("ID_1") && cols[1].equalsIgnoreCase("ID_2");
            if (!twoIds && !cols[0].equalsIgnoreCase("ID") && !cols[0].equalsIgnoreCase("ID_1")) {
                throw InputException.atLine(file, 1, "the first column is '" + cols[0] + "', not ID_1 (or ID)", "give an Oxford .sample file");
            }
            String line;
            long lineNo = 2;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty()) continue;
                String[] f = t.split("\\s+");
                if (twoIds && f.length < 2) {
                    throw InputException.atLine(file, lineNo, "expected ID_1 and ID_2, found one column", "each sample line starts with ID_1 ID_2");
                }
                names.add(twoIds ? SampleIds.name(f[0], f[1], fidIid) : f[0]);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw InputException.of(file, "file not found", "check the --sample path");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw InputException.of(file, "not UTF-8 text", "give an Oxford .sample file (plain text)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SampleIds.requireUnique(file, names, 3, fidIid);
        return names;
    }
}
