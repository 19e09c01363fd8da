import { writeReport as write, type ReportSummary } from '../report/write-report.js';

/** Where to write a report. */
export interface ReportOptions {
  /** Output folder (default `<resultsDir>/report`). */
  out?: string;
}

/**
 * Writes the report of a result folder (made by `runExperiment` or `rlnd run`): report.md with
 * tables and plot links, CSV summaries and SVG plots. Returns the files written.
 */
export function writeReport(resultsDir: string, options: ReportOptions = {}): Promise<ReportSummary> {
  return options.out !== undefined ? write(resultsDir, options.out) : write(resultsDir);
}
