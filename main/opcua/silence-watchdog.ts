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
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly onSilent: (silentMs: number) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.lastHeard = now();
  }

  /** The hot path: a number stored per publish response; a timer only when a silence reported ends. */
  heard(): void {
    this.lastHeard = this.now();
    if (!this.silent) return;
    this.silent = false;
    if (this.timer === null) this.watch();
  }

  /**
   * Starts (or re-times) watching: silence for `periodMs` fires once, until heard again. It
   * fires a little early (a twentieth of the period, at least 50 ms), so a timer running late
   * on a busy event loop still reports within the period. One timer, set for the moment the
   * silence would begin: looking every few ms woke the process 20 times a second per server.
   */
  arm(periodMs: number): void {
    this.limitMs = periodMs - Math.max(50, periodMs / 20);
    this.lastHeard = this.now();
    this.silent = false;
    this.watch();
  }

  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
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

  private watch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.limitMs === Number.POSITIVE_INFINITY) return;
    const wait = Math.max(1, this.lastHeard + this.limitMs + 1 - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.now() - this.lastHeard <= this.limitMs) return this.watch();
      // Looked at again after the poll phase: after a long pause of our own event loop, a
      // keep-alive may be waiting in the socket, unread, and that is not the server's fault.
      setImmediate(() => {
        if (!this.check() && !this.silent) this.watch();
      });
    }, wait);
    this.timer.unref();
  }
}
