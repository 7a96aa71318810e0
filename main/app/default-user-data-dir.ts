import os from 'node:os';
import path from 'node:path';

/**
 * The folder Electron's app.getPath('userData') gives for "Tidewatch", so the
 * desktop app and the headless shell share one PKI and one history by default.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Tidewatch');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Tidewatch');
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), 'Tidewatch');
}
