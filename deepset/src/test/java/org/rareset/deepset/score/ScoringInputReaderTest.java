package org.rareset.deepset.score;

import org.rareset.deepset.model.ScoringEnsemble;
import org.rareset.deepset.model.DeepSetNetwork;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.genotypes.vcf.VcfVariantSource;
import org.rareset.deepset.model.VariantFilter;

class ScoringInputReaderTest {
    @TempDir Path tmp;

    /** Two annotations; x fills missing values with 5, y refuses them. */
    static final ScoringEnsemble TWO_COLUMNS = new ScoringEnsemble() {
        public List<String> annotations() { return List.of("x", "y"); }
        public List<DeepSetNetwork> members() { return List.of(); }
        public OptionalDouble missingValue(String a) { return a.equals("x") ? OptionalDouble.of(5) : OptionalDouble.empty(); }
        public String describe() { return "two columns"; }
    };

    private Path vcf() throws IOException {
        Path p = tmp.resolve("c.vcf");
        Files.writeString(p, String.join("\n",
                "##fileformat=VCFv4.2",
                "##contig=<ID=chr1,length=1000000>",
                "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
                "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\tC\tD",
                "chr1\t100\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t0/0\t1/1\t./.",
                // ALT is the major allele here: carriers are the samples with at least one ALT copy.
                "chr1\t200\t.\tC\tT\t.\tPASS\t.\tGT\t1/1\t0/1\t0/0\t1/1",
                "chr1\t300\t.\tG\tA\t.\tPASS\t.\tGT\t0/0\t0/1\t0/0\t0/0",
                "") );
        return p;
    }

    private ScoringInput read(String... tableLines) throws IOException {
        return readFiltered(null, tableLines);
    }

    private ScoringInput readFiltered(String filter, String... tableLines) throws IOException {
        Path ann = tmp.resolve("a.tsv");
        Files.writeString(ann, String.join("\n", tableLines) + "\n");
        try (VcfVariantSource src = VcfVariantSource.open(vcf())) {
            return ScoringInputReader.read(ann, TWO_COLUMNS, src, filter == null ? null : VariantFilter.parse(filter, "--variant-filter"));
        }
    }

    @Test
    void filterFollowsTheTrainingRules() throws IOException {
        // AF: 100 -> 3/6 (MAF 0.5), 200 -> 5/8 (ALT major, MAF 0.375), 300 -> 1/8 (MAF 0.125).
        ScoringInput in = readFiltered("MAF < 0.4", "chrom\tpos\tref\talt\tgene\tx\ty",
                "chr1\t100\tA\tG\tG1\t1\t1",      // fails the filter
                "chr1\t200\tC\tT\tG1\t2\t2",      // passes, but ALT is the major allele
                "chr1\t300\tG\tA\tG2\t3\t3",      // kept
                "chr1\t999\tT\tC\tG2\t4\t4");     // no record: carried by nobody, kept
        assertEquals(1, in.genes().size());
        GeneRows g2 = in.genes().get(0);
        assertEquals("G2", g2.gene());
        assertArrayEquals(new double[] {3, 3, 4, 4}, g2.values());
        assertArrayEquals(new int[] {1}, g2.carriers()[0]);
        ScoringInput.FilterCounts f = in.summary().filter();
        assertEquals(new ScoringInput.FilterCounts("MAF < 0.4", 1, 1, 1), f);
        assertEquals(1, in.summary().genes());
        assertTrue(in.summary().lines().contains("1 annotation rows left out by the variant filter 'MAF < 0.4'"), in.summary().lines().toString());
    }

    @Test
    void filterTakesTheTablesValueAndComputesOnlyMissingMafs() throws IOException {
        ScoringInput in = readFiltered("MAF < 0.2 && CADD_PHRED > 5", "chrom\tpos\tref\talt\tgene\tx\ty\tMAF\tCADD_PHRED",
                "chr1\t100\tA\tG\tG1\t1\t1\t0.01\t20",  // the table's MAF wins over the cohort's 0.5
                "chr1\t300\tG\tA\tG1\t3\t3\t\t20",      // empty: the cohort's 0.125
                "chr1\t300\tG\tA\tG2\t3\t3\t\t2");      // CADD too low
        assertEquals(1, in.genes().size());
        assertArrayEquals(new double[] {1, 1, 3, 3}, in.genes().get(0).values());
        assertEquals(new ScoringInput.FilterCounts("MAF < 0.2 && CADD_PHRED > 5", 1, 0, 1), in.summary().filter());
    }

    @Test
    void filterOnAColumnTheTableLacksIsAnError() {
        InputException e = assertThrows(InputException.class, () -> readFiltered("CADD_PHRED > 5",
                "chrom\tpos\tref\talt\tgene\tx\ty", "chr1\t100\tA\tG\tG1\t1\t1"));
        assertTrue(e.getMessage().contains("reads column 'CADD_PHRED', which the table lacks"), e.getMessage());
    }

