/**
 * Variant annotation (docs/annotate.md): score tables, VEP/snpEff consequences, SpliceAI, derived
 * columns, gene models and gene mapping, joined to the cohort's variants by the annotation engine.
 * Uses only {@code core} and {@code genotypes}; must not depend on simulate, association, deepset,
 * report or cli.
 */
package org.rareset.annotate;
