/**
 * The demo plant process (bundled to dist/main/simulator.js).
 *
 * Forked by the app with an IPC channel, it reports `ready` or `failed` over it and exits when
 * the channel closes, so it never outlives the app. Run by hand, it prints its endpoint and
 * runs until Ctrl+C.
 */
import os from 'node:os';
import path from 'node:path';
import { parseSimulatorArgs } from './parse-simulator-args.js';
import { startPlantServer, type RunningPlantServer } from './plant-server.js';
import type { SimulatorMessage } from './simulator-message.js';

const parsed = parseSimulatorArgs(process.argv.slice(2), path.join(os.tmpdir(), 'tidewatch-demo-plant-pki'));
if ('error' in parsed) {
  console.error(`demo plant: ${parsed.error}`);
  process.exit(2);
}

/** Resolves once the message is out, so that exiting right after does not lose it. */
function report(message: SimulatorMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send) {
      process.send(message, () => resolve());
      return;
    }
    if (message.type === 'ready') {
      console.log(`Demo plant listening on ${message.endpointUrl}`);
    } else {
      console.error(`demo plant: ${message.message}`);
    }
    resolve();
  });
}

// A parent that dies while the plant starts must not leave it running: exit at once until the server is up.
const exitEarly = () => process.exit(0);
process.once('disconnect', exitEarly);

let server: RunningPlantServer;
try {
  server = await startPlantServer(parsed);
} catch (error) {
  await report({ type: 'failed', message: describeStartFailure(error, parsed.port) });
  process.exit(1);
}

let stopping = false;
async function stop(): Promise<void> {
  if (!stopping) {
    stopping = true;
    await server.stop().catch((error: unknown) => console.error(`demo plant: ${String(error)}`));
    process.exit(0);
  }
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
process.off('disconnect', exitEarly);
process.on('disconnect', () => void stop());
await report({ type: 'ready', endpointUrl: server.endpointUrl });

function describeStartFailure(error: unknown, port: number): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return `port ${port} on 127.0.0.1 is already in use`;
  }
  return error instanceof Error ? error.message : String(error);
}
