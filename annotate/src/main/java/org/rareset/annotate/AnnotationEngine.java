package org.rareset.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;
import org.rareset.core.table.AsyncTableWriter;
import org.rareset.core.table.Column;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriter;
import org.rareset.core.table.TableWriters;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VariantSource;

/**
 * Joins cohort variants with genes and annotation sources into one long table, one row per
 * (variant, gene): {@code chrom pos ref alt variant_id gene_id gene_name AF MAF MAF_MB}, the
 * sources' columns, and with VEP the 11 {@code Consequence_*} one-hot columns and {@code is_plof}.
 *
 * <p>Streams: variants come sorted by position within contigs and every source is merged
 * alongside ({@link SortedCursor}), so memory holds one position at a time whatever the number
 * of variants. Genes come from the gene model when one is given, otherwise from VEP.
 */
public final class AnnotationEngine {
    public static final List<String> KEY_COLUMNS = List.of("chrom", "pos", "ref", "alt", "variant_id", "gene_id", "gene_name");
    /** A source matching fewer variants than this share gets a warning. */
    static final double FEW_MATCHES = 0.10;

    /** How genes are chosen and missing values filled. */
    /**
     * @param frequencies whether the cohort has genotypes to compute AF, MAF and MAF_MB from; a
     *                    sites-only VCF has none, and the table then has no such columns (later
     *                    steps compute them from the genotypes they read)
     */
    public record Options(GeneMapper genes, boolean proteinCodingOnly, FillValues fill, boolean allowUnmatched,
                          int threads, boolean frequencies) {
        public Options(GeneMapper genes, boolean proteinCodingOnly, FillValues fill, boolean allowUnmatched) {
            this(genes, proteinCodingOnly, fill, allowUnmatched, 1);
        }

        public Options(GeneMapper genes, boolean proteinCodingOnly, FillValues fill, boolean allowUnmatched, int threads) {
            this(genes, proteinCodingOnly, fill, allowUnmatched, threads, true);
        }
    }

    private final Options options;
    private final List<AnnotationSource> sources;
    private final TableSchema schema;
    private final int[] sourceOffset;
    private final boolean consequences;
    private final double[] fill;
    private final int nValues;

    public AnnotationEngine(List<AnnotationSource> sources, Options options) {
        if (options.genes() == null && sources.stream().noneMatch(AnnotationSource::hasConsequences)) {
            throw new InputException(null, null, "no genes to map variants to", "give a gene file (--genes), VEP output (--vep) or snpEff output (--snpeff)");
        }
        this.options = options;
        this.sources = List.copyOf(sources);
        this.consequences = sources.stream().anyMatch(AnnotationSource::hasConsequences);
        List<Column> cols = new ArrayList<>();
        for (String k : KEY_COLUMNS) cols.add(k.equals("pos") ? Column.integer(k) : Column.string(k));
        List<String> valueNames = options.frequencies()
                ? new ArrayList<>(List.of(DerivedColumns.AF, DerivedColumns.MAF, DerivedColumns.MAF_MB)) : new ArrayList<>();
        sourceOffset = new int[sources.size()];
        Map<String, String> owner = new LinkedHashMap<>();
        for (String n : valueNames) owner.put(n, "the cohort");
        for (int s = 0; s < sources.size(); s++) {
            sourceOffset[s] = valueNames.size();
            for (String c : sources.get(s).columns()) {
                String prev = owner.put(c, sources.get(s).name());
                if (prev != null) {
                    throw new InputException(null, null, "column '" + c + "' would come from both " + prev + " and "
                            + sources.get(s).name(), "rename one, e.g. FILE:COLUMN=new_name");
                }
                valueNames.add(c);
            }
        }
        nValues = valueNames.size();
        for (String n : valueNames) cols.add(Column.float64(n));
        if (consequences) {
            for (int i = 0; i < Consequences.TERMS.size(); i++) cols.add(Column.integer(Consequences.columnName(i)));
            cols.add(Column.integer(DerivedColumns.IS_PLOF));
        }
        schema = new TableSchema(cols);
        fill = new double[nValues];
        for (int i = 0; i < nValues; i++) fill[i] = options.fill().of(valueNames.get(i));
    }

