package org.rareset.cli.pipeline;

import static org.rareset.cli.pipeline.Step.STAGING;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.rareset.core.InputException;
import org.rareset.report.StudyReport;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Turns a {@link StudyConfig} into the list of {@link Step}s with their exact command lines, and
 * checks every step section against its command (unknown options, wrong values) before anything
 * runs. Steps whose command this build lacks stay in the plan, marked unavailable with the reason,
 * as do the steps that need their outputs.
 */
public final class StepPlanner {
    /** Subcommand run by each step. */
    static final Map<String, String> COMMAND = Map.of(Steps.INGEST, "ingest", Steps.ANNOTATE, "annotate",
            Steps.SEED_GENES, "seed-genes", Steps.TRAIN, "train", Steps.SCORE, "score", Steps.ASSOC, "assoc",
            Steps.RISK, "risk", Steps.REPORT, "report");

    private final StudyConfig cfg;
    private final Path out;
    private final int threads;
    private final Supplier<CommandLine> commandLine;
    private final Map<String, CommandSpec> commands = new LinkedHashMap<>();
    private final Map<String, Step> planned = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param commandLine builds the {@code rareset} command line (with every subcommand): the plan is
     *                    checked against the commands it will run, and the pipeline never imports them
     */
    public StepPlanner(StudyConfig cfg, int threads, Supplier<CommandLine> commandLine) {
        this.cfg = cfg;
        this.out = cfg.output();
        this.threads = threads;
        this.commandLine = commandLine;
        CommandLine root = commandLine.get();
        root.getSubcommands().forEach((name, cl) -> commands.put(name, cl.getCommandSpec()));
    }

    public List<String> warnings() {
        return warnings;
    }

