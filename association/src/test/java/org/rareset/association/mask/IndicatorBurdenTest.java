package org.rareset.association.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.genotype.GeneGenotypes.Column;
import org.junit.jupiter.api.Test;

class IndicatorBurdenTest {
    // 6 samples; column a: samples 1 (1), 4 (2); column b: samples 1 (1), 2 (1), imputed 5 (0.2)
    static final GeneGenotypes G = GeneGenotypes.of(6, List.of(
            new Column("a", new int[] {1, 4}, new double[] {1, 2}, 0.25, 3, 2, 0),
            new Column("b", new int[] {1, 2, 5}, new double[] {1, 1, 0.2}, 0.1, 2, 2, 1)));

    @Test
    void maxAndSumPerSample() {
        Column max = IndicatorBurden.MAX.combine(G);
        Column sum = IndicatorBurden.SUM.combine(G);
        assertArrayEquals(new double[] {0, 1, 1, 0, 2, 0.2}, dense(max, 6), 1e-15);
        assertArrayEquals(new double[] {0, 2, 1, 0, 2, 0.2}, dense(sum, 6), 1e-15);
        assertEquals(3, sum.carriers());
        assertEquals(1, sum.missing());
        assertEquals(5.2 / 12, sum.maf(), 1e-15);
        assertEquals(IndicatorBurden.SUM, IndicatorBurden.byName("Burden-Sum"));
    }

    static double[] dense(Column c, int n) {
        double[] d = new double[n];
        for (int k = 0; k < c.samples().length; k++) d[c.samples()[k]] = c.dosages()[k];
        return d;
    }
}
