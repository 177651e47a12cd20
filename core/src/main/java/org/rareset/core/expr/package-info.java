/**
 * The expression language over table columns ({@code CADD_PHRED > 20 && ...}) used by masks and
 * training filters. Uses only {@code core}; must not depend on table I/O or any later module.
 */
package org.rareset.core.expr;
