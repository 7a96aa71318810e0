import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api/audit-api.js';
import type { OpenWindowRequest, TrendLayout } from '../../shared/api/trend-api.js';
import { demoProject } from '../project/demo-project.js';
import { parseProject } from '../project/parse-project.js';
import { ProjectStore } from '../project/project-store.js';
import { trendLayoutApi } from './trend-layout-api.js';

const layout = (name: string, tagId = 'demo/Tank1.Level'): TrendLayout => ({
  name,
  pens: [{ tagId, color: '#56b4e9', visible: true, axis: '' }],
  axes: [{ axis: 'm', scaling: { mode: 'fixed', min: 0, max: 5 } }],
  window: { mode: 'live', spanMs: 600_000 },
});

describe('trendLayoutApi', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const setUp = (running = true) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-trends-'));
    dirs.push(dir);
    const file = path.join(dir, 'plant.tidewatch');
    const store = new ProjectStore(demoProject(), file, async () => undefined);
    const audit: AuditEntry[] = [];
    const opened: OpenWindowRequest[] = [];
    const api = trendLayoutApi(
      { store: () => (running ? store : null), audit: (entry) => void audit.push(entry), openWindow: async (request) => void opened.push(request) },
      () => ({ user: 'olivia', station: 'desktop@cr1', principal: null }),
    );
    const saved = () => {
      const parsed = parseProject(readFileSync(file, 'utf8'));
      if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
      return parsed.project.trends;
    };
    return { api, audit, opened, saved };
  };

  it('saves a layout into the project file, replaces one of the same name, and lists them', async () => {
    const { api, audit, saved } = setUp();
    await api.saveTrendLayout(layout('Tanks'));
    await api.saveTrendLayout(layout('Pumps', 'demo/Pump1.Vibration'));
    await api.saveTrendLayout(layout('Tanks', 'demo/Tank2.Level'));
    expect(saved().map((t) => [t.name, t.pens[0]?.tagId])).toEqual([
      ['Tanks', 'demo/Tank2.Level'],
      ['Pumps', 'demo/Pump1.Vibration'],
    ]);
    expect((await api.listTrendLayouts()).map((t) => t.name)).toEqual(['Tanks', 'Pumps']);
    expect(audit.map((e) => [e.action, e.user, e.target, e.detail])).toEqual([
      ['project.change', 'olivia', 'trend layout "Tanks"', 'trend layout added'],
      ['project.change', 'olivia', 'trend layout "Pumps"', 'trend layout added'],
      ['project.change', 'olivia', 'trend layout "Tanks"', 'trend layout replaced'],
    ]);
  });

  it('deletes a layout, and names a layout that is not there', async () => {
    const { api, audit, saved } = setUp();
    await api.saveTrendLayout(layout('Tanks'));
    await api.deleteTrendLayout({ name: 'Tanks' });
    expect(saved()).toEqual([]);
    expect(audit.at(-1)?.detail).toBe('trend layout deleted');
    await expect(api.deleteTrendLayout({ name: 'Tanks' })).rejects.toThrow('deleteTrendLayout: no trend layout named "Tanks"');
  });

  it('refuses to save while no project runs, and lists nothing', async () => {
    const { api } = setUp(false);
    await expect(api.saveTrendLayout(layout('Tanks'))).rejects.toThrow('no project is running');
    expect(await api.listTrendLayouts()).toEqual([]);
  });

  it('hands a window request to the shell', async () => {
    const { api, opened } = setUp();
    await api.openWindow({ view: 'trend', layout: 'Tanks' });
    expect(opened).toEqual([{ view: 'trend', layout: 'Tanks' }]);
  });
});
