/**
 * P-value machinery for the gene tests, carried in log10 where tails are tiny: normal and
 * chi-square tails, Davies, Liu, saddle-point and Cauchy (ACAT) combinations, quadrature. Pure
 * numerics: must not depend on the other association packages or any later module.
 */
package org.rareset.association.pvalue;
