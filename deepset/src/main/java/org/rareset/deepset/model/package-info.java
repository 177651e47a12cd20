/**
 * A trained deep-set ensemble as saved in a model folder: its description ({@code model.json}),
 * network shape and weights, annotation scaling and missing-value fills. Uses only {@code core},
 * {@code genotypes} and {@code annotate}, like all of deepset: never association, simulate, report
 * or cli.
 */
package org.rareset.deepset.model;
