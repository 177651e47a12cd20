package org.rareset.deepset.train;

import org.rareset.deepset.model.VariantFilter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.core.table.DuplicateRows;
import org.rareset.core.table.MissingValues;
import org.rareset.genotypes.vcf.VcfVariantSource;

/**
 * Training reads one row per (variant, gene): a table written per transcript must give the model
 * each carried variant once. Cohort: 12 samples, G1 with chr1:100 A>G (S01) and chr1:200 C>T (S02).
 */
class TrainingDataLoaderTest {
    @TempDir Path dir;

    TrainingData load(String annotationRows, DuplicateRows rule, List<String> log) throws IOException {
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        StringBuilder pheno = new StringBuilder("sample\tQT\n");
        for (int s = 1; s <= 12; s++) {
            vcf.append("\tS").append(String.format("%02d", s));
            pheno.append(String.format("S%02d\t%d.5\n", s, s % 5));
        }
        vcf.append("\nchr1\t100\t.\tA\tG\t.\tPASS\t.\tGT\t0/1").append("\t0/0".repeat(11));
        vcf.append("\nchr1\t200\t.\tC\tT\t.\tPASS\t.\tGT\t0/0\t0/1").append("\t0/0".repeat(10)).append('\n');
        Path v = Files.writeString(dir.resolve("cohort.vcf"), vcf);
        Path p = Files.writeString(dir.resolve("pheno.tsv"), pheno);
        Path seeds = Files.writeString(dir.resolve("seeds.tsv"), "phenotype\tgene\nQT\tG1\n");
        Path ann = Files.writeString(dir.resolve("ann.tsv"), "chrom\tpos\tref\talt\tgene\tx\n" + annotationRows);
        TrainingDataLoader.Spec spec = new TrainingDataLoader.Spec(ann, p, null, seeds, List.of("QT"), List.of("x"),
                VariantFilter.parse("MAF < 0.5"), List.of(), null, MissingValues.defaults(), rule);
        try (VcfVariantSource src = VcfVariantSource.open(v)) {
            return TrainingDataLoader.load(spec, src, v, log::add).data();
        }
    }

    @Test
    void repeatedRowsGiveEachVariantOnce() throws IOException {
        List<String> log = new ArrayList<>();
        TrainingData once = load("1\t100\tA\tG\tG1\t0.5\n1\t200\tC\tT\tG1\t0.7\n", DuplicateRows.ERROR, log);
        assertEquals(2, once.nRows());
        TrainingData twice = load("1\t100\tA\tG\tG1\t0.5\n1\t100\ta\tg\tG1\t0.5\n1\t200\tC\tT\tG1\t0.7\n1\t200\tC\tT\tG1\t0.7\n",
                DuplicateRows.ERROR, log);
        assertEquals(2, twice.nRows(), "identical repeats merged, not two rows per variant");
        assertTrue(log.contains("annotations: 2 repeated identical row(s) of a (variant, gene) merged"), log.toString());
    }

    @Test
    void differingRowsAreAnErrorOrResolvedByTheRule() throws IOException {
        String rows = "1\t100\tA\tG\tG1\t0.5\n1\t100\tA\tG\tG1\t0.9\n1\t200\tC\tT\tG1\t0.7\n";
        InputException e = assertThrows(InputException.class, () -> load(rows, DuplicateRows.ERROR, new ArrayList<>()));
        assertTrue(e.getMessage().contains("ann.tsv: line 3: variant 1:100:A:G in gene G1 has two rows that differ (x 0.5 vs 0.9"),
                e.getMessage());
        TrainingData max = load(rows, DuplicateRows.MAX, new ArrayList<>());
        assertEquals(2, max.nRows());
        List<Double> xs = List.of(max.raw(0, 0), max.raw(1, 0));
        assertTrue(xs.contains(0.9) && xs.contains(0.7), xs.toString());
    }
}
