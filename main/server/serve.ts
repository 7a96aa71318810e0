import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { consoleLog } from '../app/console-log.js';
import { defaultUserDataDir } from '../app/default-user-data-dir.js';
import { createApp } from '../app/create-app.js';
import { createAccessToken } from './access-token.js';
import { startHeadlessServer } from './headless-server.js';
import { parseServeArgs, SERVE_USAGE } from './parse-serve-args.js';

// This file is bundled to dist/main/serve.js, beside simulator.js and above renderer/.
const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const parsed = parseServeArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`tidewatch: ${parsed.error}\n`);
    process.exit(2);
  }
  if (parsed.options.help) {
    process.stdout.write(`${SERVE_USAGE}\n`);
    return;
  }
  const log = consoleLog();
  const app = createApp({
    userDataDir: parsed.options.userDataDir ?? defaultUserDataDir(),
    simulatorEntry: path.join(here, 'simulator.js'),
    log,
  });
  let server;
  try {
    server = await startHeadlessServer({ core: app.core, rendererDir: path.join(here, '..', 'renderer'), token: createAccessToken(), port: parsed.options.port, log });
  } catch (error) {
    process.stderr.write(`tidewatch: ${error instanceof Error ? error.message : String(error)}\n`);
    await app.dispose();
    process.exit(1);
  }
  process.stdout.write(`Tidewatch is serving on ${server.url}\n`);
  await app.start();
  const shutdown = async () => {
    log('info', 'shutting down');
    await server.close();
    await app.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  // Started by a supervisor (a test, a service wrapper) with an IPC channel: die with it, leave nothing behind.
  if (process.send) process.once('disconnect', () => void shutdown());
}

void main();
