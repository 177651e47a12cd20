#!/usr/bin/env bash
# Regenerates the plink2-written files of this folder from cohort.vcf.gz (see README.md).
# Needs plink2 (v2.00a3.5 wrote the bundled files) and bcftools; run from this folder.
set -euo pipefail
cd "$(dirname "$0")"
chr=(--output-chr chrM --silent)
plink2 --vcf cohort.vcf.gz --make-bed --out cohort "${chr[@]}"
plink2 --vcf cohort.vcf.gz --export bgen-1.1 --out cohort.v11 "${chr[@]}"
plink2 --vcf cohort.vcf.gz --export bgen-1.2 --out cohort.v12 "${chr[@]}"
plink2 --vcf cohort.vcf.gz --export bgen-1.2 bits=3 --out cohort.v12-bits3 "${chr[@]}"
plink2 --vcf cohort.vcf.gz --export bgen-1.3 --out cohort.v13 "${chr[@]}"
plink2 --vcf cohort.vcf.gz --export bgen-1.3 ref-first bits=8 --out cohort.v13-ref-first "${chr[@]}"
# Every export writes the same .sample; keep one.
for f in cohort.v11 cohort.v12-bits3 cohort.v13 cohort.v13-ref-first; do cmp -s "$f.sample" cohort.v12.sample && rm "$f.sample"; done
mv cohort.v12.sample cohort.sample
rm -f ./*.log
