package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rareset.association.input.AnnotationTable;
import org.rareset.core.InputException;
import org.rareset.core.table.MissingValues;
import org.rareset.core.table.TableFiles;
import org.rareset.deepset.model.DeepSetNetwork;
import org.rareset.deepset.model.ScoringEnsemble;
import org.rareset.deepset.model.VariantFilter;
import org.rareset.deepset.score.GeneRows;
import org.rareset.deepset.score.ScoringInput;
import org.rareset.deepset.score.ScoringInputReader;
import org.rareset.deepset.train.TrainingData;
import org.rareset.deepset.train.TrainingDataLoader;
import org.rareset.genotypes.vcf.VcfVariantSource;

/**
 * One annotation table, one reading: {@code assoc} (seed-genes), {@code train} and {@code score} all
 * take the table's variant columns by {@code core.formats.AnnotationTableFile}'s rules, so a table
 * with {@code chr} for chrom, upper-case VCF names or only an id column works for all three (train and
 * score used to require {@code chrom} and {@code pos}). Cohort: 12 samples; G1 has chr1:100 A>G
 * carried by S01 and chr1:200 C>T carried by S02; annotation x = 0.5 and 0.7.
 */
class AnnotationTableConsumersTest {
    @TempDir Path dir;

    private static final String[] HEADERS = {
        "chrom\tpos\tref\talt\tgene\tx", "chr\tpos\tref\talt\tgene\tx", "CHROM\tPOS\tREF\tALT\tgene_id\tx",
        "chromosome\tposition\tref\talt\tgene\tx", "variant_id\tgene\tx"};

    private Path table(String header) throws IOException {
        boolean byId = header.startsWith("variant_id");
        String rows = byId ? "chr1:100:A:G\tG1\t0.5\nchr1:200:C:T\tG1\t0.7\n" : "chr1\t100\tA\tG\tG1\t0.5\n1\t200\tc\tt\tG1\t0.7\n";
        return Files.writeString(dir.resolve("ann.tsv"), header + "\n" + rows);
    }

    private Path vcf() throws IOException {
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        for (int s = 1; s <= 12; s++) vcf.append(String.format("\tS%02d", s));
        vcf.append("\nchr1\t100\t.\tA\tG\t.\tPASS\t.\tGT\t0/1").append("\t0/0".repeat(11));
        vcf.append("\nchr1\t200\t.\tC\tT\t.\tPASS\t.\tGT\t0/0\t0/1").append("\t0/0".repeat(10)).append('\n');
        return Files.writeString(dir.resolve("cohort.vcf"), vcf);
    }

    private static final ScoringEnsemble X = new ScoringEnsemble() {
        public List<String> annotations() { return List.of("x"); }
        public List<DeepSetNetwork> members() { return List.of(); }
        public OptionalDouble missingValue(String a) { return OptionalDouble.empty(); }
        public String describe() { return "x"; }
    };

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void assocTrainAndScoreReadTheSameVariants(int layout) throws IOException {
        Path ann = table(HEADERS[layout]);
        Path vcf = vcf();

        AnnotationTable assoc = AnnotationTable.from(TableFiles.read(ann));
        int x = assoc.annotationColumns().indexOf("x");
        int[] first = assoc.rowsFor("chr1", 100, "A", "G");
        int[] second = assoc.rowsFor("1", 200, "C", "T");
        assertEquals(1, first.length);
        assertEquals(1, second.length);
        assertEquals("G1", assoc.gene(first[0]));
        assertEquals(0.5, assoc.number(first[0], x));
        assertEquals(0.7, assoc.number(second[0], x));

        StringBuilder pheno = new StringBuilder("sample\tQT\n");
        for (int s = 1; s <= 12; s++) pheno.append(String.format("S%02d\t%d.5\n", s, s % 5));
        Path p = Files.writeString(dir.resolve("pheno.tsv"), pheno);
        Path seeds = Files.writeString(dir.resolve("seeds.tsv"), "phenotype\tgene\nQT\tG1\n");
        TrainingDataLoader.Spec spec = new TrainingDataLoader.Spec(ann, p, null, seeds, List.of("QT"), List.of("x"),
                VariantFilter.parse("MAF < 0.5"), List.of(), null, MissingValues.defaults());
        TrainingData train;
        try (VcfVariantSource src = VcfVariantSource.open(vcf)) {
            train = TrainingDataLoader.load(spec, src, vcf, s -> { }).data();
        }
        assertEquals(2, train.nRows());
        List<Double> xs = List.of(train.raw(0, 0), train.raw(1, 0));
        assertTrue(xs.contains(0.5) && xs.contains(0.7), xs.toString());

        ScoringInput score;
        try (VcfVariantSource src = VcfVariantSource.open(vcf)) {
            score = ScoringInputReader.read(ann, X, src);
        }
        assertEquals(1, score.genes().size());
        GeneRows g1 = score.genes().get(0);
        assertEquals("G1", g1.gene());
        assertArrayEquals(new double[] {0.5, 0.7}, g1.values());
        assertArrayEquals(new int[] {0}, g1.carriers()[0], "S01 carries chr1:100");
        assertArrayEquals(new int[] {1}, g1.carriers()[1], "S02 carries chr1:200");
    }

    /** A broken key is the same error, naming the file and line, whichever command reads the table. */
    @ParameterizedTest
    @ValueSource(strings = {"assoc", "score"})
    void aBadPositionIsOneErrorForEveryConsumer(String consumer) throws IOException {
        Path ann = Files.writeString(dir.resolve("bad.tsv"), "chr\tpos\tref\talt\tgene\tx\nchr1\t100\tA\tG\tG1\t0.5\nchr1\t2OO\tC\tT\tG1\t0.7\n");
        Path vcf = vcf();
        InputException e = assertThrows(InputException.class, () -> {
            if (consumer.equals("assoc")) {
                AnnotationTable.from(TableFiles.read(ann));
            } else {
                try (VcfVariantSource src = VcfVariantSource.open(vcf)) {
                    ScoringInputReader.read(ann, X, src);
                }
            }
        });
        assertEquals(ann + ": line 3: pos '2OO' is not a position (1-based integer)", e.getMessage());
    }
}
