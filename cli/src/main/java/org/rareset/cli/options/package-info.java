/**
 * Option bundles that several commands mix in (picocli {@code @Mixin}/{@code @ArgGroup}): cohort
 * inputs, genotype files, chunks, missing values, REGENIE and SAIGE mask files, runtime options, the log file.
 * They hold options only; must not depend on the commands in {@code cli}.
 */
package org.rareset.cli.options;
