package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputNotes;

/**
 * {@code rareset annotate} on real-format inputs, one small file each in
 * {@code testdata/annotate/records} (see its README): VEP CSQ entries with a field missing,
 * without Allele, as BCF; snpEff ANN and EFF; sites-only cohorts; score tables with NaN, text,
 * repeated rows, lower-case alleles, a byte-order mark and quoted CSV; a BED with start after end.
 * The cohort has chr1:100 A>G, 150 C>T,G, 200 AT>A and 300 G>A in GENE1 (ENSG01, 50-400).
 * Expected values are read off those files by hand.
 */
class AnnotateInputContractsTest {
    static final Path DATA = Path.of(System.getProperty("rareset.testdata"), "annotate", "records");
    @TempDir Path dir;

    CliRun annotate(String... args) {
        try {
            Files.deleteIfExists(dir.resolve("out.tsv"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> a = new ArrayList<>(List.of("annotate", "--out", dir.resolve("out.tsv").toString(), "--threads", "1"));
        for (String x : args) a.add(x.endsWith(".vcf") || x.endsWith(".bcf") || x.endsWith(".bed") || x.contains(".tsv") || x.contains(".csv")
                ? DATA.resolve(x).toString() : x);
        return run(a);
    }

    /** Output rows keyed pos:ref:alt, each column name to its text. */
    Map<String, Map<String, String>> rows(CliRun r) throws IOException {
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("out.tsv"));
        String[] header = lines.get(0).split("\t");
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i], f[i]);
            out.put(f[1] + ":" + f[2] + ":" + f[3], row);
        }
        return out;
    }

    static String lastLine(CliRun r) {
        return r.err().strip().lines().reduce((x, y) -> y).orElse("");
    }

    void assertBadInput(CliRun r, String... fragments) {
        assertEquals(2, r.exit(), r.err());
        String last = lastLine(r);
        assertTrue(last.startsWith("rareset: error: "), r.err());
        for (String f : fragments) assertTrue(last.contains(f), "'" + f + "' not in: " + last);
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(dir.resolve("out.tsv")), "no output on error");
    }

    @Test
    void vepEntriesAreReadByTheirHeader() throws IOException {
        Map<String, Map<String, String>> rows = rows(annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--vep", "vep.vcf"));
        assertEquals(List.of("100:A:G", "150:C:T", "150:C:G", "200:AT:A", "300:G:A"), List.copyOf(rows.keySet()));
        Map<String, String> g = rows.get("150:C:G");
        assertEquals("0.518", g.get("sift_score"));
        assertEquals("0.448", g.get("polyphen_score"));
        assertEquals("1", g.get("Consequence_missense_variant"));
        assertEquals("1", rows.get("150:C:T").get("Consequence_stop_gained"));
        assertEquals("1", rows.get("200:AT:A").get("Consequence_frameshift_variant"), "VEP's '-' is the trimmed deletion");
    }

    @Test
    void aCsqEntryWithAFieldMissingIsNeverReadShifted() throws IOException {
        assertBadInput(annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--vep", "vep.short-entry.vcf"),
                "vep.short-entry.vcf: line 7: record chr1:150:C:T,G: CSQ entry 2 has 24 fields, the header's CSQ Format names 25",
                "--lenient");
        CliRun r = annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--vep", "vep.short-entry.vcf", "--lenient");
        Map<String, Map<String, String>> rows = rows(r);
        Map<String, String> g = rows.get("150:C:G");
        assertEquals("1", g.get("sift_score"), "no SIFT: filled with 1, not a shifted value");
        assertEquals("0", g.get("polyphen_score"));
        assertEquals("0", g.get("Consequence_missense_variant"));
        assertEquals("1", rows.get("150:C:T").get("Consequence_stop_gained"), "the record's other entry is kept");
        assertTrue(r.out().contains("1 CSQ entr(ies) skipped (--lenient): field count differs from the header's Format, "
                + "first at chr1:150:C:T,G (line 7)"), r.out());
    }

    @Test
    void csqWithoutAlleleUsesAlleleNumberOrTheOnlyAlt() throws IOException {
        Map<String, Map<String, String>> byNumber = rows(annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--vep", "vep.allele-num.vcf"));
        assertEquals("1", byNumber.get("150:C:G").get("Consequence_missense_variant"), "ALLELE_NUM 2 is the second ALT");
        assertEquals("0.518", byNumber.get("150:C:G").get("sift_score"));
        assertEquals("1", byNumber.get("150:C:T").get("Consequence_stop_gained"));
        assertEquals("0", byNumber.get("150:C:T").get("Consequence_missense_variant"));
        assertEquals("1", byNumber.get("200:AT:A").get("Consequence_frameshift_variant"));

        assertBadInput(annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--vep", "vep.no-allele.vcf"),
                "vep.no-allele.vcf: line 7: record chr1:150:C:T,G has 2 ALT alleles and its CSQ entries carry neither Allele nor ALLELE_NUM",
                "--allele_number");
        CliRun r = annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--vep", "vep.no-allele.vcf", "--lenient");
        Map<String, Map<String, String>> single = rows(r);
        assertEquals("0.01", single.get("100:A:G").get("sift_score"), "a single-ALT record's entries are its ALT's");
        assertEquals("1", single.get("200:AT:A").get("Consequence_frameshift_variant"));
        assertEquals("0", single.get("150:C:G").get("Consequence_missense_variant"));
        assertTrue(r.out().contains("2 CSQ entr(ies) skipped (--lenient): no Allele or ALLELE_NUM"), r.out());
    }

    @Test
    void vepOutputAsBcfGivesTheSameTable() throws IOException {
        assertEquals(0, annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--vep", "vep.vcf").exit());
        String fromVcf = Files.readString(dir.resolve("out.tsv"));
        Files.delete(dir.resolve("out.tsv"));
        CliRun r = annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--vep", "vep.bcf");
        assertEquals(0, r.exit(), r.err());
        assertEquals(fromVcf, Files.readString(dir.resolve("out.tsv")));
        assertTrue(r.out().contains("VEP (vep.bcf): matched 5 (100.0%)"), r.out());
    }

    @Test
    void snpEffAnnAndEffGiveVepConsequenceColumns() throws IOException {
        Map<String, Map<String, String>> ann = rows(annotate("--vcf", "cohort.vcf", "--snpeff", "snpeff.ann.vcf"));
        assertEquals(List.of("100:A:G", "150:C:T", "150:C:G", "200:AT:A", "300:G:A"), List.copyOf(ann.keySet()),
                "genes from snpEff; the intergenic entry at 300 adds no gene");
        assertEquals("ENSG01", ann.get("300:G:A").get("gene_id"));
        assertEquals("1", ann.get("100:A:G").get("Consequence_missense_variant"));
        assertEquals("1", ann.get("100:A:G").get("Consequence_splice_region_variant"));
        assertEquals("1", ann.get("150:C:T").get("Consequence_stop_gained"));
        assertEquals("1", ann.get("150:C:T").get("is_plof"));
        assertEquals("1", ann.get("150:C:G").get("Consequence_inframe_insertion"), "conservative_inframe_insertion");
        assertEquals("1", ann.get("200:AT:A").get("Consequence_frameshift_variant"));
        assertEquals("0", ann.get("300:G:A").get("is_plof"));

        Map<String, Map<String, String>> eff = rows(annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--snpeff", "snpeff.eff.vcf"));
        for (String v : ann.keySet()) {
            for (String c : ann.get(v).keySet()) {
                if (c.startsWith("Consequence_") || c.equals("is_plof")) assertEquals(ann.get(v).get(c), eff.get(v).get(c), v + " " + c);
            }
        }
        assertBadInput(annotate("--vcf", "cohort.vcf", "--snpeff", "snpeff.ann.short-entry.vcf"),
                "snpeff.ann.short-entry.vcf: line 11: record chr1:300:G:A: ANN entry has 10 fields, the header names 16");
    }

    @Test
    void sitesOnlyCohortIsAnnotatedWithoutFrequencies() throws IOException {
        CliRun r = annotate("--vcf", "cohort.sites-only.vcf", "--genes", "genes.bed", "--table", "scores.tsv:score");
        Map<String, Map<String, String>> rows = rows(r);
        assertEquals(5, rows.size());
        assertFalse(rows.get("100:A:G").containsKey("AF") || rows.get("100:A:G").containsKey("MAF_MB"), rows.toString());
        assertEquals("0.5", rows.get("100:A:G").get("score"));
        assertTrue(r.out().contains("sites-only VCF"), r.out());
    }

    @Test
    void nanAndInfInAScoreTableAreAnErrorOrMissingWhenAsked() throws IOException {
        assertBadInput(annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--table", "scores.nan.tsv:score"),
                "scores.nan.tsv: line 3: column score: 'NaN' is not a finite number", "--non-finite missing");
        CliRun r = annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--table", "scores.nan.tsv:score",
                "--non-finite", "missing", "--fill", "score=NA");
        Map<String, Map<String, String>> rows = rows(r);
        assertEquals("0.5", rows.get("100:A:G").get("score"));
        assertEquals("NA", rows.get("150:C:T").get("score"));
        assertEquals("NA", rows.get("300:G:A").get("score"));
        assertTrue(r.out().contains("2 NaN/Inf value(s) read as missing"), r.out());
    }

    @Test
    void textInAScoreColumnIsAnErrorNamingTheLine() {
        assertBadInput(annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--table", "scores.text.tsv:score"),
                "scores.text.tsv: line 3: column score: 'high' is not a number");
    }

    @Test
    void repeatedScoreRowsAreMergedOrResolvedByTheRule() throws IOException {
        CliRun same = annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--table", "scores.repeated.tsv:score");
        assertEquals("1.5", rows(same).get("150:C:T").get("score"));
        assertTrue(same.out().contains("2 repeated identical record(s) of a variant merged"), same.out());
        Files.delete(dir.resolve("out.tsv"));
        assertBadInput(annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--table", "scores.conflict.tsv:score"),
                "scores.conflict.tsv: variant chr1:150:C:T has two rows that differ (score 1.5 vs 3.5", "--duplicate-rows first or max");
        assertEquals("3.5", rows(annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--table", "scores.conflict.tsv:score",
                "--duplicate-rows", "max")).get("150:C:T").get("score"));
        assertEquals("1.5", rows(annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--table", "scores.conflict.tsv:score",
                "--duplicate-rows", "first")).get("150:C:T").get("score"));
    }

    @Test
    void lowerCaseAllelesMatch() throws IOException {
        Map<String, Map<String, String>> rows = rows(annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--table", "scores.lower-case.tsv:score"));
        assertEquals("0.5", rows.get("100:A:G").get("score"));
        assertEquals("4.5", rows.get("200:AT:A").get("score"));
        assertEquals("2.5", rows.get("300:G:A").get("score"));
    }

    @Test
    void byteOrderMarkIsSkippedAndReported() throws IOException {
        InputNotes.clear();
        CliRun r = annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--table", "scores.bom.tsv:score");
        assertEquals("0.5", rows(r).get("100:A:G").get("score"));
        assertTrue(r.err().contains("rareset: note: " + DATA.resolve("scores.bom.tsv") + " starts with a UTF-8 byte-order mark; it was skipped"),
                r.err());
    }

    @Test
    void quotedCsvFieldsAreRead() throws IOException {
        Map<String, Map<String, String>> rows = rows(annotate("--vcf", "cohort.vcf", "--genes", "genes.bed", "--table", "scores.quoted.csv:score"));
        assertEquals("0.5", rows.get("100:A:G").get("score"), "quoted header names, a comma inside quotes");
        assertEquals("1.5", rows.get("150:C:T").get("score"), "doubled quotes inside quotes");
    }

    @Test
    void bedIntervalWithStartAfterEndIsAnError() {
        assertBadInput(annotate("--vcf", "cohort.vcf", "--genes", "genes.start-after-end.bed"),
                "genes.start-after-end.bed: line 2: BED interval of 'ENSG02|GENE2' has start 900 and end 700 (start after end)");
    }
}
