package org.rareset.deepset.pretrained;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rareset.core.InputException;
import org.rareset.deepset.model.MlpDeepSet;
import org.rareset.deepset.model.ScoringEnsemble;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * DeepRVAT's published gene impairment modules, read from a folder laid out as DeepRVAT's
 * {@code pretrained_models/}: {@code model_config.yaml} (its {@code rare_variant_annotations} list
 * gives the input columns in order) and {@code repeat_<N>/best/bag_<K>.ckpt} checkpoints, each
 * negated when a {@code .ckpt.reverse} file sits beside it. Members are ordered by repeat, then bag.
 *
 * <p>Missing annotation values take DeepRVAT's fill values: 1 for {@code sift_score}, 10000 for
 * {@code MAF_MB}, 0 for everything else.
 */
public final class PretrainedEnsemble implements ScoringEnsemble {
    public static final String CONFIG = "model_config.yaml";
    public static final String REVERSE_SUFFIX = ".reverse";
    private static final String AGG_PREFIX = "agg_model.";
    private static final Pattern REPEAT_BAG = Pattern.compile(".*repeat_(\\d+).*bag_(\\d+)\\.ckpt$");

    private final Path dir;
    private final List<String> annotations;
    private final List<MlpDeepSet> members;

    public PretrainedEnsemble(Path dir, List<String> annotations, List<MlpDeepSet> members) {
        this.dir = dir;
        this.annotations = List.copyOf(annotations);
        this.members = List.copyOf(members);
    }

    /** Loads every checkpoint under {@code dir}; bad folders raise {@link InputException}. */
    public static PretrainedEnsemble load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw InputException.of(dir, "not a folder", "give DeepRVAT's pretrained_models folder");
        }
        List<String> annotations = readAnnotations(dir.resolve(CONFIG));
        List<Path> checkpoints = findCheckpoints(dir);
        List<MlpDeepSet> members = new ArrayList<>();
        for (Path ckpt : checkpoints) {
            CheckpointReader.Checkpoint cp = CheckpointReader.read(ckpt);
            checkHyperParameters(cp, annotations.size());
            boolean reverse = Files.exists(ckpt.resolveSibling(ckpt.getFileName() + REVERSE_SUFFIX));
            MlpDeepSet net;
            try {
                net = DeepSetAgg.network(dir.relativize(ckpt).toString(), cp.withPrefix(AGG_PREFIX), reverse);
            } catch (IllegalArgumentException e) {
                throw InputException.of(ckpt, "not a DeepRVAT DeepSet checkpoint: " + e.getMessage(), null);
            }
            if (net.inputSize() != annotations.size()) {
                throw InputException.of(ckpt, "the model reads " + net.inputSize() + " annotations, " + CONFIG
                        + " lists " + annotations.size(), "use the model_config.yaml that came with the checkpoints");
            }
            members.add(net);
        }
        return new PretrainedEnsemble(dir, annotations, members);
    }

    static List<String> readAnnotations(Path config) {
        if (!Files.isRegularFile(config)) {
            throw InputException.of(config, "missing", "the folder needs DeepRVAT's model_config.yaml beside the repeat_* folders");
        }
        Object root;
        try (Reader r = Files.newBufferedReader(config)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException | RuntimeException e) {
            throw InputException.of(config, "cannot read YAML: " + e.getMessage(), null);
        }
        if (root instanceof Map<?, ?> m && m.get("rare_variant_annotations") instanceof List<?> list && !list.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (Object o : list) out.add(String.valueOf(o));
            return out;
        }
        throw InputException.of(config, "no rare_variant_annotations list", "it names the model's input columns in order");
    }

    static List<Path> findCheckpoints(Path dir) {
        List<Path> found;
        try (Stream<Path> s = Files.walk(dir, 4)) {
            found = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".ckpt") && Files.isRegularFile(p)).toList());
        } catch (IOException e) {
            throw InputException.of(dir, "cannot list: " + e, null);
        }
        if (found.isEmpty()) {
            throw InputException.of(dir, "no .ckpt checkpoints found", "expected repeat_<N>/best/bag_<K>.ckpt files");
        }
        found.sort(Comparator.comparingLong((Path p) -> repeatBag(dir, p)).thenComparing(Path::toString));
        return found;
    }

    /** Sort key: repeat number, then bag number; files without them sort last by name. */
    private static long repeatBag(Path dir, Path p) {
        Matcher m = REPEAT_BAG.matcher(dir.relativize(p).toString());
        if (!m.matches()) return Long.MAX_VALUE;
        return Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(m.group(2));
    }

    /** Refuses a checkpoint whose hyper-parameters describe a network this class does not compute. */
    private static void checkHyperParameters(CheckpointReader.Checkpoint cp, int nAnnotations) {
        if (!(cp.root() instanceof Map<?, ?> root) || !(root.get("hyper_parameters") instanceof Map<?, ?> hp)) return;
        require(cp, hp, "pool", "max");
        require(cp, hp, "activation", "LeakyReLU");
        require(cp, hp, "use_sigmoid", Boolean.TRUE);
        Object n = hp.get("n_annotations");
        if (n instanceof Long k && k != nAnnotations) {
            throw InputException.of(cp.file(), "n_annotations is " + k + ", " + CONFIG + " lists " + nAnnotations, null);
        }
    }

    private static void require(CheckpointReader.Checkpoint cp, Map<?, ?> hp, String key, Object expected) {
        Object v = hp.get(key);
        if (v != null && !expected.equals(v)) {
            throw InputException.of(cp.file(), "hyper-parameter " + key + " is " + v + ", only " + expected
                    + " is supported", null);
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public List<String> annotations() {
        return annotations;
    }

    @Override
    public List<MlpDeepSet> members() {
        return members;
    }

    @Override
    public OptionalDouble missingValue(String annotation) {
        return switch (annotation) {
            case "sift_score" -> OptionalDouble.of(1.0);
            case "MAF_MB" -> OptionalDouble.of(10000.0);
            default -> OptionalDouble.of(0.0);
        };
    }

    @Override
    public String describe() {
        long reversed = members.stream().filter(MlpDeepSet::reverse).count();
        return "DeepRVAT pretrained ensemble " + dir + ": " + members.size() + " models (" + reversed
                + " reversed), " + annotations.size() + " annotations";
    }
}
