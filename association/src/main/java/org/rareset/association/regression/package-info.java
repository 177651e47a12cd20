/**
 * Firth-penalised logistic regression for the burden tests of rare binary traits. Uses {@code
 * association.pvalue}; must not depend on the gene tests, masks, the run or any module after
 * association.
 */
package org.rareset.association.regression;
