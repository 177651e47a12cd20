/**
 * Training deep-set networks with DJL (PyTorch engine, CPU): training data from the user's files,
 * batches, the trainer, ensembles and their sign check. Uses only {@code core}, {@code genotypes}
 * and {@code annotate} outside deepset; never association, simulate, report or cli.
 */
package org.rareset.deepset.train;
