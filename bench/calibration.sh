#!/usr/bin/env bash
# Calibration of the binary-trait gene tests on null traits (docs/calibration.md).
#
#   bench/calibration.sh                                  # the documented run
#   SAMPLES=5000 GENES=2000 REPLICATES=10 bench/calibration.sh
#   PREVALENCES="0.01 0.03" SETTINGS="default collapse0" bench/calibration.sh
#   JAR=/path/to/other/rareset.jar LABEL=before bench/calibration.sh   # e.g. an older build
#
# 1. `rareset simulate` writes a cohort with REPLICATES null binary traits per prevalence
#    (covariate-driven liability thresholds, independent of the genotypes; null_bt.tsv).
# 2. `rareset assoc` tests every gene for every trait with --max-maf 0.01 (rare variants), once per
#    setting: default (SPA, Firth for beta, collapsing below MAC 10), collapse0 (--collapse-mac 0),
#    nospa (--no-spa), nospa_collapse0.
# 3. bench/Calibration.java tabulates per setting, prevalence and test: lambda, and the empirical
#    type I error at 1e-2, 1e-3, 1e-4 as a ratio to nominal with its 95% Clopper-Pearson interval.
# 4. Parametric bootstrap (BOOT replicates, 0 = off): for the first replicate at the lowest
#    prevalence, the logistic null is fitted, BOOT traits are drawn from it and refitted, and the
#    BOOT_GENES genes whose default SKAT-O p lies just below BOOT_P get, for every test, a bootstrap p
#    (1 + #{p* <= p}) / (BOOT + 1) to set beside the reported p.
# 5. By hand, for single genes: `helper carrier-p` gives a gene's SKAT p under the exact carrier law
#    by simulation (docs/calibration.md shows the bcftools command that extracts the genotypes).
#
# Outputs in bench/out/calibration/<LABEL>/: results per setting, table.tsv, table.md, bootstrap.tsv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SAMPLES="${SAMPLES:-5000}"
GENES="${GENES:-2000}"
REPLICATES="${REPLICATES:-10}"
PREVALENCES="${PREVALENCES:-0.01 0.03 0.1 0.3}"
SETTINGS="${SETTINGS:-default collapse0 nospa}"
THREADS="${THREADS:-2}"
BOOT="${BOOT:-1000}"
BOOT_GENES="${BOOT_GENES:-8}"
BOOT_P="${BOOT_P:-0.01}"
SEED="${SEED:-3}"
LABEL="${LABEL:-current}"
TRAITS_MATCH="${TRAITS_MATCH:-.}"   # e.g. '^NBT(1|3)_' to test only the 1% and 3% traits
JAR="${JAR:-$root/cli/target/rareset.jar}"
[[ -f "$JAR" ]] || mvn -q -o -DskipTests package
run() { java ${RARESET_JAVA_OPTS:--Xmx4g} -Dai.djl.offline=true -jar "$JAR" "$@"; }
helper() { java -cp "$JAR" bench/Calibration.java "$@"; }

sim="$root/bench/out/calibration/sim_${SAMPLES}_${GENES}_${REPLICATES}_${SEED}"
out="$root/bench/out/calibration/$LABEL"
mkdir -p "$out"
prev_csv=$(echo $PREVALENCES | tr ' ' ',')
if [[ ! -f "$sim/null_bt.tsv" ]] || [[ "$(cat "$sim/prevalences" 2>/dev/null)" != "$prev_csv" ]]; then
  # simulate with the current build (the null_bt.tsv writer), whatever JAR is benchmarked
  java -Dai.djl.offline=true -jar "${SIM_JAR:-$root/cli/target/rareset.jar}" simulate --out "$sim" --samples "$SAMPLES" --genes "$GENES" \
    --seed "$SEED" --null-replicates "$REPLICATES" --null-prevalence "$prev_csv" --quiet
  echo "$prev_csv" > "$sim/prevalences"
fi
traits=$(head -1 "$sim/null_bt.tsv" | cut -f2- | tr '\t' '\n' | grep -E "$TRAITS_MATCH" | paste -sd,)

: > "$out/table.tsv"
for setting in $SETTINGS; do
  case "$setting" in
    default) extra=() ;;
    collapse0) extra=(--collapse-mac 0) ;;
    nospa) extra=(--no-spa) ;;
    nospa_collapse0) extra=(--no-spa --collapse-mac 0) ;;
    *) echo "unknown setting $setting" >&2; exit 2 ;;
  esac
  res="$out/results_${setting}.tsv.gz"
  start=$(date +%s)
  run assoc --vcf "$sim/cohort.vcf.gz" --annotations "$sim/annotations.tsv" --pheno "$sim/null_bt.tsv" \
    --covar "$sim/covar.tsv" --phenotypes "$traits" --max-maf 0.01 --threads "$THREADS" "${extra[@]}" \
    --out "$res" 2> "$out/assoc_${setting}.log"
  echo "$setting: $(( $(date +%s) - start )) s" >&2
  helper table "$setting" "$res" >> "$out/table.tsv"
done
helper markdown "$out/table.tsv" > "$out/table.md"
cat "$out/table.md"

if [[ "$BOOT" -gt 0 && -f "$out/results_default.tsv.gz" ]]; then
  first=$(echo "$traits" | cut -d, -f1)
  helper bootstrap-traits "$sim/covar.tsv" "$sim/null_bt.tsv" "$first" "$BOOT" "$SEED" "$out/boot_traits.tsv"
  genes=$(helper pick-genes "$out/results_default.tsv.gz" "$first" skato "$BOOT_GENES" "$BOOT_P" "$sim/annotations.tsv" "$out/boot_annotations.tsv")
  echo "bootstrap: $BOOT refitted null traits of $first for genes $genes" >&2
  run assoc --vcf "$sim/cohort.vcf.gz" --annotations "$out/boot_annotations.tsv" --pheno "$out/boot_traits.tsv" \
    --covar "$sim/covar.tsv" --max-maf 0.01 --threads "$THREADS" --out "$out/boot_results.tsv.gz" 2> "$out/assoc_boot.log"
  helper bootstrap-compare "$out/results_default.tsv.gz" "$out/boot_results.tsv.gz" "$first" > "$out/bootstrap.tsv"
  cat "$out/bootstrap.tsv"
fi
