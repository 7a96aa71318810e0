import { describe, expect, it } from 'vitest';
import { aboutText } from './about-text.js';

describe('aboutText', () => {
  it('names the version, the runtime versions and every path a support engineer asks for', () => {
    const about = aboutText({
      appVersion: '0.1.0',
      versions: { electron: '45.4.1', chrome: '144.0.7559.60', node: '24.11.1', v8: '14.4.258' },
      os: 'win32 x64 10.0.19045',
      userDataDir: 'C:\\Users\\op\\AppData\\Roaming\\Tidewatch',
      logFile: 'C:\\Users\\op\\AppData\\Roaming\\Tidewatch\\logs\\desktop.log',
      projectFile: 'D:\\Plants\\line1.tidewatch',
      executable: 'C:\\Program Files\\Tidewatch\\Tidewatch.exe',
    });
    expect(about.title).toBe('Tidewatch 0.1.0');
    expect(about.detail.split('\n')).toEqual([
      'Electron 45.4.1, Chromium 144.0.7559.60, Node.js 24.11.1, V8 14.4.258',
      'Operating system: win32 x64 10.0.19045',
      '',
      'Project: D:\\Plants\\line1.tidewatch',
      'User data: C:\\Users\\op\\AppData\\Roaming\\Tidewatch',
      'Log: C:\\Users\\op\\AppData\\Roaming\\Tidewatch\\logs\\desktop.log',
      'Program: C:\\Program Files\\Tidewatch\\Tidewatch.exe',
    ]);
  });

  it('says when the demo plant runs and when a version is unknown', () => {
    const about = aboutText({ appVersion: 'unknown', versions: {}, os: 'linux x64', userDataDir: '/u', logFile: '/u/logs/desktop.log', projectFile: null, executable: '/opt/Tidewatch/tidewatch' });
    expect(about.detail).toContain('Electron unknown, Chromium unknown');
    expect(about.detail).toContain('Project: the built-in demo plant');
  });
});
