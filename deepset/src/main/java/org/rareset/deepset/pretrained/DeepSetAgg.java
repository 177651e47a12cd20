package org.rareset.deepset.pretrained;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rareset.deepset.model.LinearLayer;
import org.rareset.deepset.model.MlpDeepSet;

/**
 * Reads the layers of DeepRVAT's {@code DeepSetAgg} module from a checkpoint's state dict (without
 * its {@code agg_model.} prefix): {@code phi.phi_linear_<i>.weight/.bias} and
 * {@code rho.rho_linear_<i>.weight/.bias}, in order of i.
 */
final class DeepSetAgg {
    private DeepSetAgg() {}

    /** The network of one checkpoint; a malformed state dict raises {@link IllegalArgumentException}. */
    static MlpDeepSet network(String name, Map<String, Tensor> agg, boolean reverse) {
        return MlpDeepSet.deepRvat(name, layers(name, agg, "phi.phi_linear_"), layers(name, agg, "rho.rho_linear_"), reverse);
    }

    private static List<LinearLayer> layers(String name, Map<String, Tensor> agg, String prefix) {
        List<LinearLayer> out = new ArrayList<>();
        for (int i = 0; agg.containsKey(prefix + i + ".weight"); i++) {
            Tensor w = agg.get(prefix + i + ".weight");
            Tensor b = agg.get(prefix + i + ".bias");
            if (b == null) throw new IllegalArgumentException(name + ": " + prefix + i + ".bias is missing");
            if (w.rank() != 2 || b.rank() != 1 || b.size(0) != w.size(0)) {
                throw new IllegalArgumentException("weight " + w + " and bias " + b + " do not form a linear layer");
            }
            out.add(LinearLayer.of(w.size(1), w.size(0), w.values(), b.values()));
        }
        if (out.isEmpty()) throw new IllegalArgumentException(name + ": no " + prefix + "0.weight tensor");
        return out;
    }
}
