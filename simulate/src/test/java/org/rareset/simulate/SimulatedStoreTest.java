package org.rareset.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.genotypes.store.GenotypeStore;
import org.rareset.genotypes.store.IngestEngine;
import org.rareset.genotypes.store.VariantFilters;
import org.rareset.genotypes.vcf.VcfReadOptions;

/**
 * {@code simulate --store} against its reference, {@code rareset ingest} of the VCF the same
 * settings write: the same store byte for byte (multi-allelic sites, missing calls and missing
 * carriers included), and the other files unchanged.
 */
class SimulatedStoreTest {
    @TempDir Path dir;

    @Test
    void theStoreIsTheIngestOfTheVcfOfTheSameSeed() throws Exception {
        // Many multi-allelic sites and missing calls, so every branch of the record hand-over is used.
        SimulationSettings s = new SimulationSettings(700, 40, 0, 5, 0.2, 3, true, 0.02, 0.3, 4, 0.8, 1, 2);
        Path vcfRun = dir.resolve("vcf");
        Path storeRun = dir.resolve("store");
        SimulationSummary a = new CohortSimulator(s, "test").run(vcfRun, null);
        SimulationSummary b = new CohortSimulator(s, "test").withStoreInsteadOfVcf().run(storeRun, null);
        assertTrue(a.multiAllelicRecords() > 10 && a.missingCalls() > 100, a.toString());
        assertEquals(a.records(), b.records());

        Path ingested = dir.resolve("ingested.rsg");
        IngestEngine.run(List.of(vcfRun.resolve(SimulationSummary.VCF)), VcfReadOptions.all(), 1, ingested,
                new VariantFilters(1, 0, null), null);
        Path store = storeRun.resolve(SimulationSummary.STORE);
        assertArrayEquals(Files.readAllBytes(ingested), Files.readAllBytes(store));
        try (GenotypeStore gs = GenotypeStore.open(store)) {
            assertEquals(a.alleles(), gs.variantCount());
            assertEquals(gs.variantCount(), gs.verify());
        }
        assertFalse(Files.exists(storeRun.resolve(SimulationSummary.VCF)));
        assertFalse(Files.exists(storeRun.resolve(SimulationSummary.TBI)));
        for (String f : List.of(SimulationSummary.GENES, SimulationSummary.ANNOTATIONS, SimulationSummary.PHENOTYPES,
                SimulationSummary.COVARIATES, SimulationSummary.TRUTH)) {
            assertArrayEquals(Files.readAllBytes(vcfRun.resolve(f)), Files.readAllBytes(storeRun.resolve(f)), f);
        }
        try (var left = Files.list(storeRun)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files");
        }
    }
}
