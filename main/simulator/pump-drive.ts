import { clamp } from './pid-controller.js';

/**
 * A variable-speed centrifugal pump with its motor: run command, dry-run trip, speed ramp,
 * affinity-law flow and head, motor current and a slow bearing temperature.
 *
 * Fields in PascalCase are published tags (`Pump1.Speed`, ...); camelCase ones are internal.
 */
/** The demo plant's two pumps: Pump1 (transfer) and Pump2 (product). */
export type PumpId = 'Pump1' | 'Pump2';

export interface PumpState {
  Start: boolean;
  Running: boolean;
  Fault: boolean;
  /** A pulse: writing true resets a trip, and it always reads false. */
  Reset: boolean;
  Speed: number;
  Flow: number;
  DischargePressure: number;
  Current: number;
  Power: number;
  BearingTemp: number;
  RunHours: number;
  dryRunSeconds: number;
}

export const RATED_SPEED_RPM = 1480;
export const MIN_SPEED_RPM = 300;
const RAMP_RPM_PER_S = 400;
const SHUTOFF_HEAD_BAR = 5.5;
const FULL_SUCTION_LEVEL_PERCENT = 10;
const DRY_RUN_LEVEL_PERCENT = 5;
const DRY_RUN_TRIP_S = 3;
const AMBIENT_DEGC = 25;
const BEARING_TIME_CONSTANT_S = 300;

export function createRunningPump(speed: number): PumpState {
  return {
    Start: true, Running: true, Fault: false, Reset: false, Speed: speed, Flow: 0, DischargePressure: 0,
    Current: 0, Power: 0, BearingTemp: bearingEquilibrium(speed), RunHours: 1234.5, dryRunSeconds: 0,
  };
}

/** Run command, dry-run trip, speed ramp, running hours and bearing temperature. */
export function stepPumpDrive(pump: PumpState, speedReference: number, suctionLevel: number, dtSeconds: number): void {
  const dryRunning = pump.Running && suctionLevel < DRY_RUN_LEVEL_PERCENT;
  pump.dryRunSeconds = dryRunning ? pump.dryRunSeconds + dtSeconds : 0;
  if (pump.dryRunSeconds >= DRY_RUN_TRIP_S) tripPump(pump);
  pump.Running = pump.Start && !pump.Fault;
  const target = pump.Running ? clamp(speedReference, MIN_SPEED_RPM, RATED_SPEED_RPM) : 0;
  const maxChange = RAMP_RPM_PER_S * dtSeconds;
  pump.Speed = clamp(target, pump.Speed - maxChange, pump.Speed + maxChange);
  if (pump.Running) {
    pump.RunHours += dtSeconds / 3600;
  }
  const toward = bearingEquilibrium(pump.Speed) - pump.BearingTemp;
  pump.BearingTemp += toward * Math.min(1, dtSeconds / BEARING_TIME_CONSTANT_S);
}

/** Latches the pump's fault, as a dry run does; it stops on the next step. */
export function tripPump(pump: PumpState): void {
  pump.Fault = true;
  // A trip drops the run command so that a reset never restarts the pump by itself.
  pump.Start = false;
}

/** A pump cavitates when its suction tank runs low: its flow falls with sqrt(level) down to none. */
export function suctionFactor(suctionLevel: number): number {
  return Math.sqrt(clamp(suctionLevel / FULL_SUCTION_LEVEL_PERCENT, 0, 1));
}

/** Flow from the affinity law (proportional to speed) when nothing downstream throttles it. */
export function pumpCurveFlow(pump: PumpState, ratedFlow: number, suctionLevel: number): number {
  return ratedFlow * (pump.Speed / RATED_SPEED_RPM) * suctionFactor(suctionLevel);
}

/** Head and motor load for the flow the pump delivers. */
export function setPumpFlow(pump: PumpState, flow: number, ratedFlow: number): void {
  const flowRatio = flow / ratedFlow;
  pump.Flow = flow;
  pump.DischargePressure = Math.max(0, shutoffHead(pump.Speed) - 1.5 * flowRatio * flowRatio);
  pump.Current = pump.Running ? 6 + 55 * (pump.Speed / RATED_SPEED_RPM) ** 3 : 0;
  // 400 V three-phase motor, power factor 0.85.
  pump.Power = Math.sqrt(3) * 0.4 * pump.Current * 0.85;
}

export function shutoffHead(speed: number): number {
  return SHUTOFF_HEAD_BAR * (speed / RATED_SPEED_RPM) ** 2;
}

function bearingEquilibrium(speed: number): number {
  return AMBIENT_DEGC + 35 * (speed / RATED_SPEED_RPM) ** 2;
}
