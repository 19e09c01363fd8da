// Checks for test/slurm/run.sh, on the runs.jsonl files rlnd writes.
//   node test/slurm/check-runs.mjs same <single dir> <merged dir>   merged records = single-process ones, timings aside
//   node test/slurm/check-runs.mjs shards <n expected> <shard dir>...  each run in exactly one shard, once
// Exits 1 with the differences on failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/** What differs between two executions of the same run: wall time, memory, host, clock, HiGHS's remaining time. */
function withoutTimings(record) {
  const { runtimeSeconds: _t, peakRssMB: _m, host: _h, finishedAt: _f, ...rest } = record;
  if (rest.highs?.options?.time_limit !== undefined) {
    const { time_limit: _l, ...options } = rest.highs.options;
    rest.highs = { ...rest.highs, options };
  }
  return rest;
}

/** The records of a folder's runs.jsonl, and how many lines did not parse (a task killed mid-write). */
function records(dir) {
  const file = join(dir, 'runs.jsonl');
  if (!existsSync(file)) return { runs: [], corrupt: 0 };
  const runs = [];
  let corrupt = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      runs.push(JSON.parse(line));
    } catch {
      corrupt++;
    }
  }
  return { runs, corrupt };
}

function fail(lines) {
  for (const l of lines) console.error(`check-runs: ${l}`);
  process.exit(1);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'same') {
  const [singleDir, mergedDir] = args;
  const single = new Map(records(singleDir).runs.map((r) => [r.runId, withoutTimings(r)]));
  const merged = records(mergedDir);
  const problems = [];
  if (merged.corrupt > 0) problems.push(`${merged.corrupt} corrupt lines in ${mergedDir}/runs.jsonl`);
  const seen = new Set();
  for (const r of merged.runs) {
    if (seen.has(r.runId)) problems.push(`run ${r.runId} twice in the merged runs`);
    seen.add(r.runId);
    const want = single.get(r.runId);
    if (!want) problems.push(`run ${r.runId} merged but not in the single-process run`);
    else if (!isDeepStrictEqual(withoutTimings(r), want))
      problems.push(`run ${r.runId} differs:\n  merged ${JSON.stringify(withoutTimings(r))}\n  single ${JSON.stringify(want)}`);
  }
  for (const id of single.keys()) if (!seen.has(id)) problems.push(`run ${id} lost (single-process only)`);
  const stats = (d) => (existsSync(join(d, 'stats')) ? readdirSync(join(d, 'stats')).sort() : []);
  if (!isDeepStrictEqual(stats(singleDir), stats(mergedDir)))
    problems.push(`stats files differ: ${stats(mergedDir).length} merged, ${stats(singleDir).length} single`);
  if (single.size === 0) problems.push(`no runs in ${singleDir}`);
  if (problems.length > 0) fail(problems);
  console.log(`same: ${merged.runs.length} merged runs equal the single-process runs (timings aside)`);
} else if (mode === 'shards') {
  const [expected, ...dirs] = args;
  const owner = new Map();
  const problems = [];
  let corrupt = 0;
  for (const dir of dirs) {
    const { runs, corrupt: c } = records(dir);
    corrupt += c;
    for (const r of runs) {
      if (owner.has(r.runId)) problems.push(`run ${r.runId} in ${owner.get(r.runId)} and again in ${dir}`);
      owner.set(r.runId, dir);
    }
  }
  if (owner.size !== Number(expected)) problems.push(`${owner.size} distinct runs in the shards, expected ${expected}`);
  if (problems.length > 0) fail(problems);
  console.log(`shards: ${owner.size} runs, each once${corrupt > 0 ? ` (${corrupt} torn lines from the killed task)` : ''}`);
} else {
  fail([`unknown mode ${mode}; use same or shards`]);
}
