import { TANK1_CAPACITY_M3, TANK2_CAPACITY_M3 } from './plant-catalogue.js';
import { clamp, createPidLoop, stepPid, type PidLoop, type PidTuning } from './pid-controller.js';
import {
  createRunningPump, MIN_SPEED_RPM, pumpCurveFlow, RATED_SPEED_RPM, setPumpFlow, shutoffHead, stepPumpDrive,
  suctionFactor, type PumpState,
} from './pump-drive.js';
import { createVibration, stepVibration, type VibrationState } from './pump-vibration.js';

/**
 * The demo plant's physics: deterministic, no clock and no I/O, so that tests can run an
 * hour of plant time in milliseconds. `stepPlant` mutates the state in place because the
 * server steps it 100 times a second.
 *
 * Groups and PascalCase fields mirror the tag names (`state.Tank1.Level` is `Tank1.Level`),
 * so that reading a tag is a lookup; camelCase fields are internal.
 */
export interface TankState {
  Level: number;
  Volume: number;
  Inflow: number;
  Outflow: number;
  Temperature: number;
  LevelHigh: boolean;
  LevelLow: boolean;
}

export interface PlantState {
  timeSeconds: number;
  Supply: { Pressure: number; Temperature: number };
  Tank1: TankState;
  LIC101: PidLoop;
  FV101: { Position: number };
  Pump1: PumpState & VibrationState;
  TIC101: PidLoop;
  E101: { Power: number; OverTemp: boolean; outletTemperature: number };
  Tank2: TankState;
  LIC201: PidLoop;
  Pump2: PumpState & { SpeedSP: number };
  FV201: { Auto: boolean; Command: number; Position: number };
  Line: { ProducedCount: number; ProductionRate: number; unfilledM3: number };
}

const TANK_HEIGHT_M = 3;
const FV101_CV = 40; // m3/h per sqrt(bar), fully open
const FV201_CV = 26;
const VALVE_STROKE_PERCENT_PER_S = 10;
const PUMP1_RATED_FLOW = 45; // m3/h
const PUMP2_RATED_FLOW = 60;
const HEATER_MAX_KW = 3000;
const HEATER_KJ_PER_K = 837; // 0.2 m3 of water
const HEATER_LOSS_KW_PER_K = 1.5;
const WATER_KJ_PER_M3_K = 4186;
const AMBIENT_DEGC = 20;
const OVER_TEMP_TRIP_DEGC = 95;
const OVER_TEMP_CLEAR_DEGC = 85;
const CONTAINER_M3 = 0.005;
const BAR_PER_M_WATER = 0.0981;

const LEVEL_TUNING: PidTuning = { gain: 8, integralTimeS: 150, derivativeTimeS: 0 };
const TEMPERATURE_TUNING: PidTuning = { gain: 5, integralTimeS: 20, derivativeTimeS: 2 };

/** A plant in steady operation at its design point, so that a newcomer sees it running at once. */
export function createPlant(seed = 1): PlantState {
  const state: PlantState = {
    timeSeconds: 0,
    Supply: { Pressure: 3, Temperature: 15 },
    Tank1: createTank(50, TANK1_CAPACITY_M3, 15),
    LIC101: createPidLoop(50, 50, 43),
    FV101: { Position: 43 },
    Pump1: { ...createRunningPump(990), ...createVibration(seed) },
    TIC101: createPidLoop(55, 55, 48),
    E101: { Power: 0, OverTemp: false, outletTemperature: 55 },
    Tank2: createTank(50, TANK2_CAPACITY_M3, 55),
    LIC201: createPidLoop(50, 50, 58),
    Pump2: { ...createRunningPump(1450), SpeedSP: 1450 },
    FV201: { Auto: true, Command: 50, Position: 50 },
    Line: { ProducedCount: 0, ProductionRate: 0, unfilledM3: 0 },
  };
  updateFlows(state);
  updateIndications(state);
  return state;
}

export function stepPlant(state: PlantState, dtSeconds: number): void {
  state.timeSeconds += dtSeconds;
  const t = state.timeSeconds;
  // Other users of the supply header make its pressure cycle: the level loop has work to do.
  state.Supply.Pressure = 3 + 0.6 * wave(t, 45) + 0.15 * wave(t, 7);
  state.Supply.Temperature = 15 + 4 * wave(t, 600);

  stepPid(state.LIC101, LEVEL_TUNING, state.Tank1.Level, dtSeconds);
  stepPid(state.LIC201, LEVEL_TUNING, state.Tank2.Level, dtSeconds);
  stepPid(state.TIC101, TEMPERATURE_TUNING, state.E101.outletTemperature, dtSeconds);

  const { FV101, FV201, Pump1, Pump2 } = state;
  FV101.Position = stroke(FV101.Position, state.LIC101.OP, dtSeconds);
  if (FV201.Auto) {
    // The filling line's schedule; Command tracks it so that switching to manual is bumpless.
    FV201.Command = 50 + 15 * wave(t, 120) + 6 * wave(t, 23);
  }
  FV201.Position = stroke(FV201.Position, FV201.Command, dtSeconds);

  const pump1Reference = MIN_SPEED_RPM + (state.LIC201.OP / 100) * (RATED_SPEED_RPM - MIN_SPEED_RPM);
  stepPumpDrive(Pump1, pump1Reference, state.Tank1.Level, dtSeconds);
  stepPumpDrive(Pump2, Pump2.SpeedSP, state.Tank2.Level, dtSeconds);
  stepVibration(Pump1, Pump1.Speed, dtSeconds);

  updateFlows(state);
  integrate(state, dtSeconds);
  updateIndications(state);
}

