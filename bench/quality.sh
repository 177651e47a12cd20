#!/usr/bin/env bash
# Discovery quality of the trained gene impairment scores against burden and SKAT on pLoF and
# missense masks, on a `rareset simulate` cohort whose traits depend on causal genes through
# annotation-weighted variant effects (truth.tsv lists them).
#
#   bench/quality.sh                                   # 20,000 samples x 2,000 genes, 20 causal genes per trait, 4 networks
#   SAMPLES=10000 GENES=1000 REPEATS=3 bench/quality.sh  # about 2 minutes
#
# Steps, all with the existing commands: simulate -> seed-genes -> train -> score -> assoc --scores,
# and the baseline assoc (burden, SKAT; masks pLoF and missense at MAF < 0.01 and < 0.001) on the
# same traits QT, BT and the null traits NULL_QT, NULL_BT. For every trait it counts the causal
# genes (truth.tsv) found at Bonferroni 0.05 and the false positives (significant genes that are not
# causal for that trait; every significant gene of a null trait), for
#   - scores:    the trained scores, 0.05 / (genes tested for the trait),
#   - rare:      the same model scoring only variants with MAF < 0.01 (like the masks),
#   - masks_all: any baseline mask/test, 0.05 / (all baseline tests of the trait), as the unit test,
#   - best_mask: the single mask x MAF x test that finds most causal genes, 0.05 / (its genes tested),
# and the genomic inflation lambda = median chi2(1 df) of the p-values / 0.4549.
# Output in bench/out/quality/ (summary.tsv is the table printed at the end).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SAMPLES="${SAMPLES:-20000}"
GENES="${GENES:-2000}"
CAUSAL="${CAUSAL:-20}"
REPEATS="${REPEATS:-4}"
EPOCHS="${EPOCHS:-30}"
SEED="${SEED:-2026}"
THREADS="${THREADS:-2}"
out="${OUT:-$root/bench/out/quality}"
mkdir -p "$out"
[[ -f cli/target/rareset.jar ]] || mvn -q -o -DskipTests package
export OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS=1

step() { # name, command...: runs it quietly, logs to $out/<name>.log, prints its wall time
  local name=$1; shift
  local t0; t0=$(date +%s.%N)
  "$@" --quiet 2>"$out/$name.log" || { echo "$name failed, see $out/$name.log" >&2; tail -5 "$out/$name.log" >&2; exit 1; }
  printf '%-10s %7.1f s\n' "$name" "$(echo "$(date +%s.%N) - $t0" | bc -l)"
}

sim="$out/cohort"
traits=QT,BT,NULL_QT,NULL_BT
echo "cohort: $SAMPLES samples x $GENES genes, $CAUSAL causal genes per trait, seed $SEED; train --repeats $REPEATS --max-epochs $EPOCHS"
step simulate ./rareset simulate --out "$sim" --samples "$SAMPLES" --genes "$GENES" --causal-genes "$CAUSAL" \
  --seed "$SEED" --threads "$THREADS"
data=(--vcf "$sim/cohort.vcf.gz" --annotations "$sim/annotations.tsv" --pheno "$sim/pheno.tsv" --covar "$sim/covar.tsv")
step seed ./rareset seed-genes "${data[@]}" --phenotypes "$traits" --out "$out/seed.tsv" --threads "$THREADS"
step train ./rareset train "${data[@]}" --seed-genes "$out/seed.tsv" --phenotypes "$traits" \
  --annotations-list is_plof,CADD_PHRED,alphamissense,SpliceAI_delta_score,MAF_MB,Consequence_missense_variant,polyphen_score,sift_score \
  --train-filter 'MAF < 0.01' --repeats "$REPEATS" --min-epochs 1 --max-epochs "$EPOCHS" --batch-size 256 --seed "$SEED" \
  --out "$out/model" --threads "$THREADS"
step score ./rareset score --model "$out/model" --vcf "$sim/cohort.vcf.gz" --annotations "$sim/annotations.tsv" \
  --variant-filter none --out "$out/scores.parquet" --threads "$THREADS"
step assoc_scores ./rareset assoc --scores "$out/scores.parquet" --pheno "$sim/pheno.tsv" --covar "$sim/covar.tsv" \
  --phenotypes "$traits" --out "$out/score_results.tsv" --threads "$THREADS"
