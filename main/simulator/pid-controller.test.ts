import { describe, expect, it } from 'vitest';
import { createPidLoop, stepPid, type PidLoop } from './pid-controller.js';

const tuning = { gain: 2, integralTimeS: 10, derivativeTimeS: 0 };

/** A first-order process, gain 0.5 unit per % with a 20 s time constant. */
function simulate(loop: PidLoop, pv: number, seconds: number, gain = 0.5): number {
  const dt = 0.1;
  for (let t = 0; t < seconds; t += dt) {
    stepPid(loop, tuning, pv, dt);
    pv += ((gain * loop.OP - pv) / 20) * dt;
  }
  return pv;
}

describe('PID controller', () => {
  it('brings the measurement to the setpoint in auto', () => {
    const loop = createPidLoop(30, 0, 0);
    expect(simulate(loop, 0, 300)).toBeCloseTo(30, 1);
  });

  it('leaves the output limit as soon as the error reverses after a long saturation (no wind-up)', () => {
    const loop = createPidLoop(80, 0, 0); // 80 is out of reach: at most 0.5 * 100
    const pv = simulate(loop, 0, 600);
    expect(loop.OP).toBe(100);
    loop.SP = 20;
    simulate(loop, pv, 2);
    expect(loop.OP).toBeLessThan(100);
  });

  it('holds the output in manual and takes over from it without a bump', () => {
    const loop = createPidLoop(30, 15, 30);
    loop.Auto = false;
    const pv = simulate(loop, 15, 100);
    expect(loop.OP).toBe(30);
    loop.Auto = true;
    simulate(loop, pv, 0.1);
    expect(Math.abs(loop.OP - 30)).toBeLessThan(1);
  });
});
