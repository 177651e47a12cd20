/**
 * Risk stratification from gene burdens: training/test split, genes chosen on the training split,
 * the risk model, discrimination with bootstrap intervals and enrichment. Must not depend on
 * deepset, report or cli.
 */
package org.rareset.association.risk;
