import type { HistorianHealth } from './historian.js';

/**
 * The historian's health as the operator sees it: the writer's verdict (can
 * the database be written?) unless the buffer is overflowing. Tells the
 * owner once per change; a healthy start is not news.
 */
export class HealthState {
  private writer: HistorianHealth = { ok: true, message: '' };
  private behind: HistorianHealth | null = null;
  private reported: HistorianHealth | null = null;

  constructor(private readonly notify: (health: HistorianHealth) => void) {}

  current(): HistorianHealth {
    if (!this.writer.ok) return this.writer;
    return this.behind ?? this.writer;
  }

  setWriter(health: HistorianHealth): void {
    this.writer = health;
    this.report();
  }

  /** `dropped`: the count when dropping began, for the message. */
  setBehind(behind: boolean, dropped: number): void {
    if (behind === (this.behind !== null)) return;
    this.behind = behind ? { ok: false, message: `History is falling behind: samples are being dropped (${dropped} so far)` } : null;
    this.report();
  }

  private report(): void {
    const health = this.current();
    if (this.reported ? this.reported.ok === health.ok && this.reported.message === health.message : health.ok) {
      this.reported ??= health;
      return;
    }
    this.reported = health;
    this.notify(health);
  }
}
