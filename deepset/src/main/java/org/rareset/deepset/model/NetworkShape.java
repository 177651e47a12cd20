package org.rareset.deepset.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sizes of the deep-set network (DeepRVAT's layout):
 * <pre>
 *   phi = Linear(inputSize, phiHidden), LeakyReLU, Linear(phiHidden, phiHidden), LeakyReLU
 *   pool = masked max over a gene's carried variants; a gene with none uses the learned vector "empty"
 *   rho = Linear(phiHidden, rhoHidden), LeakyReLU, Linear(rhoHidden, rhoHidden), LeakyReLU, Linear(rhoHidden, 1)
 * </pre>
 * Weights follow PyTorch: {@code y = W x + b}, {@code W} of shape {@code [out, in]}, row-major.
 */
public record NetworkShape(int inputSize, int phiHidden, int rhoHidden, float negativeSlope) {

    public static final int DEFAULT_PHI_HIDDEN = 20;
    public static final int DEFAULT_RHO_HIDDEN = 10;
    public static final float DEFAULT_NEGATIVE_SLOPE = 0.01f;

    public NetworkShape {
        if (inputSize < 1 || phiHidden < 1 || rhoHidden < 1) {
            throw new IllegalArgumentException("network sizes must be positive: " + inputSize + ", "
                    + phiHidden + ", " + rhoHidden);
        }
    }

    /** The linear layers in evaluation order: name prefix and [out, in]. */
    public List<Layer> layers() {
        return List.of(new Layer("phi.0", phiHidden, inputSize), new Layer("phi.1", phiHidden, phiHidden),
                new Layer("rho.0", rhoHidden, phiHidden), new Layer("rho.1", rhoHidden, rhoHidden),
                new Layer("rho.2", 1, rhoHidden));
    }

    /** Every parameter's name and shape, in a fixed order: the layers' weight and bias, then "empty". */
    public Map<String, int[]> parameterShapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (Layer l : layers()) {
            shapes.put(l.weightName(), new int[] {l.out(), l.in()});
            shapes.put(l.biasName(), new int[] {l.out()});
        }
        shapes.put(EMPTY, new int[] {phiHidden});
        return shapes;
    }

    public List<String> parameterNames() {
        return new ArrayList<>(parameterShapes().keySet());
    }

    /** Name of the learned pooled embedding of a gene in which a sample carries nothing. */
    public static final String EMPTY = "empty";

    /** One linear layer. */
    public record Layer(String name, int out, int in) {
        public String weightName() { return name + ".weight"; }
        public String biasName() { return name + ".bias"; }
    }
}
