#!/usr/bin/python3
"""Writes golden/genotypes.h5 and golden/variants.tsv: the synthetic DeepRVAT golden cohort
(../shared/golden/deeprvat/cohort.vcf.gz, 300 samples, 79 records) in DeepRVAT's sparse layout, as
deeprvat/preprocessing/preprocess.py writes it (docs/deeprvat-files.md), so that a test can import
it with `rareset import deeprvat` and compare the scores with the golden burdens.

variants.tsv holds chrom pos ref alt id (ids 0..78 in VCF order, as add_variant_ids numbers them);
the test writes it to variants.parquet. Run from this folder with Debian's python3-h5py:
    /usr/bin/python3 make_golden.py ../../../shared/golden/deeprvat/cohort.vcf.gz
"""
import gzip
import sys

import h5py
import numpy as np

vcf = sys.argv[1]
samples, variants, calls = None, [], {}
with gzip.open(vcf, "rt") as f:
    for line in f:
        if line.startswith("##"):
            continue
        fields = line.rstrip("\n").split("\t")
        if line.startswith("#"):
            samples = fields[9:]
            calls = {s: [] for s in samples}
            continue
        vid = len(variants)
        variants.append((fields[0], int(fields[1]), fields[3], fields[4], vid))
        for s, gt in zip(samples, fields[9:]):
            g = sum(int(a) for a in gt.replace("|", "/").split("/"))
            if g > 0:
                calls[s].append((vid, g))

with open("golden/variants.tsv", "w") as out:
    out.write("chrom\tpos\tref\talt\tid\n")
    for v in variants:
        out.write("\t".join(map(str, v)) + "\n")

count = np.array([len(calls[s]) for s in samples], dtype=np.int32)
max_len = int(count.max())
vm = np.full((len(samples), max_len), -1, dtype=np.int32)
gm = np.full((len(samples), max_len), -1, dtype=np.int8)
for i, s in enumerate(samples):
    for j, (vid, g) in enumerate(sorted(calls[s])):
        vm[i, j] = vid
        gm[i, j] = g
with h5py.File("golden/genotypes.h5", "w") as f:
    f.create_dataset("samples", data=np.array(samples, dtype="S"), dtype=h5py.string_dtype())
    f.create_dataset("variant_matrix", data=vm, dtype=np.int32)
    f.create_dataset("genotype_matrix", data=gm, dtype=np.int8)
    f.create_dataset("count_variants", data=count, dtype=np.int32)