# 'scores' above scores every variant of the table, common ones too (--variant-filter none), while the
# masks keep MAF < 0.01. By default score keeps what the model trained on (its train filter
# 'MAF < 0.01', ALT-major variants left out): that is the like-for-like comparison with the masks.
step score_rare ./rareset score --model "$out/model" --vcf "$sim/cohort.vcf.gz" --annotations "$sim/annotations.tsv" \
  --out "$out/scores_rare.parquet" --threads "$THREADS"
step assoc_rare ./rareset assoc --scores "$out/scores_rare.parquet" --pheno "$sim/pheno.tsv" --covar "$sim/covar.tsv" \
  --phenotypes "$traits" --out "$out/score_rare_results.tsv" --threads "$THREADS"
printf '%s\n' "plof: is_plof == 1" "missense: Consequence_missense_variant == 1" > "$out/masks.txt"
step assoc_masks ./rareset assoc "${data[@]}" --phenotypes "$traits" --masks "$out/masks.txt" \
  --max-maf 0.01,0.001 --tests burden,skat --out "$out/mask_results.tsv" --threads "$THREADS"

python3 - "$sim/truth.tsv" "$out/score_results.tsv" "$out/score_rare_results.tsv" "$out/mask_results.tsv" "$out/summary.tsv" <<'PY'
import csv, sys
from collections import defaultdict
from statistics import NormalDist

truth_path, scores_path, rare_path, masks_path, summary_path = sys.argv[1:]
causal = defaultdict(set)
with open(truth_path) as f:
    for row in csv.DictReader(f, delimiter="\t"):
        causal[row["trait"]].add(row["gene"])

def rows(path):
    with open(path) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["pval"] not in ("NA", ""):
                yield row

def lam(ps):
    ps = sorted(ps)
    n = len(ps)
    med = ps[n // 2] if n % 2 else (ps[n // 2 - 1] + ps[n // 2]) / 2
    z = NormalDist().inv_cdf(1 - med / 2)      # chi2(1 df) quantile of 1 - med is z^2
    return z * z / 0.454936

def hits(tests, trait):
    """(causal found, false positives) at Bonferroni 0.05 over the given (gene, p) tests."""
    alpha = 0.05 / len(tests)
    sig = {g for g, p in tests if float(p) < alpha}
    return len(sig & causal[trait]), len(sig - causal[trait])

score_tests = defaultdict(list)
for r in rows(scores_path):
    score_tests[r["phenotype"]].append((r["gene"], r["pval"]))
rare_tests = defaultdict(list)
for r in rows(rare_path):
    rare_tests[r["phenotype"]].append((r["gene"], r["pval"]))
mask_tests = defaultdict(list)
by_combo = defaultdict(lambda: defaultdict(list))
for r in rows(masks_path):
    mask_tests[r["phenotype"]].append((r["gene"], r["pval"]))
    by_combo[r["phenotype"]][r["mask"] + "/" + r["test"]].append((r["gene"], r["pval"]))

header = ["trait", "causal", "scores_found", "scores_fp", "rare_found", "rare_fp", "masks_all_found", "masks_all_fp",
          "best_mask", "best_mask_found", "best_mask_fp", "scores_lambda", "rare_lambda", "best_mask_lambda",
          "genes_scored", "mask_tests"]
table = [header]
for trait in ["QT", "BT", "NULL_QT", "NULL_BT"]:
    sf, sfp = hits(score_tests[trait], trait)
    rf, rfp = hits(rare_tests[trait], trait)
    af, afp = hits(mask_tests[trait], trait)
    best = max(sorted(by_combo[trait]), key=lambda c: (hits(by_combo[trait][c], trait)[0], -hits(by_combo[trait][c], trait)[1]))
    bf, bfp = hits(by_combo[trait][best], trait)
    table.append([trait, len(causal[trait]), sf, sfp, rf, rfp, af, afp, best, bf, bfp,
                  "%.3f" % lam([float(p) for _, p in score_tests[trait]]),
                  "%.3f" % lam([float(p) for _, p in rare_tests[trait]]),
                  "%.3f" % lam([float(p) for _, p in by_combo[trait][best]]),
                  len(score_tests[trait]), len(mask_tests[trait])])
with open(summary_path + ".tmp", "w") as f:
    for row in table:
        f.write("\t".join(map(str, row)) + "\n")
import os
os.replace(summary_path + ".tmp", summary_path)
widths = [max(len(str(r[i])) for r in table) for i in range(len(header))]
for row in table:
    print("  ".join(str(v).rjust(w) for v, w in zip(row, widths)))
PY
echo "summary: $out/summary.tsv; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
