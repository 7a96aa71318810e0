import type { SampleObserver } from '../api/sample-source.js';
import { DeadlineQueue, type AlarmClock } from './deadline-queue.js';
import { compare, DEVIATION, flatten, HIGH, kindCode, LOW, OFF_NORMAL, OPS, ROC_BOTH, ROC_FALLING, ROC_RISING, rows, unique } from './engine-tables.js';
import type { LocalAlarm, SuppressionRule } from './local-alarm.js';

/** What the engine reports: edges only, never a level per sample. */
export interface AlarmEngineListener {
  /** The alarm's process condition changed (after its delays). `value` is what was compared with the limit. */
  condition(alarm: number, active: boolean, time: number, value: number): void;
  /** Suppression by design began or ended for the alarm. */
  suppression(alarm: number, suppressed: boolean, time: number): void;
}

/** A rate-of-change alarm sees no sample while a value stands still: after this long without one, the rate is 0. */
export const ROC_IDLE_MS = 1_000;

/**
 * Evaluates every local alarm on every sample, synchronously, in the order
 * samples arrive (edge-triggered: a two-sample excursion is seen), never on a
 * timer. Alarms are indexed by tag (compressed rows of typed arrays) and all
 * per-alarm state lives in typed arrays, so a sample costs a few comparisons
 * per alarm on its tag and allocates nothing.
 *
 * The one timer is a DeadlineQueue for delays whose outcome no further sample
 * may decide (a value that stays above its limit is not re-published by an
 * OPC UA server): one scheduled deadline at a time, not a periodic scan.
 */
export class AlarmEngine implements SampleObserver {
  readonly count: number;
  private readonly kind: Uint8Array;
  private readonly tagA: Int32Array;
  private readonly tagB: Int32Array;
  private readonly limit: Float64Array;
  private readonly deadband: Float64Array;
  private readonly onDelay: Float64Array;
  private readonly offDelay: Float64Array;
  private readonly raw: Uint8Array;
  private readonly state: Uint8Array;
  /** Source time at which a pending change commits; NaN when none is pending. */
  private readonly deadline: Float64Array;
  private readonly lastX: Float64Array;
  private readonly rocChecking: Uint8Array;
  private readonly suppressCount: Int32Array;
  // Per tag.
  private readonly tagCount: number;
  private readonly alarmStart: Int32Array;
  private readonly alarmOfTag: Int32Array;
  private readonly last: Float64Array;
  private readonly prevTime: Float64Array;
  private readonly prevValue: Float64Array;
  // Suppression rules.
  private readonly ruleOp: Uint8Array;
  private readonly ruleValue: Float64Array;
  private readonly ruleState: Uint8Array;
  private readonly ruleStart: Int32Array;
  private readonly ruleOfTag: Int32Array;
  private readonly ruleAlarmStart: Int32Array;
  private readonly ruleAlarm: Int32Array;
  private readonly queue: DeadlineQueue;

