package org.rareset.cli.deeprvat;

import org.rareset.genotypes.deeprvat.DeepRvatImport;
import org.rareset.core.output.OutputFiles;
import org.rareset.core.output.FileRoles;
import org.rareset.cli.files.WritesFiles;
import org.rareset.cli.options.RuntimeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rareset import deeprvat}: a DeepRVAT input configuration and its files as a RareSet study. */
@Command(name = "deeprvat", mixinStandardHelpOptions = true,
        description = {
            "Convert DeepRVAT's inputs, as named by its deeprvat_input_config.yaml, into a RareSet study folder: "
                + "cohort.vcf.gz (from genotypes.h5 + variants.parquet), annotations.tsv (annotations.parquet with the "
                + "gene ids of protein_coding_genes.parquet replaced by its 'gene' names; columns: rare_variant_annotations "
                + "and the training_data_thresholds columns), pheno.tsv and covar.tsv (from phenotypes.parquet) and "
                + "study.yaml, which 'rareset pipeline --config DIR/study.yaml' runs.",
            "Annotation rows whose variant id or gene id the other files do not list are left out and counted. "
                + "Layouts: docs/deeprvat-files.md."},
        footer = {"", "Examples:", "  rareset import deeprvat experiment/deeprvat_input_config.yaml --out study/"})
public final class ImportDeepRvatCommand implements Callable<Integer>, WritesFiles {
    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "DeepRVAT's deeprvat_input_config.yaml.")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Study folder to write.")
    Path out;

    @Option(names = "--study", paramLabel = "NAME", description = "Study name in study.yaml (default: the folder name of --out).")
    String study;


    /** The files the configuration names are inputs too; the study files are outputs. */
    @Override
    public void declareFiles(FileRoles files) {
        if (Files.isRegularFile(config)) {
            try {
                DeepRvatInputConfig cfg = DeepRvatInputConfig.read(config);
                files.inputs("file named in " + config.getFileName(),
                        List.of(cfg.genotypes(), cfg.variants(), cfg.phenotypes(), cfg.annotationFile(), cfg.genes()));
            } catch (RuntimeException e) {
                // reported with its own message when the command runs
            }
        }
        for (String f : List.of(DeepRvatImport.VCF, DeepRvatImport.ANNOTATIONS, DeepRvatImport.PHENO, DeepRvatImport.COVAR, "study.yaml")) {
            files.output("--out", out.resolve(f));
        }
    }

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getErr();
        DeepRvatInputConfig cfg = DeepRvatInputConfig.read(config);
        DeepRvatImport.Summary s = DeepRvatImport.run(cfg.inputs(), out);
        String name = study != null ? study : out.toAbsolutePath().normalize().getFileName().toString();
        writeStudy(cfg, out.resolve("study.yaml"), DeepRvatInputConfig.studyName(name));
        if (!runtime.quiet) {
            log.printf("imported %d samples, %d variants, %d carried calls%n", s.samples(), s.variants(), s.calls());
            log.printf("annotations: %d rows in %d genes written; left out: %d rows whose variant id is not in %s, "
                    + "%d rows whose gene id is not in %s%n", s.annotationRows(), s.genes(), s.rowsUnknownVariant(),
                    cfg.variants().getFileName(), s.rowsUnknownGene(), cfg.genes().getFileName());
            log.printf("phenotypes: %d genotyped samples have no row in %s (missing); %d of its rows have no genotypes (not written)%n",
                    s.samplesWithoutPhenotypes(), cfg.phenotypes().getFileName(), s.phenotypeRowsWithoutGenotypes());
            log.printf("wrote %s%n", out.resolve("study.yaml"));
        }
        return 0;
    }

    static void writeStudy(DeepRvatInputConfig cfg, Path target, String name) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by 'rareset import deeprvat' from ").append(cfg.file().toAbsolutePath().normalize()).append('\n');
        y.append("# Run with: rareset pipeline --config ").append(target).append("\n\n");
        y.append("study: ").append(name).append('\n');
        y.append("output: run\n\n");
        y.append("inputs:\n");
        y.append("  vcf: ").append(DeepRvatImport.VCF).append('\n');
        y.append("  pheno: ").append(DeepRvatImport.PHENO).append('\n');
        if (!cfg.covariates().isEmpty()) y.append("  covar: ").append(DeepRvatImport.COVAR).append('\n');
        y.append("  annotations: ").append(DeepRvatImport.ANNOTATIONS).append("   # annotate uses it as it is\n\n");
        y.append("phenotypes: ").append(list(cfg.associationPhenotypes())).append("   # phenotypes_for_association_testing\n\n");
        y.append("train:\n");
        y.append("  annotations_list: ").append(list(cfg.annotations())).append("   # rare_variant_annotations\n");
        if (!cfg.trainingThresholds().isEmpty()) {
            y.append("  train_filter: \"").append(cfg.trainFilter()).append("\"   # training_data_thresholds\n");
        }
        try {
            OutputFiles.write(target, temp -> Files.writeString(temp, y.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target + ": " + e.getMessage(), e);
        }
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items) + "]";
    }
}
