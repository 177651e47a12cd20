package org.rareset.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.annotate.GeneModelReader;
import org.rareset.report.plot.GenomeAxis;
import org.rareset.report.plot.GenomeAxis.Chromosome;

/**
 * Gene positions from a gene file (BED {@code chrom start end name [gene_name|score] ...}, GTF or
 * GFF3, read as {@code rareset annotate} reads them), laid out on one genome-wide axis
 * with chromosomes in natural order (1..22, X, Y, M, then others alphabetically).
 */
public final class GenePositions {
    /**
     * One gene: its id, the name to show (the gene model's gene name, or the id when it has none),
     * its chromosome (without "chr"), 0-based start, end and midpoint on the genome-wide axis.
     */
    public record Gene(String name, String label, String chrom, long start, long end, double axis) {}

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

    /**
     * Reads gene positions with the annotation step's gene-model reader: BED, GTF or GFF3 by the
     * file name's extension, any other name as BED. Genes are found by id and by name.
     */
    public static GenePositions read(Path file) {
        GeneModelReader.Format format;
        try {
            format = GeneModelReader.formatOf(file);
        } catch (InputException e) {
            format = GeneModelReader.Format.BED;
        }
        record Raw(String name, String alias, String chrom, long start, long end) {}
        List<Raw> raw = new ArrayList<>();
        for (org.rareset.annotate.Gene g : GeneModelReader.read(file, format)) {
            raw.add(new Raw(g.id(), g.name().equals(g.id()) ? null : g.name(), stripChr(g.chrom()), g.start() - 1L, g.end()));
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
            Gene gene = new Gene(g.name(), g.alias() == null ? g.name() : g.alias(), g.chrom(), g.start(), g.end(),
                    offset.get(g.chrom()) + (g.start() + g.end()) / 2.0);
            genes.putIfAbsent(g.name(), gene);
            if (g.alias() != null) genes.putIfAbsent(g.alias(), gene);
        }
        return new GenePositions(genes, chroms, Math.max(1, at));
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

    /** The gene named {@code gene} (an id, with or without its version suffix, or a name), or null. */
    public Gene get(String gene) {
        Gene g = genes.get(gene);
        return g != null ? g : genes.get(org.rareset.annotate.Gene.stripVersion(gene));
    }

    public List<Chromosome> chromosomes() {
        return chromosomes;
    }

    public double length() {
        return length;
    }

    /** The chromosomes laid out as the Manhattan plot's x axis. */
    public GenomeAxis axis() {
        return new GenomeAxis(chromosomes, length);
    }

    public int size() {
        return genes.size();
    }
}
