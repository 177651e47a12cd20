package org.rareset.cli.pipeline;

import java.util.List;

/** The pipeline's steps, in run order, with the output folder each owns under the output folder. */
public final class Steps {
    public static final String INGEST = "ingest";
    public static final String ANNOTATE = "annotate";
    public static final String SEED_GENES = "seed_genes";
    public static final String TRAIN = "train";
    public static final String SCORE = "score";
    public static final String ASSOC = "assoc";
    public static final String RISK = "risk";
    public static final String REPORT = "report";

    public static final List<String> NAMES = List.of(INGEST, ANNOTATE, SEED_GENES, TRAIN, SCORE, ASSOC, RISK, REPORT);

    private Steps() {}

    /** Folder of a step under the output folder: 1-ingest, 2-annotate, ... so listings show the order. */
    public static String folder(String step) {
        return (NAMES.indexOf(step) + 1) + "-" + step.replace('_', '-');
    }
}
