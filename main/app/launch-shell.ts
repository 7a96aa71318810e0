import path from 'node:path';
import type { Log } from '../api/sample-source.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { consoleLog } from './console-log.js';
import { createApp, type App } from './create-app.js';
import type { CommandLine } from './parse-command-line.js';
import { prepareUserDataDir } from './prepare-user-data-dir.js';
import { LOG_KEEP, LOG_MAX_BYTES, openRotatingLog } from './rotating-log.js';

export interface LaunchOptions {
  readonly commandLine: CommandLine;
  /** Used when --user-data is not given: the per-user folder, the same for both shells. */
  readonly defaultUserDataDir: string;
  /** dist/main, where the demo plant's simulator.js sits beside the shells. */
  readonly distMainDir: string;
  /** The directory relative paths on the command line are resolved against. */
  readonly cwd: string;
  /** Seals the project's secrets; absent: the key file in the user-data folder. */
  readonly secretBox?: SecretBox;
}

export interface LaunchedShell {
  readonly app: App;
  readonly log: Log;
  readonly userDataDir: string;
  readonly logFile: string;
  readonly projectFile: string | null;
  /** Closes sessions, stops the sources and flushes what they own (App.dispose), then closes the log. */
  dispose(): Promise<void>;
}

export type LaunchResult = { readonly ok: true; readonly shell: LaunchedShell } | { readonly ok: false; readonly error: string };

/**
 * What both shells do before their window or port: check the user-data
 * folder, open the rotating log there (each shell its own file), and build the
 * app on the project from the command line. Nothing is started yet.
 */
export function launchShell(options: LaunchOptions): LaunchResult {
  const { commandLine, cwd } = options;
  const given = commandLine.userDataDir !== null;
  const userDataDir = given ? path.resolve(cwd, commandLine.userDataDir!) : options.defaultUserDataDir;
  const problem = prepareUserDataDir(userDataDir, given);
  if (problem) return { ok: false, error: problem };

  // The console stays the first log (a service manager's journal, a test's stderr); the file is the durable one.
  const writeConsole = (line: string) => process.stderr.write(line);
  const file = openRotatingLog({
    dir: path.join(userDataDir, 'logs'),
    name: commandLine.headless ? 'headless' : 'desktop',
    maxBytes: LOG_MAX_BYTES,
    keep: LOG_KEEP,
    onError: (message) => writeConsole(`tidewatch: ${message}\n`),
  });
  const log = consoleLog((line) => {
    writeConsole(line);
    file.write(line);
  });
  const projectFile = commandLine.project === null ? null : path.resolve(cwd, commandLine.project);
  const app = createApp({ userDataDir, simulatorEntry: path.join(options.distMainDir, 'simulator.js'), historianWorkerEntry: path.join(options.distMainDir, 'historian-worker.js'), log, ...(projectFile ? { projectFile } : {}), ...(options.secretBox ? { secretBox: options.secretBox } : {}) });
  return {
    ok: true,
    shell: {
      app,
      log,
      userDataDir,
      logFile: file.file,
      projectFile,
      async dispose() {
        try {
          await app.dispose();
        } finally {
          file.dispose();
        }
      },
    },
  };
}
