import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from './parse-project.js';
import type { Project } from './project-schema.js';
import { clearPasswordPaths, sealClearPasswords } from './seal-clear-passwords.js';

const project = (): Project => {
  const result = parseProject(
    JSON.stringify({
      version: 1,
      name: 'Line 1',
      servers: [
        { id: 'a', name: 'A', endpointUrl: 'opc.tcp://h:1' },
        { id: 'b', name: 'B', endpointUrl: 'opc.tcp://h:2', securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256', user: { kind: 'userName', userName: 'op', password: 'op-secret' } },
        { id: 'c', name: 'C', endpointUrl: 'opc.tcp://h:3', user: { kind: 'userName', userName: 'eng', passwordSecret: 'tw-sealed:v1:test:b2xk' } },
      ],
    }),
  );
  if (!result.ok) throw new Error('expected a valid project');
  return result.project;
};
// A stand-in box: reversible, so the test can see what was sealed.
const seal = async (plain: string) => `tw-sealed:v1:test:${Buffer.from(plain).toString('base64')}`;

describe('sealClearPasswords', () => {
  it('seals a password typed in clear, keeps the sealed ones, and the result saves without any clear text', async () => {
    const { project: sealed, sealed: where } = await sealClearPasswords(project(), seal);
    expect(where).toEqual(['servers[1].user.password']);
    expect(sealed.servers[1]?.user).toEqual({ kind: 'userName', userName: 'op', passwordSecret: await seal('op-secret') });
    expect(sealed.servers[2]).toEqual(project().servers[2]);
    const saved = serializeProject(sealed);
    expect(saved).not.toContain('op-secret');
    expect(clearPasswordPaths(sealed)).toEqual([]);
    const reloaded = parseProject(saved);
    expect(reloaded.ok && reloaded.project).toEqual(sealed);
  });

  it('changes nothing when nothing is in clear', async () => {
    const { project: sealed } = await sealClearPasswords(project(), seal);
    const again = await sealClearPasswords(sealed, () => Promise.reject(new Error('not called')));
    expect(again).toEqual({ project: sealed, sealed: [] });
  });

  it('names the place when the station cannot seal, never the password', async () => {
    const failing = sealClearPasswords(project(), () => Promise.reject(new Error('no keyring is running')));
    await expect(failing).rejects.toThrow('servers[1].user.password: cannot be sealed: no keyring is running');
    await expect(failing).rejects.not.toThrow(/op-secret/);
  });
});
