package org.rareset.deepset.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rareset.deepset.model.AnnotationScaling;
import org.rareset.deepset.model.MlpDeepSet;
import org.rareset.deepset.model.NetworkShape;
import org.rareset.deepset.model.NetworkWeights;

/**
 * DeepRVAT's sign rule (associate.py reverse_models) on a network small enough to work by hand:
 * inputs (flag, other), every layer one unit wide with weight 1 and bias 0 except phi's first,
 * {@code w * flag + other}. With LeakyReLU(0.01) after phi.0, phi.1, rho.0 and rho.1, a gene carrying
 * one row scores {@code sigmoid(f(w * flag + other))}, {@code f(h) = h} for h > 0, {@code 1e-8 h} otherwise.
 */
class SignCheckTest {
    private static final List<String> COLUMNS = List.of("is_plof", "CADD_raw");

    @Test
    void negatesWhenThePlofFlagLowersTheMeanScore() {
        TrainingData data = dataWithSignRows();
        SignCheck.Outcome lowers = SignCheck.check(network(-3), data);
        assertEquals(2, lowers.plofRows(), "rows with is_plof == 1 only (not 0.5, not 0)");
        assertEquals((expected(-3 + 2) + expected(-3 + 0.5)) / 2, lowers.meanWithFlags(), 1e-12);
        assertEquals((expected(2) + expected(0.5)) / 2, lowers.meanWithoutFlags(), 1e-12);
        assertTrue(lowers.reverse());

        SignCheck.Outcome raises = SignCheck.check(network(3), data);
        assertEquals((expected(5) + expected(3.5)) / 2, raises.meanWithFlags(), 1e-12);
        assertFalse(raises.reverse(), "a network whose pLoF flag raises the score keeps its sign");
    }

    @Test
    void withoutTableRowsTheTrainingRowsWithAFlagAreUsed() {
        TrainingData.Builder b = builder();
        b.addRow(0, new double[] {1, 2}, new int[] {0});
        b.addRow(0, new double[] {0, 1}, new int[] {1});
        TrainingData data = b.build();
        assertEquals(1, data.nSignCheckRows());
        SignCheck.Outcome o = SignCheck.check(network(-3), data);
        assertEquals(expected(-1), o.meanWithFlags(), 1e-12);
        assertTrue(o.reverse());
    }

    @Test
    void noPlofRowKeepsTheSign() {
        TrainingData.Builder b = builder();
        b.addRow(0, new double[] {0, 1}, new int[] {1});
        SignCheck.Outcome o = SignCheck.check(network(-3), b.build());
        assertEquals(0, o.plofRows());
        assertFalse(o.reverse());
    }

    /** Training rows carry no flag; the table's rows of other genes do (the sign check reads every gene). */
    private static TrainingData dataWithSignRows() {
        TrainingData.Builder b = builder();
        b.addRow(0, new double[] {0, 1}, new int[] {0});
        b.signCheckRow(new double[] {1, 2});
        b.signCheckRow(new double[] {1, 0.5});
        b.signCheckRow(new double[] {0.5, 3});
        b.signCheckRow(new double[] {0, 1});
        return b.build();
    }

    private static TrainingData.Builder builder() {
        AnnotationScaling identity = new AnnotationScaling(new double[] {0, 0}, new double[] {1, 1});
        return new TrainingData.Builder(COLUMNS, identity, new int[] {0}, List.of("G1"), List.of("S1", "S2"));
    }

    private static double expected(double h) {
        double f = h > 0 ? h : h * 1e-8;
        return 1 / (1 + Math.exp(-f));
    }

    private static MlpDeepSet network(float w) {
        NetworkShape shape = new NetworkShape(2, 1, 1, 0.01f);
        Map<String, float[]> p = new java.util.LinkedHashMap<>();
        for (NetworkShape.Layer l : shape.layers()) {
            p.put(l.weightName(), l.name().equals("phi.0") ? new float[] {w, 1} : new float[] {1});
            p.put(l.biasName(), new float[] {0});
        }
        p.put(NetworkShape.EMPTY, new float[] {0});
        AnnotationScaling identity = new AnnotationScaling(new double[] {0, 0}, new double[] {1, 1});
        return MlpDeepSet.trained(new NetworkWeights(shape, p), identity, false);
    }
}
