/**
 * Statistical transforms that more than one stage applies in exactly the same way (seed-gene
 * discovery and association in {@code association}, training in {@code deepset}), kept here so there
 * is one implementation. Depends on Commons Math only, nothing else in RareSet.
 */
package org.rareset.core.stats;
