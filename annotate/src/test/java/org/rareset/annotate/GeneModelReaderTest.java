package org.rareset.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;

class GeneModelReaderTest {
    @TempDir Path dir;

    @Test
    void gencodeGtfGzipped() throws IOException {
        Path p = dir.resolve("g.gtf.gz");
        String text = String.join("\n",
                "##description: test",
                TestFiles.tsv("chr17", "HAVANA", "gene", "7661779", "7687538", ".", "-", ".",
                        "gene_id \"ENSG00000141510.17\"; gene_type \"protein_coding\"; gene_name \"TP53\"; level 2;"),
                TestFiles.tsv("chr17", "HAVANA", "exon", "7661779", "7662000", ".", "-", ".",
                        "gene_id \"ENSG00000141510.17\"; gene_type \"protein_coding\"; gene_name \"TP53\";"),
                TestFiles.tsv("chr17", "HAVANA", "gene", "7700000", "7700100", ".", "+", ".",
                        "gene_id \"ENSG00000999999.1\"; gene_type \"lncRNA\"; gene_name \"LNC1\";")) + "\n";
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        List<Gene> genes = GeneModelReader.read(p);
        assertEquals(List.of(new Gene("ENSG00000141510", "TP53", "protein_coding", "chr17", 7661779, 7687538),
                new Gene("ENSG00000999999", "LNC1", "lncRNA", "chr17", 7700000, 7700100)), genes);
    }

    @Test
    void gtfWithoutGeneLinesUsesTranscriptSpans() throws IOException {
        Path p = TestFiles.text(dir.resolve("t.gtf"),
                TestFiles.tsv("1", "x", "transcript", "100", "200", ".", "+", ".", "gene_id \"G1\"; gene_biotype \"protein_coding\";"),
                TestFiles.tsv("1", "x", "exon", "50", "120", ".", "+", ".", "gene_id \"G1\"; gene_biotype \"protein_coding\";"));
        assertEquals(List.of(new Gene("G1", "G1", "protein_coding", "1", 50, 200)), GeneModelReader.read(p));
    }

    @Test
    void malformedGtfLineNamesTheLine() throws IOException {
        Path p = TestFiles.text(dir.resolve("bad.gtf"),
                TestFiles.tsv("1", "x", "gene", "100", "200", ".", "+", ".", "gene_id \"G1\";"),
                TestFiles.tsv("1", "x", "gene", "100", "200"));
        InputException e = assertThrows(InputException.class, () -> GeneModelReader.read(p));
        assertEquals(p + ": line 2: GTF line has 5 tab-separated fields, not 9 (GTF columns are seqname source feature "
                + "start end score strand frame attributes)", e.getMessage());
        Path q = TestFiles.text(dir.resolve("bad2.gtf"), TestFiles.tsv("1", "x", "gene", "1oo", "200", ".", "+", ".", "gene_id \"G\";"));
        assertTrue(assertThrows(InputException.class, () -> GeneModelReader.read(q)).getMessage().contains("line 1: start '1oo'"));
    }

    @Test
    void gff3AndBed() throws IOException {
        Path gff = TestFiles.text(dir.resolve("g.gff3"), "##gff-version 3",
                TestFiles.tsv("1", "ensembl", "gene", "11", "20", ".", "+", ".", "ID=gene:ENSG0001;Name=ABC;biotype=protein_coding"),
                TestFiles.tsv("1", "ensembl", "mRNA", "11", "20", ".", "+", ".", "ID=transcript:T1;Parent=gene:ENSG0001"));
        assertEquals(List.of(new Gene("ENSG0001", "ABC", "protein_coding", "1", 11, 20)), GeneModelReader.read(gff));
        Path bed = TestFiles.text(dir.resolve("g.bed"), "track name=genes",
                TestFiles.tsv("chrX", "99", "200", "ENSG5|XYZ", "0", "+", "protein_coding"),
                TestFiles.tsv("chrX", "0", "10", "G6"));
        assertEquals(List.of(new Gene("ENSG5", "XYZ", "protein_coding", "chrX", 100, 200), new Gene("G6", "G6", "", "chrX", 1, 10)),
                GeneModelReader.read(bed));
        Path named = TestFiles.text(dir.resolve("named.bed"), "#chrom\tstart\tend\tgene_id\tgene_name\tstrand",
                TestFiles.tsv("chr1", "9", "20", "G1", "ABC1", "+"));
        assertEquals(List.of(new Gene("G1", "ABC1", "", "chr1", 10, 20)), GeneModelReader.read(named));
    }

    @Test
    void mapperFindsOverlapsWithWindowAcrossContigNames() {
        List<Gene> genes = List.of(new Gene("A", "A", "", "chr1", 100, 1000), new Gene("B", "B", "", "1", 500, 600),
                new Gene("C", "C", "", "chr1", 2000, 2100));
        GeneMapper m = new GeneMapper(genes, 0);
        assertEquals(List.of("A", "B"), m.genesAt("1", 550).stream().map(Gene::id).toList());
        assertEquals(List.of("A"), m.genesAt("chr1", 1000).stream().map(Gene::id).toList());
        assertEquals(List.of(), m.genesAt("chr1", 1001));
        assertEquals(List.of(), m.genesAt("chr2", 550));
        GeneMapper w = new GeneMapper(genes, 1000);
        assertEquals(List.of("A", "B", "C"), w.genesAt("chr1", 1500).stream().map(Gene::id).toList());
        assertEquals(List.of("C"), w.genesAt("chr1", 3100).stream().map(Gene::id).toList());
    }
}
