/**
 * Scoring genes with an ensemble of deep-set networks, gene-major and sparse: the scoring input
 * (annotation rows and carriers), the engine and per-gene scores. Uses only {@code core}, {@code
 * genotypes} and {@code annotate} outside deepset; never association, simulate, report or cli.
 */
package org.rareset.deepset.score;
