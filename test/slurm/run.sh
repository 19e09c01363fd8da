#!/bin/bash
# npm run test:slurm: a real Slurm array on this machine (as root). Starts a single-node Slurm in a
# temporary folder (test/slurm/cluster.sh), then
#   1. runs experiments/slurm/small.yaml as a 4-task array (experiments/slurm/array.sh) and merges it
#      with a job held by --dependency=afterok (experiments/slurm/merge.sh); the merged runs must
#      equal a single-process run of the same config, timings aside;
#   2. runs it again, scancels task 2 while it is mid-shard, re-submits task 2 alone, merges after
#      afterok on tasks 1, 3, 4 and the re-submitted one, and checks no run is lost or duplicated.
# Not part of npm test. Keeps the folder (logs) on failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. test/slurm/cluster.sh
config=experiments/slurm/small.yaml
total=16 # runs in the config: 2 instances x 4 methods x 2 seeds
start=$(date +%s)
[ "$(id -u)" = 0 ] || { echo "test:slurm starts slurmctld and slurmd as root; run it as root" >&2; exit 1; }
slurm_install
[ -f dist/cli/main.js ] || npm run build

dir=$(mktemp -d /tmp/rlnd-slurm.XXXXXX)
ok=0
cleanup() {
  slurm_down "$dir"
  if [ "$ok" = 1 ]; then rm -rf "$dir"; else echo "test:slurm FAILED; logs and results kept in $dir" >&2; fi
}
trap cleanup EXIT
slurm_up "$dir"
echo "slurm up: $(sinfo -h -o '%N %c CPUs %T')"

# state <job id>: the states of a job (one line per array task).
state() { scontrol -o show job "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2; }
# wait_done <job id> <seconds>: until every task has ended; fails on a never-satisfied dependency.
wait_done() {
  local t
  for t in $(seq 1 "$2"); do
    if ! state "$1" | grep -qE 'PENDING|RUNNING|CONFIGURING|COMPLETING|REQUEUED|SUSPENDED'; then return 0; fi
    if scontrol -o show job "$1" | grep -q 'Reason=DependencyNeverSatisfied'; then
      echo "job $1: dependency never satisfied" >&2
      return 1
    fi
    sleep 1
  done
  echo "job $1 still running after $2 s" >&2
  return 1
}
completed() {
  local s
  s=$(state "$1" | sort -u)
  [ "$s" = COMPLETED ] || { echo "job $1 ended $s, expected COMPLETED; its output:" >&2; cat "$dir"/*.out >&2; return 1; }
}
sb() { sbatch --parsable --chdir="$root" --output="$dir/%x-%A_%a.out" "$@"; }

echo "== single-process reference run"
node bin/rlnd.js run "$config" --threads 1 --out "$dir/single" 2>&1 | tail -n 1

echo "== 1. array of 4 shards, merge after afterok"
t1=$(date +%s)
out=$dir/array
jid=$(sb --array=1-4 experiments/slurm/array.sh "$config" 4 "$out")
mid=$(sb --dependency=afterok:"$jid" --output="$dir/merge-%j.out" --export=ALL,RLND_REPORT=0 experiments/slurm/merge.sh "$out")
echo "array job $jid, merge job $mid (afterok:$jid)"
wait_done "$jid" 600
completed "$jid"
wait_done "$mid" 300
completed "$mid"
grep -q '(0 duplicates dropped' "$dir/merge-$mid.out" || { cat "$dir/merge-$mid.out" >&2; exit 1; }
node test/slurm/check-runs.mjs shards "$total" "$out"/shards/*
node test/slurm/check-runs.mjs same "$dir/single" "$out"
echo "array + merge: $(($(date +%s) - t1)) s"

echo "== 2. scancel task 2 mid-shard, re-submit it, merge"
t2=$(date +%s)
out=$dir/cancel
shard=$out/shards/2-of-4/runs.jsonl
jid=$(sb --array=1-4 experiments/slurm/array.sh "$config" 4 "$out")
for t in $(seq 1 1200); do
  if [ -s "$shard" ] && [ "$(state "${jid}_2")" = RUNNING ]; then break; fi
  sleep 0.25
done
before=$(wc -l <"$shard")
scancel "${jid}_2"
wait_done "${jid}_2" 60
[ "$(state "${jid}_2")" = CANCELLED ] || { echo "task ${jid}_2 ended $(state "${jid}_2") before it could be cancelled" >&2; exit 1; }
after=$(grep -c . "$shard" || true)
per_shard=$((total / 4))
[ "$after" -lt "$per_shard" ] || { echo "task 2 finished its $per_shard runs before scancel took effect" >&2; exit 1; }
echo "task ${jid}_2 cancelled with $after of $per_shard runs recorded ($before when scancel was sent)"
rid=$(sb --array=2 experiments/slurm/array.sh "$config" 4 "$out")
dep=afterok:${jid}_1:${jid}_3:${jid}_4:$rid
mid=$(sb --dependency="$dep" --output="$dir/merge-%j.out" --export=ALL,RLND_REPORT=0 experiments/slurm/merge.sh "$out")
echo "re-submitted task 2 as job $rid, merge job $mid ($dep)"
wait_done "$rid" 600
completed "$rid"
grep -q "$((per_shard - after)) runs done ($after skipped as already recorded" "$dir"/rlnd-shard-"$rid"_2.out ||
  { echo "the re-submitted task did not resume from $after recorded runs:" >&2; cat "$dir"/rlnd-shard-"$rid"_2.out >&2; exit 1; }
wait_done "$mid" 300
completed "$mid"
grep -q '(0 duplicates dropped' "$dir/merge-$mid.out" || { cat "$dir/merge-$mid.out" >&2; exit 1; }
node test/slurm/check-runs.mjs shards "$total" "$out"/shards/*
node test/slurm/check-runs.mjs same "$dir/single" "$out"
echo "cancel + resume + merge: $(($(date +%s) - t2)) s"

ok=1
echo "test:slurm passed in $(($(date +%s) - start)) s"
