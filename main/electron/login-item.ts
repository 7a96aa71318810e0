import path from 'node:path';

export interface LaunchCommand {
  /** What the OS should start: the installed exe, the portable exe, or the AppImage file. */
  readonly path: string;
  readonly args: readonly string[];
}

/**
 * How to start the app again as it runs now (at login, or relaunched on
 * another project): same kiosk mode, project and user-data folder. A portable exe and an
 * AppImage run from a temporary copy or mount: the file the user launched is
 * named by the variables electron-builder's launchers set.
 */
export function launchCommand(
  env: Readonly<Record<string, string | undefined>>,
  execPath: string,
  options: {
    /** The app folder Electron runs when not packaged (`electron .`); null in an installed app. */
    readonly appPath: string | null;
    readonly kiosk: boolean;
    readonly projectFile: string | null;
    readonly userDataDir: string | null;
  },
): LaunchCommand {
  const exe = env.PORTABLE_EXECUTABLE_FILE || env.APPIMAGE || execPath;
  const args: string[] = options.appPath === null ? [] : [options.appPath];
  if (options.kiosk) args.push('--kiosk');
  if (options.projectFile) args.push('--project', options.projectFile);
  if (options.userDataDir) args.push('--user-data', options.userDataDir);
  return { path: exe, args };
}

/** Linux has no setLoginItemSettings: an XDG autostart entry does the same for every desktop. */
export function autostartFile(env: Readonly<Record<string, string | undefined>>, home: string): string {
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), 'autostart', 'tidewatch.desktop');
}

export function autostartDesktopEntry(launch: LaunchCommand): string {
  const exec = [launch.path, ...launch.args].map(quoteExecArg).join(' ');
  return ['[Desktop Entry]', 'Type=Application', 'Name=Tidewatch', 'Comment=HMI/SCADA client, started at login', `Exec=${exec}`, 'Terminal=false', 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

// Desktop Entry Specification, "The Exec key": quote arguments with reserved characters,
// backslash-escape " ` $ \ inside quotes, double %, then escape backslashes once more
// because the value is itself a string with escapes.
const RESERVED = /[\s"'\\><~|&;$*?#()`%]/;
function quoteExecArg(arg: string): string {
  const quoted = RESERVED.test(arg) ? `"${arg.replace(/["`$\\]/g, '\\$&')}"` : arg;
  return quoted.replace(/%/g, '%%').replace(/\\/g, '\\\\');
}
