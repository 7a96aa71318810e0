import { describe, expect, it } from 'vitest';
import { defaultUserDataDir } from './default-user-data-dir.js';

describe('defaultUserDataDir', () => {
  it('follows each platform’s convention, as Electron does', () => {
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\op\\AppData\\Roaming' }, 'win32', 'C:\\Users\\op')).toBe('C:\\Users\\op\\AppData\\Roaming\\Tidewatch');
    expect(defaultUserDataDir({}, 'linux', '/home/op')).toBe('/home/op/.config/Tidewatch');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/op')).toBe('/cfg/Tidewatch');
    expect(defaultUserDataDir({}, 'darwin', '/Users/op')).toBe('/Users/op/Library/Application Support/Tidewatch');
  });
});
