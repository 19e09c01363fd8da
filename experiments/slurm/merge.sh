#!/bin/bash
# Merges the shards of an array (experiments/slurm/array.sh) and writes the report. Submit it to
# start only when every task succeeded:
#
#   jid=$(sbatch --parsable --array=1-4 experiments/slurm/array.sh experiments/quickstart.yaml 4 results/quickstart)
#   sbatch --dependency=afterok:$jid experiments/slurm/merge.sh results/quickstart
#
# `rlnd merge` keeps one record per run id, so a task that was re-submitted adds nothing twice.
# Set RLND_REPORT=0 to merge only.
#SBATCH --job-name=rlnd-merge
#SBATCH --cpus-per-task=1
#SBATCH --time=00:30:00
#SBATCH --output=slurm-%j-merge.out
set -euo pipefail
out=${1:?usage: sbatch --dependency=afterok:<jobid> merge.sh <result folder>}
rlnd=${RLND:-node bin/rlnd.js}
$rlnd merge "$out"/shards/* --out "$out"
if [ "${RLND_REPORT:-1}" != 0 ]; then $rlnd report "$out"; fi
