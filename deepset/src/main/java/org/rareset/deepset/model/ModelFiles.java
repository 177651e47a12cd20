package org.rareset.deepset.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rareset.core.InputException;
import org.rareset.core.output.OutputFiles;
import org.rareset.core.output.WriteFailure;

/**
 * Saves and loads a trained ensemble as a folder: {@code model.json} ({@link ModelDescription}) and
 * one DJL parameter file per member ({@code repeat_N.params}, an {@link NDList} of named float32
 * arrays in DJL's encoding).
 *
 * <p>The folder is written under a temporary name beside the target and renamed when complete
 * ({@link OutputFiles#commitFolder}), so a failed run never leaves a half-written model. A run
 * killed between that commit's two renames leaves no target and the old model under a hidden name
 * beside it; {@link #save} and {@link #load} first put it back ({@link OutputFiles#recoverFolder}),
 * as the pipeline does with its step folders, so it is neither lost nor left behind.
 */
public final class ModelFiles {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .create();

    private ModelFiles() {}

    /** The fold assignment of a cross-validated ensemble: {@code sample fold}, one row per training sample. */
    public static final String FOLDS_FILE = "folds.tsv";

    /** Parameter file name of member {@code repeat}. */
    public static String parameterFile(int repeat) {
        return "repeat_" + repeat + ".params";
    }

    /** Parameter file name of repeat {@code repeat} of cross-validation fold {@code fold}. */
    public static String parameterFile(int fold, int repeat) {
        return "fold_" + fold + "_repeat_" + repeat + ".params";
    }

    /** Writes an ensemble trained without cross-validation to {@code dir}, replacing a previous model folder there. */
    public static void save(ModelDescription description, List<NetworkWeights> weights, Path dir) {
        save(description, weights, null, dir);
    }

