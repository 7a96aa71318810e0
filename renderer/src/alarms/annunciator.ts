import type { AlarmPriority } from '../../../shared/api/alarm-api.js';
import { BEEP_PATTERNS, burstOffsets } from './annunciation-pattern.js';

/**
 * The horn: the pattern of the highest sounding priority, repeated until
 * silenced or acknowledged, synthesized with WebAudio. A browser keeps audio
 * suspended until the operator first touches the page; `blocked` says so,
 * and the first click or key press resumes it.
 */
export class Annunciator {
  private context: AudioContext | null = null;
  private current: AlarmPriority | null = null;
  private timer: number | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly unlock = () => void this.context?.resume().then(() => this.notify(), () => undefined);

  constructor(private readonly win: Window) {
    win.addEventListener('pointerdown', this.unlock);
    win.addEventListener('keydown', this.unlock);
  }

  get sounding(): AlarmPriority | null {
    return this.current;
  }

  /** True while a sound should play but the browser has not let the page start audio yet. */
  get blocked(): boolean {
    return this.current !== null && this.context?.state !== 'running';
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  play(priority: AlarmPriority | null): void {
    if (priority === this.current) return;
    this.current = priority;
    if (this.timer !== null) this.win.clearInterval(this.timer);
    this.timer = null;
    if (priority !== null) {
      const pattern = BEEP_PATTERNS[priority];
      this.burst(priority);
      this.timer = this.win.setInterval(() => this.burst(priority), pattern.periodMs);
    }
    this.notify();
  }

  dispose(): void {
    this.play(null);
    this.win.removeEventListener('pointerdown', this.unlock);
    this.win.removeEventListener('keydown', this.unlock);
    void this.context?.close().catch(() => undefined);
    this.context = null;
    this.listeners.clear();
  }

  private burst(priority: AlarmPriority): void {
    const context = this.audio();
    if (context === null || context.state !== 'running') return;
    const pattern = BEEP_PATTERNS[priority];
    const start = context.currentTime + 0.02;
    for (const offset of burstOffsets(pattern)) {
      const at = start + offset / 1000;
      const end = at + pattern.beepMs / 1000;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = pattern.frequencyHz;
      // Short ramps: a click-free beep.
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.15, at + 0.01);
      gain.gain.setValueAtTime(0.15, end - 0.01);
      gain.gain.linearRampToValueAtTime(0, end);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(end);
    }
  }

  private audio(): AudioContext | null {
    let context = this.context;
    if (context === null) {
      // Absent where audio is switched off (some kiosk builds): the banner still shows what would sound.
      const Context = (this.win as Window & { AudioContext?: typeof AudioContext }).AudioContext;
      if (typeof Context !== 'function') return null;
      context = new Context();
      context.onstatechange = () => this.notify();
      this.context = context;
    }
    if (context.state === 'suspended') this.unlock();
    return context;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
