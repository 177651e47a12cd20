package org.rareset.deepset.pretrained;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;

/** Folders that are not DeepRVAT's pretrained_models are refused with a clear message. */
class PretrainedFolderTest {
    @Test
    void refusesAFolderWithoutModelConfig(@TempDir Path tmp) {
        InputException e = assertThrows(InputException.class, () -> PretrainedEnsemble.load(tmp));
        assertTrue(e.getMessage().contains("model_config.yaml"), e.getMessage());
    }

    @Test
    void refusesAFolderWithoutCheckpoints(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("model_config.yaml"), "rare_variant_annotations:\n  - MAF_MB\n");
        InputException e = assertThrows(InputException.class, () -> PretrainedEnsemble.load(tmp));
        assertTrue(e.getMessage().contains("no .ckpt"), e.getMessage());
    }
}
