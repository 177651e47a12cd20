package org.rareset.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.tribble.index.tabix.TabixFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.core.table.ParquetRoundTripTest;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;
import org.rareset.core.table.TableSchema;
import org.rareset.genotypes.vcf.VcfVariantSource;

/**
 * The whole annotation join on small hand-made files: a cohort VCF (with a multi-allelic record,
 * a missing call and an intergenic variant), a GTF, VEP CSQ, a bgzipped + tabix CADD table with
 * contigs named 1 (cohort: chr1), and a SpliceAI VCF. Expected values are worked out by hand in
 * the comments.
 */
class AnnotationEngineTest {
    @TempDir Path dir;
    Path cohort;
    Path gtf;
    Path vep;
    Path cadd;
    Path spliceai;

    @BeforeEach
    void files() throws IOException {
        cohort = TestFiles.text(dir.resolve("cohort.vcf"),
                "##fileformat=VCFv4.2",
                "##contig=<ID=chr1>",
                "##contig=<ID=chr2>",
                "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
                TestFiles.tsv("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", "S1", "S2", "S3", "S4"),
                // AC 1, AN 6 (S4 missing): AF 1/6
                TestFiles.tsv("chr1", "100", "rs1", "A", "G", ".", "PASS", ".", "GT", "0/1", "0/0", "0/0", "./."),
                // T: AC 2 of 8 (0.25); G: AC 1 of 8 (0.125)
                TestFiles.tsv("chr1", "150", ".", "C", "T,G", ".", "PASS", ".", "GT", "0/1", "1/2", "0/0", "0/0"),
                // AC 7 of 8: AF 0.875, MAF 0.125
                TestFiles.tsv("chr1", "200", ".", "G", "A", ".", "PASS", ".", "GT", "1/1", "1/1", "1/1", "0/1"),
                // in no gene
                TestFiles.tsv("chr1", "5000", ".", "T", "C", ".", "PASS", ".", "GT", "0/0", "0/1", "0/0", "0/0"),
                // deletion, AF 1/8
                TestFiles.tsv("chr2", "300", ".", "AT", "A", ".", "PASS", ".", "GT", "0/1", "0/0", "0/0", "0/0"));
        gtf = TestFiles.text(dir.resolve("genes.gtf"),
                "#!genome-build test",
                TestFiles.tsv("chr1", "TEST", "gene", "50", "250", ".", "+", ".",
                        "gene_id \"ENSG01.3\"; gene_type \"protein_coding\"; gene_name \"GENE1\";"),
                TestFiles.tsv("chr1", "TEST", "transcript", "50", "250", ".", "+", ".",
                        "gene_id \"ENSG01.3\"; transcript_id \"T1\"; gene_type \"protein_coding\"; gene_name \"GENE1\";"),
                TestFiles.tsv("chr1", "TEST", "gene", "140", "160", ".", "-", ".",
                        "gene_id \"ENSG02.1\"; gene_type \"lncRNA\"; gene_name \"GENE2\";"),
                TestFiles.tsv("2", "TEST", "gene", "1", "1000", ".", "+", ".",
                        "gene_id \"ENSG03\"; gene_biotype \"protein_coding\"; gene_name \"GENE3\";"));
        vep = TestFiles.text(dir.resolve("cohort.vep.vcf"),
                "##fileformat=VCFv4.2",
                "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. "
                        + "Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature|BIOTYPE|SIFT|PolyPhen|am_pathogenicity\">",
                TestFiles.tsv("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"),
                TestFiles.tsv("chr1", "100", "rs1", "A", "G", ".", ".",
                        "CSQ=G|missense_variant|MODERATE|GENE1|ENSG01|T1|protein_coding|deleterious(0.02)|probably_damaging(0.95)|0.8,"
                                + "G|missense_variant&splice_region_variant|MODERATE|GENE1|ENSG01|T2|protein_coding|tolerated(0.3)|benign(0.1)|0.6"),
                TestFiles.tsv("chr1", "150", ".", "C", "T,G", ".", ".",
                        "CSQ=T|stop_gained|HIGH|GENE1|ENSG01|T1|protein_coding|||,"
                                + "G|synonymous_variant|LOW|GENE1|ENSG01|T1|protein_coding|||,"
                                + "T|non_coding_transcript_exon_variant|MODIFIER|GENE2|ENSG02|T9|lncRNA|||"),
                TestFiles.tsv("chr2", "300", ".", "AT", "A", ".", ".",
                        "CSQ=-|frameshift_variant|HIGH|GENE3|ENSG03|T3|protein_coding|||"));
        cadd = TestFiles.bgzipTabix(dir.resolve("cadd.tsv.gz"), TestFiles.CADD, List.of(
                "## CADD GRCh38-v1.7 test",
                TestFiles.tsv("#Chrom", "Pos", "Ref", "Alt", "RawScore", "PHRED"),
                TestFiles.tsv("1", "100", "A", "C", "0.1", "2.0"),
                TestFiles.tsv("1", "100", "A", "G", "1.5", "15.5"),
                TestFiles.tsv("1", "100", "A", "T", "0.2", "3.0"),
                TestFiles.tsv("1", "150", "C", "G", "0.7", "8.0"),
                TestFiles.tsv("1", "150", "C", "T", "3.1", "25.0"),
                TestFiles.tsv("1", "200", "G", "A", "-0.5", "0.5"),
                TestFiles.tsv("2", "300", "AT", "A", "2.0", "20.0")));
        spliceai = TestFiles.bgzipTabix(dir.resolve("spliceai.vcf.gz"), TabixFormat.VCF, List.of(
                "##fileformat=VCFv4.2",
                "##INFO=<ID=SpliceAI,Number=.,Type=String,Description=\"SpliceAIv1.3 variant annotation. "
                        + "Format: ALLELE|SYMBOL|DS_AG|DS_AL|DS_DG|DS_DL|DP_AG|DP_AL|DP_DG|DP_DL\">",
                TestFiles.tsv("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"),
                TestFiles.tsv("chr1", "100", ".", "A", "G", ".", ".", "SpliceAI=G|GENE1|0.01|0.20|0.05|0.00|1|2|3|4"),
                TestFiles.tsv("chr1", "150", ".", "C", "T,G", ".", ".",
                        "SpliceAI=T|GENE1|0.00|0.00|0.10|0.30|1|2|3|4,T|GENE2|0.50|0.00|0.00|0.00|1|1|1|1,"
                                + "G|GENE1|0.02|0.01|0.00|0.00|1|1|1|1")));
    }

