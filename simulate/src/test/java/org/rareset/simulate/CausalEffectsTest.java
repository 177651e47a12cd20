package org.rareset.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rareset.core.InputException;

/** The per-variant weight of the causal-effect models against their closed forms. */
class CausalEffectsTest {
    static final CausalEffects NO_NOISE = new CausalEffects(CausalEffects.Model.ANNOTATION, 0, 0);

    static AlleleAnnotation allele(Consequence term, double damage, double cadd, double alphaMissense) {
        int terms = term == null ? 0 : term.bit();
        return new AlleleAnnotation(terms, damage, cadd, 0, 1, 0, 0, alphaMissense, 0, 0, 0);
    }

    @Test
    void annotationFunctionIsItsFormula() {
        // pLoF: 1 whatever the scores.
        assertEquals(1.0, NO_NOISE.weight(allele(Consequence.STOP_GAINED, 1, 3, 0), 1e-4, null), 0);
        // CADD at the midpoint, AlphaMissense 0.5: 0.5 x 0.5 + 0.5 x 0.25.
        assertEquals(0.375, NO_NOISE.weight(allele(Consequence.MISSENSE, 0.4, 20, 0.5), 1e-4, null), 1e-15);
        // CADD 25, no AlphaMissense: 0.5 / (1 + e^-2) = 0.4403985389...
        assertEquals(0.44039853898894116, NO_NOISE.weight(allele(null, 0, 25, 0), 1e-4, null), 1e-15);
        // A synonymous allele of CADD 3: 0.5 / (1 + e^6.8).
        assertEquals(0.5 / (1 + Math.exp(6.8)), NO_NOISE.weight(allele(null, 0, 3, 0), 1e-4, null), 1e-18);
    }

    @Test
    void commonAllelesCarryNothingInTheAnnotationModelAndDamageInTheDamageModel() {
        AlleleAnnotation a = allele(Consequence.MISSENSE, 0.27, 30, 0.9);
        assertEquals(0.0, NO_NOISE.weight(a, 0.02, null), 0);
        assertTrue(NO_NOISE.weight(a, 0.01, null) > 0, "frequency 0.01 is still rare");
        assertEquals(0.27, CausalEffects.DEFAULT.weight(a, 0.02, null), 0);
        assertEquals(0.27, CausalEffects.DEFAULT.weight(a, 1e-5, null), 0);
    }

    /** w / f is log-normal with log-mean -sigma^2/2 and log-sd sigma, so its mean is 1. */
    @Test
    void noiseIsMeanOneLogNormal() {
        double sigma = 0.5;
        CausalEffects m = new CausalEffects(CausalEffects.Model.ANNOTATION, 0, sigma);
        AlleleAnnotation a = allele(Consequence.MISSENSE, 0.5, 22, 0.6);
        double f = CausalEffects.annotationFunction(a);
        SplittableRandom rng = new SplittableRandom(3);
        int n = 200_000;
        double sum = 0, sumLog = 0, sumLog2 = 0;
        for (int i = 0; i < n; i++) {
            double r = m.weight(a, 1e-4, rng) / f;
            sum += r;
            sumLog += Math.log(r);
            sumLog2 += Math.log(r) * Math.log(r);
        }
        double meanLog = sumLog / n;
        double sdLog = Math.sqrt(sumLog2 / n - meanLog * meanLog);
        // Standard errors: sigma / sqrt(n) = 0.0011 for the log-mean; sd(r) / sqrt(n) = 0.0012 for the mean.
        assertEquals(-sigma * sigma / 2, meanLog, 0.005);
        assertEquals(sigma, sdLog, 0.005);
        assertEquals(1.0, sum / n, 0.006);
    }

    @Test
    void badValuesNameTheirOption() {
        InputException e = assertThrows(InputException.class,
                () -> new CausalEffects(CausalEffects.Model.ANNOTATION, -1, 0).validate());
        assertTrue(e.getMessage().contains("--gene-variance"), e.getMessage());
        e = assertThrows(InputException.class, () -> new CausalEffects(CausalEffects.Model.DAMAGE, 0, 0.5).validate());
        assertTrue(e.getMessage().contains("--effect-noise"), e.getMessage());
        e = assertThrows(InputException.class, () -> new CausalEffects(CausalEffects.Model.ANNOTATION, 0, Double.NaN).validate());
        assertTrue(e.getMessage().contains("--effect-noise"), e.getMessage());
    }
}
