/**
 * The value a trend draws for a sample, or NaN for a gap: bad quality (severity bits 10 or 11,
 * see shared/status-code.ts) or a value that is not a finite number. Uncertain is drawn; the
 * cursor says it is uncertain. Inlined arithmetic: this runs for every sample in view.
 */
export function drawableValue(value: number, status: number): number {
  return status >>> 30 < 2 && value - value === 0 ? value : Number.NaN;
}
