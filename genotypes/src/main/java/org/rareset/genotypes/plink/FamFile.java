package org.rareset.genotypes.plink;

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
 * A PLINK 1 {@code .fam}: one sample per line, {@code FID IID father mother sex phenotype},
 * whitespace-separated. Only the ids are used; the sample name is the IID, or {@code FID_IID}
 * (see {@link SampleIds}). Duplicate names are bad input.
 */
final class FamFile {
    private FamFile() {}

    static List<String> sampleNames(Path fam, boolean fidIid) {
        List<String> names = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(fam, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty()) {
                    throw InputException.atLine(fam, lineNo, "empty line", "a .fam has one sample per line; remove blank lines");
                }
                String[] f = t.split("\\s+");
                if (f.length != 6) {
                    throw InputException.atLine(fam, lineNo, "expected 6 columns (FID IID father mother sex phenotype), found " + f.length,
                            "write the .fam as plink does, e.g. with `plink2 --bfile PREFIX --make-just-fam`");
                }
                names.add(SampleIds.name(f[0], f[1], fidIid));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw InputException.of(fam, "file not found", "check the --bfile/--fam path");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw InputException.of(fam, "not UTF-8 text", "give the .fam of a PLINK 1 binary fileset (plain text, one sample per line)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (names.isEmpty()) throw InputException.of(fam, "no samples", "a .fam lists one sample per line");
        SampleIds.requireUnique(fam, names, 1, fidIid);
        return names;
    }
}
