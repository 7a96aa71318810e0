import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiSocket } from './api-socket.js';
import { builtFile } from './built-files.js';
import { TEST_ADMIN } from './test-security.js';
import { waitFor } from './wait-for.js';

const SHUTDOWN_GRACE_MS = 15_000;

export interface ServeProcess {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly child: ChildProcess;
  /** Its own user-data folder: the demo project file, history, logs. */
  readonly userDataDir: string;
  /** Everything the process wrote to stderr (its log), for assertions on logged reasons. */
  log(): string;
  /** Does the first-run step every new station needs: an administrator (TEST_ADMIN). */
  setUpAdministrator(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs `dist/main/serve.js` as `npm run serve` would, on a free port with its own
 * user-data folder. Started with an IPC channel so it (and its demo plant) exit
 * if the test runner dies.
 */
export async function startServe(extraArgs: readonly string[] = []): Promise<ServeProcess> {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-e2e-'));
  const child = fork(builtFile('serve.js'), ['--port', '0', '--user-data', userData, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /serving on (https?:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with code ${code} before printing its URL:\n${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    child,
    userDataDir: userData,
    log: () => stderr,
    async setUpAdministrator() {
      const admin = await ApiSocket.open(parsed.origin, parsed.searchParams.get('token'));
      try {
        await setUpAdministrator(admin);
      } finally {
        admin.close();
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        // A clean shutdown closes sessions and flushes history in well under this; past it, say so and kill.
        const force = setTimeout(() => {
          console.warn(`serve (pid ${child.pid}) did not exit ${SHUTDOWN_GRACE_MS / 1000} s after SIGTERM: killed. Its log ends:\n${stderr.slice(-2000)}`);
          child.kill('SIGKILL');
        }, SHUTDOWN_GRACE_MS);
        await exited;
        clearTimeout(force);
      }
      rmSync(userData, { recursive: true, force: true });
    },
  };
}

/** SIGKILLs the demo plant this serve process started, as a crashed server; returns its pid. */
export function killDemoPlant(serve: ServeProcess): number {
  const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(serve.child.pid)], { encoding: 'utf8' }).split('\n');
  const plant = children.filter((line) => line.includes('simulator.js')).map((line) => Number.parseInt(line, 10));
  if (plant.length !== 1) throw new Error(`expected one demo plant under serve, found ${plant.length}`);
  process.kill(plant[0]!, 'SIGKILL');
  return plant[0]!;
}

/**
 * The first-run administrator, through `api`: once the project (where users are kept) has
 * loaded, which is after serve prints its URL.
 */
export async function setUpAdministrator(api: ApiSocket, user: { readonly name: string; readonly displayName: string; readonly password: string } = TEST_ADMIN): Promise<void> {
  await waitFor('the project to load, for the first-run administrator', () =>
    api.call('setupAdministrator', user).then(
      () => true,
      (error: Error) => {
        if (/has not loaded/.test(error.message)) return false;
        throw error;
      },
    ),
  60_000);
}
