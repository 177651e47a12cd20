package org.rareset.cli.deeprvat;

import org.rareset.genotypes.deeprvat.DeepRvatTables;
import org.rareset.association.deeprvat.DeepRvatEvaluation;
import org.rareset.core.output.FileRoles;
import org.rareset.cli.files.WritesFiles;
import org.rareset.cli.options.RuntimeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code rareset export deeprvat}: RareSet association results as DeepRVAT's association and evaluation files. */
@Command(name = "deeprvat", mixinStandardHelpOptions = true,
        description = {
            "Write RareSet association results as DeepRVAT's burden_associations.parquet (phenotype gene beta pval: the "
                + "impairment-score tests, mask = test = score), all_results.parquet and significant.parquet (phenotype gene "
                + "Method 'Discovery type' beta pval -log10pval pval_corrected significant), so DeepRVAT's downstream "
                + "notebooks read them.",
            "Method is DeepRVAT for the score tests, '<test> <mask>' for every other test (Discovery type Baseline), and "
                + "'Burden/SKAT combined' for DeepRVAT's per-gene min-Bonferroni of the baseline tests. The per-gene omnibus "
                + "rows (mask GENE_P) are left out and counted. Layouts and formulas: docs/deeprvat-files.md."},
        footer = {"", "Examples:",
            "  rareset export deeprvat --results run/6-assoc/deeprvat.tsv \\",
            "      --results run/6-assoc/results.tsv --genes protein_coding_genes.parquet --out eval/"})
public final class ExportDeepRvatCommand implements Callable<Integer>, WritesFiles {
    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Option(names = "--results", required = true, paramLabel = "FILE",
            description = "RareSet association results (TSV or Parquet, as assoc writes them); repeat for several files.")
    List<Path> results;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the three Parquet files.")
    Path out;

    @Option(names = "--genes", paramLabel = "FILE",
            description = "DeepRVAT's protein_coding_genes.parquet: write gene as its integer id (as DeepRVAT does) instead of the name.")
    Path genes;

    @Option(names = "--alpha", paramLabel = "ALPHA", defaultValue = "0.05", description = "Significance level (default: ${DEFAULT-VALUE}; DeepRVAT's evaluation.alpha).")
    double alpha;

    @Option(names = "--correction", defaultValue = "Bonferroni", paramLabel = "METHOD",
            description = "Bonferroni or FDR (Benjamini-Hochberg), per phenotype and Method (default: ${DEFAULT-VALUE}; DeepRVAT's evaluation.correction_method).")
    String correction;


    @Override
    public void declareFiles(FileRoles files) {
        for (String f : List.of(DeepRvatEvaluation.BURDEN_ASSOCIATIONS, DeepRvatEvaluation.ALL_RESULTS, DeepRvatEvaluation.SIGNIFICANT)) {
            files.output("--out", out.resolve(f));
        }
    }

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getErr();
        DeepRvatEvaluation.Correction method = switch (correction.toUpperCase(Locale.ROOT)) {
            case "BONFERRONI" -> DeepRvatEvaluation.Correction.BONFERRONI;
            case "FDR" -> DeepRvatEvaluation.Correction.FDR;
            default -> throw new ParameterException(spec.commandLine(), "--correction takes Bonferroni or FDR, not '" + correction + "'");
        };
        if (!(alpha > 0 && alpha < 1)) throw new ParameterException(spec.commandLine(), "--alpha must lie between 0 and 1, not " + alpha);
        Map<String, Long> ids = null;
        if (genes != null) {
            ids = new HashMap<>();
            for (Map.Entry<Long, String> e : DeepRvatTables.readGenes(genes).entrySet()) ids.put(e.getValue(), e.getKey());
        }
        int[] noP = {0};
        List<DeepRvatEvaluation.Result> rows = new ArrayList<>();
        for (Path r : results) rows.addAll(DeepRvatEvaluation.read(r, noP));
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + out + ": " + e.getMessage(), e);
        }
        DeepRvatEvaluation.Summary s = DeepRvatEvaluation.write(rows, noP[0], ids, alpha, method, out);
        if (!runtime.quiet) {
            log.printf("all_results: %d DeepRVAT rows, %d baseline rows, %d combined rows; significant: %d%n",
                    s.deeprvatRows(), s.baselineRows(), s.combinedRows(), s.significantRows());
            log.printf("left out: %d omnibus rows (mask GENE_P; the combined rows are recomputed as DeepRVAT does), "
                    + "%d rows without a p-value%n", s.omnibusRowsLeftOut(), s.rowsWithoutP());
        }
        return 0;
    }
}
