import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { TidewatchCore } from '../api/tidewatch-core.js';
import type { Log } from '../api/sample-source.js';
import { opcuaSourceFactory } from '../opcua/opcua-connection.js';
import { startSimulator, type RunningSimulator } from '../simulator/start-simulator.js';
import { DEMO_CONNECTION_ID, demoConnection } from './demo-connection.js';

export interface AppOptions {
  readonly userDataDir: string;
  /** The bundled demo plant process entry (dist/main/simulator.js). */
  readonly simulatorEntry: string;
  readonly log: Log;
}

export interface App {
  readonly core: TidewatchCore;
  /** Starts the sources. A shell claims its window or port first, so a busy port fails before anything starts. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The composition root both shells call: builds the core and its sources.
 * With no project (the only mode until projects land) it starts the demo plant
 * and watches it. A plant that fails to start is shown as a failed connection;
 * the app stays up so the operator can read why.
 */
export function createApp(options: AppOptions): App {
  const { userDataDir, log } = options;
  const core = new TidewatchCore(log);
  let plant: RunningSimulator | null = null;
  let disposed = false;
  return {
    core,
    async start() {
      const pkiDir = path.join(userDataDir, 'pki');
      try {
        await mkdir(pkiDir, { recursive: true });
        const started = await startSimulator({ entry: options.simulatorEntry, port: 0, pkiDir: path.join(userDataDir, 'demo-plant-pki') });
        plant = started;
        if (disposed) return void (await started.stop());
        log('info', `demo plant started at ${started.endpointUrl}`);
        started.onExit((code, signal) => {
          if (!disposed) log('error', `demo plant exited (${signal ?? `code ${code}`})`);
        });
        core.addConnection(demoConnection(started.endpointUrl), opcuaSourceFactory(pkiDir));
      } catch (error) {
        const message = `demo plant failed to start: ${error instanceof Error ? error.message : String(error)}`;
        log('error', message);
        core.addFailedConnection(DEMO_CONNECTION_ID, 'Demo plant', '', message);
      }
    },
    async dispose() {
      disposed = true;
      await core.dispose();
      await plant?.stop();
    },
  };
}
