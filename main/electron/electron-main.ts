import { app, dialog, protocol, safeStorage, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchShell } from '../app/launch-shell.js';
import { parseCommandLine, USAGE, type CommandLine } from '../app/parse-command-line.js';
import { prepareUserDataDir } from '../app/prepare-user-data-dir.js';
import { safeStorageBox } from '../secrets/safe-storage-box.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { createAccessToken } from '../server/access-token.js';
import { startHeadlessServer, type HeadlessServer } from '../server/headless-server.js';
import { readTlsFiles } from '../server/read-tls-files.js';
import { desktopStation } from './desktop-station.js';
import { openDesktop, type OpenDesktop } from './open-desktop.js';
import { secondInstanceRequest } from './second-instance.js';
import { APP_SCHEME } from './security-policy.js';

// The desktop shell: wiring only. Every decision it makes is a pure function
// with tests (command line, window placement and layout, second instance,
// kiosk keys, menu, About text); every behaviour behind it is the core's,
// tested through the headless shell.
const here = path.dirname(fileURLToPath(import.meta.url));

function main(): void {
  const parsed = parseCommandLine(process.argv.slice(app.isPackaged ? 1 : 2), 'desktop');
  if (!parsed.ok) {
    process.stderr.write(`tidewatch: ${parsed.error}\n\n${USAGE}\n`);
    return app.exit(2);
  }
  const options = parsed.options;
  if (options.help) return exitWith(0, `${USAGE}\n`);
  if (options.version) return exitWith(0, `Tidewatch ${app.getVersion()}\n`);
  if (options.userDataDir) {
    // Before Chromium sees the folder: it would create a missing one.
    const dir = path.resolve(options.userDataDir);
    const problem = prepareUserDataDir(dir, true);
    if (problem) return failAtStart(problem, !options.headless);
    app.setPath('userData', dir);
  }
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  const project = options.project === null ? null : path.resolve(options.project);
  // One desktop app per user-data folder; the headless shell may run beside it.
  if (!options.headless && !app.requestSingleInstanceLock(secondInstanceRequest(project))) {
    process.stdout.write('Tidewatch is already running: brought it to the front\n');
    return app.exit(0);
  }
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  // A service manager or a logout stops us with a signal: shut down cleanly rather than die.
  // on, not once: signal-exit (loaded by dependencies) re-raises a signal it sees no other listener for.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  void app.whenReady().then(() => start(options));
}

async function start(options: CommandLine): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, decide) => decide(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // The desktop seals secrets with the OS (issue 7); where the OS offers nothing safe, the
  // station still runs, on the user-only key file the headless shell uses, and says so.
  let secretBox: SecretBox | undefined;
  let secretProblem = '';
  if (!options.headless) {
    secretBox = await safeStorageBox(safeStorage).catch((error: unknown) => {
      secretProblem = error instanceof Error ? error.message : String(error);
      return undefined;
    });
  }
  const launched = launchShell({ commandLine: options, defaultUserDataDir: app.getPath('userData'), distMainDir: here, cwd: process.cwd(), ...(secretBox ? { secretBox } : {}) });
  if (!launched.ok) return failAtStart(launched.error, !options.headless);
  const shell = launched.shell;
  if (secretProblem) shell.log('warning', `secrets: ${secretProblem}; sealing them with the key file in the user-data folder instead`);
  let server: HeadlessServer | null = null;
  let desktopShell: OpenDesktop | null = null;
  let stopping = false;
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    // Quit waits for a clean shutdown: sessions closed, sources stopped, the historian flushed.
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    shell.log('info', 'shutting down');
    desktopShell?.windows.beginQuit();
    void (async () => {
      await server?.close();
      desktopShell?.ports.dispose();
      await shell.dispose();
    })().finally(() => {
      stopped = true;
      app.quit();
    });
  });
  app.on('will-quit', () => desktopShell?.windows.flush());

  if (options.headless) {
    try {
      const tls = readTlsFiles(options.tls, process.cwd());
      server = await startHeadlessServer({ core: shell.app.core, rendererDir: path.join(here, '..', 'renderer'), token: createAccessToken(), port: options.port, host: options.listen, ...(tls && { tls }), log: shell.log });
    } catch (error) {
      await shell.dispose();
      return failAtStart(error instanceof Error ? error.message : String(error), false);
    }
    process.stdout.write(`Tidewatch is serving on ${server.url}\n`);
  } else {
    app.on('window-all-closed', () => app.quit());
    // Whoever is logged in in this desktop's windows decides (main/auth/kiosk-unlock.ts).
    desktopShell = openDesktop({ shell, options, distMainDir: here, engineerUnlock: async () => shell.app.kioskUnlock(desktopStation()) });
  }
  shell.log('info', `Tidewatch ${app.getVersion()} started (Electron ${process.versions.electron}); user data ${shell.userDataDir}, log ${shell.logFile}`);
  await shell.app.start();
}

function exitWith(code: number, text: string): void {
  process.stdout.write(text);
  app.exit(code);
}

/** One clear sentence, on stderr and, for a desktop user who started from a shortcut, in a dialog. */
function failAtStart(problem: string, showDialog: boolean): void {
  process.stderr.write(`tidewatch: ${problem}\n`);
  if (!showDialog) return app.exit(1);
  void app.whenReady().then(() => {
    dialog.showErrorBox('Tidewatch cannot start', problem);
    app.exit(1);
  });
}

main();
