import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthState } from '../../shared/api/auth-api.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { SqliteAuditStore } from '../audit/sqlite-audit-store.js';
import { authApiRequirements, liveApiRequirements, type Requirement } from './api-requirements.js';
import { AuthService } from './auth-service.js';
import type { ClientAuth } from './client-auth.js';
import { guardApi } from './guard-api.js';
import { LoginThrottle } from './login-throttle.js';
import { demoProject } from '../project/demo-project.js';
import { ProjectStore } from '../project/project-store.js';
import { projectUserDirectory, type UserDirectory } from './user-directory.js';

const CHEAP = { logN: 10, r: 8, p: 1 };
const LOCK_AFTER_MS = 60_000;

describe('logins, roles and locks per renderer session', () => {
  let dir: string;
  let audit: AuditTrail;
  let service: AuthService;
  let directory: UserDirectory;
  const projectFile = () => path.join(dir, 'plant.tidewatch');
  const clock = { now: 1_700_000_000_000 };
  const notified: AuthState[] = [];
  const open = (station = 'browser 127.0.0.1') => service.openSession(station, (state) => notified.push(state));
  const auditLines = () => audit.query({ limit: 1000 }).records.slice().reverse();
  const liveApi = (session: ClientAuth) => {
    const writes: string[] = [];
    const api = guardApi(
      {
        snapshot: async () => 'snapshot',
        writeTag: async (request: { tagId: string }) => void writes.push(request.tagId),
        setTrendedTags: async () => undefined,
        dropTables: async () => 'dropped',
      },
      { ...liveApiRequirements } as Record<string, Requirement>,
      session,
    );
    return { api, writes };
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-auth-'));
    audit = new AuditTrail(new SqliteAuditStore(path.join(dir, 'history.db')), () => undefined, () => clock.now);
    const store = new ProjectStore(demoProject(), projectFile(), async () => undefined);
    directory = projectUserDirectory(() => store);
    service = new AuthService({ directory, audit, log: () => undefined, hashCost: CHEAP, lockAfterMs: LOCK_AFTER_MS, now: () => clock.now, throttle: new LoginThrottle(undefined, () => clock.now) });
    notified.length = 0;
  });
  afterEach(() => {
    service.dispose();
    audit.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function withAdministrator() {
    const admin = open('desktop@cr1');
    await admin.methods().setupAdministrator({ name: 'admin', displayName: 'Site admin', password: 'admin-pass-1' });
    return admin;
  }

  it('offers no first-run setup before the project (where the users are) has loaded', async () => {
    const early = new AuthService({ directory: projectUserDirectory(() => null), audit, log: () => undefined, hashCost: CHEAP, now: () => clock.now });
    const session = early.openSession('browser 127.0.0.1', () => undefined);
    expect(await session.methods().authState()).toMatchObject({ setupRequired: false, user: null });
    await expect(session.methods().setupAdministrator({ name: 'admin', displayName: '', password: 'admin-pass-1' })).rejects.toThrow('setupAdministrator: the project has not loaded (see the status bar); users are kept in it');
    early.dispose();
  });

  it('on first run refuses every operation until the administrator password is set, then logs the administrator in', async () => {
    const session = open();
    expect(await session.methods().authState()).toMatchObject({ setupRequired: true, user: null, locked: false });
    const { api } = liveApi(session);
    expect(await api.snapshot()).toBe('snapshot'); // the view behind the setup screen
    await expect(api.writeTag({ tagId: 'demo/TIC101.SP' })).rejects.toThrow('writeTag: refused: set the administrator password first (first run)');
    await expect(session.methods().login({ name: 'admin', password: 'whatever1' })).rejects.toThrow('login: wrong user name or password');
    const state = await session.methods().setupAdministrator({ name: 'admin', displayName: 'Site admin', password: 'admin-pass-1' });
    expect(state).toMatchObject({ setupRequired: false, user: { name: 'admin', role: 'administrator' } });
    expect(await api.snapshot()).toBe('snapshot');
    await expect(session.methods().setupAdministrator({ name: 'eve', displayName: '', password: 'eve-pass-12' })).rejects.toThrow('an administrator already exists');
    const stored = readFileSync(projectFile(), 'utf8');
    expect(stored).toContain('"passwordHash": "$scrypt$');
    expect(stored).not.toContain('admin-pass-1');
    expect(auditLines().map((r) => `${r.action} ${r.target} ${r.result}`)).toEqual(['login.failed admin refused: unknown user', 'user.setup admin ok']);
  });

  it('keeps a session read-only until someone logs in, and enforces each role in main', async () => {
    const admin = await withAdministrator();
    await admin.methods().saveUser({ name: 'olga', displayName: 'Olga', role: 'operator', areas: ['demo/TIC101.*'], disabled: false, password: 'olga-pass-1' });
    await admin.methods().saveUser({ name: 'vic', displayName: '', role: 'viewer', areas: ['*'], disabled: false, password: 'vic-pass-12' });
    const session = open();
    const { api, writes } = liveApi(session);
    expect(await api.snapshot()).toBe('snapshot');
    await expect(api.writeTag({ tagId: 'demo/TIC101.SP' })).rejects.toThrow('writeTag: refused: log in first (nobody is logged in, so this station is read-only)');
    await session.methods().login({ name: 'vic', password: 'vic-pass-12' });
    await expect(api.writeTag({ tagId: 'demo/TIC101.SP' })).rejects.toThrow('writeTag: refused: viewer "vic" may not write demo/TIC101.SP: the viewer role may not write anything');
    await session.methods().login({ name: 'OLGA', password: 'olga-pass-1' }); // switch user; names ignore case
    await api.writeTag({ tagId: 'demo/TIC101.SP' });
    await expect(api.writeTag({ tagId: 'demo/LIC101.SP' })).rejects.toThrow("outside the user's areas (demo/TIC101.*)");
    await expect(api.dropTables()).rejects.toThrow('dropTables: refused: no permission is defined for this method');
    const guardedAuth = guardApi(session.methods(), authApiRequirements as Record<string, Requirement>, session);
    await expect(guardedAuth.listUsers()).rejects.toThrow('listUsers: refused: operator "olga" may not manage users');
    expect(writes).toEqual(['demo/TIC101.SP']);
    expect(auditLines().map((r) => `${r.action} ${r.user} ${r.target} ${r.detail}`.trim())).toEqual([
      'user.setup admin admin first-run administrator',
      'user.create admin olga password set',
      'user.create admin vic password set',
      'login vic vic',
      'write vic demo/TIC101.SP writeTag',
      'login olga olga switched from vic',
      'write olga demo/LIC101.SP writeTag',
    ]);
    expect(auditLines()[4]!.result).toBe('refused: viewer "vic" may not write demo/TIC101.SP: the viewer role may not write anything');
  });

  it('answers a wrong password and an unknown user alike, then slows and audits a brute-force attempt', async () => {
    await withAdministrator();
    const attacker = open('browser 127.0.0.1:5555');
    for (const name of ['admin', 'admin', 'nobody']) {
      await expect(attacker.methods().login({ name, password: 'guess-guess' })).rejects.toThrow('login: wrong user name or password');
    }
    await expect(attacker.methods().login({ name: 'admin', password: 'admin-pass-1' })).rejects.toThrow('login: too many failed attempts; try again in 1 s');
    await expect(attacker.methods().login({ name: 'admin', password: 'admin-pass-1' })).rejects.toThrow('too many failed attempts');
    clock.now += 1_000;
    await attacker.methods().login({ name: 'admin', password: 'admin-pass-1' });
    const log = auditLines().map((r) => `${r.action} ${r.target} ${r.result} ${r.detail}`.trim());
    expect(log.slice(-5)).toEqual([
      'login.failed admin refused: wrong password login',
      'login.failed admin refused: wrong password login',
      'login.failed nobody refused: unknown user login',
      'login.throttled admin refused: retry in 1 s repeated failed attempts',
      'login admin ok 2 attempts refused while throttled before this',
    ]);
    expect(auditLines().filter((r) => r.action === 'login.throttled')).toHaveLength(1); // one record per throttled spell, not one per attempt
  });

  it('locks after inactivity (main decides), keeps viewing allowed, and unlocks with the password', async () => {
    const admin = await withAdministrator();
    const { api } = liveApi(admin);
    await admin.methods().reportActivity();
    clock.now += LOCK_AFTER_MS - 1;
    await api.writeTag({ tagId: 'demo/TIC101.SP' }); // an action is activity too
    clock.now += LOCK_AFTER_MS;
    await expect(api.writeTag({ tagId: 'demo/TIC101.SP' })).rejects.toThrow('writeTag: refused: this session is locked; unlock it first');
    expect(notified.at(-1)).toMatchObject({ locked: true, user: { name: 'admin' } });
    expect(await api.snapshot()).toBe('snapshot');
    await admin.methods().reportActivity(); // activity does not unlock
    expect((await admin.methods().authState()).locked).toBe(true);
    await expect(admin.methods().unlock({ password: 'wrong-pass' })).rejects.toThrow('unlock: wrong user name or password');
    expect(await admin.methods().unlock({ password: 'admin-pass-1' })).toMatchObject({ locked: false });
    await api.writeTag({ tagId: 'demo/TIC101.SP' });
    expect(auditLines().map((r) => `${r.action} ${r.detail}`).filter((l) => /^(lock|unlock)/.test(l))).toEqual(['lock 1 min without activity', 'unlock ']);
  });

  it('locks on its own timer and tells the renderer', async () => {
    const quick = new AuthService({ directory, audit, log: () => undefined, hashCost: CHEAP, lockAfterMs: 30 });
    const states: AuthState[] = [];
    const session = quick.openSession('desktop@cr1', (state) => states.push(state));
    await session.methods().setupAdministrator({ name: 'admin', displayName: '', password: 'admin-pass-1' });
    await expect.poll(() => states.at(-1)?.locked, { timeout: 10_000 }).toBe(true);
    quick.dispose();
  });

  it('logs a user out everywhere when an administrator disables them, and re-reads a changed role at once', async () => {
    const admin = await withAdministrator();
    await admin.methods().saveUser({ name: 'olga', displayName: '', role: 'operator', areas: ['*'], disabled: false, password: 'olga-pass-1' });
    const olga = open();
    await olga.methods().login({ name: 'olga', password: 'olga-pass-1' });
    const { api } = liveApi(olga);
    await admin.methods().saveUser({ name: 'olga', displayName: '', role: 'viewer', areas: ['*'], disabled: false });
    await expect(api.writeTag({ tagId: 'demo/TIC101.SP' })).rejects.toThrow('viewer "olga" may not write');
    await admin.methods().saveUser({ name: 'olga', displayName: '', role: 'viewer', areas: ['*'], disabled: true });
    expect(notified.at(-1)).toMatchObject({ user: null });
    await expect(olga.methods().login({ name: 'olga', password: 'olga-pass-1' })).rejects.toThrow('wrong user name or password');
    const changes = auditLines().filter((r) => r.target === 'olga' && r.action !== 'login').map((r) => `${r.action} ${r.oldValue} -> ${r.newValue} ${r.detail}`.trim());
    expect(changes).toEqual([
      'user.create null -> operator; areas * password set',
      'user.change operator; areas * -> viewer; areas *',
      'user.change viewer; areas * -> viewer; areas *; disabled',
      'logout olga -> null the user was removed or disabled',
      'login.failed null -> null login',
    ]);
  });

  it('never leaves the station without an enabled administrator', async () => {
    const admin = await withAdministrator();
    await expect(admin.methods().deleteUser({ name: 'admin' })).rejects.toThrow('deleteUser: admin is the last enabled administrator');
    await expect(admin.methods().saveUser({ name: 'admin', displayName: '', role: 'engineer', areas: ['*'], disabled: false })).rejects.toThrow('this would leave no enabled administrator');
    await expect(admin.methods().saveUser({ name: 'newbie', displayName: '', role: 'viewer', areas: ['*'], disabled: false })).rejects.toThrow('saveUser: password: a new user needs one');
  });

  it('changes a user’s own password only with the current one', async () => {
    const admin = await withAdministrator();
    await expect(admin.methods().changePassword({ current: 'wrong-pass', next: 'new-admin-pass' })).rejects.toThrow('changePassword: wrong user name or password');
    await admin.methods().changePassword({ current: 'admin-pass-1', next: 'new-admin-pass' });
    await admin.methods().logout();
    await expect(admin.methods().login({ name: 'admin', password: 'admin-pass-1' })).rejects.toThrow('wrong user name or password');
    await admin.methods().login({ name: 'admin', password: 'new-admin-pass' });
  });
});
