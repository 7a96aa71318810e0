import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './parse-command-line.js';

const defaults = { project: null, kiosk: false, headless: false, port: 0, listen: '127.0.0.1', tls: null, userDataDir: null, version: false, help: false };

describe('parseCommandLine', () => {
  it('opens a desktop window on the last project by default; the headless shell is always headless', () => {
    expect(parseCommandLine([], 'desktop')).toEqual({ ok: true, options: defaults });
    expect(parseCommandLine([], 'headless')).toEqual({ ok: true, options: { ...defaults, headless: true } });
  });

  it('takes every option with a space or an equals sign', () => {
    expect(parseCommandLine(['--project', 'plant.tidewatch', '--kiosk', '--user-data=/srv/tw'], 'desktop')).toEqual({
      ok: true,
      options: { ...defaults, project: 'plant.tidewatch', kiosk: true, userDataDir: '/srv/tw' },
    });
    expect(parseCommandLine(['--headless', '--port=8080', '--project=/p/a.tidewatch'], 'desktop')).toEqual({
      ok: true,
      options: { ...defaults, headless: true, port: 8080, project: '/p/a.tidewatch' },
    });
    expect(parseCommandLine(['--version'], 'headless')).toMatchObject({ ok: true, options: { version: true } });
    expect(parseCommandLine(['-h'], 'desktop')).toMatchObject({ ok: true, options: { help: true } });
  });

  it('opens a bare file as the project, as a double-click on a .tidewatch file does', () => {
    expect(parseCommandLine(['C:\\Plants\\line 1.tidewatch'], 'desktop')).toMatchObject({ ok: true, options: { project: 'C:\\Plants\\line 1.tidewatch' } });
    expect(parseCommandLine(['file:///home/op/line%201.tidewatch'], 'desktop')).toMatchObject({ ok: true, options: { project: '/home/op/line 1.tidewatch' } });
    expect(parseCommandLine(['https://example.com/x.tidewatch'], 'desktop')).toEqual({ ok: false, error: 'cannot open "https://example.com/x.tidewatch": only local files can be projects' });
    expect(parseCommandLine(['a.tidewatch', 'b.tidewatch'], 'desktop')).toEqual({ ok: false, error: 'only one project can be opened at a time, got "a.tidewatch" and "b.tidewatch"' });
    expect(parseCommandLine(['--project', 'a.tidewatch', '--project', 'b.tidewatch'], 'desktop')).toMatchObject({ ok: false });
  });

  it('refuses unknown flags by name, in both shells', () => {
    expect(parseCommandLine(['--prot', '1'], 'headless')).toEqual({ ok: false, error: 'unknown option "--prot"' });
    expect(parseCommandLine(['--kiosk-mode'], 'desktop')).toEqual({ ok: false, error: 'unknown option "--kiosk-mode"' });
    expect(parseCommandLine(['-x'], 'desktop')).toEqual({ ok: false, error: 'unknown option "-x"' });
  });

  it('lets the desktop shell pass the Chromium switches a Linux operator PC may need, and nothing else', () => {
    expect(parseCommandLine(['--no-sandbox', '--ozone-platform=wayland', '--disable-gpu'], 'desktop')).toEqual({ ok: true, options: defaults });
    expect(parseCommandLine(['--no-sandbox'], 'headless')).toEqual({ ok: false, error: 'unknown option "--no-sandbox"' });
    expect(parseCommandLine(['--remote-debugging-port=9222'], 'desktop')).toMatchObject({ ok: false });
  });

  it('refuses a missing or malformed value, saying what it got', () => {
    expect(parseCommandLine(['--port', 'eighty', '--headless'], 'desktop')).toEqual({ ok: false, error: '--port needs a number from 0 to 65535, got "eighty"' });
    expect(parseCommandLine(['--port', '70000'], 'headless')).toMatchObject({ ok: false });
    expect(parseCommandLine(['--port', '-1'], 'headless')).toMatchObject({ ok: false });
    expect(parseCommandLine(['--port'], 'headless')).toEqual({ ok: false, error: '--port needs a number from 0 to 65535, got ""' });
    expect(parseCommandLine(['--project'], 'desktop')).toEqual({ ok: false, error: '--project needs a file, got ""' });
    expect(parseCommandLine(['--project', '--kiosk'], 'desktop')).toEqual({ ok: false, error: '--project needs a file, got "--kiosk"' });
    expect(parseCommandLine(['--user-data='], 'headless')).toEqual({ ok: false, error: '--user-data needs a directory, got ""' });
  });

  it('refuses options that contradict the shell instead of ignoring them', () => {
    expect(parseCommandLine(['--kiosk'], 'headless')).toEqual({ ok: false, error: '--kiosk is for the desktop window; the headless shell has none' });
    expect(parseCommandLine(['--kiosk', '--headless'], 'desktop')).toMatchObject({ ok: false });
    expect(parseCommandLine(['--port', '8080'], 'desktop')).toEqual({ ok: false, error: '--port only applies with --headless (the desktop window listens on no port)' });
  });

  it('listens beyond this PC only over TLS, and takes the two PEM files together', () => {
    const tls = { certFile: 'station.crt', keyFile: 'station.key' };
    expect(parseCommandLine(['--listen', '0.0.0.0', '--tls-cert', 'station.crt', '--tls-key=station.key'], 'headless')).toEqual({ ok: true, options: { ...defaults, headless: true, listen: '0.0.0.0', tls } });
    expect(parseCommandLine(['--listen', '127.0.0.2'], 'headless')).toMatchObject({ ok: true, options: { listen: '127.0.0.2', tls: null } });
    expect(parseCommandLine(['--tls-cert', 'a.crt', '--tls-key', 'a.key'], 'headless')).toMatchObject({ ok: true, options: { listen: '127.0.0.1', tls: { certFile: 'a.crt', keyFile: 'a.key' } } });
    expect(parseCommandLine(['--listen', '0.0.0.0'], 'headless')).toEqual({ ok: false, error: '--listen 0.0.0.0 reaches beyond this PC: give --tls-cert and --tls-key too, so browsers connect over https' });
    expect(parseCommandLine(['--listen', '10.1.2.3', '--tls-cert', 'a.crt'], 'headless')).toEqual({ ok: false, error: '--tls-cert and --tls-key go together: give both PEM files' });
    expect(parseCommandLine(['--listen', 'plant-hmi.local'], 'headless')).toMatchObject({ ok: false, error: expect.stringMatching(/^--listen needs an IP address of this PC/) });
    expect(parseCommandLine(['--listen', '0.0.0.0', '--tls-cert', 'a', '--tls-key', 'b'], 'desktop')).toEqual({ ok: false, error: '--listen, --tls-cert and --tls-key only apply with --headless' });
  });
});
