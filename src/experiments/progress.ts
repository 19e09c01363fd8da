/**
 * A one-line progress bar with ETA on a TTY; elsewhere (a file, a pipe, a Slurm log) one plain
 * line per finished task, so the log shows what finished when without carriage returns.
 */
export interface Progress {
  tick(label?: string): void;
  done(): void;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (v: number): string => String(v).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

/** A progress bar over `total` steps written to `stream` (plain lines when it is not a TTY). */
export function progressBar(
  total: number,
  stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY' | 'columns'> = process.stderr,
): Progress {
  if (total === 0) return { tick: () => {}, done: () => {} };
  const t0 = performance.now();
  let count = 0;
  if (!stream.isTTY)
    return {
      tick(label = '') {
        count++;
        const elapsed = (performance.now() - t0) / 1000;
        stream.write(`[${count}/${total} ${clock(elapsed)}] ${label}\n`);
      },
      done: () => {},
    };
  const draw = (label: string): void => {
    const elapsed = (performance.now() - t0) / 1000;
    const eta = count > 0 ? (elapsed / count) * (total - count) : Infinity;
    const width = 24;
    const filled = Math.round((width * count) / total);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total} elapsed ${clock(elapsed)} eta ${clock(eta)} ${label}`;
    stream.write(
      `\r${line.slice(0, Math.max(20, (stream.columns ?? 100) - 1)).padEnd(Math.min(line.length + 2, (stream.columns ?? 100) - 1))}`,
    );
  };
  draw('');
  return {
    tick(label = '') {
      count++;
      draw(label);
    },
    done() {
      stream.write('\n');
    },
  };
}
