import type { AlarmPriority } from '../../../shared/api/alarm-api.js';

export interface BeepPattern {
  readonly frequencyHz: number;
  readonly beepMs: number;
  readonly beeps: number;
  readonly gapMs: number;
  /** From the start of one burst to the next. */
  readonly periodMs: number;
}

/**
 * One sound per priority, told apart by pitch and rhythm (IEC 60601-1-8 style:
 * more urgent is higher, faster and longer), synthesized in the page: no file,
 * no network, nothing to install.
 */
export const BEEP_PATTERNS: Readonly<Record<AlarmPriority, BeepPattern>> = {
  critical: { frequencyHz: 960, beepMs: 120, beeps: 5, gapMs: 80, periodMs: 2_000 },
  high: { frequencyHz: 780, beepMs: 150, beeps: 3, gapMs: 100, periodMs: 3_000 },
  medium: { frequencyHz: 620, beepMs: 200, beeps: 2, gapMs: 150, periodMs: 5_000 },
  low: { frequencyHz: 480, beepMs: 250, beeps: 1, gapMs: 0, periodMs: 10_000 },
};

/** Start offsets (ms) of the beeps of one burst. */
export function burstOffsets(pattern: BeepPattern): number[] {
  return Array.from({ length: pattern.beeps }, (_, i) => i * (pattern.beepMs + pattern.gapMs));
}