    public List<Step> plan() {
        Path vcf = cfg.input("vcf"), pheno = cfg.input("pheno"), covar = cfg.input("covar"), genes = cfg.input("genes");
        String traits = String.join(",", cfg.phenotypes());
        // assoc (and so the report) also tests the null traits, so that a reader sees the tests' calibration
        List<String> tested = new ArrayList<>(cfg.phenotypes());
        tested.addAll(cfg.nullPhenotypes());
        String assocTraits = String.join(",", tested);

        // ingest: the sparse genotype store, given in inputs or made by the ingest command
        Step ingest;
        Path givenStore = cfg.input("store");
        if (givenStore != null) {
            ingest = new Step(Steps.INGEST, List.of(), List.of(givenStore), Map.of("store", givenStore.toString()),
                    dir(Steps.INGEST), Map.of("store", givenStore), List.of());
            planned.put(Steps.INGEST, ingest);
            if (cfg.section(Steps.INGEST) != null) warnings.add("ingest: options ignored, inputs.store is used as the genotype store");
        } else {
            ingest = step(Steps.INGEST, List.of(), inv("ingest", args("--vcf", vcf, "--out", STAGING + "/cohort.rsg")),
                    List.of(vcf), Map.of("store", "cohort.rsg"), Set.of("--vcf", "--out"));
        }

        // annotate: the annotation table, given in inputs or made by the annotate command
        Step annotate;
        Path givenAnnotations = cfg.input("annotations");
        if (givenAnnotations != null) {
            annotate = new Step(Steps.ANNOTATE, List.of(), List.of(givenAnnotations), Map.of("annotations", givenAnnotations.toString()),
                    dir(Steps.ANNOTATE), Map.of("annotations", givenAnnotations), List.of());
            planned.put(Steps.ANNOTATE, annotate);
            if (cfg.section(Steps.ANNOTATE) != null) warnings.add("annotate: options ignored, inputs.annotations is used as the annotation table");
        } else {
            annotate = step(Steps.ANNOTATE, List.of(), inv("annotate", args("--vcf", vcf, "--out", STAGING + "/annotations.tsv")),
                    List.of(vcf), Map.of("annotations", "annotations.tsv"), Set.of("--vcf", "--out"));
        }
        Path ann = annotate.output("annotations");

        // Every step after ingest reads the store when its command takes --store (decoded once); a
        // command without the option reads the VCF, so a build without the store still runs the study.
        Path store = usable(ingest) ? ingest.output("store") : null;
        Step seed = step(Steps.SEED_GENES, needs("seed-genes", store, Steps.ANNOTATE),
                inv("seed-genes", args(genotypes("seed-genes", store, vcf, "--annotations", ann, "--pheno", pheno, "--covar", covar,
                        "--phenotypes", traits, "--out", STAGING + "/seed_genes.tsv"))),
                inputs(genotypeFile("seed-genes", store, vcf), ann, pheno, covar), Map.of("seed_genes", "seed_genes.tsv"),
                Set.of("--vcf", "--store", "--annotations", "--pheno", "--covar", "--phenotypes", "--out"));

        // Cross-validated training by default: scores then come from networks that never saw the sample.
        int cvFolds = cvFolds();
        Object[] trainFolds = hasOption("train", "--cv-folds") ? new Object[] {"--cv-folds", cvFolds} : new Object[0];
        Object[] scoreFolds = cvFolds > 1 && hasOption("score", "--cv-folds") ? new Object[] {"--cv-folds", cvFolds} : new Object[0];
        Step train = step(Steps.TRAIN, needs("train", store, Steps.ANNOTATE, Steps.SEED_GENES),
                inv("train", args(concat(genotypes("train", store, vcf, "--annotations", ann, "--pheno", pheno, "--covar", covar,
                        "--seed-genes", seed.output("seed_genes"), "--phenotypes", traits, "--seed", cfg.seed(), "--out", STAGING + "/model"),
                        trainFolds))),
                inputs(genotypeFile("train", store, vcf), ann, pheno, covar, seed.output("seed_genes")), Map.of("model", "model"),
                Set.of("--vcf", "--store", "--annotations", "--pheno", "--covar", "--seed-genes", "--phenotypes", "--seed", "--out"));
        folderOutputs(train, "model");

        Step score = step(Steps.SCORE, needs("score", store, Steps.ANNOTATE, Steps.TRAIN),
                inv("score", args(concat(concat(new Object[] {"--model", train.output("model")}, scoreFolds), genotypes("score", store, vcf,
                        "--annotations", ann, "--out", STAGING + "/scores.parquet")))),
                inputs(genotypeFile("score", store, vcf), ann, train.output("model")), Map.of("scores", "scores.parquet"),
                Set.of("--model", "--vcf", "--store", "--annotations", "--out"));

        List<Step.Invocation> assocRuns = new ArrayList<>();
        List<Path> assocInputs = inputs(genotypeFile("assoc", store, vcf), ann, pheno, covar);
        Map<String, String> assocOutputs = new LinkedHashMap<>();
        List<Object> assocArgs = new ArrayList<>(java.util.Arrays.asList(genotypes("assoc", store, vcf, "--annotations", ann,
                "--pheno", pheno, "--covar", covar, "--phenotypes", assocTraits, "--out", STAGING + "/results.tsv")));
        if (genes != null && hasOption("assoc", "--genes")) { // gene names and positions in the result rows
            assocArgs.addAll(List.of("--genes", genes));
            assocInputs.add(genes);
        }
        assocRuns.add(inv("assoc", args(assocArgs.toArray())));
        assocOutputs.put("results", "results.tsv");
        List<String> assocNeeds = needs("assoc", store, Steps.ANNOTATE);
        boolean scoreAssoc = usable(score) && hasOption("assoc", "--scores");
        if (cfg.stepEnabled(Steps.SCORE) && commands.containsKey("assoc") && !scoreAssoc) {
            warnings.add("assoc: gene impairment scores are not tested (" + (usable(score) ? "this build's 'rareset assoc' has no --scores"
                    : "the score step cannot run") + ")");
        }
        if (scoreAssoc) {
            List<Object> scoreArgs = new ArrayList<>(java.util.Arrays.asList("--scores", score.output("scores"), "--pheno", pheno,
                    "--covar", covar, "--phenotypes", assocTraits, "--out", STAGING + "/deeprvat.tsv"));
            if (genes != null && hasOption("assoc", "--genes")) scoreArgs.addAll(List.of("--genes", genes));
            assocRuns.add(new Step.Invocation("assoc", args(scoreArgs.toArray())));
            assocOutputs.put("deeprvat", "deeprvat.tsv");
            assocInputs.add(score.output("scores"));
        }
        Step assoc = step(Steps.ASSOC, assocNeeds, assocRuns, false, assocInputs, assocOutputs,
                Set.of("--vcf", "--store", "--annotations", "--pheno", "--covar", "--phenotypes", "--out", "--scores", "--genes", "--chunk"));

        List<Path> resultFiles = new ArrayList<>();
        resultFiles.add(assoc.output("results"));
        if (assoc.output("deeprvat") != null) resultFiles.add(assoc.output("deeprvat"));
        String results = joinPaths(resultFiles);

        List<String> riskTraits = riskTraits();
        List<Step.Invocation> riskRuns = new ArrayList<>();
        Map<String, String> riskOutputs = new LinkedHashMap<>();
        for (String t : riskTraits) {
            String file = "risk." + StudyReport.slug(t) + ".tsv";
            riskRuns.add(new Step.Invocation("risk", args("--pheno", pheno, "--covar", covar, "--scores", score.output("scores"),
                    "--trait", t, "--seed", cfg.seed(), "--out", STAGING + "/" + file)));
            riskOutputs.put("risk:" + t, file);
        }
        // Risk chooses its genes on its own training split, never from assoc's results (which include the held-out samples).
        List<Path> riskInputs = inputs(pheno, covar, score.output("scores"));
        Step risk = step(Steps.RISK, List.of(Steps.SCORE), riskRuns, true, riskInputs, riskOutputs,
                Set.of("--pheno", "--covar", "--scores", "--trait", "--seed", "--out"));

        List<Object> reportArgs = new ArrayList<>(List.of("--results", results, "--study", cfg.study(), "--out", STAGING));
        List<Path> reportInputs = new ArrayList<>(resultFiles);
        if (genes != null) {
            reportArgs.addAll(List.of("--genes", genes));
            reportInputs.add(genes);
        }
        if (usable(score)) {
            reportArgs.addAll(List.of("--scores", score.output("scores")));
            reportInputs.add(score.output("scores"));
        }
        if (usable(risk) && !risk.outputs().isEmpty()) {
            List<Path> riskFiles = new ArrayList<>(risk.outputs().values());
            reportArgs.addAll(List.of("--risk", joinPaths(riskFiles)));
            reportInputs.addAll(riskFiles);
        }
        step(Steps.REPORT, List.of(Steps.ASSOC), inv("report", args(reportArgs.toArray())), reportInputs,
                Map.of("html", StudyReport.slug(cfg.study()) + ".html"), Set.of("--results", "--study", "--out", "--genes", "--scores", "--risk"));
        return List.copyOf(planned.values());
    }

