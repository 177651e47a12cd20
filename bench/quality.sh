#!/usr/bin/env bash
# Discovery power of the trained gene impairment scores against each classical gene test, on
# `rareset simulate` cohorts whose causal genes act through annotation-dependent variant effects
# sized so that the classical tests find part of them (docs/simulate.md, --effect-model annotation,
# --gene-variance). Several seeds; the verdict is the median over seeds.
#
#   bench/quality.sh                                        # 3 seeds x 50,000 samples x 1,000 genes
#   SEEDS="1 2" SAMPLES=20000 GENES=500 bench/quality.sh    # quicker
#   ARMS="deeprvat eac interleaved" SEEDS=1 bench/quality.sh  # several seed-gene / training settings
#
# Per seed, with the existing commands: simulate -> ingest, then the classical assoc (masks pLoF,
# missense, pLoF or missense at MAF <= 0.01; tests burden, SKAT, SKAT-O, ACAT-V, ACAT-O) and the
# oracle (assoc burden weighted by the simulator's own weight function f(a), no noise: what a model
# that learned f perfectly would get), on traits QT, BT and the null traits NULL_QT, NULL_BT.
# Then per arm (a seed-gene and training setting, below): seed-genes -> train --cv-folds K ->
# score --cv-folds K (out-of-fold scores: every sample scored by networks that never saw it) ->
# assoc --scores. The networks are trained on QT and BT (the traits under study, as DeepRVAT trains
# on its traits); the null traits test their scores.
# bench/quality_summary.py then counts, per method, the causal genes (truth.tsv) found at
# Bonferroni 0.05 and at Benjamini-Hochberg FDR 0.05 over genes, the false positives, and the
# null traits' genomic inflation lambda; bench/quality_weights.py compares each variant's learned
# contribution (score --per-variant) with its true weight; bench/quality_truth.py describes what
# the simulation offers a learner (pLoF share of each causal and seed gene). Output in
# bench/out/quality/ (summary.tsv, genes.tsv, weights.tsv, truth.tsv, times.tsv). A step whose
# output exists is not run again (delete the seed's folder to redo it).
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
# Training: DeepRVAT trains 5 folds x 6 repeats for 50-1000 epochs (early stopping, patience 3).
# The defaults here keep its 5 folds and 50 minimum epochs but train 2 repeats per fold and stop by
# 100 epochs, so that 3 seeds fit in about an hour of 2 shared cores; set REPEATS=6 MAX_EPOCHS=1000
# for DeepRVAT's full setting.
REPEATS="${REPEATS:-2}"
CV_FOLDS="${CV_FOLDS:-5}"
MIN_EPOCHS="${MIN_EPOCHS:-50}"
MAX_EPOCHS="${MAX_EPOCHS:-100}"
THREADS="${THREADS:-2}"
TESTS="${TESTS:-burden,skat,skato,acatv,acato}"
# Arms: seed-gene and training settings, each trained and scored on the same cohorts.
#   deeprvat     seed-genes with DeepRVAT's rules as they are (EAC > 50, at least 3 genes per trait)
#   eac          EAC > 50 x SAMPLES / 200,000: DeepRVAT's bar, set for UK Biobank's 200,000 exomes
#                (docs/seed-genes.md), at the same allele frequency for this cohort size
#   any          --min-eac 0: every gene with at least 2 carriers may be a seed gene (most seed genes)
#   truth        a diagnostic, not a method: the simulated causal genes of QT and BT (truth.tsv) as
#                seed genes, to see whether the networks learn the effect model when the seed genes
#                are right and plentiful (the scores stay out-of-fold, but the choice saw the answer)
#   eac6         eac with DeepRVAT's 6 networks per fold (instead of REPEATS)
#   interleaved  eac's seed genes, trained with --trait-batches interleaved (DeepRVAT's multi-trait
#                batching) instead of shared batches
ARMS="${ARMS:-deeprvat eac}"
# In these cohorts 99.5% of rare alleles have a frequency below 0.001 (Pareto spectrum), so a
# second MAF 0.001 mask would nearly repeat the 0.01 one and only raise the multiple-testing cost.
MAX_MAF="${MAX_MAF:-0.01}"
out="${OUT:-$root/bench/out/quality}"
mkdir -p "$out"
[[ -f cli/target/rareset.jar ]] || mvn -q -o -DskipTests package
export OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS=1
scaled_eac=$(echo "50 * $SAMPLES / 200000" | bc -l | xargs printf '%.1f')

