#!/usr/bin/env python3
"""Null binary traits for benchmarks: covariate-driven, independent of genotypes.

    bench/null_binary.py COVAR.tsv OUT.tsv --traits 5 --prevalence 0.02 --seed 1

Each trait NB1..NBk is drawn as Bernoulli(expit(b0 + s (0.04 (age - mean age) + 0.5 sex + 0.4 PC1))),
s = --strength (default 1), with b0 solved by bisection so that the expected prevalence is the one asked for. Only the
covariate file is read, so the traits carry no genetic signal. Python standard library only.
"""
import argparse
import math
import random


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("covar")
    ap.add_argument("out")
    ap.add_argument("--traits", type=int, default=5)
    ap.add_argument("--prevalence", type=float, default=0.02)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--strength", type=float, default=1.0, help="multiplies the covariate effects")
    a = ap.parse_args()
    with open(a.covar) as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    col = {name: i for i, name in enumerate(header)}
    age = [float(r[col["age"]]) for r in rows]
    mean_age = sum(age) / len(age)
    eta = [a.strength * (0.04 * (age[i] - mean_age) + 0.5 * float(r[col["sex"]]) + 0.4 * float(r[col["PC1"]]))
           for i, r in enumerate(rows)]

    def prevalence(b0):
        return sum(1 / (1 + math.exp(-(b0 + e))) for e in eta) / len(eta)

    lo, hi = -20.0, 5.0
    for _ in range(100):
        mid = 0.5 * (lo + hi)
        if prevalence(mid) < a.prevalence:
            lo = mid
        else:
            hi = mid
    b0 = 0.5 * (lo + hi)
    probs = [1 / (1 + math.exp(-(b0 + e))) for e in eta]
    rng = random.Random(a.seed)
    traits = [[1 if rng.random() < p else 0 for p in probs] for _ in range(a.traits)]
    tmp = a.out + ".tmp"
    with open(tmp, "w") as f:
        f.write("sample\t" + "\t".join(f"NB{t + 1}" for t in range(a.traits)) + "\n")
        for i, r in enumerate(rows):
            f.write(r[0] + "\t" + "\t".join(str(t[i]) for t in traits) + "\n")
    import os
    os.replace(tmp, a.out)


if __name__ == "__main__":
    main()
