package org.rareset.association.mask;

import java.nio.file.Path;
import java.util.List;

/**
 * A SAIGE-GENE+ group file and its mask list as given ({@code --group-file},
 * {@code --annotation-in-group-test}; docs/saige.md).
 *
 * @param groupFile             the group file, or null when not given
 * @param annotationInGroupTest masks, comma-separated, categories of a mask joined by ':'
 */
public record SaigeGroupInputs(Path groupFile, String annotationInGroupTest) {
    public boolean given() {
        return groupFile != null;
    }

    /** Reads the group file; each mask is expanded by the MAF limits {@code maxMaf} (null: none given). */
    public SaigeGroupFile read(List<Double> maxMaf) {
        return SaigeGroupFile.read(groupFile, annotationInGroupTest, maxMaf == null ? List.of() : maxMaf);
    }
}
