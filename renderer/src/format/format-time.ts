/** Local wall-clock time to the millisecond, as operators compare it with the plant's clocks. */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const date = new Date(ms);
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}.${pad(date.getMilliseconds(), 3)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
