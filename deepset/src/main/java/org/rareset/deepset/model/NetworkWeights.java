package org.rareset.deepset.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The float32 parameters of one trained network, by name (see {@link NetworkShape#parameterShapes()}).
 * Immutable: arrays are copied in and out.
 */
public final class NetworkWeights {
    private final NetworkShape shape;
    private final Map<String, float[]> values;

    public NetworkWeights(NetworkShape shape, Map<String, float[]> values) {
        this.shape = shape;
        Map<String, float[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : shape.parameterShapes().entrySet()) {
            float[] v = values.get(e.getKey());
            int size = Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b);
            if (v == null) throw new IllegalArgumentException("parameter " + e.getKey() + " is missing");
            if (v.length != size) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " has " + v.length
                        + " values, expected " + size);
            }
            copy.put(e.getKey(), v.clone());
        }
        this.values = copy;
    }

    public NetworkShape shape() {
        return shape;
    }

    public float[] get(String name) {
        float[] v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no parameter " + name);
        return v.clone();
    }

    /** A copy of every parameter, in {@link NetworkShape#parameterNames()} order. */
    public Map<String, float[]> asMap() {
        Map<String, float[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NetworkWeights w) || !shape.equals(w.shape)) return false;
        for (String k : values.keySet()) if (!Arrays.equals(values.get(k), w.values.get(k))) return false;
        return true;
    }

    @Override
    public int hashCode() {
        int h = shape.hashCode();
        for (float[] v : values.values()) h = 31 * h + Arrays.hashCode(v);
        return h;
    }
}
