package org.rareset.deepset.train;

import org.rareset.deepset.model.VariantFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.rareset.core.InputException;
import org.rareset.core.formats.AnnotationTableFile;
import org.rareset.core.table.DuplicateRows;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableFiles;
import org.rareset.core.table.TextTable;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VariantSource;
import org.rareset.deepset.model.AnnotationScaling;
import org.rareset.deepset.model.MissingValues;

/**
 * Assembles {@link TrainingData} from the user's files: genotypes, a per-(variant, gene)
 * annotation table, phenotypes, covariates and seed genes.
 *
 * <ul>
 *   <li>Only rows of seed genes are kept. A row is used when its variant is in the genotypes, ALT is
 *       the minor allele, and it passes the train filter. The filter's {@code MAF} and
 *       {@code MAF_MB} are computed from the cohort's genotypes when the table lacks them; model
 *       inputs must all be in the table, as {@code rareset score} will need them there too.</li>
 *   <li>Samples: those in the genotypes with at least one requested trait observed and every
 *       covariate present, in genotype order. Everything skipped is counted in the log.</li>
 *   <li>Quantitative traits get DeepRVAT's quantile transform (or the rank-based inverse normal,
 *       {@link Spec#traitTransform}); a trait with two distinct values is used as it is. Covariates are
 *       standardised. Cross-validated training redoes the trait transform per fold.</li>
 *   <li>Input annotations are standardised with means and sds over the used rows (see
 *       {@link AnnotationScaling}); missing values are filled as in {@link MissingValues}.</li>
 * </ul>
 */
public final class TrainingDataLoader {

    /**
     * What to load. {@code covar} and {@code covariates} may be null (all covariate columns);
     * {@code missing} says which phenotype/covariate cells are missing (as {@code rareset assoc --missing}).
     */
    public record Spec(Path annotations, Path pheno, Path covar, Path seedGenes, List<String> phenotypes,
                       List<String> annotationList, VariantFilter filter, List<String> plofAnnotations,
                       List<String> covariates, org.rareset.core.table.MissingValues missing, DuplicateRows duplicates,
                       TraitTransforms.Method traitTransform) {
        /** DeepRVAT's quantile transform for quantitative traits. */
        public Spec(Path annotations, Path pheno, Path covar, Path seedGenes, List<String> phenotypes,
                    List<String> annotationList, VariantFilter filter, List<String> plofAnnotations,
                    List<String> covariates, org.rareset.core.table.MissingValues missing, DuplicateRows duplicates) {
            this(annotations, pheno, covar, seedGenes, phenotypes, annotationList, filter, plofAnnotations, covariates,
                    missing, duplicates, TraitTransforms.Method.QUANTILE);
        }

        /** Repeated (variant, gene) rows that differ are an error. */
        public Spec(Path annotations, Path pheno, Path covar, Path seedGenes, List<String> phenotypes,
                    List<String> annotationList, VariantFilter filter, List<String> plofAnnotations,
                    List<String> covariates, org.rareset.core.table.MissingValues missing) {
            this(annotations, pheno, covar, seedGenes, phenotypes, annotationList, filter, plofAnnotations, covariates,
                    missing, DuplicateRows.ERROR);
        }

        /** With the shared default missing values ({@code NA}, {@code -9}, empty). */
        public Spec(Path annotations, Path pheno, Path covar, Path seedGenes, List<String> phenotypes,
                    List<String> annotationList, VariantFilter filter, List<String> plofAnnotations,
                    List<String> covariates) {
            this(annotations, pheno, covar, seedGenes, phenotypes, annotationList, filter, plofAnnotations, covariates,
                    org.rareset.core.table.MissingValues.defaults());
        }
    }

    /** The data and the pLoF columns actually used. */
    public record Loaded(TrainingData data, List<String> plofAnnotations) {}

    private record AnnotationRow(int gene, double[] values, double[] filterValues, long line) {}

    private TrainingDataLoader() {}