step() { # dir, name, output, command...: runs it quietly unless output exists, logs to <dir>/<name>.log, records its wall time
  local dir=$1 name=$2 output=$3; shift 3
  if [[ -e "$output" ]]; then printf '  %-22s done before\n' "$name"; return; fi
  local t0; t0=$(date +%s.%N)
  "$@" --quiet 2>"$dir/$name.log" || { echo "$name failed, see $dir/$name.log" >&2; tail -5 "$dir/$name.log" >&2; exit 1; }
  local s; s=$(echo "$(date +%s.%N) - $t0" | bc -l)
  printf '%s\t%s\t%.1f\t%s\n' "${dir#"$out"/}" "$name" "$s" "$(cut -d' ' -f1 /proc/loadavg)" >> "$out/times.tsv"
  printf '  %-22s %7.1f s (load %s)\n' "$name" "$s" "$(cut -d' ' -f1 /proc/loadavg)"
}

arm_seed_options() {
  case "$1" in
    deeprvat) ;;
    eac|eac6|interleaved) echo "--min-eac $scaled_eac" ;;
    any) echo "--min-eac 0" ;;
    truth) ;;
    *) echo "unknown arm '$1' (deeprvat, eac, eac6, any, interleaved, truth)" >&2; exit 2 ;;
  esac
}
arm_train_options() {
  case "$1" in
    eac6) echo "--repeats 6" ;;
    interleaved) echo "--repeats $REPEATS --trait-batches interleaved" ;;
    *) echo "--repeats $REPEATS" ;;
  esac
}

traits=QT,BT,NULL_QT,NULL_BT
annotations_list=is_plof,CADD_PHRED,alphamissense,SpliceAI_delta_score,MAF_MB,Consequence_missense_variant,polyphen_score,sift_score
printf '%s\n' "plof: is_plof == 1" "missense: Consequence_missense_variant == 1" \
  "plof_missense: is_plof == 1 || Consequence_missense_variant == 1" > "$out/masks.txt"
# The oracle: every rare allele in one mask, burden weighted by the simulator's f(a) (no
# collapsing, so the burden is exactly sum f(a) x dosage).
printf '%s\n' "oracle: true_f > 0" > "$out/oracle_mask.txt"
# Allele classes, for the training signal each carries in the seed genes (quality_truth.py describe).
printf '%s\n' "plof: is_plof == 1" \
  "missense_damaging: is_plof == 0 && Consequence_missense_variant == 1 && true_f >= 0.5" \
  "missense_benign: is_plof == 0 && Consequence_missense_variant == 1 && true_f < 0.5" \
  "other: is_plof == 0 && Consequence_missense_variant == 0" > "$out/class_masks.txt"
touch "$out/times.tsv"
echo "cohorts: seeds $SEEDS; $SAMPLES samples x $GENES genes, $CAUSAL causal genes per trait, --gene-variance $GENE_VARIANCE," \
  "--effect-noise $EFFECT_NOISE, --case-rate $CASE_RATE; masks at MAF <= $MAX_MAF; arms $ARMS (eac: --min-eac $scaled_eac);" \
  "train --cv-folds $CV_FOLDS --repeats $REPEATS --min-epochs $MIN_EPOCHS --max-epochs $MAX_EPOCHS"
