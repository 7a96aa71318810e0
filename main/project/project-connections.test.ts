import { describe, expect, it } from 'vitest';
import type { ConnectionDefinition } from '../api/sample-source.js';
import { changedServers, projectConnections } from './project-connections.js';
import { demoProject } from './demo-project.js';

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
    expect(demo?.tags.find((t) => t.name === 'Pump1.Vibration')?.samplingInterval).toBe(10);
  });
});

describe('changedServers', () => {
  it('rebuilds only the servers whose settings or tags changed, so the others keep their subscriptions', () => {
    const before = [connection('a', ['x']), connection('b', ['y']), connection('c', ['z'])];
    const after = [connection('a', ['x']), connection('b', ['y', 'w']), connection('d', ['v'])];
    expect(changedServers(before, after)).toEqual({ stop: ['b', 'c'], start: ['b', 'd'] });
  });

  it('changes nothing when nothing changed', () => {
    const same = [connection('a', ['x'])];
    expect(changedServers(same, [connection('a', ['x'])])).toEqual({ stop: [], start: [] });
  });
});
