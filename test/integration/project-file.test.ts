import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusCode } from '../../shared/status-code.js';
import { createApp, type App } from '../../main/app/create-app.js';
import { demoNodeId } from '../../main/simulator/plant-catalogue.js';
import { startSimulator, type RunningSimulator } from '../../main/simulator/start-simulator.js';
import { builtFile } from '../support/built-files.js';
import { FrameCollector } from '../support/frame-collector.js';
import { waitFor } from '../support/wait-for.js';

// Two servers: the embedded demo plant and a second plant process the project names by URL.
describe('running from a project file', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-project-'));
  const file = path.join(dir, 'line.tidewatch');
  const log: string[] = [];
  let other: RunningSimulator;
  let app: App;
  const collector = new FrameCollector();

  const project = (otherTags: string[], extra: Record<string, unknown> = {}) => ({
    version: 1,
    name: 'Two plants',
    servers: [
      { id: 'demo', name: 'Demo plant', embedded: 'demo-plant' },
      { id: 'line2', name: 'Line 2', endpointUrl: other.endpointUrl },
    ],
    tags: [
      { name: 'Tank1.Level', server: 'demo', nodeId: demoNodeId('Tank1.Level') },
      // One node twice: as the server gives it, and with the project's display name, deadband, unit and decimals.
      { name: 'Vibration', server: 'demo', nodeId: demoNodeId('Pump1.Vibration'), samplingInterval: 10 },
      { name: 'Vibration.coarse', displayName: 'Pump 1 vibration (coarse)', server: 'demo', nodeId: demoNodeId('Pump1.Vibration'), samplingInterval: 10, deadband: { type: 'absolute', value: 100 }, unit: 'mm/s rms', decimals: 1 },
      ...otherTags.map((name) => ({ name, server: 'line2', nodeId: demoNodeId(name) })),
    ],
    ...extra,
  });
  const write = (value: unknown) => writeFileSync(file, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
  const snapshot = () => app.core.snapshot();
  const connection = (id: string) => snapshot().connections.find((c) => c.id === id);
  const tagIndex = (id: string) => snapshot().tags.find((t) => t.id === id)?.index;

  beforeAll(async () => {
    other = await startSimulator({ entry: builtFile('simulator.js'), port: 0, pkiDir: path.join(dir, 'other-pki') });
    write(project(['Tank2.Level']));
    app = createApp({ userDataDir: dir, simulatorEntry: builtFile('simulator.js'), historianWorkerEntry: builtFile('historian-worker.js'), projectFile: file, log: (level, message) => log.push(`${level} ${message}`) });
    const client = app.core.openClient(collector, 'test');
    collector.ack = (seq) => client.ack(seq);
    await app.start();
    await waitFor('both connections', () => connection('demo')?.state === 'connected' && connection('line2')?.state === 'connected');
  });

  afterAll(async () => {
    await app?.dispose();
    await other?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs what the file says: its servers, its tags, its name', () => {
    expect(snapshot().project).toEqual({ name: 'Two plants', file, issues: [], lastGood: null });
    expect(snapshot().tags.map((t) => t.id).sort()).toEqual(['demo/Tank1.Level', 'demo/Vibration', 'demo/Vibration.coarse', 'line2/Tank2.Level']);
  });

  it('subscribes with the tag’s deadband and shows its display name, unit and decimals over the server’s', async () => {
    const tag = (id: string) => snapshot().tags.find((t) => t.id === id);
    await waitFor('the server’s unit', () => tag('demo/Vibration')?.unit === 'mm/s' && tag('demo/Vibration.coarse')?.dataType === 'Double');
    expect(tag('demo/Vibration')).toMatchObject({ displayName: 'Vibration', decimals: null });
    expect(tag('demo/Vibration.coarse')).toMatchObject({ displayName: 'Pump 1 vibration (coarse)', unit: 'mm/s rms', decimals: 1 });
    const plain = tagIndex('demo/Vibration')!;
    const coarse = tagIndex('demo/Vibration.coarse')!;
    await waitFor('a Good sample of each', () => collector.latest(coarse)?.status === StatusCode.Good && collector.latest(plain)?.status === StatusCode.Good);
    const mark = collector.samples.length;
    await waitFor('the plain tag to stream', () => collector.since(mark, plain).length >= 20);
    // The vibration never moves 100 mm/s: past its first value, the deadband reports nothing.
    expect(collector.since(mark, coarse)).toEqual([]);
  });

  it('reloads an edit on disk that adds a tag by monitoring it on the running session', async () => {
    const demoSince = connection('demo')!.since;
    const line2Since = connection('line2')!.since;
    const demoIndex = tagIndex('demo/Tank1.Level')!;
    const line2Index = tagIndex('line2/Tank2.Level')!;
    const mark = collector.samples.length;
    write(project(['Tank2.Level', 'Pump2.Speed']));
    await waitFor('the new tag', () => tagIndex('line2/Pump2.Speed') !== undefined);
    await waitFor('a Good sample of the new tag', () => collector.latest(tagIndex('line2/Pump2.Speed')!)?.status === StatusCode.Good);
    // Neither session was rebuilt: same connections, same tags, no Bad gap on the tags already there.
    expect(connection('demo')!.since).toBe(demoSince);
    expect(connection('line2')!.since).toBe(line2Since);
    expect(connection('line2')!.state).toBe('connected');
    expect(tagIndex('demo/Tank1.Level')).toBe(demoIndex);
    expect(tagIndex('line2/Tank2.Level')).toBe(line2Index);
    for (const index of [demoIndex, line2Index]) expect(collector.since(mark, index).every((s) => s.status === StatusCode.Good)).toBe(true);
    expect(collector.since(mark, line2Index).length).toBeGreaterThan(0);
    expect(log).toContain(`info project "Two plants": line2 monitors 1 new and drops 0 tag(s) on its running session`);
    expect(log).toContain(`info project ${file} reloaded`);
  });

  it('rebuilds only the server whose settings changed', async () => {
    const demoSince = connection('demo')!.since;
    const line2Since = connection('line2')!.since;
    const demoIndex = tagIndex('demo/Tank1.Level')!;
    const mark = collector.samples.length;
    const changed = project(['Tank2.Level', 'Pump2.Speed']);
    write({ ...changed, servers: [changed.servers[0], { ...changed.servers[1], publishingInterval: 200 }] });
    await waitFor('line2 connected again', () => connection('line2')?.state === 'connected' && connection('line2')!.since !== line2Since);
    await waitFor('a Good sample on the new session', () => collector.since(mark, tagIndex('line2/Pump2.Speed')!).some((s) => s.status === StatusCode.Good));
    expect(connection('demo')!.since).toBe(demoSince);
    expect(collector.since(mark, demoIndex).every((s) => s.status === StatusCode.Good)).toBe(true);
  });

  it('keeps running the current project when the file on disk is broken, and lists every error with its path', async () => {
    write(project(['Tank2.Level'], { tags: [{ name: 'A', server: 'line3', nodeId: 'ns=1;s=A' }, { name: 'A', server: 'line3', nodeId: 'ns=1;s=B' }] }));
    await waitFor('the errors to show', () => snapshot().project.issues.length > 0);
    expect(snapshot().project).toEqual({
      name: 'Two plants',
      file,
      issues: ['tags[0].server: unknown server "line3"', 'tags[1].server: unknown server "line3"', 'tags[1].name: duplicate tag name "A" on server "line3"'],
      // The file is running, so there is no fallback to offer: the fallback is for a file that fails at start.
      lastGood: null,
    });
    expect(tagIndex('line2/Pump2.Speed')).toBeDefined();
    expect(connection('demo')?.state).toBe('connected');
    write('{ "version": 1, ');
    await waitFor('the syntax error to show', () => snapshot().project.issues[0]?.startsWith('not valid JSON'));
    write(project(['Tank2.Level']));
    await waitFor('the errors to clear', () => snapshot().project.issues.length === 0);
    await waitFor('the removed tag to go', () => tagIndex('line2/Pump2.Speed') === undefined);
  });
});

describe('a project file that cannot be loaded at start', () => {
  it('leaves the app running with the errors shown and nothing connected', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-project-bad-'));
    const file = path.join(dir, 'broken.tidewatch');
    writeFileSync(file, JSON.stringify({ version: 1, name: 'x', servers: [], tags: [], colour: 'red' }));
    const app = createApp({ userDataDir: dir, simulatorEntry: builtFile('simulator.js'), historianWorkerEntry: builtFile('historian-worker.js'), projectFile: file, log: () => undefined });
    try {
      await app.start();
      expect(app.core.snapshot()).toMatchObject({ tags: [], connections: [], project: { file, issues: ['Unrecognized key: "colour"'] } });
      // A station of its own: one audit trail has one writer.
      const missing = createApp({ userDataDir: mkdtempSync(path.join(os.tmpdir(), 'tidewatch-project-missing-')), simulatorEntry: builtFile('simulator.js'), historianWorkerEntry: builtFile('historian-worker.js'), projectFile: path.join(dir, 'nope.tidewatch'), log: () => undefined });
      await missing.start();
      expect(missing.core.snapshot().project.issues[0]).toMatch(/^cannot read .*nope\.tidewatch: ENOENT/);
      await missing.dispose();
    } finally {
      await app.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
