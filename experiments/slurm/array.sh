#!/bin/bash
# One shard of an rlnd experiment per array task (docs/experiments.md "Sharding on a cluster").
#
#   sbatch --array=1-4 experiments/slurm/array.sh experiments/quickstart.yaml 4 results/quickstart
#   sbatch --dependency=afterok:<array job id> experiments/slurm/merge.sh results/quickstart
#
# Arguments: the config, the number of shards N (default 4; keep it when re-submitting one task,
# e.g. `sbatch --array=2 ... 4 ...`: the shard is task i of N, not of the tasks submitted), and the
# result folder (default: the config's output). Shard i writes <out>/shards/<i>-of-<N>/; a task
# re-submitted after a failure, a time-out or scancel resumes where its shard stopped.
#SBATCH --job-name=rlnd-shard
#SBATCH --array=1-4
#SBATCH --cpus-per-task=1
#SBATCH --time=02:00:00
#SBATCH --output=slurm-%A_%a.out
set -euo pipefail
config=${1:?usage: sbatch --array=1-N array.sh <config.yaml> [N] [out]}
n=${2:-4}
out=${3:-}
i=${SLURM_ARRAY_TASK_ID:?run as an array job (sbatch --array=1-N)}
rlnd=${RLND:-node bin/rlnd.js}
# Unquoted on purpose: RLND may be a command with arguments (e.g. "npx rlnd").
exec $rlnd run "$config" --threads "${SLURM_CPUS_PER_TASK:-1}" --shard "$i/$n" ${out:+--out "$out/shards/$i-of-$n"}
