import { RATED_SPEED_RPM } from './pump-drive.js';

/**
 * Bearing housing vibration velocity of a running pump, one sample per model step: the
 * running-speed component (unbalance) and its second harmonic (misalignment), both growing
 * with the square of speed as centrifugal forces do, plus a little broadband noise. At
 * 1480 rpm the second harmonic sits just under the 50 Hz Nyquist limit of a 100 Hz stream,
 * which is what a real 100 Hz acquisition would show.
 */
export interface VibrationState {
  Vibration: number;
  VibrationRms: number;
  /** Shaft angle in radians, integrated so that speed changes do not make the waveform jump. */
  shaftAngle: number;
  /** Seed of the noise generator, so that a run is repeatable. */
  noiseSeed: number;
}

const UNBALANCE_MM_S = 4.0;
const MISALIGNMENT_MM_S = 1.2;
const NOISE_MM_S = 0.4;

export function createVibration(seed: number): VibrationState {
  return { Vibration: 0, VibrationRms: 0, shaftAngle: 0, noiseSeed: seed >>> 0 };
}

export function stepVibration(vibration: VibrationState, speedRpm: number, dtSeconds: number): void {
  const speedRatio = speedRpm / RATED_SPEED_RPM;
  vibration.shaftAngle = (vibration.shaftAngle + 2 * Math.PI * (speedRpm / 60) * dtSeconds) % (2 * Math.PI);
  const unbalance = UNBALANCE_MM_S * speedRatio ** 2;
  const misalignment = MISALIGNMENT_MM_S * speedRatio ** 2;
  const noise = NOISE_MM_S * speedRatio;
  vibration.Vibration =
    unbalance * Math.sin(vibration.shaftAngle) +
    misalignment * Math.sin(2 * vibration.shaftAngle + 0.6) +
    noise * (2 * nextUniform(vibration) - 1);
  // Sines have RMS amplitude / sqrt(2); uniform noise on [-a, a] has a / sqrt(3).
  vibration.VibrationRms = Math.sqrt((unbalance ** 2 + misalignment ** 2) / 2 + noise ** 2 / 3);
}

/** mulberry32: a tiny seeded generator, good enough for noise and fully repeatable. */
function nextUniform(vibration: VibrationState): number {
  vibration.noiseSeed = (vibration.noiseSeed + 0x6d2b79f5) >>> 0;
  let t = vibration.noiseSeed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
