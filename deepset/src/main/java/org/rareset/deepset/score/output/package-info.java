/**
 * Writers of gene impairment scores (sparse, long, wide) and of per-variant contributions. Uses
 * {@code deepset.score} and {@code core}; never association, simulate, report or cli.
 */
package org.rareset.deepset.score.output;
