/** Samples of one tag in time order, oldest at 0; what the trend reads without copying. */
export interface SampleSeries {
  readonly length: number;
  /** Samples ever stored: with no rewrite in between, the newest (stored - seen) are new to a reader. */
  readonly stored: number;
  /** Grows when a sample went in before newer ones or the series was cleared: summaries start over. */
  readonly rewrites: number;
  timeAt(index: number): number;
  valueAt(index: number): number;
  statusAt(index: number): number;
}
