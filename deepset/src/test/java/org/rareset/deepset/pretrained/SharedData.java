package org.rareset.deepset.pretrained;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locations of the shared, licensed test data (never copied into the repository). */
public final class SharedData {
    private SharedData() {}

    public static Path shared() {
        String s = System.getProperty("rareset.shared");
        return Path.of(s == null ? "../shared" : s);
    }

    public static Path pretrainedDir() {
        return shared().resolve("deeprvat-pretrained");
    }

    public static Path goldenDir() {
        return shared().resolve("golden/deeprvat");
    }

    public static boolean hasPretrained() {
        return Files.isRegularFile(pretrainedDir().resolve("weights.json"));
    }

    public static boolean hasGolden() {
        return Files.isRegularFile(goldenDir().resolve("expected_burdens.tsv"));
    }

    /** DeepRVAT's pretrained models; skips the calling test, saying why, when they are absent. */
    public static Path pretrained() {
        Assumptions.assumeTrue(hasPretrained(), pretrainedDir() + " absent: skipping the DeepRVAT pretrained-model checks");
        return pretrainedDir();
    }

    /** The DeepRVAT golden cohort and the models; skips the calling test, saying why, when absent. */
    public static Path golden() {
        Assumptions.assumeTrue(hasGolden(), goldenDir() + " absent: skipping the DeepRVAT golden comparison");
        pretrained();
        return goldenDir();
    }
}
