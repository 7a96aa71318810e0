/**
 * Notices a server that stopped talking while its socket stays open (a hung
 * process, a cable cut with no reset): node-opcua only learns of it when a
 * request times out, 15 s or more later. Each subscription owes us a publish
 * response at least every server keep-alive period; silence for the
 * connection's keep-alive period (two of those) means the connection is dead.
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

  /**
   * Starts (or re-times) watching: silence for `periodMs` fires once, until heard again. It
   * looks every fortieth of the period and fires two looks early, so a late tick or a
   * busy event loop still reports within the period.
   */
  arm(periodMs: number): void {
    const tickMs = Math.max(25, periodMs / 40);
    this.limitMs = periodMs - 2 * tickMs;
    this.heard();
    if (this.timer) clearInterval(this.timer);
    // A tick that finds silence looks again after the poll phase: after a long pause of our own
    // event loop, a keep-alive may be waiting in the socket, unread, and that is not the server's fault.
    this.timer = setInterval(() => {
      if (this.now() - this.lastHeard > this.limitMs) setImmediate(() => this.check());
    }, tickMs);
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