    /** Default folds of cross-validated training in the pipeline (DeepRVAT's n_folds default). */
    static final int DEFAULT_CV_FOLDS = 5;

    /** {@code train.cv_folds} (the pipeline passes it to train and score), default {@link #DEFAULT_CV_FOLDS}; 1 = no cross-validation. */
    private int cvFolds() {
        MappingNode m = cfg.section(Steps.TRAIN);
        if (m != null) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("cv_folds")) {
                    String v = StudyConfig.scalar(cfg.file(), t.getValueNode(), "train.cv_folds");
                    try {
                        int folds = Integer.parseInt(v.trim());
                        if (folds >= 1) return folds;
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                    throw YamlConfigException.at(cfg.file(), t.getValueNode(), "train.cv_folds: '" + v + "' is not a whole number >= 1",
                            "give the number of folds (1: no cross-validation)");
                }
            }
        }
        return DEFAULT_CV_FOLDS;
    }

    private List<String> riskTraits() {
        MappingNode m = cfg.section(Steps.RISK);
        if (m != null) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("traits")) {
                    List<String> traits = StudyConfig.stringList(cfg.file(), t.getValueNode(), "risk.traits");
                    for (String tr : traits) {
                        if (!cfg.phenotypes().contains(tr)) {
                            throw YamlConfigException.at(cfg.file(), t.getValueNode(), "risk.traits: '" + tr + "' is not one of the phenotypes "
                                    + cfg.phenotypes(), "list traits from 'phenotypes'");
                        }
                    }
                    return traits;
                }
            }
        }
        return cfg.phenotypes();
    }

    /** The genotype file {@code command} reads: the store when there is one and the command takes --store, else the VCF. */
    private Path genotypeFile(String command, Path store, Path vcf) {
        return store != null && hasOption(command, "--store") ? store : vcf;
    }

    /** {@code --store STORE} or {@code --vcf VCF} (see {@link #genotypeFile}) followed by {@code rest}. */
    private Object[] genotypes(String command, Path store, Path vcf, Object... rest) {
        Path g = genotypeFile(command, store, vcf);
        Object[] a = new Object[rest.length + 2];
        a[0] = g == store ? "--store" : "--vcf";
        a[1] = g;
        System.arraycopy(rest, 0, a, 2, rest.length);
        return a;
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** The steps a step running {@code command} needs: {@code steps}, and ingest when it reads the store. */
    private List<String> needs(String command, Path store, String... steps) {
        List<String> n = new ArrayList<>();
        if (store != null && hasOption(command, "--store")) n.add(Steps.INGEST);
        n.addAll(List.of(steps));
        return n;
    }

    private boolean usable(Step s) {
        return s != null && cfg.stepEnabled(s.name()) && s.available();
    }

    private boolean hasOption(String command, String option) {
        CommandSpec spec = commands.get(command);
        return spec != null && spec.findOption(option) != null;
    }

    /** Marks outputs of a planned step as folders (the workflow engines declare them so). */
    private void folderOutputs(Step s, String... keys) {
        planned.put(s.name(), new Step(s.name(), s.invocations(), s.inputs(), s.params(), s.dir(), s.outputs(), s.unavailable(),
                Set.of(keys)));
    }

    private Path dir(String step) {
        return out.resolve(Steps.folder(step));
    }

    /** Builds, checks and records one step. */
    private Step step(String name, List<String> needs, Step.Invocation invocation, List<Path> inputs, Map<String, String> outputs,
                      Set<String> managed) {
        return step(name, needs, List.of(invocation), false, inputs, outputs, managed);
    }

    /** @param sectionToAll the step's section options go to every invocation, not only the first */
    private Step step(String name, List<String> needs, List<Step.Invocation> invocations, boolean sectionToAll, List<Path> inputs,
                      Map<String, String> outputs, Set<String> managed) {
        List<String> unavailable = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("phenotypes", String.join(",", cfg.phenotypes()));
        params.put("seed", Long.toString(cfg.seed()));
        List<Step.Invocation> full = new ArrayList<>();
        String command = COMMAND.get(name);
        CommandSpec spec = commands.get(command);
        if (spec == null) {
            unavailable.add("command 'rareset " + command + "' is not available in this build");
            if (cfg.section(name) != null) warnings.add(name + ": options not checked, 'rareset " + command + "' is not available in this build");
            full.addAll(invocations);
        } else {
            List<Path> sectionFiles = new ArrayList<>();
            List<String> extra = sectionArgs(name, spec, managed, params, sectionFiles);
            if (!sectionFiles.isEmpty()) {
                Set<Path> all = new LinkedHashSet<>(inputs);
                all.addAll(sectionFiles);
                inputs = new ArrayList<>(all);
            }
            for (Step.Invocation inv : invocations) {
                List<String> a = new ArrayList<>(inv.args());
                if (sectionToAll || inv == invocations.get(0)) a.addAll(extra);
                if (spec.findOption("--threads") != null) a.addAll(List.of("--threads", Integer.toString(threads)));
                full.add(new Step.Invocation(inv.command(), a));
                check(name, spec, a);
            }
        }
        for (String n : needs) {
            Step up = planned.get(n);
            if (up != null && (!cfg.stepEnabled(n) || !up.available())) {
                if (!cfg.stepEnabled(n) && up.invocations().isEmpty()) continue; // given as an input
                unavailable.add("needs the outputs of step " + n + (cfg.stepEnabled(n) ? ", which cannot run" : ", which is switched off"));
            }
        }
        Path dir = dir(name);
        Map<String, Path> outs = new LinkedHashMap<>();
        outputs.forEach((k, v) -> outs.put(k, dir.resolve(v)));
        Step s = new Step(name, full, inputs, params, dir, outs, unavailable);
        planned.put(name, s);
        return s;
    }

    /** The step's configuration section as command options, each checked against the command. */
    private List<String> sectionArgs(String step, CommandSpec spec, Set<String> managed, Map<String, String> params, List<Path> files) {
        MappingNode m = cfg.section(step);
        List<String> out = new ArrayList<>();
        if (m == null) return out;
        for (NodeTuple t : m.getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (step.equals(Steps.RISK) && key.equals("traits")) continue; // the pipeline's own key
            if (step.equals(Steps.TRAIN) && key.equals("cv_folds")) continue; // passed to train and score by plan()
            String option = "--" + key.replace('_', '-');
            OptionSpec opt = spec.findOption(option);
            if (opt == null || key.contains("-") || option.equals("--help") || option.equals("--version")) {
                throw YamlConfigException.at(cfg.file(), t.getKeyNode(), "unknown key '" + key + "' in " + step,
                        "options of 'rareset " + spec.name() + "' in snake_case: " + String.join(", ", keys(spec, managed)));
            }
            if (GENOTYPE_SOURCES.contains(opt.longestName())) {
                // the genotypes are inputs.vcf or inputs.store; a second source would reach the command beside the pipeline's
                throw YamlConfigException.at(cfg.file(), t.getKeyNode(), step + "." + key + " is set by the pipeline",
                        "remove it: the steps read inputs.vcf or inputs.store (ingest PLINK or BGEN files with rareset ingest and give the store as inputs.store)");
            }
            if (GENOTYPE_FILE_QUALIFIERS.contains(opt.longestName())) {
                // they qualify PLINK/BGEN reading, which no step of the pipeline does: here they would do nothing
                throw YamlConfigException.at(cfg.file(), t.getKeyNode(), step + "." + key + " does nothing in the pipeline: "
                        + opt.longestName() + " is for PLINK/BGEN input, and the steps read inputs.vcf or inputs.store",
                        "remove it; it belongs on the 'rareset ingest' command line that makes a store of the PLINK/BGEN files, "
                                + "then give that store as inputs.store");
            }
            if (managed.contains(opt.longestName()) || opt.longestName().equals("--threads")) {
                String topLevel = opt.longestName().equals("--threads") ? " (threads: at the top level)"
                        : opt.longestName().equals("--seed") ? " (seed: at the top level)" : "";
                throw YamlConfigException.at(cfg.file(), t.getKeyNode(), step + "." + key + " is set by the pipeline",
                        "remove it: the pipeline passes " + opt.longestName() + " itself" + topLevel);
            }
            Node v = t.getValueNode();
            String value;
            if (v instanceof SequenceNode) {
                value = String.join(",", StudyConfig.stringList(cfg.file(), v, step + "." + key));
            } else {
                value = StudyConfig.scalar(cfg.file(), v, step + "." + key);
            }
            value = resolveFile(step + "." + key, v, opt, value, files);
            params.put(step + "." + key, value);
            if (opt.arity().max() == 0) { // a flag: true adds it, false leaves it out
                String b = value.toLowerCase(Locale.ROOT);
                if (!Set.of("true", "false", "yes", "no").contains(b)) {
                    throw YamlConfigException.at(cfg.file(), v, step + "." + key + ": '" + value + "' is not true or false", "it is a switch");
                }
                if (b.equals("true") || b.equals("yes")) out.add(opt.longestName());
            } else {
                out.add(opt.longestName());
                out.add(value);
            }
        }
        return out;
    }

    /**
     * A file named in a section (an option whose label starts with FILE, e.g. --genes=FILE or
     * --table=FILE:COL,...) resolves against the folder of the configuration file, like the inputs,
     * and becomes an input of the step so that a change to it reruns the step.
     */
    private String resolveFile(String key, Node node, OptionSpec opt, String value, List<Path> files) {
        String label = opt.paramLabel();
        if (label == null || !label.startsWith("FILE") || opt.longestName().equals("--log-file")) return value;
        boolean keyed = label.startsWith("FILE:");
        int colon = keyed ? value.indexOf(':') : -1;
        String file = colon < 0 ? value : value.substring(0, colon);
        if (file.isEmpty()) return value;
        Path p = cfg.file().toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(p)) {
            throw YamlConfigException.at(cfg.file(), node, key + ": " + p + " does not exist",
                    "paths are relative to the folder of " + cfg.file().getFileName());
        }
        files.add(p);
        return colon < 0 ? p.toString() : p + value.substring(colon);
    }

    /** Parses the full command line with the command's own parser: wrong values fail here, not mid-run. */
    private void check(String step, CommandSpec spec, List<String> args) {
        List<String> full = new ArrayList<>();
        full.add(spec.name());
        for (String a : args) full.add(a.replace(STAGING, out.toString()));
        try {
            commandLine.get().parseArgs(full.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            Node where = cfg.section(step);
            if (e.getArgSpec() instanceof OptionSpec o && cfg.section(step) != null) {
                for (NodeTuple t : cfg.section(step).getValue()) {
                    if (("--" + ((ScalarNode) t.getKeyNode()).getValue().replace('_', '-')).equals(o.longestName())) where = t.getValueNode();
                }
            }
            throw where == null
                    ? InputException.of(cfg.file(), "step " + step + ": " + e.getMessage(), "check the inputs and phenotypes")
                    : YamlConfigException.at(cfg.file(), where, step + ": " + e.getMessage(), "see 'rareset " + spec.name() + " --help'");
        }
    }

    /** Genotype sources of the commands: the pipeline gives each step its own (inputs.vcf or inputs.store). */
    static final Set<String> GENOTYPE_SOURCES = Set.of("--vcf", "--store", "--bfile", "--bed", "--bgen");

    /**
     * Options that only qualify how PLINK or BGEN files are read (GenotypeFileOptions): the steps read
     * inputs.vcf or inputs.store, so in a step section they would be accepted and do nothing.
     */
    static final Set<String> GENOTYPE_FILE_QUALIFIERS = Set.of("--bim", "--fam", "--sample", "--fid-iid", "--ref-first",
            "--hard-call-threshold");

    private static List<String> keys(CommandSpec spec, Set<String> managed) {
        Set<String> k = new TreeSet<>();
        for (OptionSpec o : spec.options()) {
            String n = o.longestName();
            if (!n.startsWith("--") || managed.contains(n) || GENOTYPE_SOURCES.contains(n) || GENOTYPE_FILE_QUALIFIERS.contains(n)
                    || o.usageHelp() || o.versionHelp()
                    || Set.of("--threads", "--debug", "--quiet", "--log-file").contains(n)) continue;
            k.add(n.substring(2).replace('-', '_'));
        }
        return new ArrayList<>(k);
    }

    private static Step.Invocation inv(String command, List<String> args) {
        return new Step.Invocation(command, args);
    }

    /** Arguments as strings; a null value drops its option (an optional input that is absent). */
    private static List<String> args(Object... a) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            Object v = a[i];
            if (v instanceof String s && s.startsWith("--") && i + 1 < a.length && a[i + 1] == null) {
                i++;
                continue;
            }
            out.add(String.valueOf(v));
        }
        return out;
    }

    private static List<Path> inputs(Path... p) {
        Set<Path> s = new LinkedHashSet<>();
        for (Path x : p) if (x != null) s.add(x);
        return new ArrayList<>(s);
    }

    private static String joinPaths(List<Path> paths) {
        List<String> s = new ArrayList<>();
        for (Path p : paths) s.add(p.toString());
        return String.join(",", s);
    }
}
