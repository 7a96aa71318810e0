import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AddTagsResult } from '../../shared/api/connection-api.js';
import { StatusCode } from '../../shared/status-code.js';
import { callApi } from '../../main/api/call-api.js';
import { createApp, type App } from '../../main/app/create-app.js';
import { demoNodeId } from '../../main/simulator/plant-catalogue.js';
import { builtFile } from '../support/built-files.js';
import { FrameCollector } from '../support/frame-collector.js';
import { TEST_ADMIN } from '../support/test-security.js';
import { waitFor } from '../support/wait-for.js';

// A tag added in the address-space browser is saved into the project, so the next start still has it.
describe('tags added in the UI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-project-tags-'));
  const file = path.join(dir, 'line.tidewatch');
  const apps: App[] = [];
  const open = async () => {
    const app = createApp({ userDataDir: dir, simulatorEntry: builtFile('simulator.js'), historianWorkerEntry: builtFile('historian-worker.js'), projectFile: file, log: () => undefined });
    apps.push(app);
    const collector = new FrameCollector();
    const client = app.core.openClient(collector, 'test');
    collector.ack = (seq) => client.ack(seq);
    await app.start();
    await waitFor('the demo plant', () => app.core.snapshot().connections.find((c) => c.id === 'demo')?.state === 'connected');
    return { app, collector, client };
  };
  let running: Awaited<ReturnType<typeof open>> | null = null;
  const savedTags = () => (JSON.parse(readFileSync(file, 'utf8')) as { tags: { name: string; server: string; nodeId: string }[] }).tags;

  afterAll(async () => {
    for (const app of apps) await app.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are written to the project file, keep the other tags streaming, and come back after a restart', async () => {
    writeFileSync(file, JSON.stringify({ version: 1, name: 'Line', servers: [{ id: 'demo', name: 'Demo plant', embedded: 'demo-plant' }], tags: [{ name: 'Tank1.Level', server: 'demo', nodeId: demoNodeId('Tank1.Level') }] }));
    const first = await open();
    await callApi(first.client.api(), 'setupAdministrator', TEST_ADMIN); // adding tags needs editProject
    const level = first.app.core.tag('demo/Tank1.Level')!.index;
    await waitFor('a Good level', () => first.collector.latest(level)?.status === StatusCode.Good);
    const since = first.app.core.snapshot().connections.find((c) => c.id === 'demo')!.since;
    const mark = first.collector.samples.length;

    const { tags } = (await callApi(first.client.api(), 'addTags', { connectionId: 'demo', tags: [{ nodeId: demoNodeId('Pump1.Speed') }] })) as AddTagsResult;
    expect(tags.map((t) => t.id)).toEqual(['demo/Pump1.Speed']);
    expect(savedTags().map((t) => [t.name, t.server, t.nodeId])).toEqual([
      ['Tank1.Level', 'demo', demoNodeId('Tank1.Level')],
      ['Pump1.Speed', 'demo', demoNodeId('Pump1.Speed')],
    ]);
    await waitFor('the added tag to stream', () => first.collector.latest(tags[0]!.index)?.status === StatusCode.Good);
    // Saving did not rebuild the session: the level never went Bad.
    expect(first.app.core.snapshot().connections.find((c) => c.id === 'demo')!.since).toBe(since);
    expect(first.collector.since(mark, level).every((s) => s.status === StatusCode.Good)).toBe(true);
    first.client.dispose();
    await first.app.dispose();
    apps.splice(apps.indexOf(first.app), 1);

    const second = await open();
    const speed = second.app.core.tag('demo/Pump1.Speed');
    expect(speed).toBeDefined();
    await waitFor('the saved tag to stream after the restart', () => second.collector.latest(speed!.index)?.status === StatusCode.Good);
    running = second;
  });

  it('are removed by an engineer: refused with the path while an alarm names one, then gone from the file and the station, and audited', async () => {
    if (running === null) throw new Error('the test before left no station running');
    const { app, client } = running;
    await callApi(client.api(), 'login', { name: TEST_ADMIN.name, password: TEST_ADMIN.password });
    const project = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    // An alarm on the added tag: the project cannot lose the tag while it does.
    writeFileSync(file, JSON.stringify({ ...project, alarms: [{ id: 'SPEED.H', type: 'limit', tag: 'demo/Pump1.Speed', limits: { H: { value: 1400 } } }] }));
    await waitFor('the alarm to load', () => app.projectStore()?.project.alarms.length === 1);
    await expect(callApi(client.api(), 'removeTags', { tagIds: ['demo/Pump1.Speed'] })).rejects.toThrow(/removeTags: demo\/Pump1\.Speed: the change would break the project: alarms\[0\]\.tag: .*Pump1\.Speed/);
    expect(savedTags().map((t) => t.name)).toEqual(['Tank1.Level', 'Pump1.Speed']);
    await expect(callApi(client.api(), 'removeTags', { tagIds: ['demo/Nope'] })).rejects.toThrow('removeTags: demo/Nope: the project has no tag "demo/Nope"');

    writeFileSync(file, JSON.stringify({ ...project, alarms: [] }));
    await waitFor('the alarm to go', () => app.projectStore()?.project.alarms.length === 0);
    const level = app.core.tag('demo/Tank1.Level')!.index;
    await waitFor('a Good level', () => running!.collector.latest(level)?.status === StatusCode.Good);
    const since = app.core.snapshot().connections.find((c) => c.id === 'demo')!.since;
    const mark = running.collector.samples.length;
    await callApi(client.api(), 'removeTags', { tagIds: ['demo/Pump1.Speed'] });
    expect(savedTags().map((t) => t.name)).toEqual(['Tank1.Level']);
    await waitFor('the station to drop the tag', () => app.core.tag('demo/Pump1.Speed') === undefined);
    // Its monitored item went on the live session: the level kept its tag and streamed on, never Bad.
    expect(app.core.tag('demo/Tank1.Level')?.index).toBe(level);
    const later = running.collector.samples.length;
    await waitFor('the level to stream on', () => running!.collector.since(later, level).length > 0);
    expect(app.core.snapshot().connections.find((c) => c.id === 'demo')!.since).toBe(since);
    expect(running.collector.since(mark, level).every((s) => s.status === StatusCode.Good)).toBe(true);
    const audit = (await callApi(client.api(), 'queryAudit', { text: 'Pump1.Speed', limit: 20 })) as { records: { target: string; result: string; user: string }[] };
    const removals = audit.records.filter((r) => r.target === 'demo/Pump1.Speed').map((r) => [r.user, r.result.replace(/:.*/s, '')]);
    expect(removals).toEqual([[TEST_ADMIN.name, 'ok'], [TEST_ADMIN.name, 'refused']]);
    client.dispose();
  });
});
