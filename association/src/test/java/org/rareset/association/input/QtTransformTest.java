package org.rareset.association.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareset.association.nullmodel.TraitType;

/**
 * The rank-based inverse normal transform as REGENIE's {@code --apply-rint}: qnorm((r - 3/8) /
 * (n + 1/4)) with mean ranks for ties. Reference quantiles from Python's
 * {@code statistics.NormalDist().inv_cdf}.
 */
class QtTransformTest {
    @Test
    void blomRanksWithTiesSharingTheirMeanRank() {
        // ranks: 3 -> 4, 1 -> 1, the two 2s -> 2.5, 10 -> 5; n = 5
        double[] z = QtTransform.rint(new double[] {3.0, 1.0, 2.0, 2.0, 10.0});
        assertArrayEquals(new double[] {0.497200570681554, -1.1797611176118603, -0.24104039388602683,
                -0.24104039388602683, 1.1797611176118603}, z, 1e-12);
        // the middle rank of an odd n maps to 0, and an outlier counts only by its rank
        assertEquals(0.0, QtTransform.rint(new double[] {5, -1e6, 1e9})[0], 1e-15);
        assertArrayEquals(QtTransform.rint(new double[] {1, 2, 3}), QtTransform.rint(new double[] {-7, 0.5, 4e10}), 0);
    }

    @Test
    void binaryTraitsAndNoneAreLeftAlone() {
        TraitData bt = new TraitData("B", TraitType.BINARY, new int[] {0, 1}, new int[] {0, 1}, new double[] {0, 1},
                new double[][] {{1}, {1}}, List.of(), 0, List.of(), List.of());
        assertSame(bt, QtTransform.RINT.apply(bt));
        TraitData qt = new TraitData("Q", TraitType.QUANTITATIVE, new int[] {0, 1, 2}, new int[] {0, 1, 2}, new double[] {9, 1, 5},
                new double[][] {{1}, {1}, {1}}, List.of(), 0, List.of(), List.of());
        assertSame(qt, QtTransform.NONE.apply(qt));
        assertArrayEquals(QtTransform.rint(qt.y()), QtTransform.RINT.apply(qt).y(), 0);
        assertEquals(QtTransform.RINT, QtTransform.parse(" RINT "));
    }
}
