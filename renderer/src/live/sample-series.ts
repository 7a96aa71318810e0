/** Samples of one tag in arrival order, oldest at 0; what the trend reads without copying. */
export interface SampleSeries {
  readonly length: number;
  timeAt(index: number): number;
  valueAt(index: number): number;
  statusAt(index: number): number;
}
