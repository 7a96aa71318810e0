import { demoNodeId, plantVariables } from '../simulator/plant-catalogue.js';
import { alarmDefinitionsSchema } from '../alarms/alarm-definition.js';
import { demoDisplays } from './demo-displays.js';
import { commandSchema, PROJECT_FORMAT_VERSION, serverSchema, type Project } from './project-schema.js';

const commandsSchema = commandSchema.array();

export const DEMO_SERVER_ID = 'demo';
const FAST_SIGNALS = new Set(['Pump1.Vibration']);
/**
 * A second of 100 Hz samples: the ten between two 100 ms publishes, with room for a publish
 * that a busy machine delays. The default queue (main/opcua/queue-size-for.ts) cannot know the rate of
 * a samplingInterval-0 item and holds only 2.
 */
const FAST_SIGNAL_QUEUE_SIZE = 100;

/**
 * What the app runs when no project is given, and the example project
 * (examples/demo-plant.tidewatch is this, written out). The vibration asks
 * for samplingInterval 0, every sample the plant pushes (one per 10 ms model
 * step), so the trend shows the 100 Hz signal itself, not an alias, and none
 * of it is lost when the plant catches up several steps at once.
 */
export function demoProject(): Project {
  return {
    $schema: '../schema/tidewatch-project.schema.json',
    version: PROJECT_FORMAT_VERSION,
    name: 'Demo plant',
    // Parsed, so the file shows every connection setting with its default (no security on the local demo).
    servers: [serverSchema.parse({ id: DEMO_SERVER_ID, name: 'Demo plant', embedded: 'demo-plant', publishingInterval: 100 })],
    tags: plantVariables.map((variable) => ({
      name: variable.name,
      server: DEMO_SERVER_ID,
      nodeId: demoNodeId(variable.name),
      description: variable.description,
      ...(FAST_SIGNALS.has(variable.name) ? { samplingInterval: 0, queueSize: FAST_SIGNAL_QUEUE_SIZE } : { samplingInterval: 100 }),
      history: true,
    })),
    // Local alarms beside the plant's own OPC UA conditions (its limit and trip alarms).
    alarms: alarmDefinitionsSchema.parse([
      {
        id: 'TIC101.DEV', type: 'deviation', tag: 'demo/TIC101.PV', setpointTag: 'demo/TIC101.SP', limit: 5, deadband: 1, onDelayMs: 1000,
        area: 'Heating', priority: 'medium', message: 'Heater outlet temperature is 5 degC or more off its setpoint',
        guidance: 'Check that TIC101 is in auto and E101 has power; the over-temperature interlock cuts the heater above 95 degC.',
      },
      {
        id: 'Pump1.RUN', type: 'mismatch', tag: 'demo/Pump1.Running', commandTag: 'demo/Pump1.Start', onDelayMs: 3000,
        area: 'Pumps', priority: 'high', message: 'Pump1 does not follow its run command',
        guidance: 'A tripped pump needs a reset (Pump1.Reset) once Tank1 has refilled above 5 %.',
      },
      {
        id: 'Tank2.LOW', type: 'limit', tag: 'demo/Tank2.Level', area: 'Tanks', deadband: 1, onDelayMs: 2000,
        limits: { L: { value: 20, message: 'Product tank Tank2 running low' } },
        suppressWhen: [{ tag: 'demo/Pump2.Start', op: '==', value: false }],
        guidance: 'Slow the filling line (FV201 to manual, lower FV201.Command) or raise LIC201.SP.',
      },
    ]),
    // Two consoles, so the alarm KPIs are counted per operator as ISA-18.2 asks.
    alarmPositions: [
      { name: 'Tank farm and pumps', areas: ['Tanks', 'Pumps'] },
      { name: 'Heating and station', areas: ['Heating', 'System'] },
    ],
    // The plant's own conditions carry no guidance and name no area a console answers for: the project adds both.
    conditionAlarms: [
      { server: DEMO_SERVER_ID, source: 'Tank1.Level', area: 'Tanks', guidance: 'Check LIC101 is in auto and FV101 strokes; a low feed tank trips Pump1 on dry run below 5 %.' },
      { server: DEMO_SERVER_ID, source: 'Tank2.Level', area: 'Tanks', guidance: 'Balance Pump1 (LIC201) against the filling line (FV201); stop the line before Tank2 runs dry.' },
      { server: DEMO_SERVER_ID, source: 'TIC101.PV', area: 'Heating', guidance: 'Check TIC101 is in auto; the over-temperature interlock cuts heater E101 above 95 degC.' },
      { server: DEMO_SERVER_ID, source: 'Pump1.Fault', area: 'Pumps', guidance: 'Let Tank1 refill above 5 %, then run "Reset Pump1 trip" and start Pump1 again.' },
      { server: DEMO_SERVER_ID, source: 'Pump2.Fault', area: 'Pumps', guidance: 'Let Tank2 refill, then pulse Pump2 reset and start Pump2 again.' },
    ],
    // The plant's own methods and a reset bit, so operators have commands to run (and the tests a real path).
    commands: commandsSchema.parse([
      {
        name: 'Pump1.ResetTrip', server: DEMO_SERVER_ID, label: 'Reset Pump1 trip', kind: 'method',
        objectId: 'ns=1;s=DemoPlant.Pump1', methodId: demoNodeId('Pump1.ResetTrip'),
      },
      {
        name: 'Line.StartBatch', server: DEMO_SERVER_ID, label: 'Start a filling batch', kind: 'method', critical: true,
        objectId: 'ns=1;s=DemoPlant.Line', methodId: demoNodeId('Line.StartBatch'),
        arguments: [{ name: 'BatchSize', dataType: 'UInt32' }],
      },
      { name: 'Pump2.ResetPulse', server: DEMO_SERVER_ID, label: 'Pulse Pump2 reset', kind: 'pulse', tag: 'demo/Pump2.Reset', pulseMs: 500 },
      // A training fault: the pump-fault alarm in a minute, not after draining Tank2 for minutes. Critical: it stops the product flow.
      {
        name: 'Pump2.SimulateTrip', server: DEMO_SERVER_ID, label: 'Simulate a Pump2 trip (training)', kind: 'method', critical: true,
        objectId: 'ns=1;s=DemoPlant.Pump2', methodId: demoNodeId('Pump2.SimulateTrip'),
      },
    ]),
    trends: [],
    displays: demoDisplays(DEMO_SERVER_ID),
    users: [],
    roles: [],
    historian: { retentionDays: 90, maxSizeMb: 2048, flushIntervalMs: 1000 },
    desktop: { kiosk: false },
  };
}
