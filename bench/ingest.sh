#!/usr/bin/env bash
# Ingest benchmark: rareset ingest against `bcftools query -f '[%GT]\n'` and `bgzip -dc` on
# GT-only VCFs from `rareset simulate` (2,000 and 20,000 samples x 20,000 variants), plus gene reads
# from the store against re-parsing the gene's VCF records. Prints medians and the ratios.
#
#   bench/ingest.sh                 # both cohorts
#   SIZES="2000" RUNS=3 bench/ingest.sh
#
# Targets (issue): ingest >= 2x faster than bcftools query; ingest wall time <= 1.5x bgzip -dc;
# gene reads from the store >= 10x faster than re-parsing the VCF records.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
out="${OUT:-bench/out/ingest}"
sizes="${SIZES:-2000 20000}"
variants="${VARIANTS:-20000}"
runs="${RUNS:-5}"
mkdir -p "$out"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need bcftools || ! need bgzip || ! need tabix; then
  echo "installing bcftools and tabix (references for the benchmark)..." >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq bcftools tabix >&2
  else sudo apt-get update -qq && sudo apt-get install -y -qq bcftools tabix >&2; fi
fi
[[ -f cli/target/rareset.jar ]] || (mvn -q -o -DskipTests package >&2 || mvn -q -DskipTests package >&2)

# Median wall time and median CPU time (user + sys) in seconds of running "$@" $runs times
# (output discarded), printed as "wall cpu". CPU time is the fairer figure on a loaded machine.
median_time() {
  local walls=() cpus=()
  for ((i = 0; i < runs; i++)); do
    local rec tf
    tf=$(mktemp)
    /usr/bin/time -o "$tf" -f '%e %U %S' "$@" > /dev/null 2>&1
    rec=$(tail -1 "$tf")
    rm -f "$tf"
    walls+=("$(echo "$rec" | awk '{print $1}')")
    cpus+=("$(echo "$rec" | awk '{print $2 + $3}')")
  done
  printf '%s %s\n' "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)"
}
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# Fallback when `rareset simulate` is unavailable: a GT-only VCF with a rare-variant spectrum.
awk_cohort() {
  local n=$1 m=$2 dir=$3
  mkdir -p "$dir"
  awk -v n="$n" -v m="$m" 'BEGIN {
      srand(7); OFS = "\t";
      print "##fileformat=VCFv4.2"; print "##contig=<ID=chr1,length=248956422>";
      print "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">";
      h = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT";
      for (s = 1; s <= n; s++) h = h "\tS" s; print h;
      for (v = 1; v <= m; v++) {
        line = "chr1\t" (v * 100) "\t.\tA\tG\t.\tPASS\t.\tGT"; ac = int(1 / (rand() + 0.0002));
        for (s = 1; s <= n; s++) line = line (rand() * n < ac / 2 ? "\t0/1" : "\t0/0");
        print line;
      }
      for (g = 0; g < m / 50; g++) printf "chr1\t%d\t%d\tG%05d\n", g * 5000 + 50, g * 5000 + 5000, g > "/dev/stderr" }' \
    2> "$dir/genes.bed" | bgzip -@2 > "$dir/cohort.vcf.gz"
  tabix -f -p vcf "$dir/cohort.vcf.gz"
}

# The fixed cost of a run (JVM start, command line, opening and committing a store), measured by
# ingesting the bundled 5-record VCF: it bounds how close any single run can come to bgzip.
read -r t_start c_start < <(median_time ./rareset ingest --vcf testdata/ingest/valid.vcf.gz --out "$out/tiny.rsg" --quiet)
echo "fixed cost of one ingest run (5-record VCF): $t_start s wall, $c_start s CPU" >&2
printf 'cohort\tsamples\tvariants\tbgzip_dc_s\tbcftools_query_s\trareset_ingest_s\tbcftools_over_ingest\tingest_over_bgzip\tbgzip_cpu_s\tbcftools_cpu_s\tingest_cpu_s\tcpu_bcftools_over_ingest\tcpu_ingest_over_bgzip\tfixed_cost_s\tingest_minus_fixed_over_bgzip\n' > "$out/summary.tsv"
: > "$out/gene-reads.tsv"
for n in $sizes; do
  dir="$out/s$n"
  if [[ ! -f "$dir/cohort.vcf.gz" ]]; then
    echo "simulating $n samples x $variants variants..." >&2
    if ./rareset simulate --help >/dev/null 2>&1; then
      ./rareset simulate --samples "$n" --variants "$variants" --genes 400 --seed 7 --out "$dir" --quiet >&2
    else
      awk_cohort "$n" "$variants" "$dir"
    fi
  fi
  vcf="$dir/cohort.vcf.gz"
  echo "== $n samples: $(du -h "$vcf" | cut -f1) compressed, $runs runs each" >&2
  read -r t_bgzip c_bgzip < <(median_time bgzip -dc "$vcf")
  read -r t_bcf c_bcf < <(median_time bcftools query -f '[%GT]\n' "$vcf")
  read -r t_ingest c_ingest < <(median_time ./rareset ingest --vcf "$vcf" --out "$dir/cohort.rsg" --quiet)
  ratio() { echo "($1) / ($2)" | bc -l; }
  printf '%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%.2f\t%.2f\t%.3f\t%.3f\t%.3f\t%.2f\t%.2f\t%.3f\t%.2f\n' "$vcf" "$n" "$variants" \
    "$t_bgzip" "$t_bcf" "$t_ingest" "$(ratio "$t_bcf" "$t_ingest")" "$(ratio "$t_ingest" "$t_bgzip")" \
    "$c_bgzip" "$c_bcf" "$c_ingest" "$(ratio "$c_bcf" "$c_ingest")" "$(ratio "$c_ingest" "$c_bgzip")" \
    "$t_start" "$(ratio "$t_ingest - $t_start" "$t_bgzip")" | tee -a "$out/summary.tsv"
  # Agreement: every split variant's AC and AN in the store equal bcftools' (norm -m-, fill-tags).
  java -cp cli/target/rareset.jar bench/StoreDump.java "$dir/cohort.rsg" > "$dir/store-ac-an.tsv"
  bcftools norm -m- -Ou "$vcf" 2>/dev/null | bcftools +fill-tags -Ou -- -t AC,AN \
    | bcftools query -f '%CHROM\t%POS\t%REF\t%ALT\t%AC\t%AN\n' > "$dir/bcftools-ac-an.tsv"
  if cmp -s "$dir/store-ac-an.tsv" "$dir/bcftools-ac-an.tsv"; then
    echo "agreement: AC/AN of all $(wc -l < "$dir/store-ac-an.tsv") variants equal bcftools'" >&2
  else
    echo "AGREEMENT FAILURE: store and bcftools AC/AN differ ($dir/*-ac-an.tsv)" >&2; exit 1
  fi
  java -cp cli/target/rareset.jar bench/GeneReadBench.java "$vcf" "$dir/cohort.rsg" "$dir/genes.bed" 200 5 \
    | sed "s|^|$n samples\t|" | tee -a "$out/gene-reads.tsv"
done
echo >&2
echo "medians (s) and ratios: $out/summary.tsv" >&2
column -t -s$'\t' "$out/summary.tsv" >&2
echo "targets: bcftools_over_ingest >= 2, ingest_over_bgzip <= 1.5 (wall), gene-read speedup >= 10" >&2
echo "the cpu_ columns compare CPU time (user + sys), steadier than wall time on a shared machine" >&2
echo "ingest_minus_fixed_over_bgzip leaves out the fixed cost of a run (JVM start etc.: fixed_cost_s)" >&2
