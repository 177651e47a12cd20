/**
 * The report's risk-stratification section, read from {@code rareset risk}'s files. Uses the report
 * and its plots; must not depend on deepset, simulate or cli.
 */
package org.rareset.report.risk;
