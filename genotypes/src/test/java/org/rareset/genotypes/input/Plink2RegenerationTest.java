package org.rareset.genotypes.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.rareset.genotypes.GenotypeSources;
import org.rareset.genotypes.vcf.GenotypeFileSource;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfReadOptions;

/**
 * Reruns testdata/genotypes/make.sh with the installed plink2 and checks that the fresh .bed and
 * BGEN files read exactly as the VCF, as the bundled ones do ({@link PlinkBgenAgreementTest}), so
 * the bundled files are not the only plink2 output the readers have met. Skipped without plink2,
 * except where RARESET_REQUIRE_CI_TOOLS is set (CI), where its absence fails.
 */
@Tag("slow")
class Plink2RegenerationTest {
    @TempDir Path dir;

    @Test
    void freshPlink2FilesReadAsTheVcf() throws IOException, InterruptedException {
        if (!onPath("plink2")) {
            if (System.getenv("RARESET_REQUIRE_CI_TOOLS") != null) fail("plink2 is required here (RARESET_REQUIRE_CI_TOOLS) but not on PATH");
            assumeTrue(false, "plink2 is not installed (Debian package plink2); the bundled plink2 files are still tested");
        }
        Files.copy(PlinkBgenAgreementTest.DIR.resolve("make.sh"), dir.resolve("make.sh"));
        Files.copy(PlinkBgenAgreementTest.VCF, dir.resolve("cohort.vcf.gz"));
        Process p = new ProcessBuilder("bash", dir.resolve("make.sh").toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("make.out").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("make.sh failed: " + Files.readString(dir.resolve("make.out")));
        }
        List<Variant> expected = PlinkBgenAgreementTest.vcf(VcfReadOptions.all());
        List<GenotypeInput> inputs = List.of(GenotypeInput.bfile(dir.resolve("cohort").toString()),
                GenotypeInput.bgen(dir.resolve("cohort.v11.bgen"), dir.resolve("cohort.sample")),
                GenotypeInput.bgen(dir.resolve("cohort.v12.bgen"), null),
                GenotypeInput.bgen(dir.resolve("cohort.v12-bits3.bgen"), null),
                GenotypeInput.bgen(dir.resolve("cohort.v13.bgen"), null));
        for (GenotypeInput in : inputs) {
            try (GenotypeFileSource s = GenotypeSources.open(in, ImportOptions.defaults())) {
                assertEquals(expected, PlinkBgenAgreementTest.read(s), in.file().getFileName().toString());
            }
        }
        try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bgen(dir.resolve("cohort.v13-ref-first.bgen"), null),
                new ImportOptions(true, false, 0.1))) {
            assertEquals(expected, PlinkBgenAgreementTest.read(s), "ref-first");
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
