package org.rareset.deepset.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.deepset.model.ModelFiles;

/**
 * A model folder that a run killed between {@code commitFolder}'s two renames left under its hidden
 * name (and no folder at the target) is put back by the next load or save, as the pipeline puts back
 * its step folders: loading finds the old model, saving replaces it and leaves nothing beside it.
 */
class ModelFolderRecoveryTest {
    @TempDir Path tmp;

    @Test
    void aModelSetAsideByAKilledSaveIsPutBack() throws Exception {
        SyntheticCohort c = new SyntheticCohort(300, 4, 6, new int[] {0}, 1.5, 3);
        TrainingData data = c.trainingData(new int[] {0, 1});
        TrainingOptions opt = TrainingOptions.defaults().withRepeats(1).withEpochs(1, 1).withBatchSize(128).withSeed(5);
        var prov = new EnsembleTrainer.Provenance("MAF < 0.01", List.of("is_plof"), "test");
        EnsembleTrainer.Outcome a = new EnsembleTrainer(opt).train(data, prov, s -> { });
        EnsembleTrainer.Outcome b = new EnsembleTrainer(opt.withSeed(6)).train(data, prov, s -> { });
        assertNotEquals(a.description(), b.description());
        Path dir = tmp.resolve("model");
        ModelFiles.save(a.description(), a.weights(), dir);

        // As a kill between the renames leaves it: no model folder, the old one under its hidden name.
        Files.move(dir, tmp.resolve(".model.0123abcd.old.tmp"));
        assertEquals(a.description(), ModelFiles.load(dir).description(), "load puts the model back");
        assertEquals(List.of("model"), names(tmp));

        Files.move(dir, tmp.resolve(".model.4567cdef.old.tmp"));
        ModelFiles.save(b.description(), b.weights(), dir);
        assertEquals(b.description(), ModelFiles.load(dir).description(), "save replaces the model put back");
        assertEquals(List.of("model"), names(tmp), "the folder set aside is not left behind");
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
