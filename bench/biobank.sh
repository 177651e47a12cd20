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
# Environment: XMX (default 4g), THREADS (default 2), OUT (default bench/out/biobank), NICE (default 10).
# Output: $OUT/steps.tsv (step, wall_s, cpu_s, peak_rss_mb, load1) and the study in $OUT/study.
set -euo pipefail
cd "$(dirname "$0")/.."
samples="${1:-500000}"
genes="${2:-20000}"
chunk="${3:-}"
xmx="${XMX:-4g}"
threads="${THREADS:-2}"
out="${OUT:-bench/out/biobank}"
nice_level="${NICE:-10}"
[[ -f cli/target/rareset.jar ]] || mvn -q -o -DskipTests package
jar="$(pwd)/cli/target/rareset.jar"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
steps_tsv="$out/steps.tsv"
printf 'step\twall_s\tcpu_s\tpeak_rss_mb\tload1\n' > "$steps_tsv"

# Runs one rareset command under /usr/bin/time -v and appends its figures to steps.tsv.
measure() {
  local name=$1
  shift
  local load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  nice -n "$nice_level" /usr/bin/time -v -o "$out/$name.time" \
    java "-Xmx$xmx" -Dai.djl.offline=true -jar "$jar" "$@" > "$out/$name.log" 2>&1
  awk -v name="$name" -v load="$load" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 / 1024 }
    END { printf "%s\t%.1f\t%.1f\t%.0f\t%s\n", name, wall, user + sys, rss, load }' "$out/$name.time" >> "$steps_tsv"
  tail -1 "$steps_tsv"
}

cohort="$out/cohort"
measure simulate simulate --samples "$samples" --genes "$genes" --seed 1 --store --threads "$threads" --out "$cohort" -q
ls -l "$cohort/cohort.rsg"

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
  repeats: 1
  max_epochs: 5
  annotations_list: [is_plof, CADD_PHRED, alphamissense, SpliceAI_delta_score, MAF_MB]
assoc:
  tests: [burden, skat, skato, acatv, acato]
EOF

for step in seed_genes train score assoc risk report; do
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
