/**
 * A PID controller in velocity (incremental) form: each step adds a change to the output
 * instead of recomputing it from an integral. Because the output is clamped every step,
 * nothing can wind up while it sits at a limit, and switching manual -> auto is bumpless
 * because auto starts from whatever the output was.
 *
 * Fields in PascalCase are published tags (`LIC101.SP`, ...); camelCase ones are internal.
 */

export interface PidTuning {
  /** Output % per unit of error. */
  readonly gain: number;
  readonly integralTimeS: number;
  readonly derivativeTimeS: number;
}

export interface PidLoop {
  SP: number;
  PV: number;
  /** 0..100 %. */
  OP: number;
  Auto: boolean;
  lastError: number;
  lastPvChange: number;
}

export function createPidLoop(setpoint: number, measurement: number, output: number): PidLoop {
  return { SP: setpoint, PV: measurement, OP: output, Auto: true, lastError: setpoint - measurement, lastPvChange: 0 };
}

/** Error is SP - PV: every loop in the plant raises its output to raise its measurement. */
export function stepPid(loop: PidLoop, tuning: PidTuning, measurement: number, dtSeconds: number): void {
  const error = loop.SP - measurement;
  const pvChange = measurement - loop.PV;
  if (loop.Auto) {
    // Derivative on the measurement, not the error, so that a setpoint step does not kick the output.
    const derivative = (tuning.derivativeTimeS * (pvChange - loop.lastPvChange)) / dtSeconds;
    const change = tuning.gain * (error - loop.lastError + (dtSeconds / tuning.integralTimeS) * error - derivative);
    loop.OP = clamp(loop.OP + change, 0, 100);
  }
  // Tracked in manual too, so that the first auto step does not see a stale error.
  loop.lastError = error;
  loop.lastPvChange = pvChange;
  loop.PV = measurement;
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
