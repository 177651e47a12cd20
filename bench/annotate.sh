#!/usr/bin/env bash
# Benchmark for `rareset annotate`: N cohort variants (default 1,000,000) against an N-row
# bgzipped + tabix CADD-format table and a GTF; prints variants/s. Inputs are synthetic and
# written to bench/out/annotate (re-used when present). Needs cli/target/rareset.jar.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-1000000}"
out="$here/bench/out/annotate/$n"
jar="$here/cli/target/rareset.jar"
[[ -f "$jar" ]] || (cd "$here" && mvn -q -o -DskipTests package)
if [[ ! -f "$out/cadd.tsv.gz.tbi" ]]; then
  java -cp "$jar" "$here/bench/AnnotateBenchData.java" "$out" "$n"
fi
# Wall time counts JVM start; CPU time (user + sys, all threads) says more on a busy machine.
for fmt in parquet tsv; do
  times="$out/time.$fmt"
  start=$(date +%s.%N)
  ( TIMEFORMAT='%U %S'; time java ${RARESET_JAVA_OPTS:--Xmx2g} -jar "$jar" annotate --threads "${THREADS:-2}" \
      --vcf "$out/cohort.vcf.gz" --cadd "$out/cadd.tsv.gz" --genes "$out/genes.gtf" \
      --out "$out/annotations.$fmt" ) 2> "$times"
  end=$(date +%s.%N)
  grep -v '^SLF4J' "$times" | sed '$d' >&2 || true
  read -r user sys < <(tail -n 1 "$times")
  awk -v n="$n" -v s="$start" -v e="$end" -v f="$fmt" -v u="$user" -v y="$sys" 'BEGIN {
    t = e - s; c = u + y
    printf "annotate -> %s: %d variants in %.2f s wall (JVM start included): %.0f variants/s; %.2f CPU s: %.0f variants per CPU second\n", f, n, t, n / t, c, n / c }'
done
