import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoProject } from '../project/demo-project.js';
import type { Project } from '../project/project-schema.js';
import { ProjectStore } from '../project/project-store.js';
import { projectUserDirectory } from './user-directory.js';

const HASH = '$scrypt$ln=17,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U';

describe('users and roles in the project file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const projectFile = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-users-'));
    dirs.push(dir);
    return path.join(dir, 'plant.tidewatch');
  };

  it('has no users before a project is loaded, and refuses to save then', async () => {
    const directory = projectUserDirectory(() => null);
    expect(directory.read()).toEqual({ users: [], roles: [] });
    await expect(directory.write({ users: [], roles: [] })).rejects.toThrow('no project is loaded');
  });

  it('writes the users into the project file and reads them back from it', async () => {
    const file = projectFile();
    const store = new ProjectStore(demoProject(), file, async () => undefined);
    const directory = projectUserDirectory(() => store);
    expect(directory.read()).toEqual({ users: [], roles: [] });
    await directory.write({ users: [{ name: 'admin', displayName: '', role: 'administrator', areas: ['*'], passwordHash: HASH, disabled: false }], roles: [{ name: 'operator', write: ['demo/*.SP'] }] });
    expect(directory.read().users.map((u) => u.name)).toEqual(['admin']);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { users: { name: string; passwordHash: string }[]; roles: unknown[] };
    expect(saved.users).toEqual([expect.objectContaining({ name: 'admin', passwordHash: HASH })]);
    expect(saved.roles).toEqual([{ name: 'operator', write: ['demo/*.SP'] }]);
  });

  it('refuses a project whose users are invalid, naming what is wrong', () => {
    // As if the file had bypassed validation: the directory must still refuse it.
    const project = { ...demoProject(), users: [{ name: 'admin', role: 'administrator', passwordHash: 'admin' }] } as unknown as Project;
    const store = new ProjectStore(project, projectFile(), async () => undefined);
    expect(() => projectUserDirectory(() => store).read()).toThrow("the project's users or roles are invalid: users.0.passwordHash: must be a scrypt hash");
  });
});
