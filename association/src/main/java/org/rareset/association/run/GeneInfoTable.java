package org.rareset.association.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rareset.annotate.Gene;
import org.rareset.core.formats.GeneInfo;
import org.rareset.core.region.Contigs;
import org.rareset.association.input.AnnotationTable;

/**
 * The {@code gene_name chrom start end} of result rows. From a gene model (BED, GTF or GFF3, as
 * {@code rareset annotate --genes} reads it): all four, found by the gene's id (version ignored)
 * or name. Otherwise from the annotation table: the name from its {@code gene_name} column (as
 * {@code rareset annotate} writes it) when the genes are keyed by id, the chromosome from the
 * gene's variants, and no start or end. Chromosomes are written without {@code chr}.
 */
public final class GeneInfoTable implements GeneInfo.Lookup {
    private final Map<String, GeneInfo> byKey;
    private final AnnotationTable annotations;

    private GeneInfoTable(Map<String, GeneInfo> byKey, AnnotationTable annotations) {
        this.byKey = byKey;
        this.annotations = annotations;
    }

    /** @param genes the gene model; annotations (may be null) fill genes the model lacks */
    public static GeneInfoTable fromGeneModel(List<Gene> genes, AnnotationTable annotations) {
        Map<String, GeneInfo> m = new HashMap<>();
        for (Gene g : genes) {
            GeneInfo info = new GeneInfo(g.name(), Contigs.canonical(g.chrom()), g.start(), g.end());
            m.putIfAbsent(g.id(), info);
            m.putIfAbsent(Gene.stripVersion(g.id()), info);
            m.putIfAbsent(g.name(), info);
        }
        return new GeneInfoTable(m, annotations);
    }

    public static GeneInfoTable fromAnnotations(AnnotationTable annotations) {
        return new GeneInfoTable(Map.of(), annotations);
    }

    @Override
    public GeneInfo of(String gene) {
        GeneInfo g = byKey.get(gene);
        if (g == null) g = byKey.get(Gene.stripVersion(gene));
        if (g != null) return g;
        if (annotations == null) return GeneInfo.UNKNOWN;
        String chrom = annotations.chromOf(gene);
        String name = annotations.geneName(gene);
        return chrom == null && name == null ? GeneInfo.UNKNOWN : new GeneInfo(name, chrom, -1, -1);
    }
}
