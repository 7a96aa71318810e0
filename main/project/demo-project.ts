import { demoNodeId, plantVariables } from '../simulator/plant-catalogue.js';
import { PROJECT_FORMAT_VERSION, type Project } from './project-schema.js';

export const DEMO_SERVER_ID = 'demo';
const FAST_SIGNALS = new Set(['Pump1.Vibration']);

/**
 * What the app runs when no project is given, and the example project
 * (examples/demo-plant.tidewatch is this, written out). The vibration is
 * sampled at 10 ms so the trend shows the 100 Hz signal itself, not an alias.
 */
export function demoProject(): Project {
  return {
    $schema: '../schema/tidewatch-project.schema.json',
    version: PROJECT_FORMAT_VERSION,
    name: 'Demo plant',
    servers: [{ id: DEMO_SERVER_ID, name: 'Demo plant', embedded: 'demo-plant', publishingInterval: 100 }],
    tags: plantVariables.map((variable) => ({
      name: variable.name,
      server: DEMO_SERVER_ID,
      nodeId: demoNodeId(variable.name),
      description: variable.description,
      samplingInterval: FAST_SIGNALS.has(variable.name) ? 10 : 100,
      history: true,
    })),
    alarms: [],
    trends: [],
    displays: [],
    users: [],
    roles: [],
    historian: { retentionDays: 90, maxSizeMb: 2048, flushIntervalMs: 1000 },
  };
}
