import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Which shell reads the command line: the desktop app (Electron) or `npm run serve`. */
export type Shell = 'desktop' | 'headless';

/** One command line for both shells (issue 8, "Command line"). */
export interface CommandLine {
  /** As given (relative to the caller's working directory); null: the last project, or the demo plant. */
  readonly project: string | null;
  readonly kiosk: boolean;
  /** Serve the UI over HTTP instead of opening windows; always true in `npm run serve`. */
  readonly headless: boolean;
  /** 0: a free port. */
  readonly port: number;
  /** Where the headless shell listens: 127.0.0.1 unless --listen says otherwise. */
  readonly listen: string;
  /** PEM files for https; both or neither, and both whenever `listen` reaches beyond this PC. */
  readonly tls: { readonly certFile: string; readonly keyFile: string } | null;
  readonly userDataDir: string | null;
  readonly version: boolean;
  readonly help: boolean;
}

export type CommandLineResult = { readonly ok: true; readonly options: CommandLine } | { readonly ok: false; readonly error: string };

export const USAGE = `usage: tidewatch [options] [PROJECT.tidewatch]
       npm run serve -- [options]
  --project FILE    open this project (a .tidewatch file); a bare file name does the same
  --kiosk           full-screen operator mode that only an engineer can leave (desktop only)
  --headless        serve the UI to a browser on this PC instead of opening a window
                    (what \`npm run serve\` does)
  --port N          with --headless: listen on port N (default 0: a free port)
  --listen ADDRESS  with --headless: listen on this IP address instead of 127.0.0.1
                    (0.0.0.0: every interface); beyond this PC it needs --tls-cert and
                    --tls-key, and the station stays read-only until someone logs in
  --tls-cert FILE   with --headless: serve https with this PEM certificate (chain)
  --tls-key FILE    with --headless: the certificate's PEM private key
  --user-data DIR   an existing folder for certificates, logs, history and window layout
                    (default: the per-user app folder, shared by both shells)
  --version         print the version and exit
  --help            print this text and exit`;

/**
 * Chromium's own switches an administrator may need on a Linux operator PC: no user
 * namespaces in a VM or container, a broken GPU driver, Wayland. Electron reads them
 * itself; the desktop shell only lets them pass instead of refusing them.
 */
const CHROMIUM_SWITCHES = new Set(['--no-sandbox', '--disable-gpu', '--ozone-platform', '--ozone-platform-hint']);

/**
 * Pure, so every refusal is tested; the shells turn an error into one line,
 * the usage text and exit code 2. A bare argument is the project file, because
 * that is how Windows (a path) and Linux desktops (%U: a path or a file:// URL)
 * open a double-clicked .tidewatch file.
 */
export function parseCommandLine(argv: readonly string[], shell: Shell): CommandLineResult {
  let project: string | null = null;
  let kiosk = false;
  let headless = shell === 'headless';
  let port: number | null = null;
  let userDataDir: string | null = null;
  let listen: string | null = null;
  let tlsCert: string | null = null;
  let tlsKey: string | null = null;
  let version = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    const inline = equals > 0 ? arg.slice(equals + 1) : undefined;
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--project': {
        const file = value();
        if (!file || file.startsWith('--')) return fail(`--project needs a file, got ${JSON.stringify(file ?? '')}`);
        if (project !== null) return fail('only one project can be opened at a time');
        project = file;
        break;
      }
      case '--kiosk':
        kiosk = true;
        break;
      case '--headless':
        headless = true;
        break;
      case '--port': {
        const text = value();
        const parsed = text !== undefined && /^\d+$/.test(text) ? Number(text) : Number.NaN;
        if (!(parsed >= 0 && parsed <= 65535)) return fail(`--port needs a number from 0 to 65535, got ${JSON.stringify(text ?? '')}`);
        port = parsed;
        break;
      }
      case '--user-data': {
        const dir = value();
        if (!dir || dir.startsWith('--')) return fail(`--user-data needs a directory, got ${JSON.stringify(dir ?? '')}`);
        userDataDir = dir;
        break;
      }
      case '--listen': {
        const address = value();
        if (!address || !isIP(address)) return fail(`--listen needs an IP address of this PC (127.0.0.1, 0.0.0.0, 10.1.2.3, ::1), got ${JSON.stringify(address ?? '')}`);
        listen = address;
        break;
      }
      case '--tls-cert':
      case '--tls-key': {
        const file = value();
        if (!file || file.startsWith('--')) return fail(`${flag} needs a PEM file, got ${JSON.stringify(file ?? '')}`);
        if (flag === '--tls-cert') tlsCert = file;
        else tlsKey = file;
        break;
      }
      case '--version':
      case '-v':
        version = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default: {
        if (shell === 'desktop' && CHROMIUM_SWITCHES.has(flag)) break;
        if (arg.startsWith('-')) return fail(`unknown option ${JSON.stringify(arg)}`);
        if (project !== null) return fail(`only one project can be opened at a time, got ${JSON.stringify(project)} and ${JSON.stringify(arg)}`);
        const file = projectPath(arg);
        if (file === null) return fail(`cannot open ${JSON.stringify(arg)}: only local files can be projects`);
        project = file;
      }
    }
  }
  if (kiosk && headless) return fail('--kiosk is for the desktop window; the headless shell has none');
  if (port !== null && !headless) return fail('--port only applies with --headless (the desktop window listens on no port)');
  if ((listen !== null || tlsCert !== null || tlsKey !== null) && !headless) return fail('--listen, --tls-cert and --tls-key only apply with --headless');
  if ((tlsCert === null) !== (tlsKey === null)) return fail('--tls-cert and --tls-key go together: give both PEM files');
  const tls = tlsCert !== null && tlsKey !== null ? { certFile: tlsCert, keyFile: tlsKey } : null;
  // Plain HTTP beyond this PC would carry the access token and every password in clear text.
  if (listen !== null && !isLoopback(listen) && tls === null) return fail(`--listen ${listen} reaches beyond this PC: give --tls-cert and --tls-key too, so browsers connect over https`);
  return { ok: true, options: { project, kiosk, headless, port: port ?? 0, listen: listen ?? '127.0.0.1', tls, userDataDir, version, help } };
}

/** 127.0.0.0/8 and ::1: nothing off this PC can reach them. */
export function isLoopback(address: string): boolean {
  return address === '::1' || (isIP(address) === 4 && address.startsWith('127.'));
}

function fail(error: string): CommandLineResult {
  return { ok: false, error };
}

/** A desktop's %U may pass a file:// URL; anything else with a scheme is not a local file. */
function projectPath(arg: string): string | null {
  if (arg.startsWith('file:')) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  // Two or more letters before the colon: "C:\plant.tidewatch" is a drive, "https:" a scheme.
  return /^[a-z][a-z0-9+.-]+:/i.test(arg) ? null : arg;
}
