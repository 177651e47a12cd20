/**
 * Per-sample mask burdens as REGENIE's {@code --write-mask} (table or PLINK 1 binary files). Uses
 * the association packages it needs; must not depend on deepset, report or cli.
 */
package org.rareset.association.burden;
