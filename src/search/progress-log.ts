import type { SearchProgress } from './progress.js';

/** Where and how a {@link ProgressLog} writes. */
export interface ProgressLogOptions {
  /** Writes text as is (e.g. to stderr); lines end in '\n'. */
  readonly write: (text: string) => void;
  /** A terminal: a line that only repeats the figures redraws in place instead of adding one. */
  readonly tty?: boolean;
  /** performance.now() milliseconds the times count from. */
  readonly startedAt?: number;
  /** Longest silence, in seconds, before a line is written anyway (default 5). */
  readonly everySeconds?: number;
  /** How often the progress is looked at, in milliseconds (default 250). */
  readonly pollMs?: number;
}

/** The figures one log line shows. */
export interface ProgressLine {
  readonly seconds: number;
  readonly phase: string;
  readonly incumbent: number | null;
  readonly bound: number | null;
  readonly priced: number;
}

const WIDTHS = { time: 8, phase: 34, value: 14, gap: 8, priced: 7 } as const;

const num = (v: number | null): string => (v === null || !Number.isFinite(v) ? '-' : v.toFixed(2));

/** Relative gap (incumbent - bound) / |incumbent| in percent, or '-'. */
function gapText(incumbent: number | null, bound: number | null): string {
  if (incumbent === null || bound === null) return '-';
  const g = Math.max(0, (incumbent - bound) / Math.max(Math.abs(incumbent), 1e-12));
  return `${(100 * g).toFixed(2)}%`;
}

/** The column header of the log, as a MILP solver prints one. */
export function progressHeader(): string {
  return [
    'time'.padStart(WIDTHS.time),
    'phase'.padEnd(WIDTHS.phase),
    'incumbent'.padStart(WIDTHS.value),
    'bound'.padStart(WIDTHS.value),
    'gap'.padStart(WIDTHS.gap),
    'priced'.padStart(WIDTHS.priced),
  ].join('  ');
}

/** One log line: time, phase, incumbent, bound, gap and designs priced, in fixed columns. */
export function progressLine(p: ProgressLine): string {
  const phase = p.phase.length > WIDTHS.phase ? `${p.phase.slice(0, WIDTHS.phase - 1)}~` : p.phase;
  return [
    `${p.seconds.toFixed(1)}s`.padStart(WIDTHS.time),
    phase.padEnd(WIDTHS.phase),
    num(p.incumbent).padStart(WIDTHS.value),
    num(p.bound).padStart(WIDTHS.value),
    gapText(p.incumbent, p.bound).padStart(WIDTHS.gap),
    String(p.priced).padStart(WIDTHS.priced),
  ].join('  ');
}

/**
 * A solver-style live log of a {@link SearchProgress}: a line at start, on every new incumbent,
 * bound or phase, and at least every few seconds. It reads the progress on a timer (unref'd: it
 * never keeps the process alive), so it also speaks while a MILP runs on a model thread, where
 * the phase says HiGHS is solving and the time goes on.
 */
export class ProgressLog {
  private timer: NodeJS.Timeout | null = null;
  private last: { incumbent: number | null; bound: number | null; phase: string; at: number } | null = null;
  /** On a TTY, the last thing written is a redrawable line without its '\n'. */
  private redrawing = false;
  private readonly startedAt: number;

  constructor(
    private readonly progress: SearchProgress,
    private readonly options: ProgressLogOptions,
  ) {
    this.startedAt = options.startedAt ?? performance.now();
  }

  /** Writes `title` and the header, the first line, and starts the timer. */
  start(title: string): void {
    this.options.write(`${title}\n${progressHeader()}\n`);
    this.poll();
    this.timer = setInterval(() => this.poll(), this.options.pollMs ?? 250);
    this.timer.unref();
  }

  /** Stops the timer and writes a last line with the final figures (e.g. the checked result's). */
  stop(final?: { status: string; objective: number | null; lowerBound: number | null }): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!final) return this.endRedraw();
    this.emit(
      {
        seconds: this.seconds(),
        phase: `done: ${final.status}`,
        incumbent: final.objective,
        bound: final.lowerBound,
        priced: this.progress.priced(),
      },
      false,
    );
  }

  private seconds(): number {
    return (performance.now() - this.startedAt) / 1000;
  }

  /** Looks at the progress and writes a line if something changed or the log was silent too long. */
  poll(): void {
    const incumbent = this.progress.best()?.evaluation.cost ?? null;
    const bound = this.progress.lowerBound();
    const phase = this.progress.phase;
    const now = performance.now();
    const changed =
      this.last === null || incumbent !== this.last.incumbent || bound !== this.last.bound || phase !== this.last.phase;
    const silent = this.last !== null && now - this.last.at >= (this.options.everySeconds ?? 5) * 1000;
    if (!changed && !silent) return;
    // A phase that has run a while says so (a MILP gives no incumbent until it returns).
    const inPhase = (now - this.progress.phaseStartedAt) / 1000;
    const label = !changed && inPhase >= 1 ? `${phase} (${inPhase.toFixed(0)} s)` : phase;
    this.emit({ seconds: this.seconds(), phase: label, incumbent, bound, priced: this.progress.priced() }, !changed);
    this.last = { incumbent, bound, phase, at: now };
  }

  private emit(line: ProgressLine, heartbeat: boolean): void {
    const text = progressLine(line);
    if (this.options.tty && heartbeat) {
      this.options.write(`\r\x1b[K${text}`);
      this.redrawing = true;
      return;
    }
    this.options.write(`${this.options.tty && this.redrawing ? '\r\x1b[K' : ''}${text}\n`);
    this.redrawing = false;
  }

  private endRedraw(): void {
    if (this.redrawing) this.options.write('\n');
    this.redrawing = false;
  }
}
