import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoProject } from './demo-project.js';
import { parseProject } from './parse-project.js';
import { ProjectStore } from './project-store.js';
import { withoutServer, withServer } from './project-servers.js';
import { serverSettingsSchema } from '../../shared/api/connection-api.js';

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

  it('adds a server from the connection dialog with its settings, and removes it with its tags', async () => {
    const { store: s, file } = store();
    const settings = serverSettingsSchema.parse({
      id: 'line2',
      name: 'Line 2',
      endpointUrl: 'opc.tcp://h:4840',
      securityMode: 'SignAndEncrypt',
      securityPolicy: 'Aes128_Sha256_RsaOaep',
      user: { kind: 'userName', userName: 'op', passwordSecret: 'tw-sealed:v1:aes-256-gcm:c2VhbGVk' },
    });
    await s.update((p) => withServer(p, settings));
    const loaded = parseProject(readFileSync(file, 'utf8'));
    expect(loaded.ok && loaded.project.servers.find((server) => server.id === 'line2')).toEqual(settings);
    await s.update((p) => ({ ...p, tags: [...p.tags, { ...p.tags[0]!, server: 'line2' }] }));
    await s.update((p) => withoutServer(p, 'line2'));
    expect(s.project.servers.map((server) => server.id)).toEqual(['demo']);
    expect(s.project.tags.filter((t) => t.server === 'line2')).toEqual([]);
  });

  it('refuses to remove a server that alarms still watch, naming them', async () => {
    const { store: s } = store();
    await expect(s.update((p) => withoutServer(p, 'demo'))).rejects.toThrow(/the change would break the project: alarms\[0\]\.tag: /);
    expect(s.project.servers).toHaveLength(1);
  });

  it('applies concurrent changes one after the other, losing none', async () => {
    const { store: s } = store();
    await Promise.all([s.update((p) => ({ ...p, name: `${p.name} A` })), s.update((p) => ({ ...p, name: `${p.name} B` }))]);
    expect(s.project.name).toBe('Demo plant A B');
  });
});
