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
 * <p>The folder is written under a temporary name beside the target and renamed when complete, so
 * a failed run never leaves a half-written model.
 */
public final class ModelFiles {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .create();

    private ModelFiles() {}

    /** Parameter file name of member {@code repeat}. */
    public static String parameterFile(int repeat) {
        return "repeat_" + repeat + ".params";
    }

    /** Writes the ensemble to {@code dir}, replacing a previous model folder there. */
    public static void save(ModelDescription description, List<NetworkWeights> weights, Path dir) {
        try {
            Path absolute = dir.toAbsolutePath();
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
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

    /** Reads a model folder written by {@link #save}. */
    public static TrainedEnsemble load(Path dir) {
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
        return new TrainedEnsemble(d, members, dir);
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
