import { DataType, DataValue, Variant } from 'node-opcua';
import { plantVariables, type PlantVariable } from './plant-catalogue.js';
import { createPlant, readPlant, stepPlant } from './plant-model.js';
import { tripPump, type PumpId } from './pump-drive.js';
import { writePlant, type WriteRefusal } from './write-plant.js';

export const MODEL_STEP_MS = 10;
const PROCESS_SAMPLE_MS = 100;
/** After a longer stall (a suspended laptop, a debugger) the plant skips the gap instead of racing through it. */
const MAX_CATCH_UP_STEPS = 100;

/** How often a variable gets a new sample: the vibration every model step, the rest every 100 ms. */
export function sampleIntervalMs(variable: PlantVariable): number {
  return variable.name === 'Pump1.Vibration' ? MODEL_STEP_MS : PROCESS_SAMPLE_MS;
}

/**
 * A variable with a sample every model step is pushed to its clients sample by sample: the timer
 * that advances the plant fires late and then catches up several steps at once, so a server
 * sampling the latest value would miss the samples of every such burst but the last.
 */
export function isPushed(variable: PlantVariable): boolean {
  return sampleIntervalMs(variable) === MODEL_STEP_MS;
}

/** Told of every new sample as the feed takes it, the several of a catch-up burst one by one. */
export type OnPublish = (variable: PlantVariable, dataValue: DataValue) => void;

/** The plant model paced to the wall clock, with the latest sample of every variable as a DataValue. */
export interface PlantFeed {
  /** Steps the model up to `nowMs` in 10 ms steps; call it at least every few ms. */
  advance(nowMs: number): void;
  latest(variable: PlantVariable): DataValue;
  write(variable: PlantVariable, value: number | boolean): WriteRefusal | undefined;
  /** Trips a pump as a dry run would, for training: the crew rehearses the alarm and the reset. */
  trip(pump: PumpId): void;
}

/**
 * Model time starts at `startMs` and grows by exactly 10 ms a step: it is the source timestamp
 * of every sample, so a client sees the 100 Hz vibration evenly spaced however late the timer fires.
 */
export function createPlantFeed(startMs: number, onPublish: OnPublish = () => undefined): PlantFeed {
  const plant = createPlant();
  const published = new Map<string, DataValue>();
  let epochMs = startMs;
  let steps = 0;
  const modelTimeMs = (): number => epochMs + steps * MODEL_STEP_MS;
  const publish = (variable: PlantVariable): void => {
    const value = readPlant(plant, variable.name);
    // An unchanged value keeps the timestamp of its last change, as a field device would.
    if (value !== undefined && published.get(variable.name)?.value.value !== value) {
      const variant = new Variant({ dataType: DataType[variable.dataType], value });
      const dataValue = new DataValue({ value: variant, sourceTimestamp: new Date(modelTimeMs()) });
      published.set(variable.name, dataValue);
      onPublish(variable, dataValue);
    }
  };
  plantVariables.forEach(publish);
  return {
    advance(nowMs) {
      const due = Math.floor((nowMs - epochMs) / MODEL_STEP_MS);
      for (let budget = MAX_CATCH_UP_STEPS; steps < due && budget > 0; budget--) {
        stepPlant(plant, MODEL_STEP_MS / 1000);
        steps++;
        for (const variable of plantVariables) {
          if ((steps * MODEL_STEP_MS) % sampleIntervalMs(variable) === 0) {
            publish(variable);
          }
        }
      }
      epochMs += Math.max(0, due - steps) * MODEL_STEP_MS;
    },
    latest(variable) {
      const dataValue = published.get(variable.name);
      if (dataValue === undefined) {
        throw new Error(`${variable.name} is in the catalogue but not in the plant model`);
      }
      return dataValue;
    },
    write(variable, value) {
      const refusal = writePlant(plant, variable.name, value);
      if (refusal === undefined) {
        // At once, so that reading it back right after the write shows the new value.
        publish(variable);
      }
      return refusal;
    },
    trip(pump) {
      tripPump(plant[pump]);
    },
  };
}
