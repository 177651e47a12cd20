#!/usr/bin/env bash
# Discovery power of the trained gene impairment scores against each classical gene test, on
# `rareset simulate` cohorts whose causal genes act through annotation-dependent variant effects
# sized so that the classical tests find part of them (docs/simulate.md, --effect-model annotation,
# --gene-variance). Several seeds; the verdict is the median over seeds.
#
#   bench/quality.sh                                        # 3 seeds x 50,000 samples x 1,000 genes
#   SEEDS="1 2" SAMPLES=20000 GENES=500 bench/quality.sh    # quicker
#
# Per seed, all with the existing commands:
#   simulate -> ingest -> seed-genes -> train (cross-validated with --cv-folds when train has it,
#   otherwise one ensemble on all samples) -> score -> assoc --scores, and the classical assoc
#   (masks pLoF, missense, pLoF or missense at MAF <= 0.01; tests burden, SKAT, SKAT-O, ACAT-V,
#   ACAT-O) on traits QT, BT and the null traits NULL_QT, NULL_BT. The networks are trained on QT and
#   BT (the traits under study, as DeepRVAT trains on its traits); the null traits test their scores.
# bench/quality_summary.py then counts, per method, the causal genes (truth.tsv) found at
# Bonferroni 0.05 and at Benjamini-Hochberg FDR 0.05 over genes, the false positives, and the
# null traits' genomic inflation lambda; bench/quality_weights.py compares each variant's learned
# contribution (score --per-variant) with its true weight. Output in bench/out/quality/
# (summary.tsv, genes.tsv, weights.tsv, times.tsv).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SEEDS="${SEEDS:-1 2 3}"
SAMPLES="${SAMPLES:-50000}"
GENES="${GENES:-1000}"
CAUSAL="${CAUSAL:-20}"
GENE_VARIANCE="${GENE_VARIANCE:-0.0007}"
EFFECT_NOISE="${EFFECT_NOISE:-0.5}"
CASE_RATE="${CASE_RATE:-0.1}"
REPEATS="${REPEATS:-4}"
EPOCHS="${EPOCHS:-30}"
CV_FOLDS="${CV_FOLDS:-5}"
THREADS="${THREADS:-2}"
TESTS="${TESTS:-burden,skat,skato,acatv,acato}"
# In these cohorts 99.5% of rare alleles have a frequency below 0.001 (Pareto spectrum), so a
# second MAF 0.001 mask would nearly repeat the 0.01 one and only raise the multiple-testing cost.
MAX_MAF="${MAX_MAF:-0.01}"
out="${OUT:-$root/bench/out/quality}"
mkdir -p "$out"
[[ -f cli/target/rareset.jar ]] || mvn -q -o -DskipTests package
export OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS=1

step() { # dir, name, command...: runs it quietly, logs to <dir>/<name>.log, records its wall time
  local dir=$1 name=$2; shift 2
  local t0; t0=$(date +%s.%N)
  "$@" --quiet 2>"$dir/$name.log" || { echo "$name failed, see $dir/$name.log" >&2; tail -5 "$dir/$name.log" >&2; exit 1; }
  local s; s=$(echo "$(date +%s.%N) - $t0" | bc -l)
  printf '%s\t%s\t%.1f\t%s\n' "$(basename "$dir")" "$name" "$s" "$(cut -d' ' -f1 /proc/loadavg)" >> "$out/times.tsv"
  printf '  %-12s %7.1f s (load %s)\n' "$name" "$s" "$(cut -d' ' -f1 /proc/loadavg)"
}

# Cross-validated scores when train offers them; otherwise one ensemble trained on every sample,
# whose scores come from networks that saw the same samples' traits (said in the summary).
if ./rareset train --help 2>/dev/null | grep -q -- '--cv-folds'; then
  cv=(--cv-folds "$CV_FOLDS"); scoring="cv$CV_FOLDS"
else
  cv=(); scoring="whole-sample"
