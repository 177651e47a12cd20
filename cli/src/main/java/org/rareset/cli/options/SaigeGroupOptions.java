package org.rareset.cli.options;

import java.nio.file.Path;
import java.util.List;
import org.rareset.association.mask.SaigeGroupFile;
import picocli.CommandLine.Option;

/** SAIGE-GENE+ group files and mask lists (docs/saige.md). */
public final class SaigeGroupOptions {
    @Option(names = "--group-file", paramLabel = "FILE", description = "SAIGE-GENE+ group file: per gene 'GENE var v1 v2 ...', 'GENE anno a1 a2 ...' and optionally 'GENE weight w1 w2 ...' (instead of --annotations and --masks; weights usable with --weights weight).")
    public Path groupFile;

    @Option(names = "--annotation-in-group-test", defaultValue = "lof,missense:lof,missense:lof:synonymous", paramLabel = "LIST", description = "With --group-file: masks as SAIGE-GENE+'s --annotation_in_groupTest, comma-separated, categories of a mask joined by ':' (default: ${DEFAULT-VALUE}); --max-maf expands them.")
    public String annotationInGroupTest;

    public boolean given() { return groupFile != null; }

    public SaigeGroupFile read(List<Double> maxMaf) {
        return SaigeGroupFile.read(groupFile, annotationInGroupTest, maxMaf == null ? List.of() : maxMaf);
    }
}
