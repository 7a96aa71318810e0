import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WEB_PREFERENCES } from '../../main/electron/security-policy.js';
import { demoProject } from '../../main/project/demo-project.js';
import { builtFile } from '../support/built-files.js';
import { waitFor } from '../support/wait-for.js';

// The desktop shell's real bundle, run in Node with a stand-in for the 'electron' module
// (desktop-stand-in-electron.mjs; Electron cannot be downloaded here). What this proves: the
// shell installs the security handlers and window settings it should, routes menus, keys,
// crashes, second launches and quitting as its pure decisions say, and shuts the core down
// cleanly. What it cannot prove: how Chromium honours those settings.
type Recorded = { readonly type: string } & Record<string, unknown>;

const standIn = pathToFileURL(path.join(import.meta.dirname, 'desktop-stand-in-electron.mjs')).href;
const hooks = `data:text/javascript,${encodeURIComponent(
  `import { registerHooks } from 'node:module'; registerHooks({ resolve: (specifier, context, next) => specifier === 'electron' ? { url: ${JSON.stringify(standIn)}, shortCircuit: true } : next(specifier, context) });`,
)}`;

class DesktopShell {
  readonly records: Recorded[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private stderr = '';
  private stdout = '';
  private nextId = 1;

  constructor(args: readonly string[], env: Record<string, string>) {
    this.child = fork(builtFile('electron-main.js'), args, {
      execArgv: ['--import', hooks],
      env: { ...process.env, STAND_IN_APP_VERSION: '9.8.7', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let buffered = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      this.stdout += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('@@electron ')) this.records.push(JSON.parse(line.slice(11)) as Recorded);
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  log(): string {
    return this.stderr;
  }

  printed(): string {
    return this.stdout;
  }

  /** Quitting while the demo plant still starts would orphan it (a known gap, reported): wait for it first. */
  plantStarted(): Promise<boolean> {
    return waitFor('the demo plant to start', () => this.stderr.includes('demo plant started'), 60_000);
  }

  of(type: string): Recorded[] {
    return this.records.filter((r) => r.type === type);
  }

  async act(action: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    this.child.send({ id, action, ...params });
    const reply = await waitFor(`the reply to ${action}`, () => this.records.find((r) => r.type === 'reply' && r.id === id));
    if (reply.error) throw new Error(String(reply.error));
    return reply.reply as Record<string, unknown>;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

describe('the desktop shell’s wiring (real bundle, stand-in Electron)', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-desktop-'));
  const shells: DesktopShell[] = [];
  const start = (args: readonly string[], env: Record<string, string> = {}) => {
    const shell = new DesktopShell(args, { STAND_IN_USER_DATA: path.join(root, 'default-user-data'), ...env });
    shells.push(shell);
    return shell;
  };
  afterAll(() => {
    for (const shell of shells) shell.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a bad command line with the usage, and a missing user-data folder in a dialog', async () => {
    const bad = start(['--colour']);
    expect(await bad.exited).toBe(2);
    expect(bad.log()).toMatch(/^tidewatch: unknown option "--colour"\n\nusage: tidewatch/);
    const missing = path.join(root, 'missing');
    const noFolder = start(['--user-data', missing]);
    expect(await noFolder.exited).toBe(1);
    expect(noFolder.of('dialog.showErrorBox')).toEqual([expect.objectContaining({ title: 'Tidewatch cannot start', content: expect.stringContaining(`${missing} does not exist`) })]);
    expect(existsSync(missing)).toBe(false);
    const version = start(['--version']);
    expect(await version.exited).toBe(0);
  });

  it('hands over to a running instance instead of starting a second one', async () => {
    const second = start(['--project', 'line2.tidewatch'], { STAND_IN_LOCK: 'taken' });
    expect(await second.exited).toBe(0);
    expect(second.of('app.requestSingleInstanceLock')).toEqual([{ type: 'app.requestSingleInstanceLock', data: { tidewatch: 1, project: path.resolve('line2.tidewatch') } }]);
    expect(second.of('window.new')).toEqual([]);
  });

  const userData = path.join(root, 'station');
  it('opens a hardened window, serves only its own pages, and checks every IPC sender', async () => {
    mkdirSync(path.join(userData, 'projects'), { recursive: true });
    // A server password typed into the project in clear: the desktop seals it with the OS store.
    const projectFile = path.join(userData, 'projects', 'demo-plant.tidewatch');
    const line2 = { id: 'line2', name: 'Line 2', endpointUrl: 'opc.tcp://127.0.0.1:9', user: { kind: 'userName', userName: 'hmi', password: 'typed here once' } };
    writeFileSync(projectFile, JSON.stringify({ ...demoProject(), servers: [...demoProject().servers, line2] }, null, 2));
    const xdgConfig = mkdtempSync(path.join(root, 'xdg-'));
    const shell = start(['--user-data', userData], { STAND_IN_USER_DATA: userData, XDG_CONFIG_HOME: xdgConfig });
    try {
      await waitFor('the main window to load', () => shell.of('window.loadURL').length > 0);
      await waitFor('the password sealed', () => readFileSync(projectFile, 'utf8').includes('passwordSecret'), 30_000);
      const sealed = JSON.parse(readFileSync(projectFile, 'utf8')) as { servers: { id: string; user?: { password?: string; passwordSecret?: string } }[] };
      expect(sealed.servers.find((server) => server.id === 'line2')?.user).toEqual({ kind: 'userName', userName: 'hmi', passwordSecret: expect.stringMatching(/^tw-sealed:v1:safe-storage:/) });
      expect(shell.of('protocol.registerSchemesAsPrivileged')[0]).toMatchObject({ schemes: [{ scheme: 'tidewatch', privileges: { standard: true, secure: true } }] });
      const [window] = shell.of('window.new');
      expect(window).toMatchObject({ options: { kiosk: false, webPreferences: { ...WEB_PREFERENCES, preload: expect.stringMatching(/[/\\]dist[/\\]main[/\\]preload\.cjs$/) } } });
      expect(shell.of('window.loadURL')[0]).toMatchObject({ url: 'tidewatch://app/index.html' });
      expect(await shell.act('webContentsHooks')).toEqual({ open: { action: 'deny' }, navigationPrevented: true, webviewPrevented: true });
      expect(await shell.act('permission', { permission: 'media' })).toEqual({ request: false, check: false });

      expect(await shell.act('fetch', { url: 'tidewatch://app/index.html' })).toMatchObject({ status: 200, csp: expect.stringContaining("default-src 'self'"), type: 'text/html; charset=utf-8' });
      expect(await shell.act('fetch', { url: 'tidewatch://other/index.html' })).toMatchObject({ status: 404 });
      expect(await shell.act('fetch', { url: 'tidewatch://app/%2e%2e/%2e%2e/package.json' })).toMatchObject({ status: 404 });

      await waitFor('the page’s port', () => shell.of('contents.postMessage').some((r) => r.channel === 'tidewatch:port'));
      expect(await shell.act('ipc', { frameUrl: 'https://evil.example/', method: 'snapshot' })).toEqual({ ok: false, error: 'untrusted sender' });
      expect(await shell.act('ipc', { frameUrl: 'tidewatch://app/index.html', method: 'snapshot' })).toMatchObject({ ok: true, result: { connections: expect.any(Array), tags: expect.any(Array) } });
      expect(await shell.act('ipc', { frameUrl: 'tidewatch://app/index.html', method: 'writeTag', params: { tagId: 5 } })).toMatchObject({ ok: false, error: expect.stringMatching(/^writeTag: tagId: /) });
      expect(shell.log()).toContain('dropped an IPC call from an untrusted frame: https://evil.example/');

      // Menus and shortcuts reach the renderer as command events on its port.
      const menu = shell.of('menu').at(-1) as unknown as { sections: { label: string; items: { label: string; accelerator: string | null }[] }[] };
      expect(menu.sections.map((s) => s.label)).toEqual(['Station', 'Alarms', 'View', 'Help']);
      await shell.act('menu', { label: 'Acknowledge' });
      await shell.act('menu', { label: 'Next display' });
      expect(shell.of('port.command').map((r) => r.message)).toEqual([{ type: 'command', command: 'acknowledge' }, { type: 'command', command: 'next-display' }]);

      // About names the versions and paths; start at login writes an XDG autostart entry on Linux.
      await shell.act('menu', { label: 'About Tidewatch' });
      expect(shell.of('dialog.showMessageBox').at(-1)).toMatchObject({ message: 'Tidewatch 9.8.7', detail: expect.stringContaining(`User data: ${userData}`) });
      await shell.act('menu', { label: 'Start Tidewatch at login' });
      expect(readFileSync(path.join(xdgConfig, 'autostart', 'tidewatch.desktop'), 'utf8')).toContain(`Exec=${process.execPath} ${process.cwd()} --user-data ${userData}`);

      // The alarm summary opens in a window of its own; a crashed page is reloaded.
      await shell.act('menu', { label: 'Open the alarm summary window' });
      await waitFor('the alarm window', () => shell.of('window.loadURL').some((r) => r.url === 'tidewatch://app/index.html?view=alarms'));
      await shell.act('rendererGone', { contents: 1 });
      expect(shell.of('contents.reload')).toEqual([{ type: 'contents.reload', contents: 1 }]);
      expect(shell.log()).toContain('renderer gone (crashed); reloading');
      // A page that keeps crashing is not reloaded in a loop: past three in a minute the operator is asked.
      for (let crash = 0; crash < 3; crash++) await shell.act('rendererGone', { contents: 1 });
      await waitFor('the question', () => shell.of('dialog.showMessageBox').some((r) => r.message === 'This window keeps crashing'));
      expect(shell.of('dialog.showMessageBox').at(-1)).toMatchObject({ detail: 'renderer gone (crashed) 4 times in 60 s. Tidewatch goes on monitoring the plant. Reload it now?' });
      expect(shell.log()).toContain('renderer gone (crashed) 4 times in 60 s; not reloading it again until the operator asks');
      // The stand-in's operator answers Reload.
      await waitFor('the reload asked for', () => shell.of('contents.reload').length === 4);

      // A second launch with another project: this instance restarts on it, after a clean shutdown.
      await shell.plantStarted();
      await shell.act('secondInstance', { data: { tidewatch: 1, project: '/plants/line2.tidewatch' } });
      expect(await shell.exited).toBe(0);
      expect(shell.of('app.relaunch')).toEqual([
        { type: 'app.relaunch', options: { execPath: process.execPath, args: [process.cwd(), '--project', '/plants/line2.tidewatch', '--user-data', userData] } },
      ]);
      expect(shell.records.map((r) => r.type).slice(-2)).toEqual(['window.close', 'app.exited']);
      expect(shell.log()).toMatch(/shutting down|opening \/plants\/line2\.tidewatch/);
    } finally {
      shell.kill();
    }
    // Both windows were open when the app quit: both are remembered as open, each with its monitor.
    const layout = JSON.parse(readFileSync(path.join(userData, 'window-layout.json'), 'utf8')) as { windows: { key: string; open: boolean; placement: { displayId: number } }[] };
    expect(layout.windows.map((w) => [w.key, w.open, w.placement.displayId])).toEqual([
      ['main', true, 1],
      ['alarms', true, 1],
    ]);
    expect(readFileSync(path.join(userData, 'logs', 'desktop.log'), 'utf8')).toContain('renderer gone (crashed); reloading');
  });

  it('reopens the windows that were open at the last quit', async () => {
    const shell = start(['--user-data', userData], { STAND_IN_USER_DATA: userData });
    try {
      await waitFor('both windows', () => shell.of('window.loadURL').length >= 2);
      expect(shell.of('window.loadURL').map((r) => r.url)).toEqual(['tidewatch://app/index.html', 'tidewatch://app/index.html?view=alarms']);
      await shell.plantStarted();
      await shell.act('quit');
      expect(await shell.exited).toBe(0);
    } finally {
      shell.kill();
    }
  });

  it('opens another project from the menu: a cancelled dialog changes nothing, a chosen file restarts the app on it', async () => {
    const openData = mkdtempSync(path.join(root, 'open-'));
    const shell = start(['--user-data', openData], { STAND_IN_USER_DATA: openData });
    try {
      await waitFor('the main window to load', () => shell.of('window.loadURL').length > 0);
      await shell.plantStarted();
      await shell.act('menu', { label: 'Open project…' });
      await waitFor('the Open dialog', () => shell.of('dialog.showOpenDialog').length === 1);
      expect(shell.of('dialog.showOpenDialog')[0]).toMatchObject({ filters: [{ name: 'Tidewatch project', extensions: ['tidewatch'] }], properties: ['openFile'] });
      await shell.act('openDialogAnswer', { file: '/plants/line3.tidewatch' });
      await shell.act('menu', { label: 'Open project…' });
      expect(await shell.exited).toBe(0);
      // Only the second dialog's answer relaunched; the cancelled one left the app running.
      expect(shell.of('app.relaunch')).toEqual([
        { type: 'app.relaunch', options: { execPath: process.execPath, args: [process.cwd(), '--project', '/plants/line3.tidewatch', '--user-data', openData] } },
      ]);
      expect(readFileSync(path.join(openData, 'logs', 'desktop.log'), 'utf8')).toContain('opening /plants/line3.tidewatch, chosen with Open project…');
    } finally {
      shell.kill();
    }
  });

  it('runs headless from the desktop app with --headless: no window, no single-instance lock, the same server', async () => {
    const headlessData = mkdtempSync(path.join(root, 'headless-'));
    const shell = start(['--headless', '--port', '0', '--user-data', headlessData]);
    try {
      const url = await waitFor('the URL', () => /serving on (http:\/\/\S+)/.exec(shell.printed())?.[1]);
      expect((await fetch(url)).status).toBe(200);
      expect(shell.of('window.new')).toEqual([]);
      expect(shell.of('app.requestSingleInstanceLock')).toEqual([]);
      await shell.plantStarted();
      await shell.act('quit');
      expect(await shell.exited).toBe(0);
      expect(readFileSync(path.join(headlessData, 'logs', 'headless.log'), 'utf8')).toContain('shutting down');
    } finally {
      shell.kill();
    }
  });

  it('locks a kiosk station: no closing, no escape keys, no quit in the menu, and no unlock without an engineer', async () => {
    const kioskData = mkdtempSync(path.join(root, 'kiosk-'));
    const shell = start(['--kiosk', '--user-data', kioskData], { STAND_IN_SAFE_STORAGE: 'basic_text' });
    try {
      await waitFor('the kiosk window', () => shell.of('window.loadURL').length > 0);
      expect(shell.of('window.new')[0]).toMatchObject({ options: { kiosk: true } });
      await shell.act('closeWindow', { contents: 0 });
      expect(shell.of('window.close').at(-1)).toMatchObject({ prevented: true });
      expect(await shell.act('key', { input: { key: 'F4', alt: true } })).toEqual({ prevented: true });
      expect(await shell.act('key', { input: { key: 'F8' } })).toEqual({ prevented: false });
      const menu = shell.of('menu').at(-1) as unknown as { sections: { items: { label: string }[] }[] };
      const labels = menu.sections.flatMap((s) => s.items.map((i) => i.label));
      expect(labels).toContain('Engineer unlock…');
      expect(labels).not.toContain('Quit Tidewatch');
      expect(labels).not.toContain('Open project…');
      expect(await shell.act('key', { input: { key: 'U', control: true, shift: true } })).toEqual({ prevented: true });
      await waitFor('the refusal', () => shell.of('dialog.showMessageBox').length > 0);
      expect(shell.of('dialog.showMessageBox')[0]).toMatchObject({ message: 'Engineer unlock refused', detail: expect.stringMatching(/^nobody is logged in at this station: log in as an engineer/) });
      // No keyring on this desktop: secrets go under the key file, and the log says why.
      expect(shell.log()).toMatch(/secrets: no keyring is running .+; sealing them with the key file in the user-data folder instead/);
      expect(shell.of('window.setKiosk')).toEqual([]);
      // The OS (logout, shutdown) can still end it, cleanly.
      await shell.plantStarted();
      await shell.act('quit');
      expect(await shell.exited).toBe(0);
    } finally {
      shell.kill();
    }
  });

  it('locks the station when the project asks for kiosk mode, without --kiosk', async () => {
    const dir = mkdtempSync(path.join(root, 'kiosk-project-'));
    mkdirSync(path.join(dir, 'projects'));
    writeFileSync(path.join(dir, 'projects', 'demo-plant.tidewatch'), JSON.stringify({ ...demoProject(), desktop: { kiosk: true } }, null, 2));
    const shell = start(['--user-data', dir]);
    try {
      await waitFor('the project to lock the station', () => shell.of('window.setKiosk').some((r) => r.kiosk === true), 60_000);
      expect(shell.log()).toContain('station locked in kiosk mode: the project asks for it (desktop.kiosk)');
      const menu = shell.of('menu').at(-1) as unknown as { sections: { items: { label: string }[] }[] };
      const labels = menu.sections.flatMap((s) => s.items.map((i) => i.label));
      expect(labels).toContain('Engineer unlock…');
      expect(labels).not.toContain('Quit Tidewatch');
      await shell.plantStarted();
      await shell.act('quit');
      expect(await shell.exited).toBe(0);
    } finally {
      shell.kill();
    }
  });
});
