package org.rareset.cli.options;

import java.nio.file.Path;
import org.rareset.association.mask.SaigeGroupInputs;
import picocli.CommandLine.Option;

/** SAIGE-GENE+ group files and mask lists (docs/saige.md); options only, {@link SaigeGroupInputs} reads them. */
public final class SaigeGroupOptions {
    @Option(names = "--group-file", paramLabel = "FILE", description = "SAIGE-GENE+ group file: per gene 'GENE var v1 v2 ...', 'GENE anno a1 a2 ...' and optionally 'GENE weight w1 w2 ...' (instead of --annotations and --masks; weights usable with --weights weight).")
    public Path groupFile;

    @Option(names = "--annotation-in-group-test", defaultValue = "lof,missense:lof,missense:lof:synonymous", paramLabel = "LIST", description = "With --group-file: masks as SAIGE-GENE+'s --annotation_in_groupTest, comma-separated, categories of a mask joined by ':' (default: ${DEFAULT-VALUE}); --max-maf expands them.")
    public String annotationInGroupTest;

    /** The values given, as the association module reads them. */
    public SaigeGroupInputs inputs() {
        return new SaigeGroupInputs(groupFile, annotationInGroupTest);
    }
}
