package org.rareset.association.nullmodel;

/** Kind of trait a null model was fitted for. */
public enum TraitType {
    /** Continuous trait: ordinary least squares, Gaussian residual variance. */
    QUANTITATIVE,
    /** 0/1 trait: logistic regression by iteratively reweighted least squares. */
    BINARY
}
