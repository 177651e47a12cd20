package org.rareset.deepset.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;

class CheckpointReaderTest {

    /**
     * weights.json was written from torch.load(ckpt)["state_dict"] (torch 1.13) as shortest decimals
     * of the float32 values; every one of the 30 x 1451 parameters must come back bit-identical.
     */
    @Test
    void aggregationWeightsMatchTorchExport() throws IOException {
        Path dir = SharedData.pretrained();
        JsonObject json;
        try (Reader r = Files.newBufferedReader(dir.resolve("weights.json"))) {
            json = JsonParser.parseReader(r).getAsJsonObject();
        }
        JsonArray models = json.getAsJsonArray("models");
        assertEquals(30, models.size());
        int checked = 0;
        for (JsonElement e : models) {
            JsonObject model = e.getAsJsonObject();
            Path ckpt = dir.resolve(model.get("checkpoint").getAsString());
            CheckpointReader.Checkpoint cp = CheckpointReader.read(ckpt);
            Map<String, Tensor> agg = cp.withPrefix("agg_model.");
            assertEquals(model.get("reverse").getAsBoolean(), Files.exists(Path.of(ckpt + ".reverse")), ckpt.toString());
            JsonObject layers = model.getAsJsonObject("layers");
            assertEquals(layers.size(), agg.size(), "agg_model tensors in " + ckpt);
            for (String key : layers.keySet()) {
                JsonObject layer = layers.getAsJsonObject(key);
                Tensor t = agg.get(key);
                int[] shape = new int[layer.getAsJsonArray("shape").size()];
                for (int i = 0; i < shape.length; i++) shape[i] = layer.getAsJsonArray("shape").get(i).getAsInt();
                assertArrayEquals(shape, t.shape(), key);
                JsonArray values = layer.getAsJsonArray("values");
                float[] expected = new float[values.size()];
                for (int i = 0; i < expected.length; i++) expected[i] = Float.parseFloat(values.get(i).getAsString());
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(t.values()[i]),
                            ckpt + " " + key + "[" + i + "]");
                }
                checked += expected.length;
            }
        }
        assertEquals(30 * 1451, checked);
    }

    @Test
    void readsHyperParametersAndOtherEntries() {
        Path ckpt = SharedData.pretrained().resolve("repeat_0/best/bag_0.ckpt");
        CheckpointReader.Checkpoint cp = CheckpointReader.read(ckpt);
        Map<?, ?> root = (Map<?, ?>) cp.root();
        assertEquals("1.5.10", root.get("pytorch-lightning_version"));
        Map<?, ?> hp = (Map<?, ?>) root.get("hyper_parameters");
        assertEquals("max", hp.get("pool"));
        assertEquals(Boolean.TRUE, hp.get("use_sigmoid"));
        assertEquals(34L, hp.get("n_annotations"));
        // The phenotype heads are in the state dict too, with the aggregation layers.
        assertTrue(cp.stateDict().keySet().stream().anyMatch(k -> k.startsWith("gene_pheno.")));
        assertEquals(10, cp.withPrefix("agg_model.").size());
    }

    @Test
    void refusesAFileThatIsNotACheckpoint(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bag_0.ckpt");
        Files.writeString(bad, "not a zip");
        InputException e = assertThrows(InputException.class, () -> CheckpointReader.read(bad));
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
    }
}
