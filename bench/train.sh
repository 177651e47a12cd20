#!/usr/bin/env bash
# Training benchmark: one deep-set network (default hyperparameters: AdamW lr 1e-3, batch 1024,
# early stopping with patience 3) on a synthetic cohort of 100,000 samples and 50 seed genes
# (DeepRVAT's 34 inputs, ~100 variant rows per gene with heavy-tailed carrier counts below
# MAF 1%), single PyTorch thread. Prints wall time, epochs and peak memory (/usr/bin/time -v).
# Targets: under 600 s and under 4 GB peak on 2 CPU cores.
# With --score-genes 20000, then scores 20,000 synthetic genes x all samples with a 6-network
# ensemble of the trained network (2 threads), timing the sparse scoring engine.
# Several traits: --traits T (trait t's seed genes are the genes g with g mod T = t), --trait-batches
# shared|interleaved; --epochs E trains exactly E epochs and prints the median seconds per epoch (wall and
# CPU) after the first, and a checksum of the trained network (same seed, same checksum: run it twice to check
# determinism at this size). Figures, including 100,000 samples x 21 traits (measured) and the 5-fold x
# 6-repeat total: docs/deepset-training.md, "Speed".
# Usage: bench/train.sh [TrainingBenchmark options, e.g. --samples 20000 --max-epochs 20 --score-genes 20000,
#        or --samples 20000 --seed-genes 50 --traits 21 --epochs 5]
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f cli/target/rareset.jar ]] || mvn -q -o -DskipTests package
mvn -q -o -pl deepset -am test-compile
export OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS=1
cp="cli/target/rareset.jar:deepset/target/test-classes"
/usr/bin/time -v java -Xmx3g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
    -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp" org.rareset.deepset.train.TrainingBenchmark "$@" \
    2> >(grep -E "Maximum resident|Elapsed \(wall|User time|System time" >&2)
