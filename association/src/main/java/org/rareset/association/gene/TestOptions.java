package org.rareset.association.gene;

/**
 * Settings shared by the gene tests.
 *
 * @param skatoRho       SKAT-O grid of rho values in [0, 1] (rho = 1 is used as 0.999, as R SKAT does)
 * @param firthThreshold binary traits: burden p-values below this are recomputed by Firth-penalised
 *                       logistic regression (likelihood-ratio p); 0 disables Firth
 * @param spa            binary traits: saddlepoint approximation (SPAtest / SAIGE) for score tests
 *                       whose |z| exceeds {@code spaZCutoff}
 * @param spaZCutoff     |z| above which SPA replaces the normal approximation (SPAtest uses 2)
 */
public record TestOptions(double[] skatoRho, double firthThreshold, boolean spa, double spaZCutoff) implements java.io.Serializable {

    /** The R SKAT / REGENIE default SKAT-O grid. */
    public static final double[] DEFAULT_RHO = {0, 0.01, 0.04, 0.09, 0.25, 0.5, 1};

    /** Defaults of {@code rareset assoc}: default grid, Firth below 0.05, SPA beyond |z| = 2. */
    public static TestOptions defaults() {
        return new TestOptions(DEFAULT_RHO.clone(), 0.05, true, 2.0);
    }

    /**
     * Plain score tests without Firth or SPA: the definitions of R SKAT with {@code Adjustment=FALSE}
     * and REGENIE without {@code --firth/--spa} (used for the golden comparison).
     */
    public static TestOptions plainScore() {
        return new TestOptions(DEFAULT_RHO.clone(), 0.0, false, 2.0);
    }

    public TestOptions {
        if (skatoRho == null || skatoRho.length == 0) throw new IllegalArgumentException("empty SKAT-O rho grid");
        for (double r : skatoRho) {
            if (!(r >= 0 && r <= 1)) throw new IllegalArgumentException("SKAT-O rho " + r + " outside [0, 1]");
        }
        skatoRho = skatoRho.clone();
    }

    @Override
    public double[] skatoRho() {
        return skatoRho.clone();
    }
}
