/**
 * Seed genes for training gene impairment scores, chosen as DeepRVAT does (pLoF and missense masks
 * x burden and SKAT). Must not depend on deepset, report or cli.
 */
package org.rareset.association.seed;