  constructor(
    alarms: readonly LocalAlarm[],
    tagIndexOf: (tagId: string) => number | undefined,
    private readonly listener: AlarmEngineListener,
    private readonly clock: AlarmClock,
  ) {
    const n = alarms.length;
    this.count = n;
    this.kind = new Uint8Array(n);
    this.tagA = new Int32Array(n).fill(-1);
    this.tagB = new Int32Array(n).fill(-1);
    this.limit = new Float64Array(n);
    this.deadband = new Float64Array(n);
    this.onDelay = new Float64Array(n);
    this.offDelay = new Float64Array(n);
    this.raw = new Uint8Array(n);
    this.state = new Uint8Array(n);
    this.deadline = new Float64Array(n).fill(Number.NaN);
    this.lastX = new Float64Array(n).fill(Number.NaN);
    this.rocChecking = new Uint8Array(n);
    this.suppressCount = new Int32Array(n);

    const index = (tag: string | null) => (tag === null ? -1 : (tagIndexOf(tag) ?? -1));
    let maxTag = -1;
    const rules: { rule: SuppressionRule; tag: number; alarms: number[] }[] = [];
    const ruleKey = new Map<string, number>();
    alarms.forEach((alarm, a) => {
      this.kind[a] = kindCode(alarm);
      this.tagA[a] = index(alarm.tag);
      this.tagB[a] = index(alarm.otherTag);
      this.limit[a] = alarm.limit;
      this.deadband[a] = alarm.deadband;
      this.onDelay[a] = alarm.onDelayMs;
      this.offDelay[a] = alarm.offDelayMs;
      maxTag = Math.max(maxTag, this.tagA[a]!, this.tagB[a]!);
      for (const rule of alarm.suppressWhen) {
        const key = `${rule.tag}\u0000${rule.op}\u0000${rule.value}`;
        let r = ruleKey.get(key);
        if (r === undefined) {
          r = rules.length;
          ruleKey.set(key, r);
          rules.push({ rule, tag: index(rule.tag), alarms: [] });
          maxTag = Math.max(maxTag, rules[r]!.tag);
        }
        rules[r]!.alarms.push(a);
      }
    });
    this.tagCount = maxTag + 1;
    const byTag = (count: number, tagsOf: (i: number) => number[]) => rows(this.tagCount, count, tagsOf);
    [this.alarmStart, this.alarmOfTag] = byTag(n, (a) => unique([this.tagA[a]!, this.tagB[a]!]));
    [this.ruleStart, this.ruleOfTag] = byTag(rules.length, (r) => [rules[r]!.tag]);
    this.ruleOp = Uint8Array.from(rules, ({ rule }) => OPS.indexOf(rule.op));
    this.ruleValue = Float64Array.from(rules, ({ rule }) => rule.value);
    this.ruleState = new Uint8Array(rules.length);
    [this.ruleAlarmStart, this.ruleAlarm] = flatten(rules.map((r) => r.alarms));
    this.last = new Float64Array(this.tagCount).fill(Number.NaN);
    this.prevTime = new Float64Array(this.tagCount).fill(Number.NaN);
    this.prevValue = new Float64Array(this.tagCount).fill(Number.NaN);
    this.queue = new DeadlineQueue(clock, (id, token) => this.due(id, token));
  }

  /** The hot path: called for every sample of every tag. */
  sample(tag: number, time: number, value: number, status: number): void {
    if (tag >= this.tagCount) return;
    // Bad (and reserved) quality: hold every alarm as it is; the value means nothing.
    if (status >>> 30 >= 2 || value !== value) {
      this.last[tag] = Number.NaN;
      this.prevTime[tag] = Number.NaN;
      return;
    }
    this.last[tag] = value;
    for (let i = this.ruleStart[tag]!, end = this.ruleStart[tag + 1]!; i < end; i++) this.evaluateRule(this.ruleOfTag[i]!, time, value);
    // Locals, and limit alarms inline: the common case costs a comparison and a load or two per alarm.
    const { kind, limit, deadband, raw, state, deadline, lastX, alarmOfTag } = this;
    for (let i = this.alarmStart[tag]!, end = this.alarmStart[tag + 1]!; i < end; i++) {
      const a = alarmOfTag[i]!;
      const k = kind[a]!;
      if (k > LOW) {
        this.evaluate(a, tag, time, value);
        continue;
      }
      const was = raw[a]!;
      const band = was === 1 ? deadband[a]! : 0;
      const on = k === HIGH ? value >= limit[a]! - band : value <= limit[a]! + band;
      lastX[a] = value;
      // Settled and staying so: nothing pending, nothing to do.
      if ((on ? 1 : 0) === state[a] && was === state[a] && deadline[a] !== deadline[a]) continue;
      this.settle(a, on, time);
    }
    this.prevTime[tag] = time;
    this.prevValue[tag] = value;
  }

  /**
   * Starts an alarm from a condition committed before (a restart, a reload), so the
   * next sample is an edge only if the process changed meanwhile. Before any sample.
   */
  seedActive(alarm: number): void {
    this.raw[alarm] = 1;
    this.state[alarm] = 1;
  }

  /** The condition as the engine last committed it. */
  isActive(alarm: number): boolean {
    return this.state[alarm] === 1;
  }

  isSuppressed(alarm: number): boolean {
    return this.suppressCount[alarm]! > 0;
  }

  dispose(): void {
    this.queue.dispose();
  }

