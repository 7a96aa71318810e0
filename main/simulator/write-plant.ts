import { plantVariables, type PlantVariable } from './plant-catalogue.js';
import type { PlantState } from './plant-model.js';
import type { PumpId } from './pump-drive.js';

/** Why a write was refused; the server turns each reason into its own OPC UA StatusCode. */
export type WriteRefusalReason = 'unknown' | 'readOnly' | 'wrongType' | 'outOfRange' | 'wrongMode';

export interface WriteRefusal {
  readonly reason: WriteRefusalReason;
  /** Names the variable and what would have been accepted, for an engineer reading a log. */
  readonly message: string;
}

/** Returns a refusal message for the wrong mode, undefined once applied. */
type Writer = (state: PlantState, value: number | boolean) => string | void;

const byName = new Map(plantVariables.map((variable) => [variable.name, variable]));

/** Applies an operator's write (setpoint, mode, command, manual output), or says why not. */
export function writePlant(state: PlantState, name: string, value: number | boolean): WriteRefusal | undefined {
  const variable = byName.get(name);
  if (variable === undefined) {
    return { reason: 'unknown', message: `${name} is not a demo plant variable` };
  }
  const writer = writers.get(name);
  if (!variable.writable || writer === undefined) {
    return { reason: 'readOnly', message: `${name} is read-only` };
  }
  if (!hasType(variable, value)) {
    return { reason: 'wrongType', message: `${name} takes a ${variable.dataType}, not ${JSON.stringify(value)}` };
  }
  const { low, high } = variable.euRange;
  if (typeof value === 'number' && (value < low || value > high)) {
    return { reason: 'outOfRange', message: `${name} must be within ${low}..${high} ${variable.unit}, not ${value}` };
  }
  const modeProblem = writer(state, value);
  return typeof modeProblem === 'string' ? { reason: 'wrongMode', message: modeProblem } : undefined;
}

function hasType(variable: PlantVariable, value: number | boolean): boolean {
  switch (variable.dataType) {
    case 'Boolean':
      return typeof value === 'boolean';
    case 'Double':
      return typeof value === 'number' && Number.isFinite(value);
    case 'Int32':
    case 'UInt32':
      return typeof value === 'number' && Number.isInteger(value);
  }
}

function loopWriters(id: 'LIC101' | 'LIC201' | 'TIC101'): [string, Writer][] {
  return [
    [`${id}.SP`, (state, value) => {
      state[id].SP = Number(value);
    }],
    [`${id}.OP`, (state, value) => {
      if (state[id].Auto) {
        return `${id}.OP is computed in auto; set ${id}.Auto to false first`;
      }
      state[id].OP = Number(value);
    }],
    [`${id}.Auto`, (state, value) => {
      state[id].Auto = value === true;
    }],
  ];
}

function pumpWriters(id: PumpId): [string, Writer][] {
  return [
    [`${id}.Start`, (state, value) => {
      if (value === true && state[id].Fault) {
        return `${id} is tripped; write ${id}.Reset first`;
      }
      state[id].Start = value === true;
    }],
    [`${id}.Reset`, (state, value) => {
      if (value === true) {
        state[id].Fault = false;
        state[id].dryRunSeconds = 0;
      }
    }],
  ];
}

const writers = new Map<string, Writer>([
  ...loopWriters('LIC101'),
  ...loopWriters('LIC201'),
  ...loopWriters('TIC101'),
  ...pumpWriters('Pump1'),
  ...pumpWriters('Pump2'),
  ['Pump2.SpeedSP', (state, value) => {
    state.Pump2.SpeedSP = Number(value);
  }],
  ['FV201.Auto', (state, value) => {
    state.FV201.Auto = value === true;
  }],
  ['FV201.Command', (state, value) => {
    if (state.FV201.Auto) {
      return 'FV201.Command follows the filling schedule in auto; set FV201.Auto to false first';
    }
    state.FV201.Command = Number(value);
  }],
]);
