#!/usr/bin/env python3
"""What the trained networks learned, against the simulated truth (bench/quality.sh).

Usage: quality_weights.py OUT.tsv SEED PER_VARIANT CAUSAL_VARIANTS ANNOTATIONS [SEED ...]

PER_VARIANT is `score --per-variant` (each variant's contribution to its gene score), CAUSAL_VARIANTS
the simulator's causal_variants.tsv (each causal allele's true weight w, trait by trait) and
ANNOTATIONS the annotation table (for the variant class). Per seed and trait it prints the Spearman
correlation between learned contribution and true weight over the causal genes' alleles, and the
mean learned contribution per class: pLoF, missense with w >= 0.5, missense with w < 0.5, other.
A model that learned the effect model gives damaging missense alleles a contribution near pLoF's.
"""
import csv
import os
import sys
from collections import defaultdict


def ranks(v):
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(order):  # ties share their mean rank
        j = i
        while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def pearson(a, b):
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    sab = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    saa = sum((x - ma) ** 2 for x in a)
    sbb = sum((y - mb) ** 2 for y in b)
    return sab / (saa * sbb) ** 0.5 if saa > 0 and sbb > 0 else float("nan")


def key(r):
    return r["chrom"], r["pos"], r["ref"], r["alt"], r["gene"]


def main():
    out, runs = sys.argv[1], sys.argv[2:]
    if len(runs) % 4:
        sys.exit("runs come in fours: SEED PER_VARIANT CAUSAL_VARIANTS ANNOTATIONS")
    classes = ["plof", "missense_w>=0.5", "missense_w<0.5", "other"]
    table = [["seed", "trait", "alleles", "spearman"] + ["mean_contribution_" + c for c in classes]
             + ["n_" + c for c in classes]]
    for k in range(0, len(runs), 4):
        seed, per_variant, causal_variants, annotations = runs[k:k + 4]
        contribution = {key(r): float(r["contribution"]) for r in csv.DictReader(open(per_variant), delimiter="\t")}
        kind = {}
        for r in csv.DictReader(open(annotations), delimiter="\t"):
            kind[key(r)] = "plof" if r["is_plof"] == "1" else ("missense" if r["Consequence_missense_variant"] == "1" else "other")
        per_trait = defaultdict(list)
        for r in csv.DictReader(open(causal_variants), delimiter="\t"):
            c = contribution.get(key(r))
            if c is None:  # not scored: common, or left out by the model's filter
                continue
            w = float(r["weight"])
            cls = kind.get(key(r), "other")
            if cls == "missense":
                cls = "missense_w>=0.5" if w >= 0.5 else "missense_w<0.5"
            per_trait[r["trait"]].append((w, c, cls))
        for trait, rows in sorted(per_trait.items()):
            ws, cs = [w for w, _, _ in rows], [c for _, c, _ in rows]
            by = defaultdict(list)
            for _, c, cls in rows:
                by[cls].append(c)
            table.append([seed, trait, len(rows), "%.3f" % pearson(ranks(ws), ranks(cs))]
                         + ["%.4f" % (sum(by[c]) / len(by[c])) if by[c] else "NA" for c in classes]
                         + [len(by[c]) for c in classes])
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        for row in table:
            f.write("\t".join(map(str, row)) + "\n")
    os.replace(tmp, out)
    widths = [max(len(str(r[i])) for r in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(str(v).rjust(w) for v, w in zip(row, widths)))


if __name__ == "__main__":
    main()
