#!/usr/bin/env bash
# PLINK/BGEN ingest benchmark: `rareset ingest --bfile` and `--bgen` against plink2's own conversion of
# the same files (`plink2 --bfile ... --make-pgen`, `plink2 --bgen ... ref-last --make-pgen`), on a
# `rareset simulate` cohort (20,000 samples x 20,000 variants by default) converted by plink2 to
# .bed and BGEN 1.2 (zlib, 16 bits) and 1.3 (zstd). Prints medians of wall time, CPU time and peak
# memory (maximum resident set size, /usr/bin/time -v) and the ratios plink2 / rareset; plink2's and
# rareset's runs alternate, so both see the same load.
#
#   bench/plink-bgen.sh
#   SAMPLES=2000 RUNS=3 bench/plink-bgen.sh
#   SAMPLES=50000 VARIANTS=10000 RUNS=3 bench/plink-bgen.sh   # where JVM start is not the whole story
#   RARESET_JAVA_OPTS="-Xmx1g -XX:+UseSerialGC" bench/plink-bgen.sh
#
# Also prints the JVM's own start with ingest's Java settings (`rareset ingest --version`: wall, CPU,
# peak memory), which every rareset run pays, and each rareset wall time without it.
#
# Target (issue 13): at least as fast as plink2's conversion, with under 1/10 of its peak memory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
out="${OUT:-bench/out/plink-bgen}"
n="${SAMPLES:-20000}"
variants="${VARIANTS:-20000}"
runs="${RUNS:-5}"
threads="${THREADS:-2}"
mkdir -p "$out"
command -v plink2 >/dev/null || { echo "plink2 is needed (Debian package plink2)" >&2; exit 1; }
[[ -f cli/target/rareset.jar ]] || (mvn -q -o -DskipTests package >&2 || mvn -q -DskipTests package >&2)

dir="$out/s${n}x$variants"
if [[ ! -f "$dir/cohort.bed" ]]; then
  echo "simulating $n samples x $variants variants and converting with plink2..." >&2
  ./rareset simulate --samples "$n" --variants "$variants" --genes 400 --seed 7 --multiallelic-rate 0 --out "$dir" --quiet >&2
  plink2 --vcf "$dir/cohort.vcf.gz" --make-bed --out "$dir/cohort" --output-chr chrM --threads "$threads" --silent
  plink2 --bfile "$dir/cohort" --export bgen-1.2 --out "$dir/cohort.v12" --output-chr chrM --threads "$threads" --silent
  plink2 --bfile "$dir/cohort" --export bgen-1.3 --out "$dir/cohort.v13" --output-chr chrM --threads "$threads" --silent
fi

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
# One run of "$@" under /usr/bin/time -v: prints "wall_s cpu_s max_rss_mb".
once() {
  local tf
  tf=$(mktemp)
  /usr/bin/time -v -o "$tf" "$@" > /dev/null 2>&1
  awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i]}
    /User time/ {u = $2} /System time/ {s = $2} /Maximum resident set size/ {m = $2 / 1024}
    END {print w, u + s, m}' "$tf"
  rm -f "$tf"
}
# Runs the commands A and B (given as "A" -- "B", each word separated) $runs times, interleaved
# (A B A B ...), so that both see the same load; prints two lines of medians "wall_s cpu_s max_rss_mb".
measure_pair() {
  local a=() b=() seen=0
  for w in "$@"; do
    if [[ $w == -- ]]; then seen=1; elif ((seen)); then b+=("$w"); else a+=("$w"); fi
  done
  local aw=() ac=() am=() bw=() bc=() bm=()
  for ((i = 0; i < runs; i++)); do
    read -r w c m <<< "$(once "${a[@]}")"; aw+=("$w"); ac+=("$c"); am+=("$m")
    read -r w c m <<< "$(once "${b[@]}")"; bw+=("$w"); bc+=("$c"); bm+=("$m")
  done
  med() { printf '%s\n' "$@" | median; }
  echo "$(med "${aw[@]}") $(med "${ac[@]}") $(med "${am[@]}")"
  echo "$(med "${bw[@]}") $(med "${bc[@]}") $(med "${bm[@]}")"
}
ratio() { echo "($1) / ($2)" | bc -l; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores; the machine may be shared)" >&2
printf 'input\tsamples\tvariants\tplink2_wall_s\trareset_wall_s\twall_plink2_over_rareset\tplink2_cpu_s\trareset_cpu_s\tcpu_plink2_over_rareset\tplink2_rss_mb\trareset_rss_mb\trss_rareset_over_plink2\n' > "$out/summary.tsv"
row() {
  local name=$1 p=$2 r=$3
  read -r pw pc pm <<< "$p"
  read -r rw rc rm <<< "$r"
  printf '%s\t%s\t%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.0f\t%.0f\t%.3f\n' "$name" "$n" "$variants" "$pw" "$rw" "$(ratio "$pw" "$rw")" \
    "$pc" "$rc" "$(ratio "$pc" "$rc")" "$pm" "$rm" "$(ratio "$rm" "$pm")" | tee -a "$out/summary.tsv"
}
# The JVM's start with ingest's Java settings (the launcher picks them by the command name).
jvm=$(measure_pair ./rareset ingest --version -- true)
jvm=${jvm%%$'\n'*}
read -r jw jc jm <<< "$jvm"
echo "JVM start (rareset ingest --version): wall ${jw} s, CPU ${jc} s, peak memory ${jm} MB" >&2
both=$(measure_pair plink2 --bfile "$dir/cohort" --make-pgen --out "$dir/p2-bed" --threads "$threads" \
  -- ./rareset ingest --bfile "$dir/cohort" --out "$dir/bed.rsg" --quiet --threads "$threads")
row bed "$(sed -n 1p <<< "$both")" "$(sed -n 2p <<< "$both")"
for v in v12 v13; do
  both=$(measure_pair plink2 --bgen "$dir/cohort.$v.bgen" ref-last --make-pgen --out "$dir/p2-$v" --threads "$threads" \
    -- ./rareset ingest --bgen "$dir/cohort.$v.bgen" --out "$dir/$v.rsg" --quiet --threads "$threads")
  row "bgen-${v#v}" "$(sed -n 1p <<< "$both")" "$(sed -n 2p <<< "$both")"
done
# Agreement: the stores from .bed and BGEN equal the one from the VCF they were converted from.
./rareset ingest --vcf "$dir/cohort.vcf.gz" --out "$dir/vcf.rsg" --quiet --threads "$threads"
for s in bed v12 v13; do
  cmp -s "$dir/vcf.rsg" "$dir/$s.rsg" || { echo "AGREEMENT FAILURE: $dir/$s.rsg differs from the VCF's store" >&2; exit 1; }
done
echo "agreement: the .bed and BGEN stores are byte-identical to the VCF's" >&2
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
column -t -s$'\t' "$out/summary.tsv" >&2
echo "targets: wall_plink2_over_rareset >= 1, rss_rareset_over_plink2 < 0.1" >&2
awk -F'\t' -v jw="$jw" 'NR > 1 {printf "%s: rareset wall without JVM start %.2f s, plink2 / that = %.2f\n", $1, $5 - jw, $4 / ($5 - jw)}' "$out/summary.tsv" >&2
