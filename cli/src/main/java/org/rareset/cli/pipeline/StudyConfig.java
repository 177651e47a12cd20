package org.rareset.cli.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rareset.core.InputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A study configuration ({@code study.yaml}, documented in docs/pipeline.md), checked completely
 * before anything runs: every unknown key and every wrong value is reported with its line.
 *
 * <p>Relative paths resolve against the folder of the configuration file. The sections named after
 * steps ({@code train:}, {@code assoc:}, ...) hold options of that step's command, written in
 * snake_case; they are checked against the command itself by {@link StepPlanner}.
 */
public final class StudyConfig {
    /** Top-level keys and what they hold. */
    static final Map<String, String> TOP = new LinkedHashMap<>();
    static final Map<String, String> INPUTS = new LinkedHashMap<>();

    static {
        TOP.put("study", "study name (letters, digits, . _ -)");
        TOP.put("output", "output folder");
        TOP.put("threads", "worker threads");
        TOP.put("chunks", "gene chunks a workflow engine splits the assoc step into (default 1)");
        TOP.put("seed", "random seed");
        TOP.put("phenotypes", "list of traits");
        TOP.put("null_phenotypes", "traits without genetic signal, for calibration (assoc and report only)");
        TOP.put("inputs", "input files");
        TOP.put("steps", "steps to run (true/false each)");
        for (String s : Steps.NAMES) TOP.put(s, "options of the " + s + " step");
        INPUTS.put("vcf", "genotypes (VCF/BCF)");
        INPUTS.put("store", "genotype store (.rsg, e.g. from simulate --store): skips the ingest step's command");
        INPUTS.put("annotations", "variant annotation table (skips the annotate step's command)");
        INPUTS.put("genes", "gene positions (BED)");
        INPUTS.put("pheno", "phenotypes table");
        INPUTS.put("covar", "covariates table");
    }

    private final Path file;
    private final String study;
    private final Path output;
    private final Integer threads;
    private final int chunks;
    private final long seed;
    private final List<String> phenotypes;
    private final List<String> nullPhenotypes;
    private final Map<String, Path> inputs;
    private final Map<String, Boolean> steps;
    private final Map<String, MappingNode> sections;

    private StudyConfig(Path file, String study, Path output, Integer threads, int chunks, long seed, List<String> phenotypes,
                        List<String> nullPhenotypes, Map<String, Path> inputs, Map<String, Boolean> steps, Map<String, MappingNode> sections) {
        this.file = file;
        this.study = study;
        this.output = output;
        this.threads = threads;
        this.chunks = chunks;
        this.seed = seed;
        this.phenotypes = phenotypes;
        this.nullPhenotypes = nullPhenotypes;
        this.inputs = inputs;
        this.steps = steps;
        this.sections = sections;
    }