    public TableSchema schema() {
        return schema;
    }

    /**
     * Annotates every variant and writes the table to {@code out}; the file appears only if the
     * run succeeds (a source matching nothing is an error unless allowed).
     */
    public AnnotationSummary run(VariantSource variants, Path out, LongConsumer progress) {
        TableWriter w = TableWriters.open(out, schema);
        // With two or more threads, encoding the output overlaps with the join.
        if (options.threads() > 1) w = new AsyncTableWriter(w);
        try {
            AnnotationSummary summary = annotate(variants, w, progress);
            check(summary);
            w.close();
            return summary;
        } catch (RuntimeException | Error e) {
            w.abort();
            throw e;
        }
    }

    AnnotationSummary annotate(VariantSource variants, TableWriter w, LongConsumer progress) {
        AnnotationSummary summary = new AnnotationSummary();
        long[] matched = new long[sources.size()];
        AnnotationSource.Match[] matches = new AnnotationSource.Match[sources.size()];
        double[] values = new double[nValues];
        Set<String> contigsWithoutGenes = new HashSet<>();
        // With two or more threads the cohort is decoded on its own thread, ahead of the join.
        Prefetch<Variant> prefetch = options.threads() > 1 ? new Prefetch<>(variants.iterator(), "rareset-variants") : null;
        Iterator<Variant> it = prefetch != null ? prefetch : variants.iterator();
        try {
            while (it.hasNext()) {
                annotateOne(it.next(), w, progress, summary, matched, matches, values, contigsWithoutGenes);
            }
        } finally {
            if (prefetch != null) prefetch.close();
        }
        for (int s = 0; s < sources.size(); s++) {
            AnnotationSource src = sources.get(s);
            summary.sources.add(new AnnotationSummary.SourceCount(src.name(), matched[s], summary.variants - matched[s],
                    summary.variants > 0 && matched[s] == 0 ? src.exampleKey() : null));
            summary.fields.add(src.fieldCounts());
            summary.notes.addAll(src.notes());
        }
        if (!contigsWithoutGenes.isEmpty()) {
            summary.warnings.add("the gene file has no genes on contig(s) " + String.join(", ", new java.util.TreeSet<>(contigsWithoutGenes))
                    + "; their variants were skipped (" + summary.geneContigMissing + ")");
        }
        return summary;
    }

    private void annotateOne(Variant v, TableWriter w, LongConsumer progress, AnnotationSummary summary, long[] matched,
                             AnnotationSource.Match[] matches, double[] values, Set<String> contigsWithoutGenes) {
        int base = KEY_COLUMNS.size();
        int consBase = base + nValues;
        summary.variants++;
        if (summary.firstVariantKey == null) summary.firstVariantKey = v.key();
        if (progress != null && summary.variants % 100_000 == 0) progress.accept(summary.variants);
        String chrom = canonical(v.chrom());
        for (int s = 0; s < sources.size(); s++) {
            matches[s] = sources.get(s).lookup(v, chrom);
            if (matches[s] != null) matched[s]++;
        }
        List<Gene> genes = genesFor(v, chrom, matches, contigsWithoutGenes, summary);
        if (genes.isEmpty()) {
            summary.withoutGene++;
            return;
        }
        double af = DerivedColumns.af(v);
        String variantId = v.key();
        for (Gene g : genes) {
            Arrays.fill(values, Double.NaN);
            if (options.frequencies()) {
                values[0] = af;
                values[1] = DerivedColumns.maf(af);
                values[2] = DerivedColumns.mafMb(af);
            }
            int mask = 0;
            for (int s = 0; s < sources.size(); s++) {
                if (matches[s] == null) continue;
                matches[s].values(g, values, sourceOffset[s]);
                if (sources.get(s).hasConsequences()) mask |= matches[s].consequences(g);
            }
            w.setString(0, v.chrom());
            w.setInt(1, v.pos());
            w.setString(2, v.ref());
            w.setString(3, v.alt());
            w.setString(4, variantId);
            w.setString(5, g.id());
            w.setString(6, g.name());
            for (int i = 0; i < nValues; i++) {
                double x = values[i];
                w.setDouble(base + i, Double.isNaN(x) ? fill[i] : x);
            }
            if (consequences) {
                for (int t = 0; t < Consequences.TERMS.size(); t++) w.setInt(consBase + t, (mask >> t) & 1);
                w.setInt(consBase + Consequences.TERMS.size(), Consequences.isPlof(mask) ? 1 : 0);
            }
            w.endRow();
            summary.rows++;
        }
    }

