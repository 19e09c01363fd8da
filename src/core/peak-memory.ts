/** Tracks peak resident memory while work runs (sampled every 100 ms, plus at the end). */
export class PeakMemory {
  private peak = process.memoryUsage().rss;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }

  /** Stops sampling; returns the peak RSS in MB. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return Math.round(this.peak / 2 ** 20);
  }
}
