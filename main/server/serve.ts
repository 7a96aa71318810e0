import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defaultUserDataDir } from '../app/default-user-data-dir.js';
import { launchShell } from '../app/launch-shell.js';
import { parseCommandLine, USAGE } from '../app/parse-command-line.js';
import { readAppVersion } from '../app/read-app-version.js';
import { createAccessToken } from './access-token.js';
import { startHeadlessServer, type HeadlessServer } from './headless-server.js';
import { readTlsFiles } from './read-tls-files.js';

// This file is bundled to dist/main/serve.js, beside simulator.js and above renderer/.
const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const parsed = parseCommandLine(process.argv.slice(2), 'headless');
  if (!parsed.ok) {
    process.stderr.write(`tidewatch: ${parsed.error}\n\n${USAGE}\n`);
    process.exit(2);
  }
  const { options } = parsed;
  if (options.help) return void process.stdout.write(`${USAGE}\n`);
  if (options.version) return void process.stdout.write(`Tidewatch ${readAppVersion(here)}\n`);

  const launched = launchShell({ commandLine: options, defaultUserDataDir: defaultUserDataDir(), distMainDir: here, cwd: process.cwd() });
  if (!launched.ok) {
    process.stderr.write(`tidewatch: ${launched.error}\n`);
    process.exit(1);
  }
  const { shell } = launched;
  let server: HeadlessServer;
  try {
    const tls = readTlsFiles(options.tls, process.cwd());
    server = await startHeadlessServer({ core: shell.app.core, rendererDir: path.join(here, '..', 'renderer'), token: createAccessToken(), port: options.port, host: options.listen, ...(tls && { tls }), log: shell.log });
  } catch (error) {
    process.stderr.write(`tidewatch: ${error instanceof Error ? error.message : String(error)}\n`);
    await shell.dispose();
    process.exit(1);
  }
  process.stdout.write(`Tidewatch is serving on ${server.url}\n`);
  shell.log('info', `Tidewatch ${readAppVersion(here)} serving on ${options.listen} port ${server.port}${options.tls ? ' (https)' : ''}; user data ${shell.userDataDir}, log ${shell.logFile}`);
  // Signals are taken from here on, not after start: a supervisor may stop the shell while the
  // project is still loading, and the default SIGTERM action would skip the clean shutdown.
  const started = shell.app.start();
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    shell.log('info', 'shutting down');
    await server.close();
    // A half-started app would leave its file watcher and sources behind: let start settle first.
    await started.catch(() => undefined);
    await shell.dispose();
    process.exit(0);
  };
  // on, not once: signal-exit (loaded by dependencies) re-raises a signal that it sees no other
  // listener for, and a once-listener has removed itself by the time it looks.
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  // Started by a supervisor (a test, a service wrapper) with an IPC channel: die with it, leave nothing behind.
  if (process.send) process.once('disconnect', () => void shutdown());
  try {
    await started;
  } catch (error) {
    if (closing) return; // the shutdown under way disposes
    closing = true;
    shell.log('error', `the app failed to start: ${error instanceof Error ? error.message : String(error)}`);
    await shell.dispose();
    process.exit(1);
  }
}

void main();
