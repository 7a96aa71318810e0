import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import {
  AttributeIds, BrowseDirection, ClientSubscription, DataType, NodeClassMask, OPCUACertificateManager, OPCUAClient, StatusCodes,
  TimestampsToReturn, type ClientSession, type DataValue, type StatusCode,
} from 'node-opcua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNodeId, plantVariables } from '../../main/simulator/plant-catalogue.js';
import { startSimulator, type RunningSimulator } from '../../main/simulator/start-simulator.js';
import { repoRoot } from '../support/built-files.js';

// The demo plant as the app runs it: bundled, in its own process, reached over OPC UA.
describe('demo plant', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-demo-plant-'));
  // Inside the checkout, so that the bundle resolves node-opcua from node_modules.
  const entry = path.join(repoRoot, 'node_modules', '.cache', 'tidewatch-test', 'simulator.js');
  let plant: RunningSimulator;
  let client: OPCUAClient;
  let session: ClientSession;

  beforeAll(async () => {
    await build({
      entryPoints: [path.join(repoRoot, 'main', 'simulator', 'simulator-process.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: entry,
      logLevel: 'warning',
    });
    plant = await startSimulator({ entry, port: 0, pkiDir: path.join(dir, 'plant-pki') });
    client = OPCUAClient.create({
      clientCertificateManager: new OPCUACertificateManager({ rootFolder: path.join(dir, 'client-pki') }),
      endpointMustExist: false,
      connectionStrategy: { maxRetry: 1, initialDelay: 100 },
    });
    await client.connect(plant.endpointUrl);
    session = await client.createSession();
  });

  afterAll(async () => {
    await session?.close();
    await client?.disconnect();
    await plant?.stop();
    rmSync(dir, { recursive: true, force: true });
    if (plant) {
      expect(() => process.kill(plant.pid, 0)).toThrow();
    }
  });

  const read = async (name: string, maxAge = 0): Promise<DataValue> =>
    session.read({ nodeId: demoNodeId(name), attributeId: AttributeIds.Value }, maxAge);
  const write = async (name: string, dataType: DataType, value: number | boolean): Promise<StatusCode> =>
    session.write({ nodeId: demoNodeId(name), attributeId: AttributeIds.Value, value: { value: { dataType, value } } });

  it('listens on 127.0.0.1 only', async () => {
    expect(plant.endpointUrl).toMatch(/^opc\.tcp:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(plant.endpointUrl.replace('opc.tcp', 'http')).port);
    const external = Object.values(os.networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4');
    if (external) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = net.connect(port, external.address);
        socket.once('connect', () => resolve(!socket.destroy()));
        socket.once('error', () => resolve(true));
      });
      expect(refused, `reachable on ${external.address}`).toBe(true);
    }
  });

  it('publishes every catalogue variable under Objects/DemoPlant with its DataType, EngineeringUnits and EURange', async () => {
    const equipment = await session.browse({ nodeId: 'ns=1;s=DemoPlant', browseDirection: BrowseDirection.Forward, referenceTypeId: 'Organizes' });
    const variables = await session.browse(
      // Variables only: the equipment's methods (ResetTrip, StartBatch) are components too.
      (equipment.references ?? []).map((r) => ({ nodeId: r.nodeId, browseDirection: BrowseDirection.Forward, referenceTypeId: 'HasComponent', nodeClassMask: NodeClassMask.Variable })),
    );
    const found = variables.flatMap((result) => (result.references ?? []).map((r) => r.nodeId.toString()));
    expect(found.sort()).toEqual(plantVariables.map((v) => demoNodeId(v.name)).sort());

    const numeric = plantVariables.filter((v) => v.dataType !== 'Boolean');
    expect(numeric.length).toBeGreaterThanOrEqual(40);
    const properties = await session.browse(
      // resultMask 63: every field of each reference, the browse name among them.
      numeric.map((v) => ({ nodeId: demoNodeId(v.name), browseDirection: BrowseDirection.Forward, referenceTypeId: 'HasProperty', resultMask: 63 })),
    );
    const propertyIds = properties.map((result) => {
      const byName = new Map((result.references ?? []).map((r) => [r.browseName.name, r.nodeId]));
      return [byName.get('EngineeringUnits'), byName.get('EURange')] as const;
    });
    const values = await session.read(propertyIds.flat().map((nodeId) => ({ nodeId: nodeId ?? 'ns=0;i=0', attributeId: AttributeIds.Value })));
    const dataTypes = await session.read(plantVariables.map((v) => ({ nodeId: demoNodeId(v.name), attributeId: AttributeIds.DataType })));
    numeric.forEach((variable, i) => {
      const units = values[2 * i]?.value.value as { displayName: { text: string }; unitId: number };
      const range = values[2 * i + 1]?.value.value as { low: number; high: number };
      expect(units.displayName.text, variable.name).toBe(variable.unit);
      expect(units.unitId, variable.name).toBeGreaterThan(0);
      expect({ low: range.low, high: range.high }, variable.name).toEqual(variable.euRange);
    });
    plantVariables.forEach((variable, i) => {
      expect(dataTypes[i]?.value.value.toString(), variable.name).toBe(`ns=0;i=${DataType[variable.dataType]}`);
    });
  });

  it('moves by itself, and pushes every 10 ms vibration sample with its own model time, none missing and none repeated', async () => {
    const subscription = ClientSubscription.create(session, { requestedPublishingInterval: 100, requestedMaxKeepAliveCount: 20, requestedLifetimeCount: 200, publishingEnabled: true });
    const seen = new Map<string, DataValue[]>();
    const monitor = async (name: string, samplingInterval: number, queueSize: number) => {
      seen.set(name, []);
      const item = await subscription.monitor({ nodeId: demoNodeId(name), attributeId: AttributeIds.Value }, { samplingInterval, queueSize, discardOldest: true }, TimestampsToReturn.Both);
      item.on('changed', (dataValue) => seen.get(name)?.push(dataValue));
      return item;
    };
    // 0 asks for every change; the queue holds ten publishing intervals of them, so a late publish loses none.
    const vibration = await monitor('Pump1.Vibration', 0, 100);
    for (const name of ['Tank1.Level', 'Tank2.Level', 'TIC101.PV', 'Supply.Pressure']) await monitor(name, 100, 2);
    // Counts, not durations: three seconds of samples at 100 Hz.
    await until('300 vibration samples', async () => (seen.get('Pump1.Vibration')?.length ?? 0) > 300);
    await subscription.terminate();

    for (const name of ['Tank1.Level', 'Tank2.Level', 'TIC101.PV', 'Supply.Pressure']) {
      const distinct = new Set(seen.get(name)?.map((dv) => dv.value.value as number));
      expect(distinct.size, name).toBeGreaterThan(2);
    }
    // The first is the value the item started with, taken whenever the item was created.
    const times = (seen.get('Pump1.Vibration') ?? []).slice(1).map((dv) => dv.sourceTimestamp?.getTime() ?? 0);
    const wrongGaps = times.slice(1).flatMap((t, i) => (t - times[i]! === 10 ? [] : [`${new Date(times[i]!).toISOString()} +${t - times[i]!} ms`]));
    expect(times.length).toBeGreaterThanOrEqual(300);
    expect(wrongGaps, `of ${times.length} samples`).toEqual([]);
    expect(vibration.result?.revisedSamplingInterval).toBe(0);
  });

  it('takes a temperature setpoint and the heater brings the temperature toward it', async () => {
    const start = (await read('TIC101.PV')).value.value as number;
    expect((await write('TIC101.SP', DataType.Double, 70)).name).toBe('Good');
    expect((await read('TIC101.SP')).value.value).toBe(70);
    await until('TIC101.PV to rise by 1 degC', async () => ((await read('TIC101.PV')).value.value as number) > start + 1);
  });

  it('refuses an out-of-range setpoint with BadOutOfRange and keeps the old one', async () => {
    const before = (await read('LIC101.SP')).value.value as number;
    expect((await write('LIC101.SP', DataType.Double, 150)).name).toBe('BadOutOfRange');
    // maxAge lets the server answer from its cache, where node-opcua keeps what was written.
    for (const maxAge of [0, 60_000]) {
      const after = await read('LIC101.SP', maxAge);
      expect(after.value.value).toBe(before);
      expect(after.statusCode).toBe(StatusCodes.Good);
    }
  });

  it('answers other refused writes with their own StatusCodes', async () => {
    expect((await write('LIC101.SP', DataType.Boolean, true)).name).toBe('BadTypeMismatch');
    expect((await write('Tank1.Level', DataType.Double, 10)).name).toBe('BadNotWritable');
    expect((await write('TIC101.OP', DataType.Double, 10)).name).toBe('BadInvalidState');
  });

  it('rejects a start on a port already in use with a message naming the port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(startSimulator({ entry, port, pkiDir: path.join(dir, 'plant-pki') })).rejects.toThrow(`port ${port}`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

/** Polls an asynchronous condition; the limit is a safety net against a hung test, not a timing assertion. */
async function until(what: string, probe: () => Promise<boolean>, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
