package org.rareset.genotypes.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareset.core.InputException;

/** {@link GenotypeFiles}: which PLINK/BGEN combinations are refused, and the one input a command reads. */
class GenotypeFilesTest {
    private static GenotypeFiles files(List<String> bfiles, Path bed, Path bim, List<Path> bgens, Path sample, double threshold) {
        return new GenotypeFiles(bfiles, bed, bim, null, bgens, sample, false, false, threshold);
    }

    private static String refused(GenotypeFiles f) {
        return assertThrows(InputException.class, f::check).getMessage();
    }

    @Test
    void refusedCombinationsNameTheOption() {
        assertTrue(refused(files(List.of(), null, Path.of("a.bim"), List.of(), null, 0.1)).contains("--bim"));
        assertTrue(refused(files(List.of(), null, null, List.of(), Path.of("a.sample"), 0.1)).contains("--sample"));
        assertTrue(refused(files(List.of("a"), null, null, List.of(Path.of("a.bgen")), null, 0.1)).contains("give one genotype format"));
        assertTrue(refused(files(List.of("a"), Path.of("b.bed"), null, List.of(), null, 0.1)).contains("give one genotype format"));
        assertTrue(refused(files(List.of(), null, null, List.of(), null, 0.6)).contains("--hard-call-threshold"));
    }

    @Test
    void singleInputIsTheVcfOrTheOneFileGiven() {
        GenotypeFiles none = files(List.of(), null, null, List.of(), null, 0.1);
        assertNull(none.single(null, ""));
        assertEquals(GenotypeInput.vcf(Path.of("c.vcf.gz")), none.single(Path.of("c.vcf.gz"), ""));
        GenotypeFiles plink = files(List.of("cohort"), null, null, List.of(), null, 0.1);
        // a prefix names its three files
        assertEquals(new GenotypeInput(GenotypeInput.Format.PLINK, Path.of("cohort.bed"), Path.of("cohort.bim"), Path.of("cohort.fam"), null),
                plink.single(null, ""));
        String msg = assertThrows(InputException.class, () -> plink.single(Path.of("c.vcf.gz"), " or --store")).getMessage();
        assertTrue(msg.contains("--bgen or --store (one file)"), msg);
        GenotypeFiles two = files(List.of(), null, null, List.of(Path.of("1.bgen"), Path.of("2.bgen")), null, 0.1);
        assertEquals(2, two.inputs().size());
        assertThrows(InputException.class, () -> two.single(null, ""));
        assertEquals(new ImportOptions(false, false, 0.1), two.importOptions());
    }
}
