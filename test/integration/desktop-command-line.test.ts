import { fork } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Snapshot } from '../../shared/contract.js';
import { builtFile, repoRoot } from '../support/built-files.js';
import { waitFor } from '../support/wait-for.js';

// The one command line both shells share, met through the headless shell (the desktop one cannot run here).
interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function serve(args: readonly string[], options: { env?: NodeJS.ProcessEnv; uid?: number } = {}) {
  const child = fork(builtFile('serve.js'), args, {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    ...(options.env ? { env: options.env } : {}),
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

const run = (args: readonly string[], options?: Parameters<typeof serve>[1]) => serve(args, options).exited;
const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('the command line, through the headless shell', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-cli-'));
  afterAll(() => {
    chmodSync(root, 0o700);
    rmSync(root, { recursive: true, force: true });
  });

  it('prints the version from package.json', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `Tidewatch ${version}\n`, stderr: '' });
  });

  it('prints one usage for every option of both shells', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const option of ['--project FILE', '--kiosk', '--headless', '--port N', '--user-data DIR', '--version', '--help']) expect(result.stdout).toContain(option);
  });

  it('refuses an unknown flag with the usage text and exit code 2', async () => {
    const result = await run(['--colour', 'blue']);
    expect(result.code).toBe(2);
    const [first, blank, usage] = result.stderr.split('\n');
    expect([first, blank, usage]).toEqual(['tidewatch: unknown option "--colour"', '', 'usage: tidewatch [options] [PROJECT.tidewatch]']);
    expect(result.stdout).toBe('');
  });

  it('refuses --kiosk, which needs a window, instead of ignoring it', async () => {
    const result = await run(['--kiosk']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('tidewatch: --kiosk is for the desktop window; the headless shell has none');
  });

  it('says in one line that a --user-data folder does not exist, and creates nothing', async () => {
    const missing = path.join(root, 'no-such-folder');
    const result = await run(['--user-data', missing]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`tidewatch: the user-data folder ${missing} does not exist: create it first, or leave out --user-data to use the per-user folder\n`);
    expect(existsSync(missing)).toBe(false);
  });

  it('says in one line that the user-data folder is not writable', async () => {
    // Root writes through permission bits: as root, the shell runs as nobody (uid 65534) for this test.
    const asRoot = process.getuid?.() === 0;
    const readOnly = path.join(root, 'read-only');
    mkdirSync(readOnly);
    chmodSync(root, 0o755);
    chmodSync(readOnly, 0o555);
    const result = await run(['--user-data', readOnly], asRoot ? { uid: 65534 } : {});
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `tidewatch: the user-data folder ${readOnly} is not writable (EACCES): Tidewatch keeps its certificates, logs and history there; give this user write access, or choose another folder with --user-data\n`,
    );
    expect(readdirSync(readOnly)).toEqual([]);
  });

  it('writes its log to <user-data>/logs, and passes --project on to the app', async () => {
    const userData = mkdtempSync(path.join(root, 'ud-'));
    const project = path.join(root, 'missing.tidewatch');
    const shell = serve(['--port', '0', '--user-data', userData, '--project', project]);
    try {
      await waitFor('the URL', () => /serving on http/.test(shell.stdout()));
      const logFile = path.join(userData, 'logs', 'headless.log');
      await waitFor('the project error in the log file', () => existsSync(logFile) && readFileSync(logFile, 'utf8').includes(project));
      const log = readFileSync(logFile, 'utf8');
      expect(log).toMatch(new RegExp(`^\\S+Z info +Tidewatch ${version.replace(/\./g, '\\.')} serving on 127\\.0\\.0\\.1 port \\d+; user data ${userData.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
      // The same lines go to stderr, as before, for a service manager's journal.
      expect(shell.stderr()).toContain(project);
    } finally {
      shell.child.kill('SIGTERM');
      expect((await shell.exited).code).toBe(0);
    }
  });

  it('needs no OpenSSL (or anything else on PATH): creates its certificates and connects the demo plant', async () => {
    const userData = mkdtempSync(path.join(root, 'ud-'));
    const emptyBin = mkdtempSync(path.join(root, 'bin-'));
    writeFileSync(path.join(emptyBin, 'README'), 'an empty PATH: no openssl here');
    const shell = serve(['--port', '0', '--user-data', userData], { env: { PATH: emptyBin, HOME: userData } });
    try {
      const url = new URL(await waitFor('the URL', () => /serving on (http:\/\/\S+)/.exec(shell.stdout())?.[1]));
      const connected = await untilSnapshot(url, (snapshot) => snapshot.connections.find((c) => c.state === 'connected'));
      expect(connected.id).toBe('demo');
      expect(readdirSync(path.join(userData, 'pki')).length).toBeGreaterThan(0);
    } finally {
      shell.child.kill('SIGTERM');
      await shell.exited;
    }
  });
});

/** Asks for snapshots until one satisfies the probe; the limit is a safety net, not a speed assertion. */
async function untilSnapshot<T>(url: URL, probe: (snapshot: Snapshot) => T | undefined): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = probe(await callSnapshot(url));
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('gave up waiting for the snapshot to show it');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** One `snapshot` call over the headless shell's WebSocket, as the browser makes it. */
function callSnapshot(url: URL): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${url.host}/ws?token=${url.searchParams.get('token')}`);
    ws.on('open', () => ws.send(JSON.stringify({ t: 'call', id: 1, method: 'snapshot' })));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const message = JSON.parse(data.toString()) as { t: string; id?: number; result?: Snapshot; message?: string };
      if (message.t === 'result' && message.id === 1) resolve(message.result!);
      if (message.t === 'error' && message.id === 1) reject(new Error(message.message));
      if (message.t !== 'event') ws.close();
    });
    ws.on('error', reject);
  });
}
