/**
 * The demo plant's tag list: what the simulator publishes and what a newcomer browses.
 *
 * Process: a supply header feeds Tank1 through FV101 (LIC101 holds Tank1's level), Pump1
 * moves the water through heater E101 (TIC101 holds its outlet temperature) into Tank2
 * (LIC201 holds Tank2's level by Pump1's speed), and Pump2 pushes the product through
 * FV201 to a filling line that counts 5 L containers.
 */

import type { PumpId } from './pump-drive.js';

export const DEMO_NAMESPACE_URI = 'urn:tidewatch:demo-plant';

export interface PlantVariable {
  /** e.g. "Tank1.Level"; also the string identifier of its NodeId. */
  readonly name: string;
  readonly description: string;
  readonly dataType: 'Double' | 'Boolean' | 'UInt32' | 'Int32';
  /** e.g. "%", "m3/h", "degC", "rpm", "mm/s", "pcs"; empty for booleans. */
  readonly unit: string;
  /** The normal operating range; for writable variables also the range a write must respect. */
  readonly euRange: { readonly low: number; readonly high: number };
  /** Setpoints, modes, pump start commands, manual outputs. */
  readonly writable: boolean;
}

type Spec = [name: string, unit: string, low: number, high: number, description: string];

function readOnly([name, unit, low, high, description]: Spec): PlantVariable {
  return { name, description, dataType: 'Double', unit, euRange: { low, high }, writable: false };
}

function setpoint([name, unit, low, high, description]: Spec): PlantVariable {
  return { name, description, dataType: 'Double', unit, euRange: { low, high }, writable: true };
}

function flag(name: string, description: string, writable = false): PlantVariable {
  return { name, description, dataType: 'Boolean', unit: '', euRange: { low: 0, high: 1 }, writable };
}

function pump(id: PumpId, duty: string): PlantVariable[] {
  return [
    flag(`${id}.Start`, `${duty}: run command (true = run, false = stop); cleared by a trip`, true),
    flag(`${id}.Running`, `${duty}: motor running feedback`),
    flag(`${id}.Fault`, `${duty}: tripped on dry run (suction tank below 5 % for 3 s); latched until reset`),
    flag(`${id}.Reset`, `${duty}: write true to reset a trip; always reads false`, true),
    readOnly([`${id}.Speed`, 'rpm', 0, 1500, `${duty}: motor speed`]),
    readOnly([`${id}.Flow`, 'm3/h', 0, 100, `${duty}: delivered flow`]),
    readOnly([`${id}.DischargePressure`, 'bar', 0, 8, `${duty}: discharge pressure`]),
    readOnly([`${id}.Current`, 'A', 0, 100, `${duty}: motor current`]),
    readOnly([`${id}.Power`, 'kW', 0, 60, `${duty}: motor electrical power`]),
    readOnly([`${id}.BearingTemp`, 'degC', 0, 120, `${duty}: drive-end bearing temperature`]),
    readOnly([`${id}.RunHours`, 'h', 0, 100_000, `${duty}: running hours`]),
  ];
}

function tank(id: 'Tank1' | 'Tank2', capacityM3: number, role: string): PlantVariable[] {
  return [
    readOnly([`${id}.Level`, '%', 0, 100, `${role}: level`]),
    readOnly([`${id}.Volume`, 'm3', 0, capacityM3, `${role}: liquid volume`]),
    readOnly([`${id}.Inflow`, 'm3/h', 0, 120, `${role}: inflow`]),
    readOnly([`${id}.Outflow`, 'm3/h', 0, 120, `${role}: outflow`]),
    readOnly([`${id}.Temperature`, 'degC', 0, 100, `${role}: liquid temperature`]),
    flag(`${id}.LevelHigh`, `${role}: level above 90 %`),
    flag(`${id}.LevelLow`, `${role}: level below 10 %`),
  ];
}

function loop(id: 'LIC101' | 'LIC201' | 'TIC101', unit: string, spLow: number, spHigh: number, pvHigh: number, what: string, output: string): PlantVariable[] {
  return [
    setpoint([`${id}.SP`, unit, spLow, spHigh, `${what} controller setpoint`]),
    readOnly([`${id}.PV`, unit, 0, pvHigh, `${what} controller measured value`]),
    setpoint([`${id}.OP`, '%', 0, 100, `${what} controller output to ${output}; writable in manual only`]),
    flag(`${id}.Auto`, `${what} controller mode: true = auto (PID drives OP), false = manual (OP holds the written value)`, true),
  ];
}

export const TANK1_CAPACITY_M3 = 9;
export const TANK2_CAPACITY_M3 = 7.5;

export const plantVariables: readonly PlantVariable[] = [
  readOnly(['Supply.Pressure', 'bar', 0, 6, 'Supply header pressure (cycles as other users draw from the header)']),
  readOnly(['Supply.Temperature', 'degC', 0, 40, 'Supply water temperature (slow daily-like swing)']),
  ...tank('Tank1', TANK1_CAPACITY_M3, 'Feed tank Tank1'),
  ...loop('LIC101', '%', 10, 90, 100, 'Tank1 level', 'inlet valve FV101'),
  readOnly(['FV101.Position', '%', 0, 100, 'Tank1 inlet valve position (strokes at 10 %/s)']),
  ...pump('Pump1', 'Transfer pump Pump1 (Tank1 to heater E101 to Tank2)'),
  readOnly(['Pump1.Vibration', 'mm/s', -10, 10, 'Pump1 bearing housing vibration velocity, instantaneous, one sample every 10 ms']),
  readOnly(['Pump1.VibrationRms', 'mm/s', 0, 10, 'Pump1 bearing housing vibration velocity, RMS']),
  ...loop('TIC101', 'degC', 20, 90, 120, 'Heater E101 outlet temperature', 'heater power'),
  readOnly(['E101.Power', 'kW', 0, 3000, 'Heater E101 electrical power']),
  flag('E101.OverTemp', 'Heater E101 over-temperature interlock: power cut above 95 degC until below 85 degC'),
  ...tank('Tank2', TANK2_CAPACITY_M3, 'Product tank Tank2'),
  ...loop('LIC201', '%', 10, 90, 100, 'Tank2 level', 'Pump1 speed'),
  ...pump('Pump2', 'Product pump Pump2 (Tank2 to filling line)'),
  setpoint(['Pump2.SpeedSP', 'rpm', 300, 1480, 'Pump2 speed setpoint']),
  flag('FV201.Auto', 'Product valve FV201 mode: true = follows the filling schedule, false = follows FV201.Command', true),
  setpoint(['FV201.Command', '%', 0, 100, 'Product valve FV201 commanded position; writable in manual only']),
  readOnly(['FV201.Position', '%', 0, 100, 'Product valve FV201 position (strokes at 10 %/s)']),
  { ...readOnly(['Line.ProducedCount', 'pcs', 0, 4_294_967_295, 'Filled 5 L containers since start']), dataType: 'UInt32' },
  readOnly(['Line.ProductionRate', 'pcs/h', 0, 20_000, 'Filling rate']),
];

/** NodeId string as a client would use it: the demo namespace is the server's first own namespace, index 1. */
export function demoNodeId(name: string): string {
  return `ns=1;s=${name}`;
}