    private List<AnnotationSource> allSources() {
        Map<String, String> am = new LinkedHashMap<>();
        am.put("am_pathogenicity", "alphamissense");
        return new ArrayList<>(List.of(VepCsqSource.open(vep, am), ScoreTableSource.cadd(cadd), SpliceAiSource.open(spliceai)));
    }

    private AnnotationSummary run(Path out, List<AnnotationSource> sources, AnnotationEngine.Options options) {
        try (VcfVariantSource v = VcfVariantSource.open(cohort)) {
            return new AnnotationEngine(sources, options).run(v, out, null);
        } finally {
            sources.forEach(AnnotationSource::close);
        }
    }

    private AnnotationEngine.Options gtfOptions(boolean proteinCodingOnly, int window) {
        List<Gene> genes = GeneModelReader.read(gtf);
        if (proteinCodingOnly) genes = genes.stream().filter(Gene::isProteinCoding).toList();
        return new AnnotationEngine.Options(new GeneMapper(genes, window), proteinCodingOnly, FillValues.deeprvat(), false, 2);
    }

    /** Rows by "chrom:pos:ref:alt/gene_name", each a column-name map. */
    private static Map<String, Map<String, Object>> readBack(Path out) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        try (TableReader r = TableReaders.open(out)) {
            for (Row row : r) {
                Map<String, Object> m = new HashMap<>();
                for (int i = 0; i < r.columns().size(); i++) {
                    String c = r.columns().get(i);
                    boolean text = AnnotationEngine.KEY_COLUMNS.contains(c) && !c.equals("pos");
                    m.put(c, row.isMissing(i) ? null : text ? row.getString(i) : (Object) row.getDouble(i));
                }
                rows.put(m.get("variant_id") + "/" + m.get("gene_name"), m);
            }
        }
        return rows;
    }

    private static double mb(double af) {
        return Math.pow(af * (1 - af) + 1e-8, -0.5);
    }

    @Test
    void joinsAllSourcesPerVariantAndGene() {
        Path out = dir.resolve("ann.tsv");
        AnnotationSummary s = run(out, allSources(), gtfOptions(false, 0));
        Map<String, Map<String, Object>> rows = readBack(out);
        assertEquals(List.of("chr1:100:A:G/GENE1", "chr1:150:C:T/GENE1", "chr1:150:C:T/GENE2", "chr1:150:C:G/GENE1",
                "chr1:150:C:G/GENE2", "chr1:200:G:A/GENE1", "chr2:300:AT:A/GENE3"), new ArrayList<>(rows.keySet()));

        Map<String, Object> a = rows.get("chr1:100:A:G/GENE1");
        assertEquals("ENSG01", a.get("gene_id"), "version suffix dropped");
        assertEquals(1.0 / 6, a.get("AF"));
        assertEquals(1.0 / 6, a.get("MAF"));
        assertEquals(mb(1.0 / 6), (double) a.get("MAF_MB"), 1e-9);
        assertEquals(0.02, a.get("sift_score"), "lowest SIFT over the gene's transcripts");
        assertEquals(0.95, a.get("polyphen_score"), "highest PolyPhen");
        assertEquals(0.8, a.get("alphamissense"));
        assertEquals(1.0, a.get("Consequence_missense_variant"));
        assertEquals(1.0, a.get("Consequence_splice_region_variant"), "terms united over transcripts");
        assertEquals(0.0, a.get("Consequence_stop_gained"));
        assertEquals(0.0, a.get("is_plof"));
        assertEquals(1.5, a.get("CADD_raw"), "CADD contig 1 matches cohort chr1");
        assertEquals(15.5, a.get("CADD_PHRED"));
        assertEquals(0.20, a.get("SpliceAI_delta_score"), "max(0.01, 0.20, 0.05, 0.00)");

        Map<String, Object> t1 = rows.get("chr1:150:C:T/GENE1");
        assertEquals(0.25, t1.get("AF"));
        assertEquals(1.0, t1.get("Consequence_stop_gained"));
        assertEquals(1.0, t1.get("is_plof"));
        assertEquals(1.0, t1.get("sift_score"), "no SIFT: filled with 1");
        assertEquals(0.0, t1.get("polyphen_score"), "no PolyPhen: filled with 0");
        assertEquals(25.0, t1.get("CADD_PHRED"));
        assertEquals(0.30, t1.get("SpliceAI_delta_score"));
        Map<String, Object> t2 = rows.get("chr1:150:C:T/GENE2");
        assertEquals(0.0, t2.get("is_plof"), "non-coding exon: none of the 11 terms");
        assertEquals(0.50, t2.get("SpliceAI_delta_score"), "SpliceAI per gene symbol");
        Map<String, Object> g1 = rows.get("chr1:150:C:G/GENE1");
        assertEquals(0.125, g1.get("AF"));
        assertEquals(0.0, g1.get("Consequence_stop_gained"), "the other ALT's consequence does not leak");
        assertEquals(8.0, g1.get("CADD_PHRED"));
        assertEquals(0.02, g1.get("SpliceAI_delta_score"));
        assertEquals(0.02, rows.get("chr1:150:C:G/GENE2").get("SpliceAI_delta_score"),
                "gene SpliceAI does not name: the allele's highest delta");

        Map<String, Object> c = rows.get("chr1:200:G:A/GENE1");
        assertEquals(0.875, c.get("AF"));
        assertEquals(0.125, c.get("MAF"));
        assertEquals(mb(0.875), (double) c.get("MAF_MB"), 1e-9);
        assertEquals(-0.5, c.get("CADD_raw"));
        assertEquals(0.0, c.get("SpliceAI_delta_score"), "absent from SpliceAI: filled with 0");
        assertEquals(1.0, c.get("sift_score"), "absent from VEP: SIFT filled with 1");

        Map<String, Object> d = rows.get("chr2:300:AT:A/GENE3");
        assertEquals(1.0, d.get("Consequence_frameshift_variant"), "VEP allele '-' is the deletion");
        assertEquals(1.0, d.get("is_plof"));
        assertEquals(20.0, d.get("CADD_PHRED"));

        assertEquals(6, s.variants());
        assertEquals(7, s.rows());
        assertEquals(1, s.withoutGene());
        assertEquals(List.of(4L, 5L, 3L), s.sources().stream().map(AnnotationSummary.SourceCount::matched).toList(),
                "VEP: 4 of 6 (not 200, 5000); CADD 5 (not 5000); SpliceAI 3");
        assertEquals(6 - 5, s.sources().get(1).unmatched());
    }

    @Test
    void parquetOutputReadsBackThroughIndependentReader() throws IOException {
        Path out = dir.resolve("ann.parquet");
        run(out, allSources(), gtfOptions(false, 0));
        List<Object[]> raw = ParquetRoundTripTest.readWithColumnReaders(out,
                org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY);
        assertEquals(7, raw.size());
        TableSchema schema;
        try (TableReader r = TableReaders.open(out)) {
            schema = ((org.rareset.core.table.ParquetTableReader) r).schema();
        }
        Object[] first = raw.get(0);
        assertEquals("chr1", first[schema.indexOf("chrom")]);
        assertEquals(100, first[schema.indexOf("pos")]);
        assertEquals("chr1:100:A:G", first[schema.indexOf("variant_id")]);
        assertEquals("ENSG01", first[schema.indexOf("gene_id")]);
        assertEquals(15.5, first[schema.indexOf("CADD_PHRED")]);
        assertEquals(1, first[schema.indexOf("Consequence_missense_variant")]);
        assertEquals(0, first[schema.indexOf("is_plof")]);
        assertEquals(List.of("chrom", "pos", "ref", "alt", "variant_id", "gene_id", "gene_name", "AF", "MAF", "MAF_MB",
                "sift_score", "polyphen_score", "alphamissense", "CADD_raw", "CADD_PHRED", "SpliceAI_delta_score"),
                schema.names().subList(0, 16));
        assertEquals(16 + 11 + 1, schema.size());
    }

    @Test
    void proteinCodingOnlyAndGeneWindow() {
        Path out = dir.resolve("pc.tsv");
        AnnotationSummary s = run(out, allSources(), gtfOptions(true, 0));
        assertEquals(5, s.rows(), "GENE2 (lncRNA) dropped");
        assertFalse(readBack(out).keySet().stream().anyMatch(k -> k.endsWith("GENE2")));
        Path wide = dir.resolve("wide.tsv");
        AnnotationSummary w = run(wide, allSources(), gtfOptions(true, 4750));
        assertEquals(0, w.withoutGene(), "250 + 4750 reaches 5000");
        assertTrue(readBack(wide).containsKey("chr1:5000:T:C/GENE1"));
    }

    @Test
    void genesFromVepWhenNoGeneFile() {
        Path out = dir.resolve("vepgenes.tsv");
        AnnotationSummary s = run(out, allSources(), new AnnotationEngine.Options(null, false, FillValues.deeprvat(), false));
        Map<String, Map<String, Object>> rows = readBack(out);
        assertEquals(5, s.rows(), "100G/GENE1, 150T/GENE1, 150T/GENE2, 150G/GENE1 (VEP names only GENE1 for G), 300/GENE3");
        assertTrue(rows.containsKey("chr1:150:C:T/GENE2"));
        assertEquals(2, s.withoutGene(), "200 and 5000 have no VEP genes");
    }

    @Test
    void fillValuesArePerColumnAndNaKeepsMissing() {
        Path out = dir.resolve("fill.tsv");
        FillValues fill = FillValues.deeprvat().parse("CADD_PHRED=NA").parse("SpliceAI_delta_score=-1");
        List<Gene> genes = GeneModelReader.read(gtf);
        run(out, allSources(), new AnnotationEngine.Options(new GeneMapper(genes, 0), false, fill, false));
        Map<String, Map<String, Object>> rows = readBack(out);
        Map<String, Object> c = rows.get("chr1:200:G:A/GENE1");
        assertEquals(-1.0, c.get("SpliceAI_delta_score"));
        assertEquals(1.0, c.get("sift_score"));
        assertEquals(0.0, c.get("polyphen_score"));
        assertEquals(0.5, c.get("CADD_PHRED"), "present values are never replaced");
        assertEquals(0.0, rows.get("chr1:150:C:T/GENE1").get("polyphen_score"));
        assertThrows(IllegalArgumentException.class, () -> FillValues.deeprvat().parse("x=abc"));
    }

    @Test
    void sourceMatchingNothingIsAnErrorWithExampleKeysAndNoOutput() throws IOException {
        Path other = TestFiles.bgzipTabix(dir.resolve("hg19.tsv.gz"), TestFiles.CADD, List.of(
                TestFiles.tsv("#Chrom", "Pos", "Ref", "Alt", "RawScore", "PHRED"),
                TestFiles.tsv("1", "99999", "A", "G", "1.5", "15.5")));
        Path out = dir.resolve("none.tsv");
        List<AnnotationSource> sources = new ArrayList<>(List.of(ScoreTableSource.cadd(other)));
        InputException e = assertThrows(InputException.class, () -> run(out, sources, gtfOptions(false, 0)));
        assertTrue(e.getMessage().contains("none of the 6 cohort variants matched"), e.getMessage());
        assertTrue(e.getMessage().contains("chr1:100:A:G") && e.getMessage().contains("1:99999:A:G"), e.getMessage());
        assertFalse(Files.exists(out), "no half-written output");
        AnnotationSummary s = run(out, new ArrayList<>(List.of(ScoreTableSource.cadd(other))),
                new AnnotationEngine.Options(new GeneMapper(GeneModelReader.read(gtf), 0), false, FillValues.deeprvat(), true));
        assertEquals(0, s.sources().get(0).matched());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("matched only 0 of 6")), s.warnings().toString());
    }

    @Test
    void unindexedSortedTableAndParquetTableMatchLikeTabix() throws IOException {
        Path tsv = TestFiles.text(dir.resolve("scores.tsv"),
                TestFiles.tsv("CHROM", "POS", "REF", "ALT", "score", "other"),
                TestFiles.tsv("chr2", "300", "AT", "A", "7", "x"),
                TestFiles.tsv("chr1", "100", "A", "G", "1", "x"),
                TestFiles.tsv("chr1", "200", "G", "A", "3", "x"));
        Path out = dir.resolve("t.tsv");
        AnnotationSummary s = run(out, new ArrayList<>(List.of(ScoreTableSource.open("table", tsv, Map.of("score", "my_score")))),
                gtfOptions(false, 0));
        Map<String, Map<String, Object>> rows = readBack(out);
        assertEquals(1.0, rows.get("chr1:100:A:G/GENE1").get("my_score"));
        assertEquals(3.0, rows.get("chr1:200:G:A/GENE1").get("my_score"));
        assertEquals(7.0, rows.get("chr2:300:AT:A/GENE3").get("my_score"), "contig order differs from the cohort: reread");
        assertEquals(3, s.sources().get(0).matched());

        InputException e = assertThrows(InputException.class, () -> ScoreTableSource.open("table", tsv, Map.of("PHRED", "x")));
        assertTrue(e.getMessage().contains("no column 'PHRED'") && e.getMessage().contains("CHROM, POS, REF, ALT, score, other"),
                e.getMessage());
    }

    @Test
    void unsortedSourceIsReported() throws IOException {
        Path tsv = TestFiles.text(dir.resolve("unsorted.tsv"),
                TestFiles.tsv("chrom", "pos", "ref", "alt", "score"),
                TestFiles.tsv("chr1", "200", "G", "A", "3"),
                TestFiles.tsv("chr1", "100", "A", "G", "1"));
        InputException e = assertThrows(InputException.class, () -> run(dir.resolve("u.tsv"),
                new ArrayList<>(List.of(ScoreTableSource.open("table", tsv, Map.of("score", "s")))), gtfOptions(false, 0)));
        assertTrue(e.getMessage().contains("unsorted.tsv: line 3: not sorted"), e.getMessage());
    }

    @Test
    void vcfInfoFieldsPerAllele() throws IOException {
        Path info = TestFiles.text(dir.resolve("gnomad.vcf"),
                "##fileformat=VCFv4.2",
                "##INFO=<ID=AF,Number=A,Type=Float,Description=\"Allele frequency\">",
                "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">",
                TestFiles.tsv("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"),
                TestFiles.tsv("1", "150", ".", "C", "G,T", ".", ".", "AF=0.01,0.02;DP=30"));
        Path out = dir.resolve("i.tsv");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("AF", "gnomad_af");
        f.put("DP", "depth");
        run(out, new ArrayList<>(List.of(VcfInfoSource.open(info, f))), gtfOptions(false, 0));
        Map<String, Map<String, Object>> rows = readBack(out);
        assertEquals(0.02, rows.get("chr1:150:C:T/GENE1").get("gnomad_af"), "second ALT of the source record");
        assertEquals(0.01, rows.get("chr1:150:C:G/GENE1").get("gnomad_af"));
        assertEquals(30.0, rows.get("chr1:150:C:T/GENE1").get("depth"));
        InputException e = assertThrows(InputException.class, () -> VcfInfoSource.open(info, Map.of("XX", "x")));
        assertTrue(e.getMessage().contains("no INFO field 'XX'"), e.getMessage());
    }

    @Test
    void vepTabOutput() throws IOException {
        Path tab = TestFiles.text(dir.resolve("vep.txt"),
                "## ENSEMBL VARIANT EFFECT PREDICTOR v110",
                TestFiles.tsv("#Uploaded_variation", "Location", "Allele", "Gene", "Feature", "Feature_type", "Consequence", "Extra"),
                TestFiles.tsv("chr1_100_A/G", "chr1:100", "G", "ENSG01", "T1", "Transcript", "missense_variant",
                        "SYMBOL=GENE1;SIFT=deleterious(0.02);PolyPhen=probably_damaging(0.95)"),
                TestFiles.tsv("chr1_100_A/G", "chr1:100", "G", "ENSG01", "T2", "Transcript", "splice_region_variant",
                        "SYMBOL=GENE1;SIFT=tolerated(0.3)"),
                TestFiles.tsv("chr1_150_C/T/G", "chr1:150", "T", "ENSG01", "T1", "Transcript", "stop_gained", "SYMBOL=GENE1"));
        assertTrue(VepTabSource.looksLikeTab(tab));
        assertFalse(VepTabSource.looksLikeTab(vep));
        Path out = dir.resolve("tab.tsv");
        run(out, new ArrayList<>(List.of(VepTabSource.open(tab, Map.of()))), gtfOptions(false, 0));
        Map<String, Map<String, Object>> rows = readBack(out);
        Map<String, Object> a = rows.get("chr1:100:A:G/GENE1");
        assertEquals(0.02, a.get("sift_score"));
        assertEquals(0.95, a.get("polyphen_score"));
        assertEquals(1.0, a.get("Consequence_missense_variant"));
        assertEquals(1.0, a.get("Consequence_splice_region_variant"), "lines of one variant are combined");
        assertEquals(1.0, rows.get("chr1:150:C:T/GENE1").get("is_plof"));
        assertEquals(0.0, rows.get("chr1:150:C:G/GENE1").get("is_plof"));
    }

    @Test
    void vepTabExtraFieldsAreCountedAndAMisspelledOneIsAnError() throws IOException {
        Path tab = TestFiles.text(dir.resolve("vep-plugins.txt"),
                TestFiles.tsv("#Uploaded_variation", "Location", "Allele", "Gene", "Feature", "Feature_type", "Consequence", "Extra"),
                TestFiles.tsv("chr1_100_A/G", "chr1:100", "G", "ENSG01", "T1", "Transcript", "missense_variant",
                        "SYMBOL=GENE1;CADD_PHRED=23.5"),
                TestFiles.tsv("chr1_100_A/G", "chr1:100", "G", "ENSG01", "T2", "Transcript", "missense_variant", "SYMBOL=GENE1"),
                TestFiles.tsv("chr1_150_C/T/G", "chr1:150", "T", "ENSG01", "T1", "Transcript", "stop_gained", "SYMBOL=GENE1"));
        Path out = dir.resolve("plugins.tsv");
        AnnotationSummary s = run(out, new ArrayList<>(List.of(VepTabSource.open(tab, Map.of("CADD_PHRED", "cadd")))),
                gtfOptions(false, 0));
        // Matched: chr1:100 A>G (two lines, one with CADD_PHRED), chr1:150 C>T and C>G (neither).
        assertEquals(3, s.sources().get(0).matched());
        assertEquals(List.of(new AnnotationSummary.FieldCount("CADD_PHRED", 1)), s.fields().get(0));
        assertTrue(s.lines().contains("    field CADD_PHRED: carried by 1 of 3 matched variants (the others filled)"),
                s.lines().toString());
        assertEquals(23.5, readBack(out).get("chr1:100:A:G/GENE1").get("cadd"));

        Path bad = dir.resolve("misspelled.tsv");
        InputException e = assertThrows(InputException.class, () -> run(bad,
                new ArrayList<>(List.of(VepTabSource.open(tab, Map.of("CADD_PRHED", "cadd")))), gtfOptions(false, 0)));
        assertTrue(e.getMessage().startsWith(tab + ": VEP field 'CADD_PRHED' is in no header column"), e.getMessage());
        assertTrue(e.getMessage().contains("Extra keys seen: CADD_PHRED, SYMBOL"), e.getMessage());
        assertTrue(e.getMessage().contains("spelling"), e.getMessage());
        assertFalse(Files.exists(bad), "no half-written output");
    }

    @Test
    void vepVcfWithoutCsqHeaderIsAnError() throws IOException {
        Path bad = TestFiles.text(dir.resolve("nocsq.vcf"), "##fileformat=VCFv4.2",
                TestFiles.tsv("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"));
        InputException e = assertThrows(InputException.class, () -> VepCsqSource.open(bad, Map.of()));
        assertTrue(e.getMessage().contains("nocsq.vcf: no ##INFO=<ID=CSQ"), e.getMessage());
        InputException f = assertThrows(InputException.class, () -> VepCsqSource.open(vep, Map.of("CADD_PHRED", "CADD_PHRED")));
        assertTrue(f.getMessage().contains("VEP field 'CADD_PHRED' is not in the output"), f.getMessage());
    }

    @Test
    void duplicateOutputColumnIsAnError() {
        List<AnnotationSource> two = new ArrayList<>(List.of(ScoreTableSource.cadd(cadd), ScoreTableSource.cadd(cadd)));
        InputException e = assertThrows(InputException.class, () -> new AnnotationEngine(two, gtfOptions(false, 0)));
        assertTrue(e.getMessage().contains("column 'CADD_raw' would come from both"), e.getMessage());
        two.forEach(AnnotationSource::close);
    }
}