    private String lastContig;
    private String lastCanonical;

    /** Contigs.canonical, remembered for the run of variants on one contig. */
    private String canonical(String contig) {
        if (!contig.equals(lastContig)) {
            lastContig = contig;
            lastCanonical = Contigs.canonical(contig);
        }
        return lastCanonical;
    }

    private List<Gene> genesFor(Variant v, String chrom, AnnotationSource.Match[] matches,
                                Set<String> contigsWithoutGenes, AnnotationSummary summary) {
        if (options.genes() != null) {
            if (!options.genes().hasContig(chrom)) {
                contigsWithoutGenes.add(v.chrom());
                summary.geneContigMissing++;
                return List.of();
            }
            return options.genes().genesAt(chrom, v.pos());
        }
        List<Gene> out = null;
        for (int s = 0; s < matches.length; s++) {
            if (matches[s] == null || !sources.get(s).hasConsequences()) continue;
            for (Gene g : matches[s].genes()) {
                if (options.proteinCodingOnly() && !g.isProteinCoding()) continue;
                if (out == null) out = new ArrayList<>(2);
                boolean dup = false;
                for (Gene o : out) dup |= o.id().equals(g.id());
                if (!dup) out.add(g);
            }
        }
        return out == null ? List.of() : out;
    }

    /** No or few matches usually mean another genome build or contig naming: say so. */
    private void check(AnnotationSummary summary) {
        if (summary.variants == 0) {
            summary.warnings.add("the cohort has no variants");
            return;
        }
        for (int i = 0; i < summary.sources.size(); i++) {
            AnnotationSummary.SourceCount s = summary.sources.get(i);
            if (s.matched() == 0 && !options.allowUnmatched()) {
                throw new InputException(s.name(), null, "none of the " + summary.variants + " cohort variants matched (cohort e.g. "
                        + summary.firstVariantKey + ", source e.g. " + s.example() + ")",
                        "check the genome build and that the file covers these variants; --allow-unmatched to write anyway");
            }
            // A named field no matched record carries is most likely misspelled: never a silent empty column.
            if (s.matched() > 0) {
                for (AnnotationSummary.FieldCount f : summary.fields.get(i)) {
                    if (f.carried() == 0) throw sources.get(i).fieldNeverSeen(f.field());
                }
            }
            if ((double) s.matched() / summary.variants < FEW_MATCHES) {
                summary.warnings.add(s.name() + " matched only " + s.matched() + " of " + summary.variants
                        + " variants: is it the same genome build?");
            }
        }
        if (summary.rows == 0) {
            throw new InputException(null, null, "none of the " + summary.variants + " variants lies in a gene (e.g. "
                    + summary.firstVariantKey + ")", options.genes() != null
                    ? "check the gene file's build and contigs (" + String.join(", ", options.genes().contigs().stream().sorted().limit(5).toList()) + "...), or widen --gene-window"
                    : "VEP named no genes" + (options.proteinCodingOnly() ? " that are protein-coding" : ""));
        }
    }
}
