import { formatTime } from '../format/format-time.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/**
 * A time-axis label as precise as the tick spacing needs, in the 24-hour local clock the control
 * room uses: milliseconds for a 10 s window, minutes for hours, the date for days.
 */
export function timeTickLabel(ms: number, incrementMs: number): string {
  const time = formatTime(ms);
  if (incrementMs < SECOND) return time.slice(3, 12);
  if (incrementMs < MINUTE) return time.slice(0, 8);
  if (incrementMs < DAY) return time.slice(0, 5);
  const date = new Date(ms);
  return `${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
