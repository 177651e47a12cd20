#!/usr/bin/env bash
# rareset score from the VCF against rareset score from its genotype store (--store), on the bundled
# demo cohort (testdata/demo) with a small model trained there: median wall time and median peak RSS
# of RUNS runs each (/usr/bin/time -v), the median of score's own "reading took" time (model,
# annotations and genotypes read and joined), and whether the two score files are byte-identical.
# Usage: RUNS=3 bench/score-store.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-3}"
demo=testdata/demo
out=bench/out/score-store
mkdir -p "$out"
[[ -f cli/target/rareset.jar ]] || mvn -q -o -DskipTests package
rareset() { java -Dai.djl.offline=true -jar cli/target/rareset.jar "$@"; }

rareset ingest --vcf "$demo/cohort.vcf.gz" --out "$out/cohort.rsg" --quiet
rareset seed-genes --store "$out/cohort.rsg" --annotations "$demo/annotations.tsv" --pheno "$demo/pheno.tsv" \
    --covar "$demo/covar.tsv" --phenotypes QT --out "$out/seeds.tsv" --quiet
rareset train --store "$out/cohort.rsg" --annotations "$demo/annotations.tsv" --pheno "$demo/pheno.tsv" \
    --covar "$demo/covar.tsv" --seed-genes "$out/seeds.tsv" --phenotypes QT \
    --annotations-list is_plof,CADD_PHRED,alphamissense,SpliceAI_delta_score,MAF_MB,Consequence_missense_variant \
    --train-filter 'MAF < 0.01' --repeats 6 --min-epochs 1 --max-epochs 10 --seed 1 --out "$out/model" --quiet > /dev/null

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
measure() {  # name, genotype options...
  local name="$1"; shift
  : > "$out/$name.times"
  for ((i = 1; i <= runs; i++)); do
    /usr/bin/time -v -o "$out/$name.time" java -Dai.djl.offline=true -jar cli/target/rareset.jar score \
        --model "$out/model" "$@" --annotations "$demo/annotations.tsv" --out "$out/$name.tsv" --quiet > "$out/$name.out"
    reading="$(sed -n 's/.*(reading took \([0-9.]*\) s).*/\1/p' "$out/$name.out")"
    awk -F': ' -v r="$reading" '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + t[k] }
                /Maximum resident set size/ { rss = $2 } END { print s, rss, r }' "$out/$name.time" >> "$out/$name.times"
  done
  printf '%s\twall_s %s\tpeak_rss_kb %s\treading_s %s\n' "$name" "$(cut -d' ' -f1 "$out/$name.times" | median)" \
      "$(cut -d' ' -f2 "$out/$name.times" | median)" "$(cut -d' ' -f3 "$out/$name.times" | median)"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure vcf --vcf "$demo/cohort.vcf.gz"
measure store --store "$out/cohort.rsg"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cmp "$out/vcf.tsv" "$out/store.tsv" && echo "scores from the VCF and from the store are byte-identical"
