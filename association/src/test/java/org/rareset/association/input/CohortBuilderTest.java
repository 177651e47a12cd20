package org.rareset.association.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.core.table.MissingValues;
import org.rareset.core.formats.SampleTable;
import org.rareset.core.formats.SampleTableFile;
import org.rareset.association.nullmodel.TraitType;

class CohortBuilderTest {
    @TempDir Path dir;

    private SampleTable table(String name, String text) throws Exception {
        return SampleTableFile.read(Files.writeString(dir.resolve(name), text), MissingValues.defaults(), null);
    }

    @Test
    void intersectsSamplesInGenotypeOrderAndDropsMissing() throws Exception {
        // PLINK-style, space separated; sample D is not genotyped, E has no covariates, B has QT missing (-9)
        SampleTable pheno = table("pheno.txt", "FID IID QT BT\nf1 A 1.5 1\nf2 B -9 2\nf3 C 0.5 1\nf4 D 2.0 2\nf5 E 1.0 1\nf6 F 3.0 2\n");
        SampleTable covar = table("covar.csv", "sample,age\nF,40\nC,NA\nA,31\nB,52\n");
        List<String> log = new ArrayList<>();
        List<TraitData> traits = new CohortBuilder(List.of("F", "E", "C", "B", "A"), pheno, covar, log::add)
                .build(List.of("QT", "BT"), Map.of());
        TraitData qt = traits.get(0);
        TraitData bt = traits.get(1);
        // common: F, B, A in genotype order (E lacks covariates, C has a missing covariate)
        assertEquals(TraitType.QUANTITATIVE, qt.type());
        assertArrayEquals(new int[] {0, 4}, qt.genotypeIndex());
        assertArrayEquals(new double[] {3.0, 1.5}, qt.y());
        assertEquals(1, qt.droppedMissing());
        assertArrayEquals(new int[] {0, -1, -1, -1, 1}, qt.analysisIndex());
        assertEquals(List.of("f6_F", "f1_A"), qt.fidIids());
        // 1/2 coding: 2 = case
        assertEquals(TraitType.BINARY, bt.type());
        assertArrayEquals(new double[] {1, 1, 0}, bt.y());
        assertArrayEquals(new double[] {1, 40}, bt.x()[0]);
        assertTrue(log.get(0).contains("5 with genotypes") && log.get(0).contains("4 in all inputs")
                && log.get(0).contains("1 dropped for missing covariates"), log.get(0));
        assertTrue(log.stream().anyMatch(l -> l.contains("trait QT") && l.contains("1 dropped for a missing value")), log.toString());
    }

    @Test
    void typeOverrideAndErrors() throws Exception {
        SampleTable pheno = table("p.tsv", "sample\tY\tZ\nA\t0\t5\nB\t1\t5\nC\t0\t5\nD\t1\t5\n");
        TraitData y = new CohortBuilder(List.of("A", "B", "C", "D"), pheno, null, s -> { })
                .build(List.of("Y"), Map.of("*", TraitType.QUANTITATIVE)).get(0);
        assertEquals(TraitType.QUANTITATIVE, y.type());
        InputException e = assertThrows(InputException.class, () -> new CohortBuilder(List.of("A", "B", "C", "D"), pheno, null, s -> { })
                .build(List.of("Z"), Map.of()));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
        InputException dup = assertThrows(InputException.class, () -> table("d.tsv", "sample\tY\nA\t1\nA\t2\n"));
        assertTrue(dup.getMessage().contains("line 3") && dup.getMessage().contains("twice"), dup.getMessage());
    }
}
