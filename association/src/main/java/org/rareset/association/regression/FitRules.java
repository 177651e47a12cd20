package org.rareset.association.regression;

/**
 * How {@link LogisticRegression#fit} iterates and when it stops. A Newton step is capped to
 * {@code maxStep} in its largest coordinate, then halved until the objective does not decrease
 * (relative slack 1e-12), at most {@code maxHalvings} trials (the last trial is taken either way).
 * The fit has converged when the step taken is below {@code stepTolerance} in every coordinate and
 * the free gradient is below {@code scoreTolerance}, or when the deviance -2 l* changed by less than
 * {@code devianceTolerance} (|D| + 1). A fit with a coefficient beyond {@code maxAbsCoefficient}
 * (or not finite) has not converged: this is how complete separation shows up under maximum likelihood.
 *
 * @param maxIterations     Newton steps at most
 * @param maxHalvings       trial points per step (1 = plain IRLS, no halving)
 * @param maxStep           cap on the largest coordinate of a step (infinity = none)
 * @param stepTolerance     converged when every coordinate moved less than this ...
 * @param scoreTolerance    ... and the largest free gradient entry is below this (infinity = not checked)
 * @param devianceTolerance or when |D_prev - D| < devianceTolerance (|D| + 1) (0 = not used)
 * @param maxAbsCoefficient a converged fit has every |b_a| at most this
 * @param weightFloor       IRLS weights mu (1 - mu) are raised to at least this (0 = none)
 * @param pivotTolerance    relative pivot of the Newton matrix declared singular ({@link ScaledCholesky})
 */
public record FitRules(int maxIterations, int maxHalvings, double maxStep, double stepTolerance, double scoreTolerance,
                       double devianceTolerance, double maxAbsCoefficient, double weightFloor, double pivotTolerance) {

    /**
     * The binary null model's rules: up to 100 halved Newton steps to |step| < 1e-10 or a relative
     * deviance change below 1e-13; |b| > 50 counts as separation; covariates with a relative pivot at or
     * below 1e-10 are collinear. The deviance criterion also stops a quasi-separated fit once the
     * likelihood is flat to 1e-13 (|b| near 30 for a 0/1 covariate with an empty cell), which then
     * passes as converged; this is how the null model has always behaved.
     */
    public static final FitRules NULL_MODEL =
            new FitRules(100, 30, Double.POSITIVE_INFINITY, 1e-10, Double.POSITIVE_INFINITY, 1e-13, 50, 0, 1e-10);

    /**
     * Maximum likelihood for a tested coefficient (Wald and likelihood-ratio tests): the null model's
     * rules without the deviance criterion, so only a step below 1e-10 converges and separation (where
     * every step moves b by about one unit per unit of covariate margin) is reported as not converged.
     */
    public static final FitRules MAXIMUM_LIKELIHOOD =
            new FitRules(100, 30, Double.POSITIVE_INFINITY, 1e-10, Double.POSITIVE_INFINITY, 0, 50, 0, 1e-10);

    /**
     * Firth's penalised likelihood as R logistf fits it: up to 200 Newton steps capped at 5 and halved
     * on the penalised likelihood, converged when |step| < 1e-9 and the modified score is below 1e-6;
     * the information only has to be positive definite.
     */
    public static final FitRules FIRTH =
            new FitRules(200, 30, 5.0, 1e-9, 1e-6, 0, Double.POSITIVE_INFINITY, 0, 0);

    public FitRules {
        if (maxIterations < 1 || maxHalvings < 1) throw new IllegalArgumentException("need at least one iteration and one trial");
    }
}
