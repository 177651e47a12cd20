package org.rareset.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.core.table.DuplicateRows;
import org.rareset.core.table.NonFinite;

/**
 * {@link AnnotationJob} driven from settings alone, without a command line, on hand-made files
 * whose expected rows are worked out in the comments.
 */
class AnnotationJobTest {
    @TempDir Path dir;

    private static String tsv(String... f) {
        return String.join("\t", f);
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private AnnotationSettings settings(Path vcf, Path genes, List<String> tables, List<String> fills, Path out) {
        return new AnnotationSettings(vcf, out, genes, true, 0, List.of(), List.of(), List.of(), List.of(), List.of(), tables,
                List.of(), fills, DuplicateRows.ERROR, NonFinite.ERROR, false, false, 1);
    }

    @Test
    void proteinCodingGenesTableColumnsAndFills() throws IOException {
        Path vcf = write("cohort.vcf", "##fileformat=VCFv4.2",
                "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
                tsv("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", "A", "B"),
                tsv("1", "100", ".", "A", "G", ".", "PASS", ".", "GT", "0/1", "0/0"),
                tsv("1", "200", ".", "C", "T", ".", "PASS", ".", "GT", "1/1", "0/1"));
        // ABC (protein coding) holds 100; LNC (lincRNA, dropped by protein-coding-only) holds 200
        Path bed = write("genes.bed", tsv("chr1", "50", "110", "ENSG1|ABC", "0", "+", "protein_coding"),
                tsv("chr1", "150", "250", "ENSG2|LNC", "0", "+", "lincRNA"));
        Path scores = write("scores.csv", "chrom,pos,ref,alt,s,t", "1,100,A,G,0.5,", "1,200,C,T,0.7,2");
        Path out = dir.resolve("out.tsv");
        List<String> notes = new ArrayList<>();
        AnnotationSummary summary = new AnnotationJob(settings(vcf, bed, List.of(scores + ":s=my_score,t"), List.of("t=7"), out))
                .run(notes::add, null);
        List<String> lines = Files.readAllLines(out);
        assertEquals("chrom\tpos\tref\talt\tvariant_id\tgene_id\tgene_name\tAF\tMAF\tMAF_MB\tmy_score\tt", lines.get(0));
        assertEquals(2, lines.size(), "200 lies only in a gene that is not protein coding: " + lines);
        // 1 ALT allele of 4 called: AF = MAF = 0.25; t is empty in the table and filled with 7
        assertTrue(lines.get(1).startsWith("1\t100\tA\tG\t1:100:A:G\tENSG1\tABC\t0.25\t0.25\t"), lines.get(1));
        assertTrue(lines.get(1).endsWith("\t0.5\t7"), lines.get(1));
        assertTrue(notes.isEmpty(), "genotypes present: no sites-only note " + notes);
        assertTrue(summary.lines().stream().anyMatch(l -> l.contains("variants: 2")), String.join("\n", summary.lines()));
    }

    @Test
    void sitesOnlyVcfIsNotedAndBadSpecsNameTheirOption() throws IOException {
        Path vcf = write("sites.vcf", "##fileformat=VCFv4.2", tsv("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"),
                tsv("1", "100", ".", "A", "G", ".", "PASS", "."));
        Path bed = write("genes.bed", tsv("chr1", "50", "110", "ENSG1|ABC", "0", "+", "protein_coding"));
        List<String> notes = new ArrayList<>();
        new AnnotationJob(settings(vcf, bed, List.of(), List.of(), dir.resolve("sites.tsv"))).run(notes::add, null);
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("sites-only VCF"), notes.get(0));
        assertEquals("chrom\tpos\tref\talt\tvariant_id\tgene_id\tgene_name", Files.readAllLines(dir.resolve("sites.tsv")).get(0));

        InputException e = assertThrows(InputException.class, () -> ColumnSpec.parse("--table", "scores.tsv"));
        assertTrue(e.getMessage().contains("--table") && e.getMessage().contains("FILE:COLUMN"), e.getMessage());
        assertEquals(Map.of("a", "b", "c", "c"), ColumnSpec.renames("--vep-field", List.of("a=b", "c")));
    }
}
