import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../shared/api/audit-api.js';
import type { AuthState, UserSummary } from '../../shared/api/auth-api.js';
import type { Snapshot } from '../../shared/contract.js';
import { setUpAdministrator, startServe, type ServeProcess } from '../support/serve-process.js';
import { waitFor } from '../support/wait-for.js';
import { ApiSocket } from '../support/api-socket.js';
import { FuzzCorpus, fuzzSeed } from './fuzz-corpus.js';

// Bounded by count, not time: the same seed sends the same messages on any machine.
const MESSAGES = 600;
const REPLY_WAIT_MS = 10_000;

// The real headless shell, attacked over its WebSocket by something on the same PC.
describe('fuzzing the headless shell’s WebSocket', () => {
  const seed = fuzzSeed();
  const userData = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-fuzz-'));
  let serve: ServeProcess;
  let admin: ApiSocket;
  let operator: ApiSocket;
  const projectText = () => readFileSync(path.join(userData, 'projects', readdirSync(path.join(userData, 'projects')).find((f) => f.endsWith('.tidewatch'))!), 'utf8');
  const closesLogged = () => (serve.log().match(/closed a WebSocket client: |WebSocket client error: /g) ?? []).length;

  beforeAll(async () => {
    serve = await startServe(['--user-data', userData]);
    admin = await ApiSocket.open(serve.origin, serve.token);
    await setUpAdministrator(admin, { name: 'admin', displayName: '', password: 'admin-pass-1' });
    await admin.call('saveUser', { name: 'olga', displayName: '', role: 'operator', areas: ['*'], disabled: false, password: 'olga-pass-1' });
    // A logged-in operator: fuzzing from other sockets must not reach her session.
    operator = await ApiSocket.open(serve.origin, serve.token);
    await operator.call('login', { name: 'olga', password: 'olga-pass-1' });
    await waitFor('the demo plant connection', () => admin.events.some((e) => e.type === 'connections' && JSON.stringify(e).includes('"connected"')), 60_000);
  });

  afterAll(async () => {
    admin?.close();
    operator?.close();
    await serve?.stop();
    rmSync(userData, { recursive: true, force: true });
  });

  it(`refuses ${MESSAGES} random and malformed messages without crashing or changing anything (FUZZ_SEED=${seed})`, async () => {
    const before = {
      snapshot: await admin.call<Snapshot>('snapshot'),
      users: await admin.call<UserSummary[]>('listUsers'),
      project: projectText(),
      audit: (await admin.call<AuditPage>('queryAudit', { limit: 10_000 })).records.length,
      logClosures: closesLogged(),
    };
    const corpus = new FuzzCorpus(seed);
    let socket = await ApiSocket.open(serve.origin, serve.token);
    let closures = 0;
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < MESSAGES; i++) {
      const message = corpus.next();
      if (!socket.isOpen) {
        socket = await ApiSocket.open(serve.origin, serve.token);
      }
      const current = socket;
      const replied =
        message.kind === 'text' && message.callId !== null
          ? current.callRaw(message.callId, message.data).then(
              () => 'result',
              (error: Error) => (error.message.startsWith('socket closed') ? 'closed' : 'error reply'),
            )
          : (current.send(message.data, message.kind === 'binary'), Promise.race([current.closed.then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('silence'), 2_000))]));
      const outcome = (await Promise.race([replied, new Promise((resolve) => setTimeout(() => resolve('no answer'), REPLY_WAIT_MS))])) as string;
      outcomes[`${message.why}: ${outcome}`] = (outcomes[`${message.why}: ${outcome}`] ?? 0) + 1;
      // Each bad message gets an error reply or closes the connection; never silence.
      expect(outcome, `message ${i} (${message.why}) with FUZZ_SEED=${seed}: ${message.kind === 'binary' || message.kind === 'text-bytes' ? message.data.toString('hex').slice(0, 80) : message.data.slice(0, 200)}`).not.toMatch(/silence|no answer/);
      if (outcome === 'closed') {
        closures++;
        const { code, reason } = await current.closed;
        expect([1007, 1008, 1009]).toContain(code);
        if (code === 1008) expect(reason).not.toBe('');
      }
    }
    socket.close();
    console.log(`fuzz seed ${seed}:`, outcomes);

    // The process lives, and every closed connection left its reason in the log.
    expect(serve.child.exitCode).toBeNull();
    await waitFor('every closure in the log', () => closesLogged() - before.logClosures >= closures);
    // Nothing changed: same tags, users and project; no write reached the plant; the logged-in operator is still herself.
    expect(await admin.call<Snapshot>('snapshot')).toMatchObject({ tags: before.snapshot.tags.map((t) => expect.objectContaining({ id: t.id, index: t.index })) });
    expect(await admin.call('listUsers')).toEqual(before.users);
    expect(projectText()).toBe(before.project);
    const audit = (await admin.call<AuditPage>('queryAudit', { limit: 10_000 })).records;
    const newRecords = audit.slice(0, audit.length - before.audit);
    expect(newRecords.filter((r) => r.action === 'write' && !r.result.startsWith('refused'))).toEqual([]);
    expect(newRecords.filter((r) => r.action.startsWith('user.') || r.action === 'password.change' || r.action === 'login')).toEqual([]);
    expect(await operator.call<AuthState>('authState')).toMatchObject({ user: { name: 'olga', role: 'operator' }, locked: false });
    expect(await admin.call('verifyAudit')).toMatchObject({ ok: true });
    // A fresh client is still a read-only nobody: no pollution turned it into an administrator.
    const fresh = await ApiSocket.open(serve.origin, serve.token);
    expect(await fresh.call<AuthState>('authState')).toMatchObject({ user: null, locked: false, setupRequired: false });
    await expect(fresh.call('writeTag', { tagId: 'demo/TIC101.SP', value: 60 })).rejects.toThrow('refused: log in first');
    fresh.close();
  });

  it('refuses a socket without the token, with a wrong one, or with another run’s', async () => {
    const otherRun = 'A'.repeat(serve.token.length);
    for (const token of [null, '', 'wrong', otherRun, serve.token.toUpperCase(), `${serve.token}x`]) {
      if (token === serve.token) continue;
      await expect(ApiSocket.open(serve.origin, token)).rejects.toThrow('refused with HTTP 401');
    }
    expect(serve.log()).toContain('refused a WebSocket from 127.0.0.1: missing or wrong access token');
  });

  it('slows and records password guessing from a script, even with the right password in the middle', async () => {
    // The fuzz above may already have tripped the throttle for this station: the outcome is the same.
    const guesser = await ApiSocket.open(serve.origin, serve.token);
    const answers: string[] = [];
    for (let i = 0; i < 8; i++) answers.push(await guesser.call('login', { name: 'admin', password: `guess-${i}` }).then(() => 'in', (error: Error) => error.message));
    expect(answers.every((answer) => answer === 'login: wrong user name or password' || /^login: too many failed attempts; try again in \d+ s$/.test(answer))).toBe(true);
    expect(answers.at(-1)).toMatch(/too many failed attempts/);
    await expect(guesser.call('login', { name: 'admin', password: 'admin-pass-1' })).rejects.toThrow('too many failed attempts');
    const records = (await admin.call<AuditPage>('queryAudit', { text: 'login.', limit: 1000 })).records;
    expect(records.some((r) => r.action === 'login.throttled')).toBe(true);
    expect(records.some((r) => r.action === 'login.failed' && r.target === 'admin' && r.result === 'refused: wrong password')).toBe(true);
    guesser.close();
  });
});