    public static Loaded load(Spec spec, VariantSource genotypes, Path genotypeFile, Consumer<String> log) {
        // Phenotypes and covariates first: cheap, and they decide the samples.
        SampleColumns pheno = SampleColumns.read(spec.pheno(), spec.phenotypes(), spec.missing());
        SampleColumns covar = spec.covar() == null ? null
                : SampleColumns.read(spec.covar(), spec.covariates(), spec.missing());
        Map<String, List<String>> seeds = readSeedGenes(spec.seedGenes(), spec.phenotypes());

        List<String> genes = new ArrayList<>(new LinkedHashSet<>(seeds.values().stream().flatMap(List::stream).toList()));
        Map<String, Integer> geneSlot = new HashMap<>();
        for (int i = 0; i < genes.size(); i++) geneSlot.put(genes.get(i), i);

        List<String> annotations = spec.annotationList();
        List<String> plof = new ArrayList<>();
        for (String p : spec.plofAnnotations()) if (annotations.contains(p)) plof.add(p);
        int[] plofColumns = plof.stream().mapToInt(annotations::indexOf).toArray();

        List<double[]> signRows = new ArrayList<>();
        Map<String, List<AnnotationRow>> rows = readAnnotations(spec, geneSlot, plofColumns, signRows, log);

        // Samples: genotype order, with a trait value and complete covariates.
        List<String> vcfSamples = genotypes.samples();
        int[] cohortOf = new int[vcfSamples.size()];
        List<String> cohort = new ArrayList<>();
        int noPheno = 0;
        int noCovar = 0;
        for (int i = 0; i < vcfSamples.size(); i++) {
            String s = vcfSamples.get(i);
            cohortOf[i] = -1;
            double[] p = pheno.values(s);
            boolean observed = false;
            if (p != null) for (double v : p) observed |= !Double.isNaN(v);
            if (!observed) {
                noPheno++;
                continue;
            }
            if (covar != null) {
                double[] c = covar.values(s);
                boolean complete = c != null;
                if (c != null) for (double v : c) complete &= !Double.isNaN(v);
                if (!complete) {
                    noCovar++;
                    continue;
                }
            }
            cohortOf[i] = cohort.size();
            cohort.add(s);
        }
        log.accept(String.format("samples: %d in %s; %d used, %d without any requested trait value, "
                + "%d with missing covariates", vcfSamples.size(), genotypeFile, cohort.size(), noPheno, noCovar));
        if (cohort.size() < 10) {
            throw InputException.of(spec.pheno(), "only " + cohort.size() + " samples have genotypes, a trait value"
                    + " and covariates", "check that sample names match the VCF");
        }

        // Genotypes: keep used rows with their carriers.
        int w = annotations.size();
        AnnotationScaling.Accumulator scale = new AnnotationScaling.Accumulator(w);
        List<int[]> rowGene = new ArrayList<>();
        List<double[]> rowValues = new ArrayList<>();
        List<int[]> rowCarriers = new ArrayList<>();
        int filtered = 0;
        int altMajor = 0;
        int matched = 0;
        Set<String> seen = new java.util.HashSet<>();
        for (Variant v : genotypes) {
            String key = key(v.chrom(), v.pos(), v.ref(), v.alt());
            List<AnnotationRow> rs = rows.get(key);
            if (rs == null) continue;
            seen.add(key);
            double af = v.altFrequency();
            int[] carriers = null;
            for (AnnotationRow r : rs) {
                matched++;
                if (!spec.filter().passesWithCohortFrequencies(r.filterValues(), af)) {
                    filtered++;
                    continue;
                }
                if (!v.altIsMinor() && v.alleleCount() > 0) {
                    altMajor++;
                    continue;
                }
                if (carriers == null) carriers = cohortCarriers(v, cohortOf);
                double[] values = r.values().clone();
                for (int j = 0; j < w; j++) if (Double.isNaN(values[j])) values[j] = MissingValues.fill(annotations.get(j));
                scale.add(values);
                rowGene.add(new int[] {r.gene()});
                rowValues.add(values);
                rowCarriers.add(carriers);
            }
        }
        int unmatched = 0;
        for (Map.Entry<String, List<AnnotationRow>> e : rows.entrySet()) if (!seen.contains(e.getKey())) unmatched += e.getValue().size();
        log.accept(String.format("seed-gene annotation rows: %d matched genotypes, %d used, %d failed the filter '%s', "
                        + "%d skipped (ALT is the major allele), %d have no genotypes", matched, rowValues.size(),
                filtered, spec.filter(), altMajor, unmatched));
        if (rowValues.isEmpty()) {
            throw InputException.of(spec.annotations(), "no seed-gene variant passes the filter '" + spec.filter()
                    + "' and is in " + genotypeFile, "check the seed genes, the filter and the variant keys");
        }

        TrainingData.Builder b = new TrainingData.Builder(annotations, scale.scaling(), plofColumns, genes, cohort);
        for (int i = 0; i < rowValues.size(); i++) b.addRow(rowGene.get(i)[0], rowValues.get(i), rowCarriers.get(i));
        for (double[] r : signRows) b.signCheckRow(r);
        log.accept(String.format("sign check: %d annotation row(s) of any gene with a pLoF flag (%s) equal to 1",
                signRows.size(), plof.isEmpty() ? "no pLoF column among the inputs" : String.join(", ", plof)));
        addCovariates(b, covar, cohort);
        addTraits(b, pheno, seeds, geneSlot, cohort, spec.phenotypes(), spec.traitTransform(), log);
        return new Loaded(b.build(), plof);
    }

