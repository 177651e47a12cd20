/**
 * Simulated cohorts with known causal genes ({@code rareset simulate}, docs/simulate.md): genome
 * layout, genotypes, annotations, traits and the files describing the truth. Uses only {@code
 * core}, {@code genotypes} and {@code annotate}; must not depend on association, deepset, report or
 * cli.
 */
package org.rareset.simulate;
