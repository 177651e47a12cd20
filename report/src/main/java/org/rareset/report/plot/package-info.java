/**
 * The report's plots (Manhattan and QQ) drawn once on a small canvas that renders to SVG and PNG.
 * Drawing only: must not depend on the rest of the report, nor on deepset, simulate or cli.
 */
package org.rareset.report.plot;
