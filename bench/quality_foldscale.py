#!/usr/bin/env python3
"""Out-of-fold scores put on one scale: a diagnostic for bench/quality.sh (docs/quality.md).

Usage: quality_foldscale.py SCORES.tsv FOLDS.tsv OUT.tsv

SCORES is `rareset score --cv-folds K` output in the sparse text layout (kind gene sample score,
docs/scoring.md), FOLDS the model's folds.tsv (sample fold). `score --cv-folds` already puts each
fold's scores on the whole ensemble's empty-gene score e(g), but keeps each fold's spread: a fold
whose networks saturate the sigmoid gives its carriers contributions c = score - e(g) many times
smaller than another fold's, so pooling the folds in one test mixes scales. Here each fold's
contributions are divided by their standard deviation over all of that fold's carrier rows (every
gene; no trait value enters) and multiplied by the pooled one: score' = e(g) + c x sd / sd_k.
Samples in no fold keep their score.
"""
import csv
import math
import os
import sys
from collections import defaultdict


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    scores, folds, out = sys.argv[1:]
    fold = {r["sample"]: r["fold"] for r in csv.DictReader(open(folds), delimiter="\t")}
    rows = list(csv.reader(open(scores), delimiter="\t"))
    head, body = rows[0], rows[1:]
    col = {c: i for i, c in enumerate(head)}
    k, g, s, v = col["kind"], col["gene"], col["sample"], col["score"]
    empty = {r[g]: float(r[v]) for r in body if r[k] == "gene"}
    acc = defaultdict(lambda: [0, 0.0, 0.0])  # fold -> n, sum, sum of squares of contributions
    for r in body:
        if r[k] == "carrier" and r[s] in fold:
            c = float(r[v]) - empty[r[g]]
            for key in (fold[r[s]], "all"):
                a = acc[key]
                a[0] += 1
                a[1] += c
                a[2] += c * c
    sd = {f: math.sqrt(max(a[2] / a[0] - (a[1] / a[0]) ** 2, 0.0)) for f, a in acc.items() if a[0] > 1}
    for f in sorted(sd):
        print("fold %s: %d carrier rows, sd of contributions %.4g" % (f, acc[f][0], sd[f]))
    tmp = out + ".tmp"
    with open(tmp, "w") as w:
        w.write("\t".join(head) + "\n")
        for r in body:
            if r[k] == "carrier" and fold.get(r[s]) in sd and sd[fold[r[s]]] > 0:
                c = float(r[v]) - empty[r[g]]
                r = list(r)
                r[v] = "%.8g" % (empty[r[g]] + c * sd["all"] / sd[fold[r[s]]])
            w.write("\t".join(r) + "\n")
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
