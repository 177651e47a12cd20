#!/usr/bin/env bash
# Gene impairment scoring benchmark.
#  1. `rareset score --pretrained` on the DeepRVAT golden cohort (300 samples x 12 genes, 30 models):
#     wall time, peak memory, and the largest difference from the expected burdens.
#  2. The sparse scoring engine on a synthetic cohort (default 20,000 genes x 100,000 samples,
#     about 50 annotation rows per gene, heavy-tailed carrier counts), with DeepRVAT's 30
#     published models and with 6 DeepRVAT-shaped networks (the default trained ensemble size),
#     plus the cost of the whole scoring with the default sparse output written (ratio to the engine
#     alone, file size), and of writing the dense long output, measured on a subset of genes and
#     extrapolated.
# Usage: bench/score.sh [extra ScoringBenchmark options, e.g. --genes 2000 --threads 2]
# Needs ../shared (or RARESET_SHARED) for the pretrained models and the golden cohort.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${RARESET_SHARED:-../shared}"
models="$shared/deeprvat-pretrained"
golden="$shared/golden/deeprvat"
threads="${THREADS:-2}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

[[ -f cli/target/rareset.jar ]] || mvn -q -o -DskipTests package
mvn -q -o -pl deepset -am test-compile
java_opts=(-Xmx4g -Dai.djl.offline=true)

if [[ -d "$models" && -d "$golden" ]]; then
  echo "== rareset score on the DeepRVAT golden cohort"
  /usr/bin/time -f "wall %e s, peak RSS %M KB" java "${java_opts[@]}" -jar cli/target/rareset.jar score \
      --pretrained "$models" --vcf "$golden/cohort.vcf.gz" --annotations "$golden/annotations.tsv" \
      --out "$tmp/golden.tsv" --dense long --threads "$threads" --quiet
  awk -F'\t' 'NR==FNR { if (FNR > 1) e[$1"\t"$2] = $3; next }
              FNR > 1 { d = $3 - e[$1"\t"$2]; if (d < 0) d = -d; if (d > m) m = d; n++ }
              END { printf "%d scores, max |score - expected| = %.3g\n", n, m }' \
      "$golden/expected_burdens.tsv" "$tmp/golden.tsv"
else
  echo "($models or $golden absent: skipping the golden cohort)"
fi

cp="cli/target/rareset.jar:deepset/target/test-classes"
if [[ -d "$models" ]]; then
  echo "== synthetic cohort, DeepRVAT's 30 pretrained models"
  /usr/bin/time -f "wall %e s, peak RSS %M KB" java "${java_opts[@]}" -cp "$cp" \
      org.rareset.deepset.score.ScoringBenchmark --pretrained "$models" --threads "$threads" \
      --sparse true --out "$tmp" "$@"
fi
echo "== synthetic cohort, 6 DeepRVAT-shaped networks, long output written for 100 genes"
/usr/bin/time -f "wall %e s, peak RSS %M KB" java "${java_opts[@]}" -cp "$cp" \
    org.rareset.deepset.score.ScoringBenchmark --models 6 --threads "$threads" \
    --write-genes 100 --out "$tmp" "$@"
