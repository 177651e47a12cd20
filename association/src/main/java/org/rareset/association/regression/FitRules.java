package org.rareset.association.regression;

/**
 * How {@link LogisticRegression#fit} iterates and when it stops. A Newton step is capped to
 * {@code maxStep} in its largest coordinate, then halved until the objective does not decrease
 * (relative slack 1e-12), at most {@code maxHalvings} trials (the last trial is taken either way).
 * The fit has converged when the step taken is below {@code stepTolerance} in every coordinate and
 * the free gradient is below {@code scoreTolerance}. No rule stops on a flat likelihood alone: under
 * separation the likelihood flattens while b keeps growing. A fit with a coefficient beyond {@code maxAbsCoefficient}
 * (or not finite) has not converged: this is how complete separation shows up under maximum likelihood.
 *
 * @param maxIterations     Newton steps at most
 * @param maxHalvings       trial points per step (1 = plain IRLS, no halving)
 * @param maxStep           cap on the largest coordinate of a step (infinity = none)
 * @param stepTolerance     converged when every coordinate moved less than this ...
 * @param scoreTolerance    ... and the largest free gradient entry is below this (infinity = not checked)
 * @param maxAbsCoefficient a converged fit has every |b_a| at most this
 * @param weightFloor       IRLS weights mu (1 - mu) are raised to at least this (0 = none)
 * @param pivotTolerance    relative pivot of the Newton matrix declared singular ({@link ScaledCholesky})
 */
public record FitRules(int maxIterations, int maxHalvings, double maxStep, double stepTolerance, double scoreTolerance,
                       double maxAbsCoefficient, double weightFloor, double pivotTolerance) {

    /**
     * Maximum likelihood (the binary null model, Wald and likelihood-ratio tests): up to 100 halved
     * Newton steps until no coefficient moves by 1e-10; |b| > 50 counts as separation; a relative
     * pivot at or below 1e-10 is a collinear column. Under separation every step moves b by about
     * 1/margin (the covariate's distance between cases and controls), so the fit never meets the step
     * rule and is reported as not converged, however wide the margin.
     */
    public static final FitRules MAXIMUM_LIKELIHOOD =
            new FitRules(100, 30, Double.POSITIVE_INFINITY, 1e-10, Double.POSITIVE_INFINITY, 50, 0, 1e-10);

    /**
     * Firth's penalised likelihood as R logistf fits it: up to 200 Newton steps capped at 5 and halved
     * on the penalised likelihood, converged when |step| < 1e-9 and the modified score is below 1e-6;
     * the information only has to be positive definite.
     */
    public static final FitRules FIRTH =
            new FitRules(200, 30, 5.0, 1e-9, 1e-6, Double.POSITIVE_INFINITY, 0, 0);

    public FitRules {
        if (maxIterations < 1 || maxHalvings < 1) throw new IllegalArgumentException("need at least one iteration and one trial");
    }
}
