package org.rareset.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.rareset.core.InputException;
import org.rareset.genotypes.vcf.VcfReadOptions;
import org.rareset.genotypes.vcf.VcfVariantSource;

/**
 * One {@code annotate} run from its {@link AnnotationSettings}: reads the gene model, opens every
 * annotation source (VEP, snpEff, CADD, SpliceAI, score tables, INFO fields), streams the cohort
 * VCF through the {@link AnnotationEngine} into the output table and returns the summary. Usable
 * without a command line.
 */
public final class AnnotationJob {
    private final AnnotationSettings s;

    public AnnotationJob(AnnotationSettings settings) {
        this.s = settings;
    }

    /**
     * Runs the annotation and writes the table.
     *
     * @param notes    told once, before the variants are read, when the VCF is sites-only
     * @param progress variants annotated so far, or null
     */
    public AnnotationSummary run(Consumer<String> notes, LongConsumer progress) {
        FillValues fill = FillValues.deeprvat();
        for (String f : s.fills()) {
            try {
                fill.parse(f);
            } catch (IllegalArgumentException e) {
                throw new InputException("--fill", null, e.getMessage(), "e.g. --fill sift_score=1,CADD_PHRED=NA");
            }
        }
        GeneMapper mapper = null;
        if (s.genes() != null) {
            List<Gene> all = GeneModelReader.read(s.genes());
            if (s.proteinCodingOnly()) {
                all = all.stream().filter(Gene::isProteinCoding).toList();
                if (all.isEmpty()) {
                    throw InputException.of(s.genes(), "no protein-coding genes", "does the file have gene_type/gene_biotype?");
                }
            }
            mapper = new GeneMapper(all, s.geneWindow());
        }
        if (s.geneWindow() < 0) throw new InputException("--gene-window", null, "must be 0 or more", null);
        List<AnnotationSource> sources = new ArrayList<>();
        try {
            Map<String, String> vepExtra = ColumnSpec.renames("--vep-field", s.vepFields());
            for (Path p : s.vep()) {
                sources.add(VepTabSource.looksLikeTab(p) ? VepTabSource.open(p, vepExtra) : VepCsqSource.open(p, vepExtra, s.lenient()));
            }
            for (Path p : s.snpeff()) sources.add(SnpEffSource.open(p, s.lenient()));
            for (Path p : s.cadd()) sources.add(ruled(ScoreTableSource.cadd(p, s.nonFinite())));
            for (Path p : s.spliceai()) sources.add(SpliceAiSource.open(p));
            for (String t : s.tables()) {
                ColumnSpec fs = ColumnSpec.parse("--table", t);
                sources.add(ruled(ScoreTableSource.open("table", fs.file(), fs.columns(), s.nonFinite())));
            }
            for (String t : s.infos()) {
                ColumnSpec fs = ColumnSpec.parse("--info", t);
                sources.add(ruled(VcfInfoSource.open(fs.file(), fs.columns(), s.nonFinite())));
            }
            try (VcfVariantSource variants = VcfVariantSource.openSitesOrGenotypes(s.vcf(), VcfReadOptions.all(),
                    Math.min(2, s.threads()))) {
                boolean sitesOnly = variants.samples().isEmpty();
                if (sitesOnly) {
                    notes.accept(s.vcf() + " is a sites-only VCF (no samples): the table has no AF, MAF and MAF_MB"
                            + " columns; train, score and assoc compute them from the genotypes they read");
                }
                AnnotationEngine engine = new AnnotationEngine(sources, new AnnotationEngine.Options(mapper, s.proteinCodingOnly(), fill,
                        s.allowUnmatched(), s.threads(), !sitesOnly));
                return engine.run(variants, s.out(), progress);
            }
        } finally {
            for (AnnotationSource src : sources) src.close();
        }
    }

    private <T extends CursorSource> T ruled(T source) {
        source.duplicateRows(s.duplicateRows());
        return source;
    }
}