    private static int[] cohortCarriers(Variant v, int[] cohortOf) {
        int[] c = new int[v.carrierSamples().length];
        int n = 0;
        for (int s : v.carrierSamples()) if (cohortOf[s] >= 0) c[n++] = cohortOf[s];
        return java.util.Arrays.copyOf(c, n);
    }

    private static void addCovariates(TrainingData.Builder b, SampleColumns covar, List<String> cohort) {
        if (covar == null || covar.columns().isEmpty()) return;
        int k = covar.columns().size();
        float[] out = new float[cohort.size() * k];
        for (int j = 0; j < k; j++) {
            double[] col = new double[cohort.size()];
            for (int i = 0; i < cohort.size(); i++) col[i] = covar.values(cohort.get(i))[j];
            double[] z = TraitTransforms.standardise(col);
            for (int i = 0; i < cohort.size(); i++) out[i * k + j] = (float) z[i];
        }
        b.covariates(covar.columns(), out);
    }

    private static void addTraits(TrainingData.Builder b, SampleColumns pheno, Map<String, List<String>> seeds,
                                  Map<String, Integer> geneSlot, List<String> cohort, List<String> phenotypes,
                                  TraitTransforms.Method method, Consumer<String> log) {
        for (int t = 0; t < phenotypes.size(); t++) {
            String name = phenotypes.get(t);
            double[] y = new double[cohort.size()];
            for (int i = 0; i < cohort.size(); i++) y[i] = pheno.values(cohort.get(i))[t];
            boolean binary = TraitTransforms.isBinary(y);
            boolean twoValued = TraitTransforms.distinctObserved(y, 3) == 2;
            double[] z = TraitTransforms.prepare(y, method);
            float[] f = new float[z.length];
            int observed = 0;
            for (int i = 0; i < z.length; i++) {
                f[i] = (float) z[i];
                if (!Double.isNaN(z[i])) observed++;
            }
            int[] slots = seeds.get(name).stream().mapToInt(geneSlot::get).toArray();
            log.accept(String.format("trait %s: %s, %d samples observed, %d seed genes; %d sample(s) with a missing value", name,
                    binary ? "binary" : twoValued ? "two-valued, used as it is" : "quantitative (" + method.label() + ")",
                    observed, slots.length, z.length - observed));
            b.trait(new TrainingData.Trait(name, binary, f, slots, y, method));
        }
    }

    /**
     * Keeps a row of any gene whose pLoF flag equals 1 for the {@link SignCheck} (DeepRVAT checks the
     * whole annotation file, unfiltered), with missing values filled; each (variant, gene) once.
     */
    private static void addSignRow(Row f, int[] ac, int[] plofColumns, List<String> annotations, String key,
                                   Set<String> seen, List<double[]> out) {
        boolean flagged = false;
        for (int c : plofColumns) flagged |= f.getDouble(ac[c]) == 1;
        if (!flagged || !seen.add(key)) return;
        double[] v = new double[ac.length];
        for (int j = 0; j < ac.length; j++) {
            v[j] = f.getDouble(ac[j]);
            if (Double.isNaN(v[j])) v[j] = MissingValues.fill(annotations.get(j));
        }
        out.add(v);
    }

    /** The annotation table's variant key ({@link AnnotationTableFile#key(String, int, String, String)}). */
    static String key(String chrom, int pos, String ref, String alt) {
        return AnnotationTableFile.key(chrom, pos, ref, alt);
    }

    private static int seedGeneColumn(Path file, TextTable t, String name) {
        int c = t.indexOf(name);
        if (c < 0) {
            throw InputException.atLine(file, 1, "no column '" + name + "' (columns: " + String.join(", ", t.columns()) + ")",
                    "seed genes are a table 'phenotype gene ...' (rareset seed-genes)");
        }
        return c;
    }

