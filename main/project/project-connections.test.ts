import { describe, expect, it } from 'vitest';
import type { ConnectionDefinition } from '../api/sample-source.js';
import { changedServers, projectConnections } from './project-connections.js';
import { demoProject } from './demo-project.js';
import { parseProject } from './parse-project.js';
import type { Project } from './project-schema.js';

const connection = (id: string, tags: string[], endpointUrl = `opc.tcp://h/${id}`): ConnectionDefinition => ({
  id,
  name: id,
  endpointUrl,
  publishingInterval: 100,
  tags: tags.map((name) => ({ name, description: '', nodeId: `ns=1;s=${name}`, samplingInterval: 100 })),
});

describe('projectConnections', () => {
  it('gives each server its own tags, with the embedded endpoint resolved by the caller', () => {
    const [demo] = projectConnections(demoProject(), () => 'opc.tcp://127.0.0.1:1234');
    expect(demo?.endpointUrl).toBe('opc.tcp://127.0.0.1:1234');
    expect(demo?.tags.length).toBeGreaterThanOrEqual(40);
    expect(demo?.tags.find((t) => t.name === 'Pump1.Vibration')).toMatchObject({ samplingInterval: 0, queueSize: 100 });
  });

  it('passes each tag’s display name, subscription settings, unit and decimals on, and leaves absent ones to the server', () => {
    const result = parseProject(
      JSON.stringify({
        version: 1,
        name: 'Line',
        servers: [{ id: 'line1', name: 'Line 1', endpointUrl: 'opc.tcp://h:1' }],
        tags: [
          { name: 'Flow', displayName: 'Feed flow', server: 'line1', nodeId: 'ns=1;s=Flow', unit: 'm³/h', decimals: 1, deadband: { type: 'absolute', value: 0.5 } },
          { name: 'Level', server: 'line1', nodeId: 'ns=1;s=Level', publishingInterval: 1000, queueSize: 4 },
        ],
      }),
    );
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    const [line1] = projectConnections(result.project, () => 'opc.tcp://h:1');
    expect(line1?.tags).toEqual([
      { name: 'Flow', displayName: 'Feed flow', description: '', nodeId: 'ns=1;s=Flow', samplingInterval: 100, unit: 'm³/h', decimals: 1, deadband: { type: 'absolute', value: 0.5 } },
      { name: 'Level', description: '', nodeId: 'ns=1;s=Level', samplingInterval: 100, publishingInterval: 1000, queueSize: 4 },
    ]);
  });
});

describe('each server’s connection settings', () => {
  const sealed = 'tw-sealed:v1:aes-256-gcm:c2VhbGVk';
  const project = (line2: Record<string, unknown> = {}): Project => {
    const result = parseProject(
      JSON.stringify({
        version: 1,
        name: 'Two lines',
        servers: [
          { id: 'line1', name: 'Line 1', endpointUrl: 'opc.tcp://h:1' },
          { id: 'line2', name: 'Line 2', endpointUrl: 'opc.tcp://h:2', securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256', user: { kind: 'userName', userName: 'op', passwordSecret: sealed }, ...line2 },
        ],
        tags: [
          { name: 'A', server: 'line1', nodeId: 'ns=1;s=A' },
          { name: 'B', server: 'line2', nodeId: 'ns=1;s=B' },
        ],
      }),
    );
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    return result.project;
  };
  const connections = (p: Project) => projectConnections(p, (server) => server.endpointUrl ?? '');

  it('carries the security mode, policy and login the project gives each server', () => {
    const [line1, line2] = connections(project());
    expect(line1?.settings).toMatchObject({ id: 'line1', endpointUrl: 'opc.tcp://h:1', securityMode: 'None', securityPolicy: 'None', user: { kind: 'anonymous' } });
    expect(line2?.settings).toEqual({
      id: 'line2',
      name: 'Line 2',
      endpointUrl: 'opc.tcp://h:2',
      securityMode: 'SignAndEncrypt',
      securityPolicy: 'Basic256Sha256',
      publishingInterval: 100,
      autoAcceptServerCertificate: false,
      reconnect: { initialDelayMs: 250, maxDelayMs: 5000 },
      eventNotifiers: ['i=2253'],
      user: { kind: 'userName', userName: 'op', passwordSecret: sealed },
    });
  });

  it('rebuilds only the server whose security or login changed', () => {
    const before = connections(project());
    expect(changedServers(before, connections(project({ securityPolicy: 'Aes256_Sha256_RsaPss' })))).toEqual({ stop: ['line2'], start: ['line2'], retag: [] });
    expect(changedServers(before, connections(project({ user: { kind: 'anonymous' } })))).toEqual({ stop: ['line2'], start: ['line2'], retag: [] });
    expect(changedServers(before, connections(project()))).toEqual({ stop: [], start: [], retag: [] });
  });

  it('never passes a password still in clear to a connection', () => {
    const [, line2] = connections(project({ user: { kind: 'userName', userName: 'op', password: 'op-secret' } }));
    expect(line2?.settings.user).toEqual({ kind: 'userName', userName: 'op', passwordSecret: '' });
    expect(JSON.stringify(line2)).not.toContain('op-secret');
  });
});

describe('changedServers', () => {
  it('rebuilds only the servers whose settings changed, so the others keep their subscriptions', () => {
    const before = [connection('a', ['x']), connection('b', ['y', 'w']), connection('c', ['z']), connection('e', ['u'])];
    const after = [connection('a', ['x']), connection('b', ['y']), connection('d', ['v']), connection('e', ['u'], 'opc.tcp://elsewhere')];
    expect(changedServers(before, after)).toEqual({ stop: ['c', 'e'], start: ['d', 'e'], retag: [{ id: 'b', added: [], removed: ['w'] }] });
  });

  it('adds the new tags of a server that only gained some, in the order the file gives them', () => {
    const before = [connection('a', ['x', 'y'])];
    const after = [connection('a', ['w', 'x', 'y', 'v'])];
    expect(changedServers(before, after)).toEqual({ stop: [], start: [], retag: [{ id: 'a', added: after[0]!.tags.filter((t) => ['w', 'v'].includes(t.name)), removed: [] }] });
  });

  it('removes the tags a server lost on its running session, beside the ones it gained', () => {
    const before = [connection('a', ['x', 'y', 'z'])];
    const after = [connection('a', ['y', 'v'])];
    expect(changedServers(before, after)).toEqual({ stop: [], start: [], retag: [{ id: 'a', added: after[0]!.tags.filter((t) => t.name === 'v'), removed: ['x', 'z'] }] });
  });

  it('rebuilds a server whose kept tag changed, even when it also gained one', () => {
    const before = [connection('a', ['x'])];
    const after = [{ ...connection('a', ['x', 'y']), tags: [{ name: 'x', description: '', nodeId: 'ns=1;s=other', samplingInterval: 100 }, connection('a', ['y']).tags[0]!] }];
    expect(changedServers(before, after)).toEqual({ stop: ['a'], start: ['a'], retag: [] });
  });

  it('changes nothing when nothing changed', () => {
    const same = [connection('a', ['x'])];
    expect(changedServers(same, [connection('a', ['x'])])).toEqual({ stop: [], start: [], retag: [] });
  });
});
