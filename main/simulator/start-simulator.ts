import { fork, type ChildProcess } from 'node:child_process';
import { isSimulatorMessage } from './simulator-message.js';

export interface StartSimulatorOptions {
  /** The demo plant process entry, dist/main/simulator.js once built. */
  readonly entry: string;
  /** 0 or absent picks a free port. */
  readonly port?: number;
  readonly pkiDir: string;
  /** The Node binary to run it with; the current process's by default. */
  readonly execPath?: string;
  readonly timeoutMs?: number;
}

export interface RunningSimulator {
  readonly endpointUrl: string;
  readonly pid: number;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. */
  stop(): Promise<void>;
  /** Called once when the process exits, whoever stopped it; at once if it already has. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
}

// The first start creates the plant's certificate, which takes a few seconds on a slow machine.
const DEFAULT_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;

/**
 * Starts the demo plant in a process of its own, so that its 100 Hz physics and its OPC UA
 * server never compete with the app's event loop, and waits until it listens. Rejects, with
 * the process already gone, when it fails, exits or stays silent.
 */
export function startSimulator(options: StartSimulatorOptions): Promise<RunningSimulator> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const child = fork(options.entry, ['--port', String(options.port ?? 0), '--pki', options.pkiDir], {
    execPath: options.execPath ?? process.execPath,
    // Inside Electron, execPath is the Electron binary: this makes it run the entry as plain Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  return new Promise((resolve, reject) => {
    // Settles on exit, so that a rejection means the process is gone; a 'failed' plant exits by itself.
    let failure: string | undefined;
    const timer = setTimeout(() => {
      failure = `demo plant did not report ready within ${timeoutMs} ms`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('message', (message) => {
      if (!isSimulatorMessage(message) || failure !== undefined) {
        return;
      }
      if (message.type === 'failed') {
        failure = message.message;
      } else if (child.pid !== undefined) {
        clearTimeout(timer);
        resolve(running(child, child.pid, message.endpointUrl, exited));
      }
    });
    // e.g. a wrong execPath: the process never started, and no 'exit' may follow.
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`demo plant could not be started: ${error.message}`));
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(failure ?? `demo plant exited with ${code === null ? `signal ${signal}` : `code ${code}`} before it was ready`));
    });
  });
}

type Exit = { code: number | null; signal: string | null };

function running(child: ChildProcess, pid: number, endpointUrl: string, exited: Promise<Exit>): RunningSimulator {
  return {
    endpointUrl,
    pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(kill);
      }
    },
    onExit(listener) {
      void exited.then(({ code, signal }) => listener(code, signal));
    },
  };
}