    /** Seed genes per requested phenotype from a {@code phenotype gene ...} table, in file order. */
    static Map<String, List<String>> readSeedGenes(Path file, List<String> phenotypes) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String p : phenotypes) out.put(p, new ArrayList<>());
        TextTable t = TableFiles.read(file);
        int pc = seedGeneColumn(file, t, "phenotype");
        int gc = seedGeneColumn(file, t, "gene");
        for (int r = 0; r < t.rowCount(); r++) {
            List<String> l = out.get(t.cell(r, pc));
            if (l != null && !l.contains(t.cell(r, gc))) l.add(t.cell(r, gc));
        }
        for (Map.Entry<String, List<String>> e : out.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw InputException.of(file, "no seed genes for phenotype " + e.getKey(),
                        "run rareset seed-genes for it, or drop it from --phenotypes");
            }
        }
        return out;
    }

    /** Reads the annotation rows of seed genes: model columns and filter columns (NaN = missing or derived). */
    private static Map<String, List<AnnotationRow>> readAnnotations(Spec spec, Map<String, Integer> geneSlot, int[] plofColumns,
                                                                    List<double[]> signRows, Consumer<String> log) {
        Set<String> signSeen = new java.util.HashSet<>();
        Map<String, List<AnnotationRow>> rows = new HashMap<>();
        List<String> annotations = spec.annotationList();
        List<String> filterCols = new ArrayList<>(spec.filter().columns());
        long total = 0;
        long kept = 0;
        long identical = 0;
        long resolved = 0;
        try (AnnotationTableFile.Reader annotationTable = AnnotationTableFile.open(spec.annotations())) {
            TableReader t = annotationTable.table();
            List<String> missing = new ArrayList<>();
            int[] ac = new int[annotations.size()];
            for (int j = 0; j < ac.length; j++) {
                ac[j] = t.columnIndex(annotations.get(j));
                if (ac[j] < 0) missing.add(annotations.get(j));
            }
            int[] fc = new int[filterCols.size()];
            for (int j = 0; j < fc.length; j++) {
                fc[j] = t.columnIndex(filterCols.get(j));
                if (fc[j] < 0 && !VariantFilter.FROM_GENOTYPES.contains(filterCols.get(j))) {
                    throw InputException.atLine(spec.annotations(), 1, "the train filter reads column '"
                            + filterCols.get(j) + "', which the table lacks", "change --train-filter or add the column; columns are: "
                            + String.join(", ", t.columns().size() > 40 ? t.columns().subList(0, 40) : t.columns())
                            + (t.columns().size() > 40 ? ", ... (" + t.columns().size() + " in all)" : ""));
                }
            }
            if (!missing.isEmpty()) {
                throw InputException.atLine(spec.annotations(), 1, "missing " + missing.size()
                        + " annotation column(s) of the model: " + String.join(", ", missing),
                        "add them, or pass --annotations-list with the columns you have");
            }
            for (AnnotationTableFile.Entry e : annotationTable) {
                total++;
                Row f = e.row();
                addSignRow(f, ac, plofColumns, annotations, e.variant().key() + "\t" + e.gene(), signSeen, signRows);
                Integer slot = geneSlot.get(e.gene());
                if (slot == null) continue;
                double[] v = new double[ac.length];
                for (int j = 0; j < ac.length; j++) v[j] = f.getDouble(ac[j]);
                double[] fv = new double[fc.length];
                for (int j = 0; j < fc.length; j++) fv[j] = fc[j] < 0 ? Double.NaN : f.getDouble(fc[j]);
                String k = e.variant().key();
                List<AnnotationRow> same = rows.computeIfAbsent(k, x -> new ArrayList<>(1));
                AnnotationRow earlier = null;
                for (AnnotationRow a : same) if (a.gene() == slot) earlier = a;
                if (earlier != null) {
                    // One row per (variant, gene): a repeat is merged, never a second copy of the variant.
                    if (java.util.Arrays.equals(earlier.values(), v) && java.util.Arrays.equals(earlier.filterValues(), fv)) {
                        identical++;
                        continue;
                    }
                    if (spec.duplicates() == DuplicateRows.ERROR) {
                        int c = 0;
                        while (c < v.length && Double.compare(earlier.values()[c], v[c]) == 0) c++;
                        String what = c < v.length ? annotations.get(c) + " " + earlier.values()[c] + " vs " + v[c]
                                : "the filter columns " + String.join(", ", filterCols);
                        throw DuplicateRows.conflict(spec.annotations().toString(), "variant " + k + " in gene " + e.gene(),
                                "line " + f.lineNumber(), "line " + earlier.line(), what);
                    }
                    for (int j = 0; j < v.length; j++) earlier.values()[j] = spec.duplicates().merge(earlier.values()[j], v[j]);
                    for (int j = 0; j < fv.length; j++) earlier.filterValues()[j] = spec.duplicates().merge(earlier.filterValues()[j], fv[j]);
                    resolved++;
                    continue;
                }
                same.add(new AnnotationRow(slot, v, fv, f.lineNumber()));
                kept++;
            }
        }
        log.accept(String.format("annotations: %d rows in %s, %d in seed genes", total, spec.annotations(), kept));
        if (identical > 0 || resolved > 0) {
            log.accept(String.format("annotations: %d repeated identical row(s) of a (variant, gene) merged%s", identical,
                    resolved > 0 ? "; " + resolved + " differing repeat(s) resolved by " + DuplicateRows.OPTION + " "
                            + spec.duplicates().optionValue() : ""));
        }
        return rows;
    }
}
