package org.rareset.association.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareset.association.nullmodel.TraitType;
import org.rareset.core.stats.QuantileNormal;

/** {@code --qt-transform quantile}: DeepRVAT's quantile transform ({@link QuantileNormal}) on quantitative traits only. */
class QtTransformQuantileTest {
    @Test
    void quantileTransformAppliesToQuantitativeTraitsOnly() {
        TraitData qt = trait(TraitType.QUANTITATIVE, new double[] {3, 1, 2, 2, 10});
        TraitData bt = trait(TraitType.BINARY, new double[] {0, 1, 0, 0, 1});
        assertSame(bt, QtTransform.QUANTILE.apply(bt));
        assertArrayEquals(QuantileNormal.transform(qt.y()), QtTransform.QUANTILE.apply(qt).y(), 0);
        assertEquals(QtTransform.QUANTILE, QtTransform.parse("Quantile"));
    }

    private static TraitData trait(TraitType type, double[] y) {
        double[][] x = new double[y.length][];
        for (int i = 0; i < y.length; i++) x[i] = new double[] {1};
        int[] idx = {0, 1, 2, 3, 4};
        return new TraitData("T", type, idx, idx, y, x, List.of(), 0, List.of(), List.of());
    }
}