    public static StudyConfig read(Path file) {
        if (!Files.isRegularFile(file)) throw InputException.of(file, "configuration file not found", "give the path of study.yaml");
        Node root;
        try (Reader r = Files.newBufferedReader(file)) {
            LoaderOptions lo = new LoaderOptions();
            lo.setAllowDuplicateKeys(false);
            root = new Yaml(lo).compose(r);
        } catch (MarkedYAMLException e) {
            throw new InputException(file.toString(), "line " + (e.getProblemMark().getLine() + 1),
                    "not valid YAML: " + e.getProblem(), "check the indentation and quoting near that line");
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            // Not text SnakeYAML can decode (e.g. bytes that are not UTF-8), which has no line to name.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw InputException.of(file, "not a readable YAML text file (" + cause.getClass().getSimpleName() + ")",
                    "save the configuration as UTF-8 text");
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), "check the path");
        }
        if (!(root instanceof MappingNode map)) {
            throw YamlConfigException.at(file, root, "the configuration must be a mapping of keys to values", "see testdata/demo/study.yaml");
        }
        Path base = file.toAbsolutePath().getParent();
        Map<String, Node> top = entries(file, map, TOP.keySet(), "at the top level");

        String study = scalar(file, require(file, map, top, "study"), "study");
        if (!study.matches("[A-Za-z0-9._-]+")) {
            throw YamlConfigException.at(file, top.get("study"), "study name '" + study + "' has characters other than letters, digits, . _ -",
                    "the name is used in file names");
        }
        Path output = base.resolve(scalar(file, require(file, map, top, "output"), "output")).normalize();
        Integer threads = top.containsKey("threads") ? positiveInt(file, top.get("threads"), "threads") : null;
        int chunks = top.containsKey("chunks") ? positiveInt(file, top.get("chunks"), "chunks") : 1;
        long seed = top.containsKey("seed") ? integer(file, top.get("seed"), "seed") : 1;
        List<String> phenotypes = stringList(file, require(file, map, top, "phenotypes"), "phenotypes");
        if (phenotypes.isEmpty()) throw YamlConfigException.at(file, top.get("phenotypes"), "phenotypes is empty", "list at least one trait");
        List<String> nullPhenotypes = top.containsKey("null_phenotypes") ? stringList(file, top.get("null_phenotypes"), "null_phenotypes") : List.of();
        for (String t : nullPhenotypes) {
            if (phenotypes.contains(t)) {
                throw YamlConfigException.at(file, top.get("null_phenotypes"), "null_phenotypes: '" + t + "' is also in phenotypes",
                        "list each trait once: null traits are only tested and reported, never used for seed genes, training or risk");
            }
        }

        Node inNode = require(file, map, top, "inputs");
        if (!(inNode instanceof MappingNode inMap)) throw YamlConfigException.at(file, inNode, "inputs must be a mapping", "for example 'vcf: cohort.vcf.gz'");
        Map<String, Node> in = entries(file, inMap, INPUTS.keySet(), "in inputs");
        Map<String, Path> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : in.entrySet()) {
            Path p = base.resolve(scalar(file, e.getValue(), "inputs." + e.getKey())).normalize();
            if (!Files.exists(p)) {
                throw YamlConfigException.at(file, e.getValue(), "inputs." + e.getKey() + ": " + p + " does not exist",
                        "paths are relative to the folder of " + file.getFileName());
            }
            inputs.put(e.getKey(), p);
        }
        if (inputs.containsKey("vcf") && inputs.containsKey("store")) {
            throw YamlConfigException.at(file, inNode, "inputs has both vcf and store", "give one: the store is what ingest makes of the VCF");
        }
        if (inputs.containsKey("store") && !inputs.containsKey("annotations")) {
            throw YamlConfigException.at(file, inNode, "inputs.store needs inputs.annotations", "annotate reads a VCF; give the annotation table");
        }
        for (String required : List.of(inputs.containsKey("store") ? "store" : "vcf", "pheno")) {
            if (!inputs.containsKey(required)) {
                throw YamlConfigException.at(file, inNode, "inputs." + required + " is missing", "the pipeline needs " + INPUTS.get(required));
            }
        }

        Map<String, Boolean> steps = new LinkedHashMap<>();
        for (String s : Steps.NAMES) steps.put(s, true);
        if (top.containsKey("steps")) {
            Node sn = top.get("steps");
            if (!(sn instanceof MappingNode sm)) throw YamlConfigException.at(file, sn, "steps must be a mapping of step: true/false", "for example 'train: false'");
            for (Map.Entry<String, Node> e : entries(file, sm, new java.util.LinkedHashSet<>(Steps.NAMES), "in steps").entrySet()) {
                steps.put(e.getKey(), bool(file, e.getValue(), "steps." + e.getKey()));
            }
        }
        Map<String, MappingNode> sections = new LinkedHashMap<>();
        for (String s : Steps.NAMES) {
            Node n = top.get(s);
            if (n == null) continue;
            if (n instanceof ScalarNode sc && sc.getValue().isEmpty()) continue; // "train:" with nothing under it
            if (!(n instanceof MappingNode m)) throw YamlConfigException.at(file, n, s + " must be a mapping of option: value", "for example 'repeats: 2'");
            sections.put(s, m);
        }
        return new StudyConfig(file, study, output, threads, chunks, seed, phenotypes, nullPhenotypes, inputs, steps, sections);
    }

    /** The keys of a mapping, refusing unknown and duplicate keys with the list of known ones. */
    static Map<String, Node> entries(Path file, MappingNode map, Set<String> known, String where) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !known.contains(key)) {
                throw YamlConfigException.at(file, t.getKeyNode(), "unknown key '" + key + "' " + where,
                        "known keys: " + String.join(", ", known) + (key != null ? suggestion(key, known) : ""));
            }
            if (out.put(key, t.getValueNode()) != null) {
                throw YamlConfigException.at(file, t.getKeyNode(), "key '" + key + "' appears twice " + where, "keep one of them");
            }
        }
        return out;
    }

    static String suggestion(String key, Set<String> known) {
        String k = key.toLowerCase(Locale.ROOT).replace('-', '_');
        for (String c : known) if (c.equals(k)) return "; did you mean '" + c + "'?";
        return "";
    }

    private static Node require(Path file, MappingNode parent, Map<String, Node> map, String key) {
        Node n = map.get(key);
        if (n == null) throw YamlConfigException.at(file, parent, "required key '" + key + "' is missing", TOP.getOrDefault(key, key));
        return n;
    }

    static String scalar(Path file, Node n, String key) {
        if (!(n instanceof ScalarNode s) || s.getValue().isEmpty()) {
            throw YamlConfigException.at(file, n, key + " must be a single value", "write 'key: value'");
        }
        return s.getValue();
    }

    private static long integer(Path file, Node n, String key) {
        String v = scalar(file, n, key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw YamlConfigException.at(file, n, key + ": '" + v + "' is not an integer", "for example '" + key + ": 1'");
        }
    }

    private static int positiveInt(Path file, Node n, String key) {
        long v = integer(file, n, key);
        if (v < 1 || v > 4096) throw YamlConfigException.at(file, n, key + ": " + v + " is not between 1 and 4096", "use the number of cores");
        return (int) v;
    }

    private static boolean bool(Path file, Node n, String key) {
        String v = scalar(file, n, key).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw YamlConfigException.at(file, n, key + ": '" + v + "' is not true or false", "write true or false");
        };
    }

    static List<String> stringList(Path file, Node n, String key) {
        List<String> out = new ArrayList<>();
        if (n instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) out.add(scalar(file, item, key + " item"));
        } else {
            for (String s : scalar(file, n, key).split(",")) if (!s.isBlank()) out.add(s.trim());
        }
        return out;
    }

    /** The same configuration with {@code n} gene chunks for workflow engines ({@code pipeline --chunks}). */
    public StudyConfig withChunks(int n) {
        return new StudyConfig(file, study, output, threads, n, seed, phenotypes, nullPhenotypes, inputs, steps, sections);
    }

    /** The same configuration writing into another folder. */
    public StudyConfig withOutput(Path folder) {
        return new StudyConfig(file, study, folder, threads, chunks, seed, phenotypes, nullPhenotypes, inputs, steps, sections);
    }

    public Path file() { return file; }
    public String study() { return study; }
    public Path output() { return output; }
    public Integer threads() { return threads; }

    /** Gene chunks a workflow engine runs the assoc step in ({@code chunks:}, default 1); {@code rareset pipeline} itself runs it whole. */
    public int chunks() { return chunks; }
    public long seed() { return seed; }
    public List<String> phenotypes() { return phenotypes; }

    /** Traits without genetic signal: tested by assoc and shown in the report so that a reader sees calibration; nothing else uses them. */
    public List<String> nullPhenotypes() { return nullPhenotypes; }
    public Path input(String name) { return inputs.get(name); }
    public boolean stepEnabled(String step) { return steps.get(step); }
    public MappingNode section(String step) { return sections.get(step); }
}
