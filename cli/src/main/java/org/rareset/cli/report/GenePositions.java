package org.rareset.cli.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.annotate.InputException;

/**
 * Gene positions from a BED file ({@code chrom start end name [gene_name|score] ...}, 0-based half-open, tab-separated;
 * {@code #}, {@code track} and {@code browser} lines ignored), laid out on one genome-wide axis
 * with chromosomes in natural order (1..22, X, Y, M, then others alphabetically).
 */
public final class GenePositions {
    /** One gene: its chromosome (without "chr"), midpoint and position on the genome-wide axis. */
    public record Gene(String name, String chrom, long start, long end, double axis) {}

    /** A chromosome's span on the genome-wide axis, for labels and alternating bands. */
    public record Chromosome(String name, double from, double to) {}

    private final Map<String, Gene> genes;
    private final List<Chromosome> chromosomes;
    private final double length;

    private GenePositions(Map<String, Gene> genes, List<Chromosome> chromosomes, double length) {
        this.genes = genes;
        this.chromosomes = chromosomes;
        this.length = length;
    }

    public static GenePositions empty() {
        return new GenePositions(Map.of(), List.of(), 1);
    }

    public static GenePositions read(Path bed) {
        record Raw(String name, String alias, String chrom, long start, long end) {}
        List<Raw> raw = new ArrayList<>();
        try (BufferedReader r = TabularFile.open(bed)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("track") || line.startsWith("browser")) continue;
                String[] f = line.split("\t", -1);
                if (f.length < 4) {
                    throw InputException.atLine(bed, n, "expected at least 4 tab-separated fields (chrom start end name), found "
                            + f.length, "genes.bed lists one gene per line");
                }
                try {
                    raw.add(new Raw(f[3].trim(), f.length > 4 ? alias(f[4].trim()) : null, stripChr(f[0].trim()),
                            Long.parseLong(f[1].trim()), Long.parseLong(f[2].trim())));
                } catch (NumberFormatException e) {
                    throw InputException.atLine(bed, n, "start/end '" + f[1] + "'/'" + f[2] + "' are not integers",
                            "BED columns 2 and 3 are 0-based start and end");
                }
            }
        } catch (IOException e) {
            throw InputException.of(bed, "cannot read: " + e.getMessage(), "check the path");
        }
        // Lay chromosomes end to end, each as long as its last gene end.
        Map<String, Long> chromEnd = new LinkedHashMap<>();
        for (Raw g : raw) chromEnd.merge(g.chrom(), g.end(), Math::max);
        List<String> order = new ArrayList<>(chromEnd.keySet());
        order.sort(Comparator.comparing(GenePositions::chromRank).thenComparing(c -> c));
        Map<String, Double> offset = new LinkedHashMap<>();
        List<Chromosome> chroms = new ArrayList<>();
        double at = 0;
        for (String c : order) {
            offset.put(c, at);
            double len = Math.max(1, chromEnd.get(c));
            chroms.add(new Chromosome(c, at, at + len));
            at += len;
        }
        Map<String, Gene> genes = new LinkedHashMap<>();
        for (Raw g : raw) {
            Gene gene = new Gene(g.name(), g.chrom(), g.start(), g.end(), offset.get(g.chrom()) + (g.start() + g.end()) / 2.0);
            genes.putIfAbsent(g.name(), gene);
            if (g.alias() != null) genes.putIfAbsent(g.alias(), gene);
        }
        return new GenePositions(genes, chroms, Math.max(1, at));
    }

    /**
     * A fifth column that is a gene name (RareSet's genes.bed: gene_id gene_name), not a BED score
     * or strand, also finds the gene.
     */
    static String alias(String f) {
        if (f.isEmpty() || f.equals("+") || f.equals("-") || f.equals(".")) return null;
        try {
            Double.parseDouble(f);
            return null;
        } catch (NumberFormatException e) {
            return f;
        }
    }

    static String stripChr(String c) {
        return c.regionMatches(true, 0, "chr", 0, 3) ? c.substring(3) : c;
    }

    /** Natural order: 1..22 numerically, then X, Y, M/MT, then anything else. */
    static int chromRank(String c) {
        try {
            return Integer.parseInt(c);
        } catch (NumberFormatException e) {
            return switch (c.toUpperCase()) {
                case "X" -> 1000;
                case "Y" -> 1001;
                case "M", "MT" -> 1002;
                default -> 2000;
            };
        }
    }

    public Gene get(String gene) {
        return genes.get(gene);
    }

    public List<Chromosome> chromosomes() {
        return chromosomes;
    }

    public double length() {
        return length;
    }

    public int size() {
        return genes.size();
    }
}