    @Test
    void joinsVariantsToGeneRowsWithAltCarriers() throws IOException {
        ScoringInput in = read("chrom\tpos\tref\talt\tgene\ty\tx\textra",
                "1\t100\tA\tG\tG1\t0.5\t1\tz",        // 'chr' prefix is ignored when matching
                "chr1\t200\tC\tT\tG1\t-1\tNA\tz",     // x missing: filled with 5
                "chr1\t200\tC\tT\tG2\t2\t3\tz",       // one record in two genes
                "chr1\t999\tT\tC\tG2\t4\t4\tz");      // no VCF record: carried by nobody
        assertEquals(List.of("A", "B", "C", "D"), in.samples());
        assertEquals(2, in.genes().size());
        GeneRows g1 = in.genes().get(0);
        assertEquals("G1", g1.gene());
        assertArrayEquals(new double[] {1, 0.5, 5, -1}, g1.values());
        assertArrayEquals(new int[] {0, 2}, g1.carriers()[0]);       // D is missing: not a carrier
        assertArrayEquals(new int[] {0, 1, 3}, g1.carriers()[1]);    // ALT-major record
        GeneRows g2 = in.genes().get(1);
        assertArrayEquals(new int[] {0, 1, 3}, g2.carriers()[0]);
        assertArrayEquals(new int[] {}, g2.carriers()[1]);
        ScoringInput.Summary s = in.summary();
        assertEquals(4, s.annotationRows());
        assertEquals(3, s.vcfAlleles());
        assertEquals(2, s.vcfAllelesAnnotated());
        assertEquals(1, s.vcfAllelesWithoutAnnotation());
        assertEquals(1, s.annotationRowsWithoutVcfRecord());
        assertEquals(1, s.missingCallsAsNonCarriers());
        assertEquals(Map.of("x", 1L), s.filledMissingValues());
        assertTrue(s.lines().stream().anyMatch(l -> l.contains("1 missing x values filled")), s.lines().toString());
    }

    @Test
    void readsTheGeneIdColumnThatAnnotateWrites() throws IOException {
        ScoringInput in = read("chrom\tpos\tref\talt\tvariant_id\tgene_id\tgene_name\tx\ty",
                "chr1\t100\tA\tG\tchr1:100:A:G\tG7\tGENE7\t1\t0.5");
        assertEquals(1, in.genes().size());
        assertEquals("G7", in.genes().get(0).gene());
        assertArrayEquals(new double[] {1, 0.5}, in.genes().get(0).values());
    }

    @Test
    void namesEveryMissingColumn() {
        InputException e = assertThrows(InputException.class, () -> read("chrom\tpos\tref\talt\tx", "1\t100\tA\tG\t1"));
        assertTrue(e.getMessage().contains("line 1: missing 2 column(s) the model needs: gene, y"), e.getMessage());
    }

    @Test
    void refusesAMissingValueTheModelCannotFill() {
        InputException e = assertThrows(InputException.class,
                () -> read("chrom\tpos\tref\talt\tgene\tx\ty", "1\t100\tA\tG\tG1\t1\t"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("y is missing"), e.getMessage());
    }

    @Test
    void refusesARepeatedVariantGeneRowThatDiffers() {
        InputException e = assertThrows(InputException.class, () -> read("chrom\tpos\tref\talt\tgene\tx\ty",
                "1\t100\tA\tG\tG1\t1\t1", "chr1\t100\tA\tG\tG1\t2\t2"));
        assertTrue(e.getMessage().contains("line 3: variant 1:100:A:G in gene G1 has two rows that differ (x 1.0 vs 2.0; the other is line 2)"),
                e.getMessage());
    }

    @Test
    void mergesIdenticalRepeatsAndResolvesDifferingOnesByTheRule() throws IOException {
        // Per-transcript repeats: the variant must be one input of its gene, never two.
        ScoringInput same = read("chrom\tpos\tref\talt\tgene\tx\ty", "1\t100\tA\tG\tG1\t1\t5", "chr1\t100\ta\tg\tG1\t1\t5",
                "1\t300\tG\tA\tG1\t3\t3");
        assertEquals(1, same.genes().size());
        assertArrayEquals(new double[] {1, 5, 3, 3}, same.genes().get(0).values());
        Path ann = tmp.resolve("a.tsv");
        Files.writeString(ann, "chrom\tpos\tref\talt\tgene\tx\ty\n1\t100\tA\tG\tG1\t1\t7\n1\t100\tA\tG\tG1\t2\t5\n");
        for (var rule : List.of(org.rareset.core.table.DuplicateRows.FIRST, org.rareset.core.table.DuplicateRows.MAX)) {
            try (VcfVariantSource src = VcfVariantSource.open(vcf())) {
                ScoringInput in = ScoringInputReader.read(ann, TWO_COLUMNS, src, null, rule);
                double[] expected = rule == org.rareset.core.table.DuplicateRows.FIRST ? new double[] {1, 7} : new double[] {2, 7};
                assertArrayEquals(expected, in.genes().get(0).values(), rule.toString());
            }
        }
    }

    @Test
    void refusesANonNumericAnnotation() {
        InputException e = assertThrows(InputException.class,
                () -> read("chrom\tpos\tref\talt\tgene\tx\ty", "1\t100\tA\tG\tG1\tabc\t1"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
