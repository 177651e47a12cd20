#!/usr/bin/env python3
"""What a quality.sh cohort offers a learned annotation model (bench/quality.sh).

  quality_truth.py oracle-column ANNOTATIONS OUT
      ANNOTATIONS plus a column true_f: the simulator's weight function f(a) (docs/simulate.md,
      --effect-model annotation) without its noise, f = 1 for pLoF, else 0.5 logistic((CADD_PHRED -
      20) / 2.5) + 0.5 alphamissense^2. A burden weighted by it is what a model that learned f
      exactly would test (the oracle).
  quality_truth.py describe OUT.tsv LABEL COHORT SEED_GENES CLASSES [LABEL COHORT SEED_GENES CLASSES ...]
      Per causal gene of QT and BT, the share of its genetic variance carried by pLoF, damaging
      missense (f >= 0.5), benign missense and other alleles, from causal_variants.tsv (true weight w)
      and the allele frequencies in annotations.tsv; per seed-gene set (LABEL), how many seed genes
      are causal and how many of those are missense-driven (pLoF share < 0.5). CLASSES ('-' for
      none) is an assoc table of unweighted burden tests of one mask per allele class (quality.sh's
      class_masks.txt): the training signal each class carries in the seed genes, as the sum over
      seed genes of the class's burden chi-square (1 df each; seed genes whose class has no carrier
      add nothing) and its carriers.
"""
import csv
import math
import os
import statistics
import sys
from collections import defaultdict
from statistics import NormalDist


def f(row):
    if row["is_plof"] == "1":
        return 1.0
    cadd = float(row["CADD_PHRED"])
    am = float(row["alphamissense"])
    return 0.5 / (1 + math.exp(-(cadd - 20) / 2.5)) + 0.5 * am * am


def write(path, header, rows):
    tmp = path + ".tmp"
    with open(tmp, "w") as out:
        out.write("\t".join(header) + "\n")
        for r in rows:
            out.write("\t".join(map(str, r)) + "\n")
    os.replace(tmp, path)


def oracle_column(src, dst):
    with open(src) as fin:
        reader = csv.DictReader(fin, delimiter="\t")
        header = reader.fieldnames + ["true_f"]
        rows = [[r[c] for c in reader.fieldnames] + ["%.6g" % f(r)] for r in reader]
    write(dst, header, rows)


def key(r):
    return r["chrom"], r["pos"], r["ref"], r["alt"], r["gene"]


def classify(ann):
    if ann["is_plof"] == "1":
        return "plof"
    if ann["Consequence_missense_variant"] == "1":
        return "missense_damaging" if f(ann) >= 0.5 else "missense_benign"
    return "other"


CLASSES = ["plof", "missense_damaging", "missense_benign", "other"]


def chi2(row):
    """1-df chi-square of an assoc row from its -log10 p (exact far into the tail)."""
    v = row.get("neg_log10p")
    if v in (None, "", "NA"):
        return None
    p = max(10 ** -float(v), 1e-300)
    z = NormalDist().inv_cdf(p / 2)
    return z * z


def class_signal(path):
    """(trait, gene) -> class -> (chi-square, carriers) from the class-mask burden table."""
    out = defaultdict(dict)
    if path == "-":
        return out
    for r in csv.DictReader(open(path), delimiter="\t"):
        if r["mask"] == "GENE_P" or r["test"] != "burden":
            continue
        c = chi2(r)
        if c is not None:
            out[(r["phenotype"], r["gene"])][r["mask"].split(".")[0]] = (c, int(r.get("n_carriers") or r.get("mac") or 0))
    return out


def describe(out, runs):
    if len(runs) % 4:
        sys.exit("runs come in fours: LABEL COHORT SEED_GENES CLASSES")
    table = [["label", "trait", "gene", "causal", "seed_gene", "alleles"] + ["share_" + c for c in CLASSES]]
    summary = []
    cohorts = {}
    for k in range(0, len(runs), 4):
        label, cohort, seed_genes, classes = runs[k:k + 4]
        signal = class_signal(classes)
        if cohort not in cohorts:
            ann = {key(r): r for r in csv.DictReader(open(os.path.join(cohort, "annotations.tsv")), delimiter="\t")}
            n = None
            shares = defaultdict(lambda: defaultdict(float))  # (trait, gene) -> class -> variance
            counts = defaultdict(int)
            for r in csv.DictReader(open(os.path.join(cohort, "causal_variants.tsv")), delimiter="\t"):
                a = ann.get(key(r))
                if a is None:
                    continue
                maf = float(a["MAF"])
                w = float(r["weight"])
                # Variance of an allele's part of the trait: w^2 x 2 p (1 - p); the gene's common
                # effect size cancels in the shares.
                shares[(r["trait"], r["gene"])][classify(a)] += w * w * 2 * maf * (1 - maf)
                counts[(r["trait"], r["gene"])] += 1
            cohorts[cohort] = (shares, counts)
        shares, counts = cohorts[cohort]
        seeds = defaultdict(set)
        for r in csv.DictReader(open(seed_genes), delimiter="\t"):
            seeds[r["phenotype"]].add(r["gene"])
        plof_share = {}
        for (trait, gene), by in sorted(shares.items()):
            total = sum(by.values()) or 1.0
            plof_share[(trait, gene)] = by["plof"] / total
            table.append([label, trait, gene, 1, int(gene in seeds[trait]), counts[(trait, gene)]]
                         + ["%.3f" % (by[c] / total) for c in CLASSES])
        for trait in ("QT", "BT"):
            causal = [g for (t, g) in plof_share if t == trait]
            sg = seeds.get(trait, set())
            sg_causal = [g for g in sg if (trait, g) in plof_share]
            table.extend([label, trait, g, 0, 1, 0] + ["NA"] * len(CLASSES) for g in sorted(sg - set(sg_causal)))
            missense_driven = [g for g in causal if plof_share[(trait, g)] < 0.5]
            summary.append("%s %s: %d causal genes, %d missense-driven (pLoF share < 0.5, median pLoF share %.2f); "
                           "%d seed genes, %d causal, %d of them missense-driven"
                           % (label, trait, len(causal), len(missense_driven),
                              statistics.median(plof_share[(trait, g)] for g in causal) if causal else float("nan"),
                              len(sg), len(sg_causal), sum(1 for g in sg_causal if plof_share[(trait, g)] < 0.5)))
            if signal and sg:
                parts = []
                for c in CLASSES:
                    vals = [signal[(trait, g)][c] for g in sg if c in signal.get((trait, g), {})]
                    parts.append("%s chi2 %.1f on %d genes, %d carriers" % (c, sum(v[0] for v in vals), len(vals),
                                                                           sum(v[1] for v in vals)))
                summary.append("    training signal in the %s seed genes (unweighted burden per class): %s"
                               % (trait, "; ".join(parts)))
    write(out, table[0], table[1:])
    for line in summary:
        print(line)


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "oracle-column":
        oracle_column(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "describe":
        describe(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
