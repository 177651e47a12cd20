#!/usr/bin/env python3
"""Tables of bench/quality.sh: causal genes found per method, false positives and null lambda.

Usage: quality_summary.py --out DIR --tests LIST  SEED TRUTH SCORES MASKS [SEED TRUTH SCORES MASKS ...]

SCORES is '-' (classical tests only) or a comma list NAME=FILE of per-gene result tables (assoc
--scores output, or an assoc table whose GENE_P rows are skipped, such as the oracle's). Per seed
and trait, each method gives one p-value per gene:
  NAME            one p per gene from its FILE (scores_<arm>: out-of-fold scores of one arm;
                  oracle: burden weighted by the simulator's own weight function),
  <test>          one classical test (burden, skat, ...): the smallest p over the gene's masks times
                  the number of masks tested (Bonferroni within the gene),
  GENE_P          assoc's omnibus row (ACAT over the gene's masks x tests, REGENIE's GENE_P),
  NAME+GENE_P     for each scores_<arm>: ACAT (Cauchy combination, equal weights) of the two.
A method finds a gene at Bonferroni 0.05 when p < 0.05 / (genes with a p for it) and at FDR 0.05
when Benjamini-Hochberg over those genes keeps it. False positives are significant genes that are
not causal for the trait (every significant gene of a null trait). Lambda = median chi2(1 df) of the
p-values / 0.4549, over genes for scores, GENE_P and the combination and over every gene x mask row
of a single test (the min-over-masks p is not uniform under the null).
The ratio is NAME / best single classical test (the test that finds most causal genes over QT and
BT in that seed, chosen after seeing the answer, which flatters the baseline), per seed and as the
median over seeds.
"""
import argparse
import csv
import math
import os
import statistics
import sys
from collections import defaultdict
from statistics import NormalDist

GENETIC = ["QT", "BT"]
NULL = ["NULL_QT", "NULL_BT"]
ALPHA = 0.05


def pvalue(row):
    """p from pval, or from neg_log10p when pval underflowed to 0."""
    p = row["pval"]
    if p in ("NA", ""):
        return None
    p = float(p)
    if p == 0 and row.get("neg_log10p") not in (None, "NA", ""):
        p = 10 ** (-float(row["neg_log10p"]))
    return max(p, 1e-300)


def read_rows(path):
    with open(path) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            p = pvalue(row)
            if p is not None:
                yield row, p


def acat(ps):
    """Cauchy combination with equal weights (Liu & Xie 2020); tan(pi (0.5 - p)) ~ 1 / (pi p) for tiny p."""
    t = 0.0
    for p in ps:
        t += 1 / (p * math.pi) if p < 1e-15 else math.tan((0.5 - p) * math.pi)
    t /= len(ps)
    if t > 1e15:
        return 1 / (t * math.pi)
    return 0.5 - math.atan(t) / math.pi


def bh(gene_p):
    """Genes kept by Benjamini-Hochberg at ALPHA."""
    items = sorted(gene_p.items(), key=lambda kv: kv[1])
    m = len(items)
    k = 0
    for i, (_, p) in enumerate(items, 1):
        if p <= ALPHA * i / m:
            k = i
    return {g for g, _ in items[:k]}


def lam(ps):
    if not ps:
        return float("nan")
    med = statistics.median(ps)
    z = NormalDist().inv_cdf(1 - med / 2)  # chi2(1 df) quantile of 1 - med is z^2
    return z * z / 0.454936


def parse_scores(spec):
    """'-' or NAME=FILE[,NAME=FILE...] -> [(name, file)]."""
    if spec == "-":
        return []
    out = []
    for item in spec.split(","):
        name, _, path = item.partition("=")
        if not path:
            sys.exit("scores come as NAME=FILE, got '%s'" % item)
        out.append((name, path))
    return out


