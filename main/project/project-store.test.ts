import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoProject } from './demo-project.js';
import { parseProject } from './parse-project.js';
import { ProjectStore } from './project-store.js';

describe('ProjectStore', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const store = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-store-'));
    dirs.push(dir);
    const written: string[] = [];
    const file = path.join(dir, 'p.tidewatch');
    return { store: new ProjectStore(demoProject(), file, async (text) => void written.push(text)), file, written };
  };

  it('writes a valid change to the file, and the file loads back as the same project', async () => {
    const { store: s, file, written } = store();
    await s.update((p) => ({ ...p, name: 'Renamed' }));
    const loaded = parseProject(readFileSync(file, 'utf8'));
    expect(loaded.ok && loaded.project.name).toBe('Renamed');
    expect(s.project.name).toBe('Renamed');
    expect(written).toHaveLength(1);
  });

  it('refuses a change that would break the project, names the problem, and writes nothing', async () => {
    const { store: s, file } = store();
    await expect(s.update((p) => ({ ...p, tags: [...p.tags, { ...p.tags[0]! }] }))).rejects.toThrow(
      /the change would break the project: tags\[\d+\]\.name: duplicate tag name "Supply\.Pressure" on server "demo"/,
    );
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
    expect(s.project.tags).toHaveLength(demoProject().tags.length);
  });

  it('never writes a password in clear text', async () => {
    const { store: s, file } = store();
    const server = { ...s.project.servers[0]!, id: 'line2', embedded: undefined, endpointUrl: 'opc.tcp://h:1', user: { kind: 'userName' as const, userName: 'op', password: 'op-secret' } };
    await expect(s.update((p) => ({ ...p, servers: [...p.servers, server] }))).rejects.toThrow('servers[1].user.password: a password is saved sealed, never in clear text');
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });

  it('applies concurrent changes one after the other, losing none', async () => {
    const { store: s } = store();
    await Promise.all([s.update((p) => ({ ...p, name: `${p.name} A` })), s.update((p) => ({ ...p, name: `${p.name} B` }))]);
    expect(s.project.name).toBe('Demo plant A B');
  });
});
