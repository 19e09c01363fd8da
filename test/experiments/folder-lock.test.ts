import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFolder } from '../../src/experiments/folder-lock.js';

describe('result folder lock', () => {
  it('refuses a second writer, and is free again after release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rlnd-lock-'));
    const release = lockFolder(dir);
    expect(() => lockFolder(dir)).toThrow(/run\.lock: no other rlnd run writing here/);
    release();
    expect(existsSync(join(dir, 'run.lock'))).toBe(false);
    lockFolder(dir)();
  });

  it('takes over a lock left by a dead process on this host, not one from another host', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rlnd-lock-'));
    writeFileSync(join(dir, 'run.lock'), `${hostname()} 2147483646`);
    lockFolder(dir)();
    writeFileSync(join(dir, 'run.lock'), 'elsewhere 12');
    expect(() => lockFolder(dir)).toThrow(/held by elsewhere pid 12/);
  });
});
