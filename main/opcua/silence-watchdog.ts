/**
 * Notices a server that stopped talking while its socket stays open (a hung
 * process, a cable cut with no reset): node-opcua only learns of it when a
 * request times out, 15 s or more later. A subscription owes us a publish
 * response at least every keep-alive period, so silence beyond that, with
 * some grace, means the connection is dead.
 */
export class SilenceWatchdog {
  private lastHeard: number;
  private limitMs = Number.POSITIVE_INFINITY;
  private silent = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly onSilent: (silentMs: number) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.lastHeard = now();
  }

  /** The hot path: a number stored per publish response. */
  heard(): void {
    this.lastHeard = this.now();
    this.silent = false;
  }

  /** Starts (or re-times) watching: silence longer than `limitMs` fires once, until heard again. */
  arm(limitMs: number): void {
    this.limitMs = limitMs;
    this.heard();
    if (this.timer) clearInterval(this.timer);
    // A tick that finds silence looks again after the poll phase: after a long pause of our own
    // event loop, a keep-alive may be waiting in the socket, unread, and that is not the server's fault.
    this.timer = setInterval(() => {
      if (this.now() - this.lastHeard > this.limitMs) setImmediate(() => this.check());
    }, Math.max(50, Math.min(1_000, limitMs / 4)));
    this.timer.unref();
  }

  disarm(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.limitMs = Number.POSITIVE_INFINITY;
  }

  /** True when this check found the silence (and reported it). */
  check(): boolean {
    const silentMs = this.now() - this.lastHeard;
    if (this.silent || silentMs <= this.limitMs) return false;
    this.silent = true;
    this.onSilent(silentMs);
    return true;
  }

  dispose(): void {
    this.disarm();
  }
}

/** Silence this much longer than the keep-alive period means the server is gone, not late. */
export function silenceLimit(keepAlivePeriodMs: number): number {
  return keepAlivePeriodMs + Math.max(keepAlivePeriodMs / 2, 500);
}
