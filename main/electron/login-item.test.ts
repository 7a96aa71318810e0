import { describe, expect, it } from 'vitest';
import { autostartDesktopEntry, autostartFile, launchCommand } from './login-item.js';

describe('start at login', () => {
  it('starts the installed program as it runs now: kiosk, project and user data', () => {
    expect(launchCommand({}, 'C:\\Program Files\\Tidewatch\\Tidewatch.exe', { appPath: null, kiosk: true, projectFile: 'D:\\Plants\\line 1.tidewatch', userDataDir: null })).toEqual({
      path: 'C:\\Program Files\\Tidewatch\\Tidewatch.exe',
      args: ['--kiosk', '--project', 'D:\\Plants\\line 1.tidewatch'],
    });
    expect(launchCommand({}, '/opt/Tidewatch/tidewatch', { appPath: null, kiosk: false, projectFile: null, userDataDir: '/srv/tw' }).args).toEqual(['--user-data', '/srv/tw']);
    // Run from a checkout (`electron .`), Electron needs the app folder first.
    expect(launchCommand({}, '/x/electron', { appPath: '/src/tidewatch', kiosk: true, projectFile: null, userDataDir: null }).args).toEqual(['/src/tidewatch', '--kiosk']);
  });

  it('names the file the user launched, not the temporary copy of a portable exe or an AppImage', () => {
    expect(launchCommand({ PORTABLE_EXECUTABLE_FILE: 'E:\\Tidewatch-portable.exe' }, 'C:\\Temp\\x\\Tidewatch.exe', { appPath: null, kiosk: false, projectFile: null, userDataDir: null }).path).toBe('E:\\Tidewatch-portable.exe');
    expect(launchCommand({ APPIMAGE: '/home/op/Tidewatch.AppImage' }, '/tmp/.mount_Tide/tidewatch', { appPath: null, kiosk: false, projectFile: null, userDataDir: null }).path).toBe('/home/op/Tidewatch.AppImage');
  });

  it('writes a Linux autostart entry whose Exec line survives spaces, quotes and percent signs', () => {
    const entry = autostartDesktopEntry({ path: '/home/op/Apps/Tidewatch.AppImage', args: ['--project', '/home/op/My Plants/line "1" 100%.tidewatch', '--kiosk'] });
    expect(entry.split('\n')).toContain('Exec=/home/op/Apps/Tidewatch.AppImage --project "/home/op/My Plants/line \\\\"1\\\\" 100%%.tidewatch" --kiosk');
    expect(entry.startsWith('[Desktop Entry]\nType=Application\n')).toBe(true);
    expect(autostartFile({}, '/home/op')).toBe('/home/op/.config/autostart/tidewatch.desktop');
    expect(autostartFile({ XDG_CONFIG_HOME: '/cfg' }, '/home/op')).toBe('/cfg/autostart/tidewatch.desktop');
  });
});
