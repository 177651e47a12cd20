package org.rareset.genotypes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.ImportOptions;
import org.rareset.genotypes.vcf.GenotypeFileSource;
import org.rareset.genotypes.vcf.VcfReadOptions;

/**
 * {@link GenotypeSources#samples} gives what opening the input gives, and the .fam's IIDs (read here
 * as text); for PLINK it reads the .fam only, so a damaged .bim does not stop it (opening does).
 */
class GenotypeSourcesTest {
    private static final Path DATA = Path.of(System.getProperty("rareset.testdata", "../testdata"), "genotypes");
    @TempDir Path dir;

    @Test
    void samplesAreThoseOfTheOpenedInputAndTheFam() throws Exception {
        List<String> fam = Files.readAllLines(DATA.resolve("cohort.fam")).stream().map(l -> l.split("\t")[1]).toList();
        VcfReadOptions subset = VcfReadOptions.all().withSamples(List.of(fam.get(4), fam.get(1)));
        for (GenotypeInput input : List.of(GenotypeInput.bfile(DATA.resolve("cohort").toString()), GenotypeInput.vcf(DATA.resolve("cohort.vcf.gz")),
                GenotypeInput.bgen(DATA.resolve("cohort.v12.bgen"), DATA.resolve("cohort.sample")))) {
            assertEquals(fam, GenotypeSources.samples(input, VcfReadOptions.all(), ImportOptions.defaults()), input.format().toString());
            for (VcfReadOptions read : List.of(VcfReadOptions.all(), subset)) {
                try (GenotypeFileSource source = GenotypeSources.open(input, read, ImportOptions.defaults(), 1)) {
                    assertEquals(source.samples(), GenotypeSources.samples(input, read, ImportOptions.defaults()), input.format().toString());
                }
            }
        }
    }

    @Test
    void plinkSamplesReadTheFamOnly() throws Exception {
        for (String ext : new String[] {".bed", ".fam"}) Files.copy(DATA.resolve("cohort" + ext), dir.resolve("c" + ext));
        Files.writeString(dir.resolve("c.bim"), "1\tbroken\n");
        GenotypeInput input = GenotypeInput.bfile(dir.resolve("c").toString());
        assertEquals(60, GenotypeSources.samples(input, VcfReadOptions.all(), ImportOptions.defaults()).size());
        assertThrows(InputException.class, () -> GenotypeSources.open(input, VcfReadOptions.all(), ImportOptions.defaults(), 1).close());
    }
}