  private evaluate(a: number, tag: number, time: number, value: number): void {
    const limit = this.limit[a]!;
    // Hysteresis: an active condition clears only a deadband back inside its limit.
    const band = this.raw[a] === 1 ? this.deadband[a]! : 0;
    let x: number;
    let on: boolean;
    switch (this.kind[a]) {
      case HIGH:
        x = value;
        on = x >= limit - band;
        break;
      case LOW:
        x = value;
        on = x <= limit + band;
        break;
      case DEVIATION: {
        const pv = this.last[this.tagA[a]!]!;
        const sp = this.last[this.tagB[a]!]!;
        if (pv !== pv || sp !== sp) return;
        x = Math.abs(pv - sp);
        on = x >= limit - band;
        break;
      }
      case ROC_RISING:
      case ROC_FALLING:
      case ROC_BOTH: {
        if (tag !== this.tagA[a]) return;
        const dt = time - this.prevTime[tag]!;
        if (!(dt > 0)) return;
        x = ((value - this.prevValue[tag]!) * 1000) / dt;
        const rate = this.kind[a] === ROC_RISING ? x : this.kind[a] === ROC_FALLING ? -x : Math.abs(x);
        on = rate >= limit - band;
        if (on && this.rocChecking[a] === 0) this.checkRocIdle(a, time);
        break;
      }
      case OFF_NORMAL:
        x = value;
        on = x !== limit;
        break;
      default: {
        // MISMATCH
        const feedback = this.last[this.tagA[a]!]!;
        const command = this.last[this.tagB[a]!]!;
        if (feedback !== feedback || command !== command) return;
        x = feedback;
        on = feedback !== command;
      }
    }
    this.lastX[a] = x;
    this.settle(a, on, time);
  }

  /** Raw condition -> committed condition through the on/off delays. */
  private settle(a: number, on: boolean, time: number): void {
    this.raw[a] = on ? 1 : 0;
    if (on === (this.state[a] === 1)) {
      this.deadline[a] = Number.NaN;
      return;
    }
    const pending = this.deadline[a]!;
    if (pending === pending) {
      if (time >= pending) this.commit(a, on, pending);
      return;
    }
    const delay = on ? this.onDelay[a]! : this.offDelay[a]!;
    if (delay <= 0) {
      this.commit(a, on, time);
      return;
    }
    this.deadline[a] = time + delay;
    this.queue.schedule(this.clock.now() + delay, 2 * a, time + delay);
  }

  private commit(a: number, on: boolean, time: number): void {
    this.state[a] = on ? 1 : 0;
    this.deadline[a] = Number.NaN;
    this.listener.condition(a, on, time, this.lastX[a]!);
  }

  private checkRocIdle(a: number, since: number): void {
    this.rocChecking[a] = 1;
    this.queue.schedule(this.clock.now() + ROC_IDLE_MS, 2 * a + 1, since);
  }

  private due(id: number, token: number): void {
    const a = id >> 1;
    if ((id & 1) === 0) {
      // A delay: still pending with the same deadline, so no sample has decided it.
      if (this.deadline[a] === token) this.commit(a, this.raw[a] === 1, token);
      return;
    }
    const tag = this.tagA[a]!;
    const newest = this.prevTime[tag]!;
    this.rocChecking[a] = 0;
    if (newest === newest && newest > token) {
      if (this.raw[a] === 1) this.checkRocIdle(a, newest);
      return;
    }
    // No sample for ROC_IDLE_MS: the value stands still.
    if (this.raw[a] === 1) {
      this.lastX[a] = 0;
      this.settle(a, false, token + ROC_IDLE_MS);
    }
  }

  private evaluateRule(r: number, time: number, value: number): void {
    const holds = compare(value, this.ruleOp[r]!, this.ruleValue[r]!);
    if (holds === (this.ruleState[r] === 1)) return;
    this.ruleState[r] = holds ? 1 : 0;
    for (let i = this.ruleAlarmStart[r]!, end = this.ruleAlarmStart[r + 1]!; i < end; i++) {
      const a = this.ruleAlarm[i]!;
      const before = this.suppressCount[a]! > 0;
      this.suppressCount[a] = this.suppressCount[a]! + (holds ? 1 : -1);
      const after = this.suppressCount[a]! > 0;
      if (before !== after) this.listener.suppression(a, after, time);
    }
  }
}
