import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dir>/run.lock` so two processes never append to (or trim) one runs.jsonl at once. A
 * lock left by a killed process on this host is taken over; one from another host (shared file
 * system) is refused, since its process cannot be checked from here. Returns the release function.
 */
export function lockFolder(dir: string): () => void {
  const file = join(dir, 'run.lock');
  const me = `${hostname()} ${process.pid}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, me, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const [host, pidText] = readFileSync(file, 'utf8').trim().split(' ');
    const pid = Number(pidText);
    if (host === hostname() && Number.isInteger(pid) && !alive(pid)) {
      rmSync(file, { force: true });
      continue;
    }
    throw new InputError(
      dir,
      'run.lock',
      `no other rlnd run writing here (held by ${host} pid ${pid}; use --shard/--out for parallel jobs, or delete the lock if that run is gone)`,
    );
  }
  throw new InputError(dir, 'run.lock', 'a lock that could be taken');
}
