import { fork, type ChildProcess } from 'node:child_process';
import { bundleEntry } from './bundle-entry.js';
import type { TestServerConfig, TestServerMessage } from './test-opcua-server-config.js';

export type { TestServerConfig } from './test-opcua-server-config.js';

export interface RunningTestServer extends TestServerMessage {
  readonly port: number;
  readonly pid: number;
  readonly config: TestServerConfig;
  /** SIGTERM (a clean shutdown) and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: the server vanishes without a goodbye, as a crashed one does. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: a hung server, its sockets open and silent. */
  freeze(): void;
  thaw(): void;
}

const START_TIMEOUT_MS = 60_000;

/** Starts a node-opcua server on 127.0.0.1 in its own process and waits until it listens. */
export async function startTestServer(config: TestServerConfig): Promise<RunningTestServer> {
  const entry = await bundleEntry('test-opcua-server', 'test/support/test-opcua-server-process.ts');
  const child = fork(entry, [JSON.stringify(config)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<TestServerMessage>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`test OPC UA server did not report ready within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.on('message', (message: TestServerMessage) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`test OPC UA server exited (${signal ?? `code ${code}`}) before it was ready`));
    });
  });
  return running(child, config, ready, exited);
}

function running(child: ChildProcess, config: TestServerConfig, ready: TestServerMessage, exited: Promise<void>): RunningTestServer {
  const alive = () => child.exitCode === null && child.signalCode === null;
  const signal = async (name: NodeJS.Signals) => {
    if (!alive()) return;
    child.kill('SIGCONT');
    child.kill(name);
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(kill);
  };
  return {
    ...ready,
    port: Number(new URL(ready.endpointUrl.replace(/^opc\.tcp:/, 'http:')).port),
    pid: child.pid ?? 0,
    config,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    freeze: () => void (alive() && child.kill('SIGSTOP')),
    thaw: () => void (alive() && child.kill('SIGCONT')),
  };
}
