package org.rareset.core.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.rareset.core.InputException;

/**
 * The regions asked for on the command line and in a regions file, sorted and merged, so each
 * record is visited once. A variant is inside when its POS is.
 */
public final class RegionSet {
    private final List<GenomicRegion> regions;

    private RegionSet(List<GenomicRegion> regions) {
        this.regions = List.copyOf(regions);
    }

    /**
     * The regions {@code texts} ({@code --region} values, see {@link GenomicRegion#parse}) and
     * those in {@code regionsFile} (null for none), sorted and merged.
     */
    public static RegionSet parse(List<String> texts, Path regionsFile) {
        List<GenomicRegion> all = new ArrayList<>();
        for (String r : texts) all.add(GenomicRegion.parse(r));
        if (regionsFile != null) all.addAll(readFile(regionsFile));
        return new RegionSet(merge(all));
    }

    public static RegionSet of(List<GenomicRegion> regions) {
        return new RegionSet(merge(new ArrayList<>(regions)));
    }

    /** Regions already merged and ordered as the caller wants them read. */
    public static RegionSet ofSorted(List<GenomicRegion> regions) {
        return new RegionSet(regions);
    }

    /** Sorted, non-overlapping regions. */
    public List<GenomicRegion> regions() {
        return regions;
    }

    public boolean isEmpty() {
        return regions.isEmpty();
    }

    public boolean contains(String contig, int pos) {
        for (GenomicRegion r : regions) if (r.contains(contig, pos)) return true;
        return false;
    }

    /**
     * Refuses a region on a contig that the input lacks ({@code 1} and {@code chr1} are the same
     * contig): reading it would silently give nothing.
     *
     * @param file    the input named in the message
     * @param contigs the input's contigs
     * @param owner   what holds the contigs, as the message says it: "the file", "the .bim"
     * @throws InputException naming the first such region and up to ten of the input's contigs
     */
    public void requireContigs(Path file, Collection<String> contigs, String owner) {
        for (GenomicRegion r : regions) {
            if (contigs.stream().noneMatch(c -> Contigs.same(c, r.chrom()))) {
                throw InputException.of(file, "region " + r + " is on contig '" + r.chrom() + "', which " + owner + " does not have",
                        "use one of its contigs: " + String.join(", ", contigs.stream().limit(10).toList()));
            }
        }
    }

    static List<GenomicRegion> merge(List<GenomicRegion> in) {
        Collections.sort(in);
        List<GenomicRegion> out = new ArrayList<>();
        for (GenomicRegion r : in) {
            if (!out.isEmpty()) {
                GenomicRegion last = out.get(out.size() - 1);
                if (Contigs.same(last.chrom(), r.chrom()) && (long) r.start() <= (long) last.end() + 1) {
                    out.set(out.size() - 1, new GenomicRegion(last.chrom(), last.start(), Math.max(last.end(), r.end())));
                    continue;
                }
            }
            out.add(r);
        }
        return out;
    }

    /**
     * Reads {@code chrom start [end]} lines (1-based, inclusive, as {@code bcftools -R}); files named
     * {@code .bed}/{@code .bed.gz} are BED (0-based start, exclusive end). Lines starting with
     * {@code #}, {@code track} or {@code browser} are skipped.
     */
    static List<GenomicRegion> readFile(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        boolean bed = name.endsWith(".bed") || name.endsWith(".bed.gz");
        List<GenomicRegion> out = new ArrayList<>();
        try (BufferedReader in = open(file)) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("track") || line.startsWith("browser")) continue;
                String[] f = line.split("\t|\\s+");
                try {
                    if (f.length < 2) throw new NumberFormatException();
                    int start = Integer.parseInt(f[1]);
                    int end = f.length > 2 ? Integer.parseInt(f[2]) : bed ? start + 1 : start;
                    if (bed) start += 1;
                    if (start < 1 || end < start) throw new NumberFormatException();
                    out.add(new GenomicRegion(f[0], start, end));
                } catch (NumberFormatException e) {
                    throw InputException.atLine(file, lineNo, "'" + line + "' is not a region",
                            bed ? "BED lines are chrom<TAB>start<TAB>end with a 0-based start"
                                    : "lines are chrom<TAB>start[<TAB>end], 1-based inclusive (name BED files .bed)");
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw InputException.of(file, "regions file not found", "check the --regions-file path");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static BufferedReader open(Path file) throws IOException {
        var in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
