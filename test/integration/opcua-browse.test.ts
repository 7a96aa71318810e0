import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpcuaHarness } from '../support/opcua-harness.js';
import { startTestServer, type RunningTestServer } from '../support/test-opcua-server.js';
import { waitFor } from '../support/wait-for.js';

// The address-space browser's questions, against a server that browses only 3 nodes per call.
describe('browsing a server’s address space', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-browse-'));
  let server: RunningTestServer;
  let harness: OpcuaHarness;
  const api = () => harness.connections.api();

  beforeAll(async () => {
    server = await startTestServer({ pkiDir: path.join(dir, 'server'), counters: 5, maxNodesPerBrowse: 3 });
    harness = await OpcuaHarness.open();
    harness.connect({ id: 'plc', name: 'PLC', endpointUrl: server.endpointUrl }, []);
    await waitFor('the connection', () => harness.listener('plc').state?.state === 'connected');
  });

  afterAll(async () => {
    await harness?.dispose();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts at Objects and opens one level at a time', async () => {
    const top = await api().browseNode({ connectionId: 'plc' });
    expect(top.nodes.map((n) => n.browseName)).toEqual(expect.arrayContaining(['Server', 'Test']));
    const test = top.nodes.find((n) => n.browseName === 'Test')!;
    const children = await api().browseNode({ connectionId: 'plc', nodeId: test.nodeId });
    expect(children.truncated).toBe(false);
    expect(children.nodes).toEqual(
      expect.arrayContaining([
        { nodeId: 'ns=1;s=Test.Temperature', browseName: 'Temperature', displayName: 'Temperature', nodeClass: 'Variable' },
        { nodeId: 'ns=1;s=Test.Pump', browseName: 'Pump', displayName: 'Pump', nodeClass: 'Object' },
        expect.objectContaining({ browseName: 'Counters', nodeClass: 'Object' }),
      ]),
    );
  });

  it('finds nodes by browse name anywhere below Objects, with the path to them', async () => {
    const found = await api().findNodes({ connectionId: 'plc', text: 'flowsens' });
    expect(found.nodes).toEqual([{ nodeId: 'ns=1;s=Test.FlowSensor', browseName: 'FlowSensor', displayName: 'FlowSensor', nodeClass: 'Variable', path: ['Test', 'Area1', 'Line2', 'Cell3'] }]);
    expect((await api().findNodes({ connectionId: 'plc', text: 'zzz-nothing' })).nodes).toEqual([]);
  });

  it('shows a variable’s attributes: class, type, value with quality, unit, range, access, description', async () => {
    const attributes = await api().readNodeAttributes({ connectionId: 'plc', nodeId: 'ns=1;s=Test.Temperature' });
    expect(attributes).toMatchObject({
      nodeClass: 'Variable',
      browseName: 'Temperature',
      dataType: 'Double',
      description: 'Reactor temperature',
      engineeringUnits: '°C',
      euRange: { low: 0, high: 200 },
      accessLevel: ['CurrentRead', 'CurrentWrite'],
      value: { status: 0, statusText: 'Good' },
    });
    expect(Number(attributes.value?.text)).toBeGreaterThanOrEqual(20);
    const pump = await api().readNodeAttributes({ connectionId: 'plc', nodeId: 'ns=1;s=Test.Pump' });
    expect(pump).toMatchObject({ nodeClass: 'Object', value: null, dataType: '', accessLevel: [] });
  });

  it('names the node and the reason when it cannot be read or browsed', async () => {
    await expect(api().readNodeAttributes({ connectionId: 'plc', nodeId: 'ns=1;s=Nope' })).rejects.toThrow('readNodeAttributes: PLC: ns=1;s=Nope: node ns=1;s=Nope: BadNodeIdUnknown');
    await expect(api().browseNode({ connectionId: 'plc', nodeId: 'Tank 1' })).rejects.toThrow('browseNode: PLC: Tank 1: "Tank 1" is not a NodeId (expected e.g. ns=2;s=Tank1.Level or i=85)');
    await expect(api().browseNode({ connectionId: 'elsewhere' })).rejects.toThrow('browseNode: connectionId: no OPC UA server "elsewhere"');
  });

  it('says so when the server is not connected', async () => {
    await server.kill();
    await waitFor('the loss', () => harness.listener('plc').state?.state === 'reconnecting');
    await expect(api().browseNode({ connectionId: 'plc' })).rejects.toThrow(/^browseNode: PLC is not connected \(reconnecting: /);
  });
});
