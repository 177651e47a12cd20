#!/usr/bin/env bash
# Benchmark of `rareset assoc`: genes per second for all five tests (burden, SKAT, SKAT-O, ACAT-V,
# ACAT-O), quantitative and binary traits, on `rareset simulate` cohorts of increasing size, and how
# the cost grows with the number of samples.
#
#   bench/assoc.sh                      # 10,000 / 50,000 / 100,000 samples, 200 genes, 2 threads
#   SAMPLES="10000 50000" GENES=100 THREADS=1 bench/assoc.sh
#
# Cohorts are simulated once into bench/out/assoc/ and reused. Columns: "test s" is the wall time of
# the gene-testing phase as rareset assoc reports it (null model fits, genes x masks x tests), "cpu s"
# its CPU time over all threads (the fair figure on a shared machine), "genes/s" genes per wall
# second, "genes/cpu-s" genes per CPU second, "total s" the whole command (JVM start, VCF reading,
# annotations, writing), "x cpu" the testing CPU time relative to the smallest cohort, same trait.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SAMPLES="${SAMPLES:-10000 50000 100000}"
GENES="${GENES:-200}"
THREADS="${THREADS:-2}"
TESTS="${TESTS:-burden,skat,skato,acatv,acato}"
out="$root/bench/out/assoc"
mkdir -p "$out"
[[ -f cli/target/rareset.jar ]] || mvn -q -o -DskipTests package

printf '%-8s %-6s %6s %9s %9s %9s %12s %9s %7s\n' samples trait genes "test s" "cpu s" "genes/s" "genes/cpu-s" "total s" "x cpu"
declare -A base
for n in $SAMPLES; do
  dir="$out/sim_${n}_${GENES}"
  if [[ ! -f "$dir/cohort.vcf.gz" ]]; then
    ./rareset simulate --out "$dir" --samples "$n" --genes "$GENES" --seed 1 --quiet
  fi
  for trait in QT BT; do
    log="$out/assoc_${n}_${GENES}_${trait}.log"
    start=$(date +%s.%N)
    ./rareset assoc --vcf "$dir/cohort.vcf.gz" --annotations "$dir/annotations.tsv" --pheno "$dir/pheno.tsv" \
      --covar "$dir/covar.tsv" --phenotypes "$trait" --tests "$TESTS" --threads "$THREADS" \
      --out "$out/results_${n}_${GENES}_${trait}.tsv.gz" 2>"$log"
    end=$(date +%s.%N)
    total=$(echo "$end - $start" | bc -l)
    # "assoc: tested 200 genes x 1 trait(s) in 3.20 s (6.10 s CPU): 62.5 genes/s per trait"
    line=$(grep 'assoc: tested' "$log")
    genes=$(echo "$line" | sed -E 's/.*tested ([0-9]+) genes.*/\1/')
    secs=$(echo "$line" | sed -E 's/.* in ([0-9.]+) s .*/\1/')
    cpu=$(echo "$line" | sed -E 's/.*\(([0-9.]+) s CPU\).*/\1/')
    rate=$(echo "$line" | sed -E 's/.*: ([0-9.]+) genes\/s.*/\1/')
    cpurate=$(echo "$genes / $cpu" | bc -l)
    if [[ -z "${base[$trait]:-}" ]]; then base[$trait]="$cpu"; fi
    ratio=$(echo "$cpu / ${base[$trait]}" | bc -l)
    printf '%-8s %-6s %6s %9.2f %9.2f %9.1f %12.1f %9.1f %7.2f\n' "$n" "$trait" "$genes" "$secs" "$cpu" "$rate" "$cpurate" "$total" "$ratio"
  done
done
echo "x cpu: testing CPU time relative to the smallest cohort of the same trait; samples: $(echo $SAMPLES | tr ' ' '/');" \
  "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
