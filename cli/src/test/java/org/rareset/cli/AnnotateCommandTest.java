package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rareset annotate} end to end through the command line, output and exit codes. */
class AnnotateCommandTest {
    @TempDir Path dir;

    private static String tsv(String... f) {
        return String.join("\t", f);
    }

    private Path cohort() throws IOException {
        return write("cohort.vcf", "##fileformat=VCFv4.2",
                "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
                tsv("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", "A", "B"),
                tsv("1", "100", ".", "A", "G", ".", "PASS", ".", "GT", "0/1", "0/0"),
                tsv("1", "120", ".", "C", "T", ".", "PASS", ".", "GT", "0/0", "0/0"));
    }

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    @Test
    void helpHasExamples() {
        CliRun r = run("annotate", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Examples:") && r.out().contains("--cadd") && r.out().contains("--protein-coding-only"), r.out());
    }

    @Test
    void annotatesWithBedGenesAndTableAndPrintsSummary() throws IOException {
        Path bed = write("genes.bed", tsv("chr1", "50", "110", "ENSG1|ABC", "0", "+", "protein_coding"));
        Path scores = write("scores.csv", "chrom,pos,ref,alt,s", "1,100,A,G,0.5");
        Path out = dir.resolve("out.tsv");
        CliRun r = run("annotate", "--vcf", cohort().toString(), "--genes", bed.toString(),
                "--table", scores + ":s=my_score", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("chrom\tpos\tref\talt\tvariant_id\tgene_id\tgene_name\tAF\tMAF\tMAF_MB\tmy_score", lines.get(0));
        assertEquals(2, lines.size(), "variant at 120 lies beyond the gene's end (110)");
        assertTrue(lines.get(1).startsWith("1\t100\tA\tG\t1:100:A:G\tENSG1\tABC\t0.25\t0.25\t"), lines.get(1));
        assertTrue(lines.get(1).endsWith("\t0.5"), lines.get(1));
        assertTrue(r.out().contains("variants: 2, rows written (variant x gene): 1, variants in no gene (skipped): 1"), r.out());
        assertTrue(r.out().contains("table (scores.csv): matched 1 (50.0%), unmatched 1"), r.out());
    }

    @Test
    void badInputExitsTwoWithOneLine() throws IOException {
        Path bed = write("genes.bed", tsv("chr1", "50", "110", "G1"));
        Path scores = write("scores.tsv", tsv("chrom", "pos", "ref", "alt", "s"), tsv("1", "100", "A", "G", "0.5"));
        Path out = dir.resolve("out.parquet");
        CliRun r = run("annotate", "--vcf", cohort().toString(), "--genes", bed.toString(),
                "--table", scores + ":PHRED", "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("rareset: error: " + scores + ": no column 'PHRED'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out));

        Path gtf = write("bad.gtf", tsv("1", "x", "gene", "1", "2"));
        r = run("annotate", "--vcf", cohort().toString(), "--genes", gtf.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("bad.gtf: line 1: GTF line has 5 tab-separated fields"), r.err());

        r = run("annotate", "--vcf", cohort().toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no genes to map variants to"), r.err());
    }

    @Test
    void vepTabPluginFieldIsCountedAndAMisspelledOneExitsTwo() throws IOException {
        Path tab = write("cohort.vep.txt",
                tsv("#Uploaded_variation", "Location", "Allele", "Gene", "Feature", "Feature_type", "Consequence", "Extra"),
                tsv("1_100_A/G", "1:100", "G", "ENSG1", "T1", "Transcript", "missense_variant", "SYMBOL=ABC;SpliceAI_pred_DS_AG=0.4"),
                tsv("1_120_C/T", "1:120", "T", "ENSG1", "T1", "Transcript", "synonymous_variant", "SYMBOL=ABC"));
        Path out = dir.resolve("vep.tsv");
        CliRun r = run("annotate", "--vcf", cohort().toString(), "--vep", tab.toString(),
                "--vep-field", "SpliceAI_pred_DS_AG=ds_ag", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("field SpliceAI_pred_DS_AG: carried by 1 of 2 matched variants (the others filled)"), r.out());

        Path bad = dir.resolve("bad.tsv");
        r = run("annotate", "--vcf", cohort().toString(), "--vep", tab.toString(),
                "--vep-field", "SpliceAI_pred_DS_GA=ds_ag", "--out", bad.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("rareset: error: " + tab + ": VEP field 'SpliceAI_pred_DS_GA'"), r.err());
        assertTrue(r.err().contains("Extra keys seen: SYMBOL, SpliceAI_pred_DS_AG"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(bad), "no output left");
    }
}