runs=()
seedsets=()
learned=()
described=()
for seed in $SEEDS; do
  d="$out/seed$seed"
  mkdir -p "$d"
  echo "seed $seed"
  sim="$d/cohort"
  step "$d" simulate "$sim/truth.tsv" ./rareset simulate --out "$sim" --samples "$SAMPLES" --genes "$GENES" --causal-genes "$CAUSAL" \
    --effect-model annotation --effect-noise "$EFFECT_NOISE" --gene-variance "$GENE_VARIANCE" --case-rate "$CASE_RATE" \
    --seed "$seed" --threads "$THREADS"
  step "$d" ingest "$d/cohort.rsg" ./rareset ingest --vcf "$sim/cohort.vcf.gz" --out "$d/cohort.rsg" --threads "$THREADS"
  data=(--store "$d/cohort.rsg" --annotations "$sim/annotations.tsv" --pheno "$sim/pheno.tsv" --covar "$sim/covar.tsv")
  step "$d" assoc_masks "$d/mask_results.tsv" ./rareset assoc "${data[@]}" --phenotypes "$traits" --masks "$out/masks.txt" \
    --max-maf "$MAX_MAF" --tests "$TESTS" --out "$d/mask_results.tsv" --threads "$THREADS"
  [[ -e "$d/oracle_annotations.tsv" ]] || python3 bench/quality_truth.py oracle-column "$sim/annotations.tsv" "$d/oracle_annotations.tsv"
  step "$d" assoc_oracle "$d/oracle_results.tsv" ./rareset assoc --store "$d/cohort.rsg" --annotations "$d/oracle_annotations.tsv" \
    --pheno "$sim/pheno.tsv" --covar "$sim/covar.tsv" --phenotypes "$traits" --masks "$out/oracle_mask.txt" \
    --max-maf "$MAX_MAF" --tests burden --weights true_f --collapse-mac 0 --out "$d/oracle_results.tsv" --threads "$THREADS"
  step "$d" assoc_classes "$d/class_results.tsv" ./rareset assoc --store "$d/cohort.rsg" --annotations "$d/oracle_annotations.tsv" \
    --pheno "$sim/pheno.tsv" --covar "$sim/covar.tsv" --phenotypes QT,BT --masks "$out/class_masks.txt" \
    --max-maf "$MAX_MAF" --tests burden --weights none --collapse-mac 0 --out "$d/class_results.tsv" --threads "$THREADS"
  scores="oracle=$d/oracle_results.tsv"
  for arm in $ARMS; do
    a="$d/$arm"
    mkdir -p "$a"
    if [[ "$arm" == truth ]]; then
      [[ -e "$a/seed.tsv" ]] || awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; print "phenotype\tgene"; next }
        { print $c["trait"] "\t" $c["gene"] }' "$sim/truth.tsv" > "$a/seed.tsv"
    else
      # shellcheck disable=SC2046
      step "$a" seed_genes "$a/seed.tsv" ./rareset seed-genes "${data[@]}" --phenotypes QT,BT --out "$a/seed.tsv" \
        --threads "$THREADS" $(arm_seed_options "$arm")
    fi
    # DeepRVAT's seed-gene rules may leave a trait without seed genes; train on those that have some.
    train_traits=$(awk -F'\t' 'NR > 1 && ($1 == "QT" || $1 == "BT") { print $1 }' "$a/seed.tsv" | sort -u | paste -sd, -)
    [[ -n "$train_traits" ]] || { echo "seed $seed, arm $arm: no seed genes for QT or BT, nothing to train on" >&2; exit 1; }
    echo "  $arm: training on $train_traits ($(awk 'NR > 1' "$a/seed.tsv" | wc -l) seed genes)"
    # shellcheck disable=SC2046
    step "$a" train "$a/model/model.json" ./rareset train "${data[@]}" --seed-genes "$a/seed.tsv" --phenotypes "$train_traits" \
      --annotations-list "$annotations_list" --train-filter 'MAF < 0.01' --min-epochs "$MIN_EPOCHS" \
      --max-epochs "$MAX_EPOCHS" --batch-size 1024 --seed "$seed" --cv-folds "$CV_FOLDS" --out "$a/model" --threads "$THREADS" \
      $(arm_train_options "$arm")
    # Out-of-fold scores (--cv-folds): each sample is scored by the networks that never saw it. The
    # model's own filter (MAF < 0.01) keeps like for like with the masks.
    step "$a" score "$a/scores.parquet" ./rareset score --model "$a/model" --cv-folds "$CV_FOLDS" --store "$d/cohort.rsg" \
      --annotations "$sim/annotations.tsv" --out "$a/scores.parquet" --per-variant "$a/per_variant.tsv" --threads "$THREADS"
    step "$a" assoc_scores "$a/score_results.tsv" ./rareset assoc --scores "$a/scores.parquet" --pheno "$sim/pheno.tsv" \
      --covar "$sim/covar.tsv" --phenotypes "$traits" --out "$a/score_results.tsv" --threads "$THREADS"
    # Diagnostic: the same networks, every sample scored by all K x repeats of them (the ensemble
    # for new cohorts). Only seed genes' carriers trained the networks, so for the other genes no
    # sample's trait entered its own score; for the seed genes it did (docs/quality.md).
    step "$a" score_ensemble "$a/ensemble_scores.parquet" ./rareset score --model "$a/model" --store "$d/cohort.rsg" \
      --annotations "$sim/annotations.tsv" --out "$a/ensemble_scores.parquet" --threads "$THREADS"
    step "$a" assoc_ensemble "$a/ensemble_results.tsv" ./rareset assoc --scores "$a/ensemble_scores.parquet" --pheno "$sim/pheno.tsv" \
      --covar "$sim/covar.tsv" --phenotypes "$traits" --out "$a/ensemble_results.tsv" --threads "$THREADS"
    scores+=",scores_$arm=$a/score_results.tsv,ensemble_$arm=$a/ensemble_results.tsv"
    seedsets+=("$seed" "$arm" "$a/seed.tsv")
    learned+=("$seed/$arm" "$a/per_variant.tsv" "$sim/causal_variants.tsv" "$sim/annotations.tsv")
    described+=("$seed/$arm" "$sim" "$a/seed.tsv" "$d/class_results.tsv")
  done
  runs+=("$seed" "$sim/truth.tsv" "$scores" "$d/mask_results.tsv")
done

python3 bench/quality_summary.py --out "$out" --tests "$TESTS" --seed-genes "${seedsets[@]}" -- "${runs[@]}"
echo "learned per-variant contribution against the true weight of the causal alleles:"
python3 bench/quality_weights.py "$out/weights.tsv" "${learned[@]}"
echo "what the simulation offers a learner (causal and seed genes by pLoF share of their variance):"
python3 bench/quality_truth.py describe "$out/truth.tsv" "${described[@]}"
echo "summary: $out/summary.tsv, per gene: $out/genes.tsv, learned weights: $out/weights.tsv, truth: $out/truth.tsv;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
