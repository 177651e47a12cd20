#!/usr/bin/env bash
# Cost of SKAT-O against SKAT on null binary traits: the whole `assoc` command with `--tests skato`
# against `--tests skat` (issue 16's definition), the per gene x trait test-only times that
# `rareset assoc --debug` logs, their ratio, and the slowest gene.
#
#   bench/skato.sh                               # 20 traits at 2%, collapsing at MAC 10 and off, 3 runs each
#   TRAITS=80 PREVALENCE=0.01 COLLAPSE="0" RUNS=5 bench/skato.sh
#   JAR=old/rareset.jar OUT=bench/out/skato/before bench/skato.sh  # the same study on another build
#
# Cohort: `rareset simulate --samples 5000 --genes 60 --variants 3000 --chromosomes 2 --seed 16`
# (genes of 1..205 variants), simulated once into bench/out/skato/. Traits: bench/null_binary.py,
# Bernoulli on the covariates only (no genetic signal). --no-spa --firth-threshold 0.
# Per collapse setting, RUNS runs of `--tests skat` and `--tests skato` are interleaved
# (skat, skato, skat, skato, ...) under /usr/bin/time; figures are medians over the runs.
# Test times are thread CPU times of the worker threads (fair on a shared machine); command times
# are user + sys CPU of the whole JVM (start, reading, null models, the test). Wall time depends on
# the load, printed at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
TRAITS="${TRAITS:-20}"
PREVALENCE="${PREVALENCE:-0.02}"
COLLAPSE="${COLLAPSE:-10 0}"
THREADS="${THREADS:-2}"
RUNS="${RUNS:-3}"
JAR="${JAR:-$root/cli/target/rareset.jar}"
cohort="$root/bench/out/skato/cohort"
out="${OUT:-$root/bench/out/skato}"
mkdir -p "$out" "$(dirname "$cohort")"
[[ -f "$JAR" ]] || mvn -q -o -DskipTests package
rareset() { java ${RARESET_JAVA_OPTS:--Xmx8g} -jar "$JAR" "$@"; }
if [[ ! -f "$cohort/cohort.vcf.gz" ]]; then
  rareset simulate --out "$cohort" --samples 5000 --genes 60 --variants 3000 --chromosomes 2 --seed 16 --quiet
fi
pheno="$out/null_${TRAITS}_${PREVALENCE}.tsv"
python3 bench/null_binary.py "$cohort/covar.tsv" "$pheno" --traits "$TRAITS" --prevalence "$PREVALENCE" --seed 2

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "NA"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# per gene x trait CPU ms of test $2 in log $1: "ms trait gene m=N", sorted
times() {
  # "timing NB1 G00018 all m=205: scores 1.20 ms, burden 0.05 ms, skat 0.81 ms, skato 30.1 ms (CPU)"
  grep -E "timing [^ ]+ [^ ]+ [^ ]+ m=[0-9]+:" "$1" | grep -E " $2 [0-9.]+ ms" | \
    sed -E "s/.*timing ([^ ]+) ([^ ]+) [^ ]+ m=([0-9]+):.* $2 ([0-9.]+) ms.*/\4 \1 \2 m=\3/" | sort -g
}

summary="$out/summary.tsv"
printf 'collapse\ttest\truns\tgenes\tmedian_ms\tp90_ms\tp99_ms\tmax_ms\tslowest\ttest_total_s\tcommand_cpu_s\tcommand_wall_s\tpeak_rss_mb\n' > "$summary"
ratios=()
for c in $COLLAPSE; do
  for r in $(seq 1 "$RUNS"); do
    for t in skat skato; do
      log="$out/assoc_c${c}_${t}_r${r}.log"
      /usr/bin/time -f '%e %U %S %M' -o "$out/time_c${c}_${t}_r${r}" java ${RARESET_JAVA_OPTS:--Xmx8g} -jar "$JAR" assoc \
        --vcf "$cohort/cohort.vcf.gz" --annotations "$cohort/annotations.tsv" --pheno "$pheno" \
        --covar "$cohort/covar.tsv" --no-spa --firth-threshold 0 --collapse-mac "$c" --tests "$t" \
        --threads "$THREADS" --debug --out "$out/results_c${c}_${t}.tsv" 2>"$log"
    done
  done
  for t in skat skato; do
    cpu=$(for r in $(seq 1 "$RUNS"); do awk '{ print $2 + $3 }' "$out/time_c${c}_${t}_r${r}"; done | median)
    wall=$(for r in $(seq 1 "$RUNS"); do awk '{ print $1 }' "$out/time_c${c}_${t}_r${r}"; done | median)
    rss=$(for r in $(seq 1 "$RUNS"); do awk '{ print $4 / 1024 }' "$out/time_c${c}_${t}_r${r}"; done | median)
    total=$(for r in $(seq 1 "$RUNS"); do times "$out/assoc_c${c}_${t}_r${r}.log" "$t" | awk '{ s += $1 } END { print s / 1000 }'; done | median)
    # the distribution over gene x trait: every run's times pooled
    for r in $(seq 1 "$RUNS"); do times "$out/assoc_c${c}_${t}_r${r}.log" "$t"; done | sort -g | \
      awk -v c="$c" -v t="$t" -v runs="$RUNS" -v total="$total" -v cpu="$cpu" -v wall="$wall" -v rss="$rss" \
        '{ v[NR] = $1; who = $2 " " $3 " " $4 }
         END { printf "%s\t%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%s\t%.3f\t%.2f\t%.2f\t%.0f\n", c, t, runs, NR / runs,
               v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)], v[int(NR * 0.99 + 0.5)], v[NR], who, total, cpu, wall, rss }' >> "$summary"
  done
  # the two ratios, each the median over runs of skato's figure / the same run pair's skat figure
  cmd=$(for r in $(seq 1 "$RUNS"); do
    paste "$out/time_c${c}_skato_r${r}" "$out/time_c${c}_skat_r${r}" | awk '{ print ($2 + $3) / ($6 + $7) }'; done | median)
  test=$(for r in $(seq 1 "$RUNS"); do
    a=$(times "$out/assoc_c${c}_skato_r${r}.log" skato | awk '{ s += $1 } END { print s }')
    b=$(times "$out/assoc_c${c}_skat_r${r}.log" skat | awk '{ s += $1 } END { print s }')
    echo "$a $b" | awk '{ print $1 / $2 }'; done | median)
  ratios+=("$c $cmd $test")
done
column -t -s $'\t' "$summary"
echo
printf '%-9s %-28s %-28s\n' collapse "command CPU skato/skat" "test-only CPU skato/skat"
for line in "${ratios[@]}"; do
  read -r c cmd test <<< "$line"
  printf '%-9s %-28.2f %-28.2f\n' "$c" "$cmd" "$test"
done
echo "median/p90/p99/max: per gene x trait CPU ms of the test (all runs pooled); test_total: summed over genes and traits;" \
  "command: the whole assoc command (JVM start, reading, null models, the one test); medians over $RUNS interleaved runs."
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
