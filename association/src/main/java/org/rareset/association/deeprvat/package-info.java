/**
 * Association results written as DeepRVAT's association and evaluation files. Must not depend on
 * deepset, report or cli.
 */
package org.rareset.association.deeprvat;
