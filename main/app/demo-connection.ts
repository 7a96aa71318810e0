import type { ConnectionDefinition } from '../api/sample-source.js';
import { demoNodeId, plantVariables } from '../simulator/plant-catalogue.js';

export const DEMO_CONNECTION_ID = 'demo';
const FAST_SIGNALS = new Set(['Pump1.Vibration']);

/**
 * What the app watches when no project is given: every variable of the
 * embedded demo plant. The vibration is sampled at 10 ms so the trend shows
 * the 100 Hz signal itself, not an alias of it.
 */
export function demoConnection(endpointUrl: string): ConnectionDefinition {
  return {
    id: DEMO_CONNECTION_ID,
    name: 'Demo plant',
    endpointUrl,
    publishingInterval: 100,
    tags: plantVariables.map((variable) => ({
      name: variable.name,
      description: variable.description,
      nodeId: demoNodeId(variable.name),
      samplingInterval: FAST_SIGNALS.has(variable.name) ? 10 : 100,
    })),
  };
}
