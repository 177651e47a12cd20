/**
 * The inputs of an association run: the annotation table, phenotypes and covariates matched to
 * genotype samples ({@link org.rareset.association.input.TraitData}), variants grouped into genes,
 * gene scores, REGENIE LOCO offsets and trait checks. Must not depend on the gene tests, masks, the
 * run or outputs, nor on deepset, report or cli.
 */
package org.rareset.association.input;
