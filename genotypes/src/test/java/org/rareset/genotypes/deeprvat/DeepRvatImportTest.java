package org.rareset.genotypes.deeprvat;

import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.core.table.Column;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriter;
import org.rareset.core.table.TableWriters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads DeepRVAT's own example files (testdata/deeprvat: genotypes.h5, variants.parquet and
 * protein_coding_genes.parquet from PMBio/deeprvat) and checks every call against what h5py reads
 * from the same file (expected_calls*.tsv, written by make_reference.py).
 */
class DeepRvatImportTest {
    static final Path DIR = Path.of(System.getProperty("rareset.testdata", "../testdata"), "deeprvat");

    @TempDir Path tmp;

    /** sample -> (variant id -> gt) as h5py read it. */
    static Map<String, Map<Long, Integer>> expectedCalls(String file) throws IOException {
        Map<String, Map<Long, Integer>> out = new HashMap<>();
        List<String> lines = Files.readAllLines(DIR.resolve(file));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            out.computeIfAbsent(f[0], k -> new HashMap<>()).put(Long.parseLong(f[1]), Integer.parseInt(f[2]));
        }
        return out;
    }

    @Test
    void readsEveryCallOfDeepRvatsExampleAsH5pyDoes() throws IOException {
        DeepRvatGenotypeFile gt = DeepRvatGenotypeFile.read(DIR.resolve("genotypes.h5"));
        Map<String, Map<Long, Integer>> expected = expectedCalls("expected_calls.tsv");
        assertEquals(30, gt.sampleCount());
        assertEquals("S0000001", gt.samples().get(0));
        long calls = 0;
        for (int s = 0; s < gt.sampleCount(); s++) {
            Map<Long, Integer> want = expected.getOrDefault(gt.samples().get(s), Map.of());
            assertEquals(want.size(), gt.variantIds(s).length, gt.samples().get(s));
            for (int j = 0; j < gt.variantIds(s).length; j++) {
                assertEquals(want.get((long) gt.variantIds(s)[j]), (int) gt.genotypes(s)[j]);
            }
            calls += want.size();
        }
        assertEquals(calls, gt.callCount());
        assertEquals(34, calls);
    }

    @Test
    void refusesGenotypesOtherThanOneOrTwoAndIdsAfterPadding() {
        InputException bad = assertThrows(InputException.class, () -> DeepRvatGenotypeFile.read(DIR.resolve("bad_genotype.h5")));
        assertTrue(bad.getMessage().contains("sample S0000003: genotype 3"), bad.getMessage());
        InputException gap = assertThrows(InputException.class, () -> DeepRvatGenotypeFile.read(DIR.resolve("padding_gap.h5")));
        assertTrue(gap.getMessage().contains("after -1 padding"), gap.getMessage());
        InputException notHdf = assertThrows(InputException.class, () -> DeepRvatGenotypeFile.read(DIR.resolve("make_reference.py")));
        assertTrue(notHdf.getMessage().contains("not a readable HDF5 file"), notHdf.getMessage());
    }

    @Test
    void readsDeepRvatsVariantAndGeneTables() {
        Map<Long, DeepRvatTables.Variant> variants = DeepRvatTables.readVariants(DIR.resolve("variants.parquet"));
        // ids are 0..n-1 (add_variant_ids numbers the de-duplicated variants in order)
        for (long i = 0; i < variants.size(); i++) assertTrue(variants.containsKey(i), "id " + i);
        for (DeepRvatTables.Variant v : variants.values()) assertTrue(v.chrom().startsWith("chr") && v.pos() > 0);
        Map<Long, String> genes = DeepRvatTables.readGenes(DIR.resolve("protein_coding_genes.parquet"));
        assertTrue(genes.size() > 10);
        for (String g : genes.values()) assertTrue(g.startsWith("ENSG"), g);
    }

    @Test
    void importWritesAVcfWithTheStoredCallsAndNamesGenes() throws IOException {
        Path genotypes = DIR.resolve("genotypes_hom.h5");
        Map<Long, DeepRvatTables.Variant> variants = DeepRvatTables.readVariants(DIR.resolve("variants.parquet"));
        Map<Long, String> genes = DeepRvatTables.readGenes(DIR.resolve("protein_coding_genes.parquet"));
        long geneA = genes.keySet().stream().sorted().toList().get(0);
        long geneB = genes.keySet().stream().sorted().toList().get(1);
        // annotations.parquet in DeepRVAT's columns: id, gene_id (int64), annotation columns.
        Path annotations = tmp.resolve("annotations.parquet");
        TableSchema schema = TableSchema.of(Column.int64("id"), Column.int64("gene_id"), Column.float64("CADD_raw"),
                Column.float64("MAF"));
        try (TableWriter w = TableWriters.open(annotations, schema)) {
            w.writeRow(13L, geneA, 4.5, 1e-3);
            w.writeRow(13L, geneB, 4.5, 1e-3);
            w.writeRow(17L, geneB, null, 2e-3);
            w.writeRow(99999L, geneA, 1.0, 1e-3);   // unknown variant id
            w.writeRow(12L, 987654321L, 1.0, 1e-3); // unknown gene id
        }
        Path pheno = tmp.resolve("phenotypes.parquet");
        TableSchema ps = TableSchema.of(Column.float64("Calcium"), Column.bool("Case"), Column.float64("age"),
                Column.string("sample"));
        try (TableWriter w = TableWriters.open(pheno, ps)) {
            w.writeRow(9.5, true, 50.0, "S0000001");
            w.writeRow(8.0, false, 61.0, "S0000002");
            w.writeRow(7.0, false, 40.0, "NOT_GENOTYPED");
        }
        Path out = tmp.resolve("study");
        DeepRvatImport.Summary summary = DeepRvatImport.run(new DeepRvatImport.Inputs(genotypes,
                DIR.resolve("variants.parquet"), annotations, DIR.resolve("protein_coding_genes.parquet"), pheno,
                List.of("Calcium", "Case"), List.of("age"), null), out);
        assertEquals(30, summary.samples());
        assertEquals(variants.size(), summary.variants());
        assertEquals(3, summary.annotationRows());
        assertEquals(1, summary.rowsUnknownVariant());
        assertEquals(1, summary.rowsUnknownGene());
        assertEquals(28, summary.samplesWithoutPhenotypes());
        assertEquals(1, summary.phenotypeRowsWithoutGenotypes());

        Map<String, Map<Long, Integer>> expected = expectedCalls("expected_calls_hom.tsv");
        Map<String, Long> idOf = new HashMap<>();
        for (DeepRvatTables.Variant v : variants.values()) idOf.put(v.chrom() + ":" + v.pos() + ":" + v.ref() + ":" + v.alt(), v.id());
        int records = 0, hom = 0, het = 0;
        try (VCFFileReader vcf = new VCFFileReader(out.resolve(DeepRvatImport.VCF).toFile(), false)) {
            for (VariantContext vc : vcf) {
                records++;
                long id = idOf.get(vc.getContig() + ":" + vc.getStart() + ":" + vc.getReference().getBaseString() + ":"
                        + vc.getAlternateAllele(0).getBaseString());
                for (Genotype g : vc.getGenotypes()) {
                    Integer want = expected.getOrDefault(g.getSampleName(), Map.of()).get(id);
                    int alts = g.countAllele(vc.getAlternateAllele(0));
                    assertEquals(want == null ? 0 : want, alts, g.getSampleName() + " id " + id);
                    if (alts == 2) hom++;
                    if (alts == 1) het++;
                }
            }
        }
        assertEquals(variants.size(), records);
        assertEquals(1, hom);
        assertEquals(33, het);

        List<String> annoRows = new ArrayList<>();
        try (TableReader r = TableReaders.open(out.resolve(DeepRvatImport.ANNOTATIONS))) {
            assertEquals(List.of("chrom", "pos", "ref", "alt", "gene", "CADD_raw", "MAF"), r.columns());
            for (Row row : r) annoRows.add(row.getString(4) + ":" + row.getString(1) + ":" + row.getString(5));
        }
        DeepRvatTables.Variant v13 = variants.get(13L), v17 = variants.get(17L);
        assertEquals(List.of(genes.get(geneA) + ":" + v13.pos() + ":4.5", genes.get(geneB) + ":" + v13.pos() + ":4.5",
                genes.get(geneB) + ":" + v17.pos() + ":null"), annoRows);

        try (TableReader r = TableReaders.open(out.resolve(DeepRvatImport.PHENO))) {
            assertEquals(List.of("sample", "Calcium", "Case"), r.columns());
            List<Row> rows = new ArrayList<>();
            for (Row row : r) rows.add(row);
            assertEquals(30, rows.size());
            assertEquals(9.5, rows.get(0).getDouble(1));
            assertEquals(1.0, rows.get(0).getDouble(2));
            assertEquals(0.0, rows.get(1).getDouble(2));
            assertTrue(rows.get(2).isMissing(1));
        }
        try (TableReader r = TableReaders.open(out.resolve(DeepRvatImport.COVAR))) {
            assertEquals(List.of("sample", "age"), r.columns());
        }
    }
}
