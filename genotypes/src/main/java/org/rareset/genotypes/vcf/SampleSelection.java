package org.rareset.genotypes.vcf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rareset.core.InputException;

/**
 * Which VCF sample columns are kept. Kept samples stay in VCF column order, so the mapping from
 * column to output index is increasing and carriers come out sorted.
 */
public final class SampleSelection {
    private final List<String> names;
    /** For each VCF sample column, its output index or -1 when dropped. */
    private final int[] columnToIndex;

    private SampleSelection(List<String> names, int[] columnToIndex) {
        this.names = List.copyOf(names);
        this.columnToIndex = columnToIndex;
    }

    /**
     * Resolves the requested subset against the header's sample names.
     *
     * @throws InputException for duplicate sample names in the VCF, or unknown/duplicate requested names
     */
    public static SampleSelection resolve(Path vcf, List<String> header, VcfReadOptions options) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (column.put(header.get(i), i) != null) {
                throw InputException.of(vcf, "sample '" + header.get(i) + "' appears twice in the #CHROM header line",
                        "sample names must be unique; rename one with `bcftools reheader --samples`");
            }
        }
        List<String> wanted = wanted(options);
        int[] map = new int[header.size()];
        if (wanted == null) {
            for (int i = 0; i < map.length; i++) map[i] = i;
            return new SampleSelection(header, map);
        }
        java.util.Arrays.fill(map, -1);
        Set<String> seen = new HashSet<>();
        String source = options.samplesFile() != null ? options.samplesFile().toString() : "--samples";
        for (String s : wanted) {
            Integer c = column.get(s);
            if (c == null) {
                throw new InputException(source, null, "sample '" + s + "' is not in " + vcf,
                        "list only samples of the VCF (see `bcftools query -l " + vcf.getFileName() + "`)");
            }
            if (!seen.add(s)) {
                throw new InputException(source, null, "sample '" + s + "' is listed twice", "list each sample once");
            }
            map[c] = 0;
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < map.length; i++) {
            if (map[i] == 0) {
                map[i] = kept.size();
                kept.add(header.get(i));
            }
        }
        return new SampleSelection(kept, map);
    }

    private static List<String> wanted(VcfReadOptions options) {
        if (options.samples() == null && options.samplesFile() == null) return null;
        List<String> out = new ArrayList<>();
        if (options.samples() != null) out.addAll(options.samples());
        if (options.samplesFile() != null) {
            int before = out.size();
            try {
                for (String line : Files.readAllLines(options.samplesFile(), StandardCharsets.UTF_8)) {
                    String s = line.strip();
                    if (!s.isEmpty() && !s.startsWith("#")) out.add(s.split("\\s+")[0]);
                }
            } catch (java.nio.file.NoSuchFileException e) {
                throw InputException.of(options.samplesFile(), "samples file not found", "check the --samples-file path");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (out.size() == before) {
                // an empty list would make a store with no samples, which no later step can use
                throw InputException.of(options.samplesFile(), "lists no sample", "give one sample name per line, or leave out --samples-file");
            }
        }
        return out;
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /** Output index of VCF sample column {@code column}, or -1 when it is not kept. */
    public int indexOf(int column) {
        return columnToIndex[column];
    }

    public int columns() {
        return columnToIndex.length;
    }

    public boolean keepsAll() {
        return names.size() == columnToIndex.length;
    }
}
