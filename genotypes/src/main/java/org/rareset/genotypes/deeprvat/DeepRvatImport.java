package org.rareset.genotypes.deeprvat;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import org.rareset.core.InputException;
import org.rareset.core.formats.AnnotationTableFile;
import org.rareset.core.formats.SampleTableFile;
import org.rareset.core.output.OutputFiles;
import org.rareset.core.table.Column;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;
import org.rareset.core.table.TableWriter;
import org.rareset.core.table.TableWriters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts DeepRVAT's input files into RareSet's: genotypes.h5 + variants.parquet become a bgzipped
 * VCF, annotations.parquet + protein_coding_genes.parquet an annotation table keyed by
 * {@code chrom pos ref alt gene} with gene names, phenotypes.parquet a phenotype and a covariate
 * table. Nothing is dropped silently: annotation rows whose variant or gene id is unknown are
 * counted in the {@link Summary}.
 */
public final class DeepRvatImport {
    public static final String VCF = "cohort.vcf.gz";
    public static final String ANNOTATIONS = "annotations.tsv";
    public static final String PHENO = "pheno.tsv";
    public static final String COVAR = "covar.tsv";

    /** The files and names a deeprvat_input_config.yaml gives. Null annotation list = every column. */
    public record Inputs(Path genotypes, Path variants, Path annotations, Path genes, Path phenotypes,
                         List<String> phenotypeNames, List<String> covariates, List<String> annotationColumns) {}

    /** What was written and what was left out, and why. */
    public record Summary(int samples, int variants, long calls, long annotationRows, long rowsUnknownVariant,
                          long rowsUnknownGene, int genes, int samplesWithoutPhenotypes, int phenotypeRowsWithoutGenotypes) {}

    private DeepRvatImport() {}

