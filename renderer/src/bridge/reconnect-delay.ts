const BASE_MS = 250;
/** A restarted headless server is back within seconds; operators should not wait longer than this to see it. */
const CAP_MS = 5000;

/** Exponential backoff with jitter, so many browser views do not hammer a restarting server in step. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.5 + random() / 2));
}
