import { app } from 'electron';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { autostartDesktopEntry, autostartFile, type LaunchCommand } from './login-item.js';

/**
 * "Start Tidewatch at login": Windows' own setting (the Run key, through
 * Electron), an XDG autostart entry on Linux. The OS keeps the state, so the
 * menu shows what will really happen, even if IT changed it.
 */
export function isStartAtLogin(launch: LaunchCommand): boolean {
  if (process.platform === 'linux') return existsSync(autostartFile(process.env, os.homedir()));
  return app.getLoginItemSettings({ path: launch.path, args: [...launch.args] }).openAtLogin;
}

export function setStartAtLogin(enabled: boolean, launch: LaunchCommand): void {
  if (process.platform === 'linux') {
    const file = autostartFile(process.env, os.homedir());
    if (!enabled) return rmSync(file, { force: true });
    mkdirSync(path.dirname(file), { recursive: true });
    return writeFileSync(file, autostartDesktopEntry(launch));
  }
  app.setLoginItemSettings({ openAtLogin: enabled, path: launch.path, args: [...launch.args] });
}