def load_seed(truth_path, scores_spec, masks_path, tests):
    causal = defaultdict(set)
    truth = {}
    with open(truth_path) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            causal[row["trait"]].add(row["gene"])
            truth[(row["trait"], row["gene"])] = row
    gene_p = defaultdict(lambda: defaultdict(dict))   # method -> trait -> gene -> p
    raw = defaultdict(lambda: defaultdict(list))      # method -> trait -> all p (for lambda)
    named = parse_scores(scores_spec)
    for name, path in named:
        for row, p in read_rows(path):
            if row.get("mask") == "GENE_P":
                continue
            gene_p[name][row["phenotype"]][row["gene"]] = p
            raw[name][row["phenotype"]].append(p)
    per_test = defaultdict(lambda: defaultdict(list))  # (test, trait) -> gene -> [p over masks]
    for row, p in read_rows(masks_path):
        trait, gene, test = row["phenotype"], row["gene"], row["test"]
        if row["mask"] == "GENE_P":
            gene_p["GENE_P"][trait][gene] = p
            raw["GENE_P"][trait].append(p)
        elif test in tests:
            per_test[(test, trait)][gene].append(p)
            raw[test][trait].append(p)
    for (test, trait), genes in per_test.items():
        gene_p[test][trait] = {g: min(1.0, len(ps) * min(ps)) for g, ps in genes.items()}
    for name, _ in named:
        if not name.startswith("scores"):
            continue
        for trait in GENETIC + NULL:
            s, o = gene_p[name][trait], gene_p["GENE_P"][trait]
            comb = {g: acat([p for p in (s.get(g), o.get(g)) if p is not None]) for g in set(s) | set(o)}
            gene_p[name + "+GENE_P"][trait] = comb
            raw[name + "+GENE_P"][trait] = list(comb.values())
    return causal, truth, gene_p, raw, [n for n, _ in named]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--tests", default="burden,skat,skato,acatv,acato")
    ap.add_argument("--seed-genes", nargs="*", default=[],
                    help="SEED ARM FILE triples: seed genes of an arm, for the counts without them")
    ap.add_argument("runs", nargs="+")
    a = ap.parse_args()
    if len(a.runs) % 4:
        sys.exit("runs come in fours: SEED TRUTH SCORES MASKS")
    tests = a.tests.split(",")
    names = []
    for k in range(0, len(a.runs), 4):
        for n, _ in parse_scores(a.runs[k + 2]):
            if n not in names:
                names.append(n)
    combined = [n + "+GENE_P" for n in names if n.startswith("scores")]
    methods_all = names + tests + ["GENE_P"] + combined
    summary = [["seed", "trait", "method", "causal", "found_bonf", "fp_bonf", "found_fdr", "fp_fdr", "genes_tested", "lambda"]]
    genes_out = [["seed", "trait", "gene", "variance_explained", "carriers", "n_damaging_variants"]
                 + ["neg_log10p_" + m for m in methods_all] + ["found_bonf_by"]]
    ratios = defaultdict(lambda: ([], []))  # name -> (Bonferroni ratios, FDR ratios) over seeds
    if len(a.seed_genes) % 3:
        sys.exit("--seed-genes comes in threes: SEED ARM FILE")
    seed_sets = {}  # (seed, arm) -> {(trait, gene)}
    for k in range(0, len(a.seed_genes), 3):
        sd, arm, path = a.seed_genes[k:k + 3]
        with open(path) as f:
            seed_sets[(sd, arm)] = {(r["phenotype"], r["gene"]) for r in csv.DictReader(f, delimiter="\t")}
    apart = []
    lines = []
    for k in range(0, len(a.runs), 4):
        seed, truth_path, scores_spec, masks_path = a.runs[k:k + 4]
        causal, truth, gene_p, raw, named = load_seed(truth_path, scores_spec, masks_path, tests)
        methods = [m for m in methods_all if m in gene_p]
        found = defaultdict(dict)
        for trait in GENETIC + NULL:
            for m in methods:
                gp = gene_p[m].get(trait, {})
                if not gp:
                    continue
                bonf = {g for g, p in gp.items() if p < ALPHA / len(gp)}
                fdr = bh(gp)
                c = causal.get(trait, set())
                found[m][trait] = bonf
                summary.append([seed, trait, m, len(c), len(bonf & c), len(bonf - c), len(fdr & c), len(fdr - c), len(gp),
                                "%.3f" % lam(raw[m][trait])])
        for trait in GENETIC:
            for g in sorted(causal[trait]):
                t = truth[(trait, g)]
                row = [seed, trait, g, t["variance_explained"], t["carriers"], t["n_damaging_variants"]]
                for m in methods_all:
                    p = gene_p[m].get(trait, {}).get(g) if m in gene_p else None
                    row.append("NA" if p is None else "%.2f" % -math.log10(p))
                row.append(",".join(m for m in methods if g in found[m].get(trait, set())) or "-")
                genes_out.append(row)

        def total(m, col):
            return sum(int(r[col]) for r in summary[1:] if r[0] == seed and r[2] == m and r[1] in GENETIC)
        best_b = max(tests, key=lambda m: (total(m, 4), -total(m, 5)))
        best_f = max(tests, key=lambda m: (total(m, 6), -total(m, 7)))
        bb, bf = total(best_b, 4), total(best_f, 6)
        for n in named:
            sb, sf = total(n, 4), total(n, 6)
            rb = sb / bb if bb else (float("inf") if sb else float("nan"))
            rf = sf / bf if bf else (float("inf") if sf else float("nan"))
            ratios[n][0].append(rb)
            ratios[n][1].append(rf)
            lines.append("seed %s: %s finds %d (Bonferroni) / %d (FDR) causal genes of QT+BT; best single classical test "
                         "%s %d / %s %d; ratio %.2f / %.2f" % (seed, n, sb, sf, best_b, bb, best_f, bf, rb, rf))
        # Scores of one arm without its seed genes: the genes whose carriers trained the networks.
        # Lambda over the genetic traits' other genes (neither causal nor seed) tells whether the
        # scores of genes the networks never trained on stay calibrated.
        for n in named:
            arm = n.split("_", 1)[1] if "_" in n else None
            seeds_of = seed_sets.get((seed, arm))
            if seeds_of is None:
                continue
            cells = []
            for trait in GENETIC:
                gp = gene_p[n].get(trait, {})
                if not gp:
                    continue
                c = causal.get(trait, set())
                sg = {g for t, g in seeds_of if t == trait}
                bonf = found[n].get(trait, set())
                other = [p for g, p in gp.items() if g not in c and g not in sg]
                cells.append("%s %d of %d (lambda over the %d other genes %.2f)"
                             % (trait, len(bonf & (c - sg)), len(c - sg), len(other), lam(other)))
            apart.append("seed %s: %s, causal genes that are not its seed genes found at Bonferroni: %s"
                         % (seed, n, "; ".join(cells)))
    os.makedirs(a.out, exist_ok=True)
    for name, table in (("summary.tsv", summary), ("genes.tsv", genes_out)):
        tmp = os.path.join(a.out, name + ".tmp")
        with open(tmp, "w") as f:
            for row in table:
                f.write("\t".join(map(str, row)) + "\n")
        os.replace(tmp, os.path.join(a.out, name))
    # Printed table: per trait and method, found/fp summed over seeds, and per-seed found counts.
    print("counts are found / false positives, Bonferroni 0.05 and FDR 0.05; per seed in brackets")
    head = ["trait", "method", "causal", "bonferroni", "fdr", "lambda (per seed)"]
    table = [head]
    for trait in GENETIC + NULL:
        for m in methods_all:
            rs = [r for r in summary[1:] if r[1] == trait and r[2] == m]
            if not rs:
                continue
            cell = lambda fc, pc: "%d / %d [%s]" % (sum(int(r[fc]) for r in rs), sum(int(r[pc]) for r in rs),
                                                    " ".join(str(r[fc]) for r in rs))
            table.append([trait, m, str(sum(int(r[3]) for r in rs)), cell(4, 5), cell(6, 7), " ".join(r[9] for r in rs)])
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    for r in table:
        print("  ".join(v.ljust(w) for v, w in zip(r, widths)))
    for line in lines + apart:
        print(line)
    for n, (rb, rf) in ratios.items():
        print("median over %d seeds of %s / best single classical test: %.2f at Bonferroni, %.2f at FDR (goal >= 1.3)"
              % (len(rb), n, statistics.median(rb), statistics.median(rf)))


if __name__ == "__main__":
    main()
