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
 * @param skatoMethod    how SKAT-O combines its rho grid: R SKAT's {@code optimal.adj} (default) or
 *                       the exact integration of the joint law ({@link SkatOExact})
 */
public record TestOptions(double[] skatoRho, double firthThreshold, boolean spa, double spaZCutoff,
                          SkatoMethod skatoMethod) implements java.io.Serializable {

    /** SKAT-O's combination of the per-rho p-values. */
    public enum SkatoMethod {
        /** R SKAT's {@code method = "optimal.adj"}: Liu-matched quantiles, variance-adjusted remainder. */
        OPTIMAL_ADJ("optimal.adj"),
        /** Exact quantiles and the exact conditional law of the SKAT statistic given the burden score. */
        EXACT("exact");

        private final String label;

        SkatoMethod(String label) {
            this.label = label;
        }

        /** The name used on the command line and in the settings file. */
        public String label() {
            return label;
        }

        /** The method named {@code s} ({@code optimal.adj} or {@code exact}, case-insensitive); null if none. */
        public static SkatoMethod parse(String s) {
            for (SkatoMethod m : values()) if (m.label.equalsIgnoreCase(s)) return m;
            return null;
        }
    }

    /** Options with R SKAT's SKAT-O combination. */
    public TestOptions(double[] skatoRho, double firthThreshold, boolean spa, double spaZCutoff) {
        this(skatoRho, firthThreshold, spa, spaZCutoff, SkatoMethod.OPTIMAL_ADJ);
    }

    /** These options with another SKAT-O combination. */
    public TestOptions withSkatoMethod(SkatoMethod method) {
        return new TestOptions(skatoRho, firthThreshold, spa, spaZCutoff, method);
    }

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
        if (skatoMethod == null) throw new IllegalArgumentException("no SKAT-O method");
        skatoRho = skatoRho.clone();
    }

    @Override
    public double[] skatoRho() {
        return skatoRho.clone();
    }
}