/** The value of a tag, or undefined for a name that is not one of the state's tag fields. */
export function readPlant(state: PlantState, name: string): number | boolean | undefined {
  const [group = '', field = ''] = name.split('.');
  const groups = state as unknown as Record<string, Record<string, unknown> | undefined>;
  const value = groups[group]?.[field];
  return typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

function createTank(level: number, capacityM3: number, temperature: number): TankState {
  const Volume = (level / 100) * capacityM3;
  return { Level: level, Volume, Inflow: 0, Outflow: 0, Temperature: temperature, LevelHigh: false, LevelLow: false };
}

/** Flows of water and heat for the present valve positions, pump speeds and levels. */
function updateFlows(state: PlantState): void {
  const { Tank1, Tank2, Pump1, Pump2, FV101, FV201, Supply, E101 } = state;
  E101.Power = E101.OverTemp ? 0 : (state.TIC101.OP / 100) * HEATER_MAX_KW;
  Tank1.Inflow = FV101_CV * (FV101.Position / 100) * Math.sqrt(Math.max(0, Supply.Pressure));
  setPumpFlow(Pump1, pumpCurveFlow(Pump1, PUMP1_RATED_FLOW, Tank1.Level), PUMP1_RATED_FLOW);
  Tank1.Outflow = Pump1.Flow;
  Tank2.Inflow = Pump1.Flow;
  // Pump2 pushes through FV201; stopped, the tank still drains through it by gravity.
  const staticHead = (Tank2.Level / 100) * TANK_HEIGHT_M * BAR_PER_M_WATER;
  const differential = shutoffHead(Pump2.Speed) + staticHead;
  const productFlow = FV201_CV * (FV201.Position / 100) * Math.sqrt(differential) * suctionFactor(Tank2.Level);
  setPumpFlow(Pump2, productFlow, PUMP2_RATED_FLOW);
  Tank2.Outflow = productFlow;
}

function integrate(state: PlantState, dt: number): void {
  const { Tank1, Tank2, E101, Supply, Line } = state;
  mix(Tank1, Supply.Temperature, dt);
  mix(Tank2, E101.outletTemperature, dt);
  fill(Tank1, TANK1_CAPACITY_M3, dt);
  fill(Tank2, TANK2_CAPACITY_M3, dt);

  const throughFlowKwPerK = (state.Pump1.Flow / 3600) * WATER_KJ_PER_M3_K;
  const heatBalanceKw =
    E101.Power -
    throughFlowKwPerK * (E101.outletTemperature - Tank1.Temperature) -
    HEATER_LOSS_KW_PER_K * (E101.outletTemperature - AMBIENT_DEGC);
  E101.outletTemperature += (heatBalanceKw / HEATER_KJ_PER_K) * dt;

  Line.unfilledM3 += (Tank2.Outflow / 3600) * dt;
  const filled = Math.floor(Line.unfilledM3 / CONTAINER_M3);
  Line.unfilledM3 -= filled * CONTAINER_M3;
  // UInt32: at the design rate the counter would need some 80 years to wrap.
  Line.ProducedCount += filled;
}

/** Mass balance; a full tank spills to its overflow, an empty one starves its pump (see suctionFactor). */
function fill(tank: TankState, capacityM3: number, dt: number): void {
  tank.Volume = clamp(tank.Volume + ((tank.Inflow - tank.Outflow) / 3600) * dt, 0, capacityM3);
}

/** A stirred tank: the incoming water displaces its share of the contents. */
function mix(tank: TankState, inletTemperature: number, dt: number): void {
  const exchanged = Math.min(1, ((tank.Inflow / 3600) * dt) / Math.max(tank.Volume, 0.3));
  tank.Temperature += (inletTemperature - tank.Temperature) * exchanged;
}

function updateIndications(state: PlantState): void {
  for (const [tank, capacity] of [[state.Tank1, TANK1_CAPACITY_M3], [state.Tank2, TANK2_CAPACITY_M3]] as const) {
    tank.Level = (tank.Volume / capacity) * 100;
    tank.LevelHigh = tank.Level > 90;
    tank.LevelLow = tank.Level < 10;
  }
  const { E101 } = state;
  if (E101.outletTemperature > OVER_TEMP_TRIP_DEGC) {
    E101.OverTemp = true;
  } else if (E101.outletTemperature < OVER_TEMP_CLEAR_DEGC) {
    E101.OverTemp = false;
  }
  state.Line.ProductionRate = state.Tank2.Outflow / CONTAINER_M3;
}

function stroke(position: number, command: number, dt: number): number {
  const maxTravel = VALVE_STROKE_PERCENT_PER_S * dt;
  return clamp(command, position - maxTravel, position + maxTravel);
}

/** A sine of the given period in seconds. */
function wave(t: number, periodSeconds: number): number {
  return Math.sin((2 * Math.PI * t) / periodSeconds);
}
