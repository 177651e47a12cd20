package org.rareset.cli.deeprvat;

import org.rareset.core.InputException;
import org.rareset.genotypes.deeprvat.DeepRvatImport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of DeepRVAT's {@code deeprvat_input_config.yaml} that describe its inputs (example/config
 * in PMBio/deeprvat): the five file names, the phenotypes for association testing and for training,
 * {@code rare_variant_annotations}, {@code covariates} and {@code training_data_thresholds}. File
 * names are resolved against the configuration's folder (DeepRVAT runs in that folder). Training
 * and evaluation settings are not read.
 */
public record DeepRvatInputConfig(Path file, Path genotypes, Path variants, Path phenotypes, Path annotationFile, Path genes,
                                  List<String> associationPhenotypes, List<String> trainingPhenotypes,
                                  List<String> annotations, List<String> covariates, Map<String, String> trainingThresholds) {

    public static DeepRvatInputConfig read(Path file) {
        Object root;
        try (Reader r = Files.newBufferedReader(file)) {
            root = new Yaml(new LoaderOptions()).load(r);
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), "give DeepRVAT's deeprvat_input_config.yaml");
        } catch (YAMLException e) {
            throw InputException.of(file, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), "fix the YAML syntax");
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw InputException.of(file, "the configuration is not a mapping of keys to values", "give DeepRVAT's deeprvat_input_config.yaml");
        }
        Path base = file.toAbsolutePath().getParent();
        List<String> assoc = strings(file, map, "phenotypes_for_association_testing", true);
        List<String> training = strings(file, map, "phenotypes_for_training", false);
        Map<String, String> thresholds = new LinkedHashMap<>();
        if (map.get("training_data_thresholds") instanceof Map<?, ?> t) {
            for (Map.Entry<?, ?> e : t.entrySet()) thresholds.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()).trim());
        }
        return new DeepRvatInputConfig(file, path(file, base, map, "gt_filename"), path(file, base, map, "variant_filename"),
                path(file, base, map, "phenotype_filename"), path(file, base, map, "annotation_filename"),
                path(file, base, map, "gene_filename"), assoc, training,
                strings(file, map, "rare_variant_annotations", true), strings(file, map, "covariates", false), thresholds);
    }

    /** Association phenotypes, then training-only ones. */
    public List<String> allPhenotypes() {
        List<String> all = new ArrayList<>(associationPhenotypes);
        for (String p : trainingPhenotypes) if (!all.contains(p)) all.add(p);
        return all;
    }

    /**
     * {@code training_data_thresholds} as a RareSet filter expression: DeepRVAT writes each as
     * {@code COLUMN: "OP VALUE"} and keeps variants passing all of them.
     */
    public String trainFilter() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : trainingThresholds.entrySet()) parts.add(e.getKey() + " " + e.getValue());
        return String.join(" && ", parts);
    }

    public DeepRvatImport.Inputs inputs() {
        return new DeepRvatImport.Inputs(genotypes, variants, annotationFile, genes, phenotypes, allPhenotypes(), covariates,
                columnsToKeep());
    }

    /** The model's annotations plus the threshold columns (MAF, CADD_PHRED), which filters need. */
    private List<String> columnsToKeep() {
        List<String> keep = new ArrayList<>(annotations);
        for (String c : trainingThresholds.keySet()) if (!keep.contains(c)) keep.add(c);
        return keep;
    }

    private static Path path(Path file, Path base, Map<?, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) throw InputException.of(file, key + " is missing", "DeepRVAT's input configuration names its five input files");
        Path p = base.resolve(String.valueOf(v)).normalize();
        if (!Files.exists(p)) throw InputException.of(file, key + ": " + p + " does not exist", "check the path (relative to the configuration's folder)");
        return p;
    }

    private static List<String> strings(Path file, Map<?, ?> map, String key, boolean required) {
        Object v = map.get(key);
        if (v == null) {
            if (required) throw InputException.of(file, key + " is missing", "DeepRVAT's input configuration lists it");
            return List.of();
        }
        if (!(v instanceof List<?> list)) throw InputException.of(file, key + " is not a list", "write it as a YAML list");
        List<String> out = new ArrayList<>();
        for (Object o : list) out.add(String.valueOf(o));
        return out;
    }

    /** A study name the pipeline accepts: letters, digits, . _ - (others become _). */
    static String studyName(String raw) {
        String s = raw.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() ? "deeprvat" : s;
    }
}
