#!/usr/bin/python3
"""Writes the reference files of the DeepRVAT import tests (docs/deeprvat-files.md).

genotypes.h5, variants.parquet and protein_coding_genes.parquet are DeepRVAT's own example files
(PMBio/deeprvat, MIT licence, commit 1a151b9d7156d4900bb4673e31dfe34f10fa6cb9:
example/annotations/preprocessing_workdir/preprocessed/genotypes.h5,
example/annotations/preprocessing_workdir/norm/variants/variants.parquet,
example/protein_coding_genes.parquet). This script, with h5py (Debian python3-h5py), writes:

  expected_calls.tsv  every stored call of genotypes.h5 as h5py reads it: sample, variant id, gt
  genotypes_hom.h5    genotypes.h5 with sample 1's first call made homozygous (gt 2), written in
                      DeepRVAT's layout, and expected_calls_hom.tsv, its calls
  bad_genotype.h5     the same layout with genotype 3 in one cell (must be refused)
  padding_gap.h5      a variant id after the -1 padding (must be refused)

Run from this folder: /usr/bin/python3 make_reference.py
"""
import h5py
import numpy as np

with h5py.File("genotypes.h5", "r") as f:
    samples = [s.decode("utf-8") for s in f["samples"][:]]
    vm = f["variant_matrix"][:]
    gm = f["genotype_matrix"][:]



def dump(path, variant_matrix, genotype_matrix):
    with open(path, "w") as out:
        out.write("sample\tid\tgt\n")
        for i, s in enumerate(samples):
            for v, g in zip(variant_matrix[i], genotype_matrix[i]):
                if v >= 0:
                    out.write(f"{s}\t{v}\t{g}\n")


dump("expected_calls.tsv", vm, gm)


def write(path, variant_matrix, genotype_matrix):
    # As deeprvat/preprocessing/preprocess.py write_genotype_file does.
    with h5py.File(path, "w") as f:
        f.create_dataset("samples", data=np.array(samples, dtype="S"), dtype=h5py.string_dtype())
        f.create_dataset("variant_matrix", data=variant_matrix, dtype=np.int32)
        f.create_dataset("genotype_matrix", data=genotype_matrix, dtype=np.int8)
        count = (variant_matrix >= 0).sum(axis=1)
        f.create_dataset("count_variants", data=count, dtype=np.int32)


bad = gm.copy()
bad[2, 0] = 3
write("bad_genotype.h5", vm, bad)
gap = vm.copy()
gap[0, :] = [-1, vm[0, 0]] if vm.shape[1] == 2 else gap[0, :]
write("padding_gap.h5", gap, gm)
hom = gm.copy()
hom[0, 0] = 2
write("genotypes_hom.h5", vm, hom)
dump("expected_calls_hom.tsv", vm, hom)
