export type Range = readonly [low: number, high: number];

/** Margin around the data, so a flat line is not drawn on the frame. */
const PADDING = 0.05;
/** Keep the previous range while the data still fills this much of it: axes that jump every frame cannot be read. */
const KEEP_WHILE_FILLED = 0.4;

/**
 * An automatic axis range around [min, max], widened to round numbers and kept steady: it
 * changes only when the data leaves it or shrinks to a small part of it. With no data it keeps
 * what it had.
 */
export function autoRange(previous: Range | null, min: number, max: number): Range {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return previous ?? [0, 1];
  if (previous !== null && min >= previous[0] && max <= previous[1] && max - min >= KEEP_WHILE_FILLED * (previous[1] - previous[0])) {
    return previous;
  }
  const span = max - min;
  const pad = span > 0 ? span * PADDING : Math.abs(min) * PADDING || 1;
  const step = niceStep((span + 2 * pad) / 5);
  const low = Math.floor((min - pad) / step) * step;
  const high = Math.ceil((max + pad) / step) * step;
  return [low, high];
}

/** 1, 2 or 5 times a power of ten, at least `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const scaled = rough / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}