fi
traits=QT,BT,NULL_QT,NULL_BT
annotations_list=is_plof,CADD_PHRED,alphamissense,SpliceAI_delta_score,MAF_MB,Consequence_missense_variant,polyphen_score,sift_score
printf '%s\n' "plof: is_plof == 1" "missense: Consequence_missense_variant == 1" \
  "plof_missense: is_plof == 1 || Consequence_missense_variant == 1" > "$out/masks.txt"
: > "$out/times.tsv"
echo "cohorts: seeds $SEEDS; $SAMPLES samples x $GENES genes, $CAUSAL causal genes per trait, --gene-variance $GENE_VARIANCE," \
  "--effect-noise $EFFECT_NOISE, --case-rate $CASE_RATE; masks at MAF <= $MAX_MAF; train --repeats $REPEATS --max-epochs $EPOCHS, scores: $scoring"
runs=()
learned=()
for seed in $SEEDS; do
  d="$out/seed$seed"
  mkdir -p "$d"
  echo "seed $seed"
  sim="$d/cohort"
  step "$d" simulate ./rareset simulate --out "$sim" --samples "$SAMPLES" --genes "$GENES" --causal-genes "$CAUSAL" \
    --effect-model annotation --effect-noise "$EFFECT_NOISE" --gene-variance "$GENE_VARIANCE" --case-rate "$CASE_RATE" \
    --seed "$seed" --threads "$THREADS"
  step "$d" ingest ./rareset ingest --vcf "$sim/cohort.vcf.gz" --out "$d/cohort.rsg" --threads "$THREADS"
  data=(--store "$d/cohort.rsg" --annotations "$sim/annotations.tsv" --pheno "$sim/pheno.tsv" --covar "$sim/covar.tsv")
  step "$d" seed_genes ./rareset seed-genes "${data[@]}" --phenotypes QT,BT --out "$d/seed.tsv" --threads "$THREADS"
  # DeepRVAT's seed-gene rules may leave a trait without seed genes; train on those that have some.
  train_traits=$(awk -F'\t' 'NR > 1 && ($1 == "QT" || $1 == "BT") { print $1 }' "$d/seed.tsv" | sort -u | paste -sd, -)
  [[ -n "$train_traits" ]] || { echo "seed $seed: no seed genes for QT or BT, nothing to train on" >&2; exit 1; }
  echo "  training on: $train_traits"
  step "$d" train ./rareset train "${data[@]}" --seed-genes "$d/seed.tsv" --phenotypes "$train_traits" \
    --annotations-list "$annotations_list" --train-filter 'MAF < 0.01' --repeats "$REPEATS" --min-epochs 1 --max-epochs "$EPOCHS" \
    --batch-size 1024 --seed "$seed" "${cv[@]}" --out "$d/model" --threads "$THREADS"
  # score's default keeps what the model trained on (MAF < 0.01): like for like with the masks.
  step "$d" score ./rareset score --model "$d/model" --store "$d/cohort.rsg" --annotations "$sim/annotations.tsv" \
    --out "$d/scores.parquet" --per-variant "$d/per_variant.tsv" --threads "$THREADS"
  step "$d" assoc_scores ./rareset assoc --scores "$d/scores.parquet" --pheno "$sim/pheno.tsv" --covar "$sim/covar.tsv" \
    --phenotypes "$traits" --out "$d/score_results.tsv" --threads "$THREADS"
  step "$d" assoc_masks ./rareset assoc "${data[@]}" --phenotypes "$traits" --masks "$out/masks.txt" \
    --max-maf "$MAX_MAF" --tests "$TESTS" --out "$d/mask_results.tsv" --threads "$THREADS"
  runs+=("$seed" "$sim/truth.tsv" "$d/score_results.tsv" "$d/mask_results.tsv")
  learned+=("$seed" "$d/per_variant.tsv" "$sim/causal_variants.tsv" "$sim/annotations.tsv")
done

python3 bench/quality_summary.py --out "$out" --scoring "$scoring" --tests "$TESTS" "${runs[@]}"
echo "learned per-variant contribution against the true weight of the causal alleles:"
python3 bench/quality_weights.py "$out/weights.tsv" "${learned[@]}"
echo "summary: $out/summary.tsv, per gene: $out/genes.tsv, learned weights: $out/weights.tsv; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
