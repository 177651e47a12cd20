/**
 * DeepRVAT's published models read without Python: a safe pickle reader for PyTorch checkpoints,
 * tensors, and the pretrained ensemble. Uses only {@code core}, {@code genotypes} and {@code
 * annotate} outside deepset; never association, simulate, report or cli.
 */
package org.rareset.deepset.pretrained;
