/**
 * The HTML study report (docs/report.md): what {@code rareset assoc} concluded, read from its
 * result and summary files, gene positions and scores, put together as one self-contained HTML
 * file. Uses {@code core}, {@code genotypes}, {@code annotate} and {@code association}; must not
 * depend on simulate, deepset or cli.
 */
package org.rareset.report;
