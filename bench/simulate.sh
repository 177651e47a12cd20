#!/usr/bin/env bash
# Times `rareset simulate` at 2,000 and 100,000 samples x 20,000 variant sites (800 genes), then
# checks the big VCF's BGZF stream with gzip -t and summarises the small cohort through htsjdk
# (rareset demo --data reads every record). Region queries through the index are a unit test.
# Usage: bench/simulate.sh [threads]    Output in bench/out/simulate/.
set -euo pipefail
cd "$(dirname "$0")/.."
threads="${1:-0}"
out=bench/out/simulate
mkdir -p "$out"
[[ -f cli/target/rareset.jar ]] || mvn -q -o -DskipTests package
run() {
  local name=$1 samples=$2
  # Wall time and CPU time (user + sys): on a shared machine the CPU time is the steadier figure.
  /usr/bin/time -f "%e %U %S" -o "$out/$name.time" java -Xmx4g -jar cli/target/rareset.jar simulate --out "$out/$name" \
    --samples "$samples" --genes 800 --variants 20000 --seed 1 --threads "$threads" -q
  read -r wall user sys < "$out/$name.time"
  printf '%-6s %7d samples x 20,000 sites: %6.1f s wall, %6.1f s CPU, VCF %s bytes\n' "$name" "$samples" \
    "$wall" "$(echo "$user + $sys" | bc)" "$(stat -c %s "$out/$name/cohort.vcf.gz")"
}
run small 2000
run big 100000
if command -v gzip >/dev/null; then gzip -t "$out/big/cohort.vcf.gz" && echo "big: gzip -t ok"; fi
./rareset demo --data "$out/small" | head -2
