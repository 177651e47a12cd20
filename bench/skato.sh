#!/usr/bin/env bash
# Cost of SKAT-O per gene on null binary traits: the slowest gene, the per-gene distribution, and
# SKAT-O's total against SKAT's, from the per gene x test CPU times that `rareset assoc --debug` logs.
#
#   bench/skato.sh                               # 20 traits at 2%, collapsing at MAC 10 and off
#   TRAITS=80 PREVALENCE=0.01 COLLAPSE="0" bench/skato.sh
#
# Cohort: `rareset simulate --samples 5000 --genes 60 --variants 3000 --chromosomes 2 --seed 16`
# (genes of 1..205 variants), simulated once into bench/out/skato/. Traits: bench/null_binary.py,
# Bernoulli on the covariates only (no genetic signal). Tests: all five, --no-spa --firth-threshold 0.
# Times are thread CPU times of the worker threads (fair on a shared machine; wall time depends on
# the load, printed at the end).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
TRAITS="${TRAITS:-20}"
PREVALENCE="${PREVALENCE:-0.02}"
COLLAPSE="${COLLAPSE:-10 0}"
THREADS="${THREADS:-2}"
out="$root/bench/out/skato"
mkdir -p "$out"
[[ -f cli/target/rareset.jar ]] || mvn -q -o -DskipTests package
if [[ ! -f "$out/cohort/cohort.vcf.gz" ]]; then
  ./rareset simulate --out "$out/cohort" --samples 5000 --genes 60 --variants 3000 --chromosomes 2 --seed 16 --quiet
fi
pheno="$out/null_${TRAITS}_${PREVALENCE}.tsv"
python3 bench/null_binary.py "$out/cohort/covar.tsv" "$pheno" --traits "$TRAITS" --prevalence "$PREVALENCE" --seed 2

printf '%-8s %-7s %6s %9s %9s %9s %9s %9s %10s %10s %7s  %s\n' collapse test genes "median ms" "p90 ms" "p99 ms" "max ms" "total s" "run cpu s" "run wall s" "/skat" "slowest"
for c in $COLLAPSE; do
  log="$out/assoc_c${c}_${TRAITS}_${PREVALENCE}.log"
  /usr/bin/time -f '%e %U %S' -o "$out/time_c$c" ./rareset assoc --vcf "$out/cohort/cohort.vcf.gz" \
    --annotations "$out/cohort/annotations.tsv" --pheno "$pheno" --covar "$out/cohort/covar.tsv" \
    --no-spa --firth-threshold 0 --collapse-mac "$c" --threads "$THREADS" --debug \
    --out "$out/results_c${c}.tsv" 2>"$log"
  read -r wall user sys < "$out/time_c$c"
  cpu=$(echo "$user + $sys" | bc -l)
  # "timing NB1 G00018 all m=205: scores 1.20 ms, burden 0.05 ms, skat 0.81 ms, skato 30.1 ms, ... (CPU)"
  for t in burden skat skato acatv acato; do
    grep -E "timing [^ ]+ [^ ]+ [^ ]+ m=[0-9]+:" "$log" | \
      sed -E "s/.*timing ([^ ]+) ([^ ]+) [^ ]+ m=([0-9]+):.* $t ([0-9.]+) ms.*/\4 \1 \2 m=\3/" | sort -g | \
      awk -v t="$t" '{ v[NR] = $1; s += $1; who = $2 " " $3 " " $4 }
        END { if (NR > 0) printf "%s %d %.2f %.2f %.2f %.2f %.3f %s\n", t, NR, v[int((NR + 1) / 2)],
              v[int(NR * 0.9 + 0.5)], v[int(NR * 0.99 + 0.5)], v[NR], s / 1000, who }'
  done | awk -v c="$c" -v cpu="$cpu" -v wall="$wall" '
    { line[NR] = $0; total[$1] = $7 }
    END { for (i = 1; i <= NR; i++) { split(line[i], f, " ")
            printf "%-8s %-7s %6d %9.2f %9.2f %9.2f %9.2f %9.2f %10.2f %10.2f %7.2f  %s %s %s\n", c, f[1], f[2], f[3], f[4], f[5], f[6], f[7],
              cpu, wall, (total["skat"] > 0 ? f[7] / total["skat"] : 0), f[8], f[9], f[10] } }'
done
echo "median/p90/p99/max: per gene x trait CPU time of the test; total: summed over genes and traits;" \
  "run cpu/wall: the whole assoc command (JVM start, reading, null models, all five tests)."
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
