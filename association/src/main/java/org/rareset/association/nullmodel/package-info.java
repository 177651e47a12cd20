/**
 * Null models of a trait on covariates (linear and logistic) whose residuals and projections the
 * score tests use. Must not depend on the gene tests, masks, the run or any module after
 * association.
 */
package org.rareset.association.nullmodel;
