#!/usr/bin/env bash
# One machine, biobank size: simulates SAMPLES samples straight into a genotype store
# (simulate --store: a VCF would hold 4 bytes per sample per site) and runs every pipeline step on
# it, one JVM per step (rareset pipeline --step), each with -Xmx$XMX and timed by /usr/bin/time -v:
# wall time, CPU time (user + sys) and peak resident memory per step, with the load average at its
# start (the figures are only comparable at similar load).
#
# Usage: bench/biobank.sh [SAMPLES] [GENES] [CHUNK]
#   SAMPLES  samples (default 500000)
#   GENES    genes (default 20000; the sites per gene are drawn as in simulate, 3..100)
#   CHUNK    assoc on part K/N of the genes only (e.g. 1/20), to extrapolate a run that does not
#            fit in the time at hand; default: all genes
# Environment: XMX (default 4g), XMX_<STEP> for one step (e.g. XMX_TRAIN=2g, docs/biobank.md's guidance), JAVA_OPTS (more JVM options, e.g. -Xlog:gc), THREADS (default 2), OUT (default bench/out/biobank), NICE (default 10),
#   STEPS (default "simulate seed_genes train score assoc risk report": run only these, e.g. to
#   resume after a step; the others' outputs must be in $OUT already), and the training settings
#   CV_FOLDS (default 5, the pipeline's), REPEATS (default 1), MIN_EPOCHS (default 1), MAX_EPOCHS (default 5);
#   DeepRVAT's own settings are CV_FOLDS=5 REPEATS=6 MIN_EPOCHS=50 MAX_EPOCHS=1000 (early stopping).
# assoc runs 3 masks (pLoF, missense, pLoF or missense; MAF <= 0.01) x burden, SKAT, SKAT-O, ACAT-V,
# ACAT-O on QT and BT.
# Output: $OUT/steps.tsv (step, wall_s, cpu_s, peak_rss_mb, load1; appended to) and the study in $OUT/study.
set -euo pipefail
cd "$(dirname "$0")/.."
samples="${1:-500000}"
genes="${2:-20000}"
chunk="${3:-}"
xmx="${XMX:-4g}"
threads="${THREADS:-2}"
out="${OUT:-bench/out/biobank}"
nice_level="${NICE:-10}"
steps="${STEPS:-simulate seed_genes train score assoc risk report}"
[[ -f cli/target/rareset.jar ]] || mvn -q -o -DskipTests package
mkdir -p "$out"
out="$(cd "$out" && pwd)"
# a copy of the jar, so that a build meanwhile cannot change it under a running step
cp cli/target/rareset.jar "$out/rareset.jar"
jar="$out/rareset.jar"
# as ./rareset: PyTorch's OpenMP threads busy-wait by default, which slows training on small machines
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
steps_tsv="$out/steps.tsv"
[[ -f "$steps_tsv" ]] || printf 'step\twall_s\tcpu_s\tpeak_rss_mb\tload1\n' > "$steps_tsv"

# Runs one rareset command under /usr/bin/time -v and appends its figures to steps.tsv.
measure() {
  local name=$1
  shift
  local load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  local step_xmx_var="XMX_${name^^}"
  step_xmx_var="${step_xmx_var//-/_}"
  local step_xmx="${!step_xmx_var:-$xmx}"
  nice -n "$nice_level" /usr/bin/time -v -o "$out/$name.time" \
    java "-Xmx$step_xmx" ${JAVA_OPTS:-} -Dai.djl.offline=true -jar "$jar" "$@" > "$out/$name.log" 2>&1
  awk -v name="$name" -v load="$load" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 / 1024 }
    END { printf "%s\t%.1f\t%.1f\t%.0f\t%s\n", name, wall, user + sys, rss, load }' "$out/$name.time" >> "$steps_tsv"
  tail -1 "$steps_tsv"
}

cohort="$out/cohort"
if [[ " $steps " == *" simulate "* ]]; then
  measure simulate simulate --samples "$samples" --genes "$genes" --seed 1 --store --threads "$threads" --out "$cohort" -q
  ls -l "$cohort/cohort.rsg"
fi
printf '%s\n' "plof: is_plof == 1" "missense: Consequence_missense_variant == 1" \
  "plof_missense: is_plof == 1 || Consequence_missense_variant == 1" > "$out/masks.txt"

cat > "$out/study.yaml" <<EOF
study: biobank
output: study
threads: $threads
seed: 1
inputs:
  store: cohort/cohort.rsg
  annotations: cohort/annotations.tsv
  genes: cohort/genes.bed
  pheno: cohort/pheno.tsv
  covar: cohort/covar.tsv
phenotypes: [QT, BT]
train:
  cv_folds: ${CV_FOLDS:-5}
  repeats: ${REPEATS:-1}
  min_epochs: ${MIN_EPOCHS:-1}
  max_epochs: ${MAX_EPOCHS:-5}
  annotations_list: [is_plof, CADD_PHRED, alphamissense, SpliceAI_delta_score, MAF_MB]
assoc:
  tests: [burden, skat, skato, acatv, acato]
  masks: masks.txt
EOF

for step in seed_genes train score assoc risk report; do
  [[ " $steps " == *" $step "* ]] || continue
  if [[ "$step" == assoc && -n "$chunk" ]]; then
    # A fraction of the genes: the chunk's outputs stay in study/.chunks (not merged, not reported).
    measure "assoc-chunk-${chunk/\//-of-}" pipeline --config "$out/study.yaml" --step assoc --chunk "$chunk"
    # The report reads assoc's results: without the whole assoc step there is nothing to report.
    [[ "$step" == assoc ]] && continue
  fi
  if [[ "$step" == report && -n "$chunk" ]]; then continue; fi
  measure "$step" pipeline --config "$out/study.yaml" --step "$step"
done
column -t "$steps_tsv"