    public static Summary run(Inputs in, Path outDir) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + outDir + ": " + e.getMessage(), e);
        }
        DeepRvatGenotypeFile gt = DeepRvatGenotypeFile.read(in.genotypes());
        Map<Long, DeepRvatTables.Variant> variants = DeepRvatTables.readVariants(in.variants());
        Map<Long, String> genes = DeepRvatTables.readGenes(in.genes());
        checkSamplesUnique(gt);

        List<DeepRvatTables.Variant> ordered = sortedVariants(variants);
        writeVcf(gt, ordered, outDir.resolve(VCF));

        long[] annotationCounts = writeAnnotations(in, variants, genes, outDir.resolve(ANNOTATIONS));
        int[] phenoCounts = writeSampleTables(in, gt, outDir);
        return new Summary(gt.sampleCount(), ordered.size(), gt.callCount(), annotationCounts[0], annotationCounts[1],
                annotationCounts[2], (int) annotationCounts[3], phenoCounts[0], phenoCounts[1]);
    }

    private static void checkSamplesUnique(DeepRvatGenotypeFile gt) {
        Set<String> seen = new HashSet<>();
        for (String s : gt.samples()) {
            if (!seen.add(s)) throw InputException.of(gt.path(), "sample " + s + " appears twice in 'samples'", "sample ids must be unique");
        }
    }

    /** Chromosomes in order of first appearance by id (DeepRVAT numbers variants in VCF order), then position, then id. */
    static List<DeepRvatTables.Variant> sortedVariants(Map<Long, DeepRvatTables.Variant> variants) {
        List<DeepRvatTables.Variant> byId = new ArrayList<>(variants.values());
        byId.sort(Comparator.comparingLong(DeepRvatTables.Variant::id));
        Map<String, Integer> chromRank = new HashMap<>();
        for (DeepRvatTables.Variant v : byId) chromRank.putIfAbsent(v.chrom(), chromRank.size());
        byId.sort(Comparator.<DeepRvatTables.Variant>comparingInt(v -> chromRank.get(v.chrom()))
                .thenComparingInt(DeepRvatTables.Variant::pos).thenComparingLong(DeepRvatTables.Variant::id));
        return byId;
    }

    /**
     * One VCF record per variant of variants.parquet, GT only: 0/1 for a stored 1, 1/1 for a stored 2,
     * 0/0 for samples that do not list the variant (DeepRVAT keeps no missing calls).
     */
    static void writeVcf(DeepRvatGenotypeFile gt, List<DeepRvatTables.Variant> ordered, Path target) {
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) index.put(ordered.get(i).id(), i);
        // Transpose the per-sample lists into per-variant carrier lists (CSR).
        int[] start = new int[ordered.size() + 1];
        for (int s = 0; s < gt.sampleCount(); s++) {
            for (int id : gt.variantIds(s)) {
                Integer v = index.get((long) id);
                if (v == null) {
                    throw InputException.of(gt.path(), "sample " + gt.samples().get(s) + " carries variant id " + id
                            + ", which variants.parquet does not list", "use the variants.parquet written with this genotypes.h5");
                }
                start[v + 1]++;
            }
        }
        for (int i = 0; i < ordered.size(); i++) start[i + 1] += start[i];
        int[] carriers = new int[start[ordered.size()]];
        byte[] dosage = new byte[carriers.length];
        int[] fill = Arrays.copyOf(start, ordered.size());
        for (int s = 0; s < gt.sampleCount(); s++) {
            int[] ids = gt.variantIds(s);
            byte[] g = gt.genotypes(s);
            for (int j = 0; j < ids.length; j++) {
                int v = index.get((long) ids[j]);
                carriers[fill[v]] = s;
                dosage[fill[v]++] = g[j];
            }
        }
        try {
            OutputFiles.write(target, temp -> {
                try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                        new BlockCompressedOutputStream(temp.toFile()), StandardCharsets.US_ASCII), 1 << 16)) {
                    writeVcfText(w, gt, ordered, start, carriers, dosage);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target + ": " + e.getMessage(), e);
        }
    }

    private static void writeVcfText(BufferedWriter w, DeepRvatGenotypeFile gt, List<DeepRvatTables.Variant> ordered,
                                     int[] start, int[] carriers, byte[] dosage) throws IOException {
        w.write("##fileformat=VCFv4.2\n");
        Set<String> contigs = new LinkedHashSet<>();
        for (DeepRvatTables.Variant v : ordered) contigs.add(v.chrom());
        for (String c : contigs) w.write("##contig=<ID=" + c + ">\n");
        w.write("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
        w.write("##source=rareset import deeprvat (genotypes.h5 + variants.parquet)\n");
        w.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        for (String s : gt.samples()) w.write("\t" + s);
        w.write('\n');
        String[] cells = new String[gt.sampleCount()];
        for (int v = 0; v < ordered.size(); v++) {
            DeepRvatTables.Variant var = ordered.get(v);
            Arrays.fill(cells, "0/0");
            for (int k = start[v]; k < start[v + 1]; k++) cells[carriers[k]] = dosage[k] == 2 ? "1/1" : "0/1";
            w.write(var.chrom() + "\t" + var.pos() + "\t.\t" + var.ref() + "\t" + var.alt() + "\t.\tPASS\t.\tGT");
            for (String c : cells) {
                w.write('\t');
                w.write(c);
            }
            w.write('\n');
        }
    }

    /** Returns {rows written, rows with an unknown variant id, rows with an unknown gene id, distinct genes}. */
    private static long[] writeAnnotations(Inputs in, Map<Long, DeepRvatTables.Variant> variants, Map<Long, String> genes, Path target) {
        try (TableReader r = TableReaders.open(in.annotations())) {
            int id = r.requireColumn("id"), geneId = r.requireColumn("gene_id");
            List<String> names = new ArrayList<>();
            if (in.annotationColumns() == null) {
                for (String c : r.columns()) {
                    if (!c.equals("id") && !c.equals("gene_id") && !c.equals(DeepRvatTables.PANDAS_INDEX)) names.add(c);
                }
            } else {
                names.addAll(in.annotationColumns());
            }
            int[] cols = new int[names.size()];
            for (int i = 0; i < cols.length; i++) cols[i] = r.requireColumn(names.get(i));
            List<Column> values = new ArrayList<>();
            for (String n : names) values.add(Column.float64(n));
            long written = 0, unknownVariant = 0, unknownGene = 0;
            Set<String> seenGenes = new HashSet<>();
            try (TableWriter w = TableWriters.open(target, AnnotationTableFile.schema(AnnotationTableFile.SHORT_KEY, values))) {
                for (Row row : r) {
                    DeepRvatTables.Variant v = variants.get(row.getLong(id));
                    if (v == null) { unknownVariant++; continue; }
                    String gene = genes.get(row.getLong(geneId));
                    if (gene == null) { unknownGene++; continue; }
                    w.setString(0, v.chrom());
                    w.setInt(1, v.pos());
                    w.setString(2, v.ref());
                    w.setString(3, v.alt());
                    w.setString(4, gene);
                    for (int i = 0; i < cols.length; i++) w.setDouble(5 + i, DeepRvatTables.number(row, cols[i]));
                    w.endRow();
                    seenGenes.add(gene);
                    written++;
                }
            }
            return new long[] {written, unknownVariant, unknownGene, seenGenes.size()};
        }
    }

    /** Returns {genotyped samples without a phenotype row, phenotype rows without genotypes}. */
    private static int[] writeSampleTables(Inputs in, DeepRvatGenotypeFile gt, Path outDir) {
        List<String> all = new ArrayList<>(in.phenotypeNames());
        for (String c : in.covariates()) if (!all.contains(c)) all.add(c);
        DeepRvatTables.SampleValues table = DeepRvatTables.readSampleTable(in.phenotypes(), all);
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < table.samples().size(); i++) {
            if (row.put(table.samples().get(i), i) != null) {
                throw InputException.of(in.phenotypes(), "sample " + table.samples().get(i) + " appears twice", "sample ids must be unique");
            }
        }
        int without = 0;
        for (String s : gt.samples()) if (!row.containsKey(s)) without++;
        Set<String> genotyped = new HashSet<>(gt.samples());
        int extra = 0;
        for (String s : table.samples()) if (!genotyped.contains(s)) extra++;
        write(outDir.resolve(PHENO), in.phenotypeNames(), gt.samples(), row, table);
        if (!in.covariates().isEmpty()) write(outDir.resolve(COVAR), in.covariates(), gt.samples(), row, table);
        return new int[] {without, extra};
    }

    /** One row per genotyped sample (genotype order), missing where the phenotype file has no row. */
    private static void write(Path target, List<String> columns, List<String> samples, Map<String, Integer> row,
                              DeepRvatTables.SampleValues table) {
        try (TableWriter w = TableWriters.open(target, SampleTableFile.schema(columns))) {
            for (String s : samples) {
                w.setString(0, s);
                Integer i = row.get(s);
                for (int c = 0; c < columns.size(); c++) {
                    w.setDouble(1 + c, i == null ? Double.NaN : table.columns().get(columns.get(c))[i]);
                }
                w.endRow();
            }
        }
    }
}