    /**
     * Writes the ensemble to {@code dir}, replacing a previous model folder there; {@code folds}
     * (cross-validated training, else null) goes to {@link #FOLDS_FILE}.
     */
    public static void save(ModelDescription description, List<NetworkWeights> weights, Map<String, Integer> folds,
                            Path dir) {
        try {
            Path absolute = dir.toAbsolutePath();
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            // a model set aside by a killed save comes back, so that it is checked, then replaced (and not left behind)
            OutputFiles.recoverFolder(absolute);
            if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
                throw InputException.of(dir, "exists and is not a folder", "choose another --out");
            }
            if (Files.isDirectory(absolute) && !isEmpty(absolute)
                    && !Files.exists(absolute.resolve(ModelDescription.FILE_NAME))) {
                throw InputException.of(dir, "is a non-empty folder that holds no model",
                        "choose another --out, or empty it");
            }
            Path tmp = OutputFiles.temp(absolute, OutputFiles.TEMP_SUFFIX);
            Files.createDirectory(tmp);
            try {
                try (NDManager manager = NDManager.newBaseManager()) {
                    for (int i = 0; i < weights.size(); i++) {
                        writeParameters(manager, weights.get(i), tmp.resolve(description.members().get(i).parameters()));
                    }
                }
                try (Writer w = Files.newBufferedWriter(tmp.resolve(ModelDescription.FILE_NAME), StandardCharsets.UTF_8)) {
                    GSON.toJson(description, w);
                }
                if (folds != null) {
                    try (Writer w = Files.newBufferedWriter(tmp.resolve(FOLDS_FILE), StandardCharsets.UTF_8)) {
                        w.write("sample\tfold\n");
                        for (Map.Entry<String, Integer> e : folds.entrySet()) w.write(e.getKey() + "\t" + e.getValue() + "\n");
                    }
                }
                OutputFiles.commitFolder(tmp, absolute);
            } finally {
                OutputFiles.discard(tmp);
            }
        } catch (IOException e) {
            InputException fixable = WriteFailure.of(dir, e);
            if (fixable != null) throw fixable;
            throw new UncheckedIOException("cannot write model folder " + dir, e);
        }
    }

    /**
     * Reads a model folder written by {@link #save}; when the folder is missing because a save was
     * killed between its renames, the model it had set aside is put back first.
     */
    public static TrainedEnsemble load(Path dir) {
        if (!Files.exists(dir)) {
            try {
                OutputFiles.recoverFolder(dir);
            } catch (IOException e) {
                throw InputException.of(dir, "is missing, and the model a stopped run set aside beside it cannot be put back: "
                        + e.getMessage(), "rerun rareset train");
            }
        }
        Path json = dir.resolve(ModelDescription.FILE_NAME);
        if (!Files.isRegularFile(json)) {
            throw InputException.of(dir, "is not a RareSet model folder (no " + ModelDescription.FILE_NAME + ")",
                    "give the --out folder of rareset train");
        }
        ModelDescription d;
        try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            d = GSON.fromJson(r, ModelDescription.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json, e);
        } catch (JsonParseException e) {
            throw InputException.of(json, "is not valid model JSON: " + e.getMessage(), "rerun rareset train");
        }
        if (d == null || !ModelDescription.FORMAT.equals(d.format())) {
            throw InputException.of(json, "unknown model format " + (d == null ? null : d.format()),
                    "expected " + ModelDescription.FORMAT);
        }
        NetworkShape shape = new NetworkShape(d.annotations().size(), d.network().phi_hidden(),
                d.network().rho_hidden(), (float) d.network().negative_slope());
        AnnotationScaling scaling = new AnnotationScaling(d.scaling().mean(), d.scaling().sd());
        if (scaling.width() != shape.inputSize()) {
            throw InputException.of(json, "scaling has " + scaling.width() + " columns for "
                    + shape.inputSize() + " annotations", "the file is damaged: rerun rareset train");
        }
        List<MlpDeepSet> members = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (ModelDescription.Member m : d.members()) {
                NetworkWeights w = readParameters(manager, shape, dir.resolve(m.parameters()));
                members.add(MlpDeepSet.trained(w, scaling, m.reverse()));
            }
        }
        Map<String, Integer> folds = d.cross_validation() == null ? null
                : readFolds(dir.resolve(FOLDS_FILE), d.cross_validation().folds());
        try {
            return new TrainedEnsemble(d, members, dir, folds);
        } catch (IllegalArgumentException e) {
            throw InputException.of(json, e.getMessage(), "the model folder is damaged: rerun rareset train");
        }
    }

    /** Reads {@link #FOLDS_FILE}: a header, then {@code sample fold} rows with folds in {@code 0..k-1}. */
    private static Map<String, Integer> readFolds(Path file, int k) {
        Map<String, Integer> out = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InputException.of(file, "cannot read the fold assignment: " + e.getMessage(), "rerun rareset train");
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            Integer fold = null;
            try {
                fold = f.length == 2 ? Integer.valueOf(f[1]) : null;
            } catch (NumberFormatException e) {
                fold = null;
            }
            if (fold == null || fold < 0 || fold >= k || out.put(f[0], fold) != null) {
                throw InputException.atLine(file, i + 1, "expected 'sample<TAB>fold' with a new sample and a fold in 0.."
                        + (k - 1), "the model folder is damaged: rerun rareset train");
            }
        }
        return out;
    }

    private static void writeParameters(NDManager manager, NetworkWeights weights, Path file) throws IOException {
        NDList list = new NDList();
        Map<String, int[]> shapes = weights.shape().parameterShapes();
        for (Map.Entry<String, float[]> e : weights.asMap().entrySet()) {
            long[] dims = java.util.Arrays.stream(shapes.get(e.getKey())).asLongStream().toArray();
            NDArray a = manager.create(e.getValue(), new Shape(dims));
            a.setName(e.getKey());
            list.add(a);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            list.encode(out);
        }
    }

    private static NetworkWeights readParameters(NDManager manager, NetworkShape shape, Path file) {
        Map<String, float[]> values = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            NDList list = NDList.decode(manager, in);
            for (NDArray a : list) values.put(a.getName(), a.toFloatArray());
        } catch (IOException e) {
            throw InputException.of(file, "cannot read model parameters: " + e.getMessage(), "rerun rareset train");
        }
        try {
            return new NetworkWeights(shape, values);
        } catch (IllegalArgumentException e) {
            throw InputException.of(file, e.getMessage(), "the parameters do not match model.json: rerun rareset train");
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
