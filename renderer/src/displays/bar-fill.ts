export type BarFill =
  | { readonly kind: 'level'; readonly fraction: number; readonly over: 'low' | 'high' | null }
  | { readonly kind: 'none'; readonly reason: string };

/**
 * How full a bar is drawn, 0..1 of its scale. A value beyond the scale pins the bar at
 * its end and says which, so a level past its range is not read as exactly full or empty.
 */
export function barFill(value: number | undefined, scale: { readonly low: number; readonly high: number } | null): BarFill {
  if (scale === null) return { kind: 'none', reason: 'no scale: give the bar min and max, or an EURange on the server' };
  if (!(scale.high > scale.low)) return { kind: 'none', reason: `the scale ${scale.low} to ${scale.high} is empty` };
  if (value === undefined) return { kind: 'none', reason: 'no value yet' };
  if (!Number.isFinite(value)) return { kind: 'none', reason: `${value} cannot be drawn` };
  const fraction = (value - scale.low) / (scale.high - scale.low);
  if (fraction < 0) return { kind: 'level', fraction: 0, over: 'low' };
  if (fraction > 1) return { kind: 'level', fraction: 1, over: 'high' };
  return { kind: 'level', fraction, over: null };
}
