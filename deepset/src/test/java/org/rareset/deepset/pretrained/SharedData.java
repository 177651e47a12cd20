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

    /** DeepRVAT's pretrained models; skips the calling test when they are absent. */
    public static Path pretrained() {
        Path p = shared().resolve("deeprvat-pretrained");
        Assumptions.assumeTrue(Files.isRegularFile(p.resolve("weights.json")),
                p + " absent: skipping the DeepRVAT pretrained-model checks");
        return p;
    }

    /** The DeepRVAT golden cohort; skips the calling test when it is absent. */
    public static Path golden() {
        Path p = shared().resolve("golden/deeprvat");
        Assumptions.assumeTrue(Files.isRegularFile(p.resolve("expected_burdens.tsv")),
                p + " absent: skipping the DeepRVAT golden comparison");
        return p;
    }
}
